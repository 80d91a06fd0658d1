import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meta } from '../../db/schema';

/** Whether this database holds synthetic demo data; set once by the demo seed and never by real use. */
export const isDemo = (db: Db): boolean => db.select().from(meta).where(eq(meta.key, 'demo')).get()?.value === 'true';
