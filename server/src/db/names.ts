import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { prepared } from './prepared';
import { agencies, areas } from './schema';

const areaNames = prepared((db) => db.select({ name: areas.name }).from(areas).where(eq(areas.id, sql.placeholder('id'))).prepare());
const agencyNames = prepared((db) => db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, sql.placeholder('id'))).prepare());

/** An area's name by its id; undefined when no such area is held. */
export const areaNameOf = (db: Db, id: string): string | undefined => areaNames(db).get({ id })?.name;

/** An agency's name by its id; undefined when no such agency is held. */
export const agencyNameOf = (db: Db, id: string): string | undefined => agencyNames(db).get({ id })?.name;
