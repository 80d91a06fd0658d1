import { asc, eq } from 'drizzle-orm';
import type { Area, CreateArea, UpdateArea } from '@marac/shared';
import type { Db } from '../../../db/client';
import { areas } from '../../../db/schema';
import { conflict, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { claimVersion } from '../../../db/versions';

type AreaRow = typeof areas.$inferSelect;

const definedOnly = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
const toArea = (r: AreaRow): Area => ({ ...r });

export const listAreas = (db: Db): Area[] => db.select().from(areas).orderBy(asc(areas.name)).all().map(toArea);

export function getArea(db: Db, id: string): Area {
  const row = db.select().from(areas).where(eq(areas.id, id)).get();
  if (!row) throw notFound('area');
  return toArea(row);
}

function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const other = db.select({ id: areas.id }).from(areas).where(eq(areas.code, code)).get();
  if (other && other.id !== exceptId) {
    throw conflict('Another area already uses that code', [{ field: 'code', message: 'Another area already uses this code' }]);
  }
}

export function createArea(db: Db, input: CreateArea, now: Date): Area {
  assertCodeFree(db, input.code);
  const row = {
    id: newId(),
    name: input.name,
    code: input.code,
    description: input.description,
    postcodeDistricts: [...new Set(input.postcodeDistricts)],
    adultFemalePopulation: input.adultFemalePopulation,
    settings: input.settings,
    createdAt: now.toISOString(),
    disabledAt: null,
    version: 0,
  };
  db.insert(areas).values(row).run();
  return toArea(row);
}

export function updateArea(db: Db, id: string, input: UpdateArea): Area {
  const current = getArea(db, id);
  const version = claimVersion(db, areas, id, input.version, 'this area');
  if (input.code !== undefined) assertCodeFree(db, input.code, id);
  const next = {
    name: input.name ?? current.name,
    code: input.code ?? current.code,
    description: input.description !== undefined ? input.description : current.description,
    postcodeDistricts: input.postcodeDistricts ? [...new Set(input.postcodeDistricts)] : current.postcodeDistricts,
    adultFemalePopulation: input.adultFemalePopulation !== undefined ? input.adultFemalePopulation : current.adultFemalePopulation,
    settings: { ...current.settings, ...definedOnly(input.settings ?? {}) },
  };
  db.update(areas).set(next).where(eq(areas.id, id)).run();
  return { ...current, ...next, version };
}
