import { asc, eq, inArray } from 'drizzle-orm';
import type { Agency, CreateAgency, UpdateAgency } from '@marac/shared';
import type { Db } from '../../../db/client';
import { agencies, agencyAreas, areas } from '../../../db/schema';
import { conflict, invalid, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { claimVersion } from '../../../db/versions';

function areaIdsByAgency(db: Db, agencyIds: string[]) {
  const byAgency = new Map<string, string[]>();
  if (agencyIds.length === 0) return byAgency;
  for (const link of db.select().from(agencyAreas).where(inArray(agencyAreas.agencyId, agencyIds)).all()) {
    byAgency.set(link.agencyId, [...(byAgency.get(link.agencyId) ?? []), link.areaId]);
  }
  return byAgency;
}

export function listAgencies(db: Db): Agency[] {
  const rows = db.select().from(agencies).orderBy(asc(agencies.name)).all();
  const links = areaIdsByAgency(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, areaIds: links.get(r.id) ?? [] }));
}

export function getAgency(db: Db, id: string): Agency {
  const row = db.select().from(agencies).where(eq(agencies.id, id)).get();
  if (!row) throw notFound('agency');
  return { ...row, areaIds: areaIdsByAgency(db, [id]).get(id) ?? [] };
}

/** Every id must name an existing area; the error names the field so the form can mark it. */
export function assertAreasExist(db: Db, areaIds: string[], field = 'areaIds') {
  const unique = [...new Set(areaIds)];
  const found = unique.length ? db.select({ id: areas.id }).from(areas).where(inArray(areas.id, unique)).all() : [];
  if (found.length !== unique.length) throw invalid([{ field, message: 'Choose areas from the list' }]);
  return unique;
}

function assertNameFree(db: Db, name: string, exceptId?: string) {
  const other = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)).get();
  if (other && other.id !== exceptId) {
    throw conflict('Another agency already has that name', [{ field: 'name', message: 'Another agency already has this name' }]);
  }
}

function setAreas(db: Db, agencyId: string, areaIds: string[]) {
  db.delete(agencyAreas).where(eq(agencyAreas.agencyId, agencyId)).run();
  db.insert(agencyAreas).values(areaIds.map((areaId) => ({ agencyId, areaId }))).run();
}

export function createAgency(db: Db, input: CreateAgency, now: Date): Agency {
  const areaIds = assertAreasExist(db, input.areaIds);
  assertNameFree(db, input.name);
  const row = { id: newId(), name: input.name, kind: input.kind, secureEmail: input.secureEmail ?? null, createdAt: now.toISOString(), disabledAt: null, version: 0 };
  db.insert(agencies).values(row).run();
  setAreas(db, row.id, areaIds);
  return { ...row, areaIds };
}

export function updateAgency(db: Db, id: string, input: UpdateAgency): Agency {
  const current = getAgency(db, id);
  const version = claimVersion(db, agencies, id, input.version, 'this agency');
  if (input.name !== undefined) assertNameFree(db, input.name, id);
  const next = {
    name: input.name ?? current.name,
    kind: input.kind ?? current.kind,
    secureEmail: input.secureEmail !== undefined ? input.secureEmail : current.secureEmail,
  };
  db.update(agencies).set(next).where(eq(agencies.id, id)).run();
  const areaIds = input.areaIds ? assertAreasExist(db, input.areaIds) : current.areaIds;
  if (input.areaIds) setAreas(db, id, areaIds);
  return { ...current, ...next, areaIds, version };
}
