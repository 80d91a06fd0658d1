import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { CreateUser, FieldError, Role, UpdateUser, User, UserList, UserQuery } from '@marac/shared';
import type { Db } from '../../../db/client';
import { agencies, userAreas, users } from '../../../db/schema';
import { conflict, invalid, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { revokeUserSessions } from '../../auth/session-store';
import { claimVersion } from '../../../db/versions';
import { assertAreasExist } from '../agencies/repository';

type UserRow = typeof users.$inferSelect;

function areaIdsByUser(db: Db, userIds: string[]) {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  for (const link of db.select().from(userAreas).where(inArray(userAreas.userId, userIds)).all()) {
    byUser.set(link.userId, [...(byUser.get(link.userId) ?? []), link.areaId]);
  }
  return byUser;
}

/** Never let the password hash leave the repository. */
const toUser = (r: UserRow, areaIds: string[]): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  agencyId: r.agencyId,
  areaIds,
  createdAt: r.createdAt,
  lastSignedInAt: r.lastSignedInAt,
  disabledAt: r.disabledAt,
  version: r.version,
});

/** LIKE wildcards typed by the user are matched literally. */
const likeEscape = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listUsers(db: Db, query: UserQuery): UserList {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = likeEscape(query.q.toLowerCase());
    where.push(sql`(${users.email} like ${pattern} escape '\\' or lower(${users.name}) like ${pattern} escape '\\')`);
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.status === 'active') where.push(isNull(users.disabledAt));
  if (query.status === 'disabled') where.push(isNotNull(users.disabledAt));
  const condition = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(users).where(condition).get()?.n ?? 0;
  const rows = db.select().from(users).where(condition).orderBy(asc(users.name), asc(users.id)).limit(query.limit).offset(query.offset).all();
  const links = areaIdsByUser(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toUser(r, links.get(r.id) ?? [])), total, limit: query.limit, offset: query.offset };
}

export function getUser(db: Db, id: string): User {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw notFound('user');
  return toUser(row, areaIdsByUser(db, [id]).get(id) ?? []);
}

/** An agency representative belongs to exactly one existing agency; no other role belongs to one. */
function checkAgency(db: Db, role: Role, agencyId: string | null): FieldError[] {
  if (role === 'agency_representative') {
    if (!agencyId) return [{ field: 'agencyId', message: 'Choose the agency this representative belongs to' }];
    if (!db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).get()) {
      return [{ field: 'agencyId', message: 'Choose an agency from the list' }];
    }
    return [];
  }
  return agencyId ? [{ field: 'agencyId', message: 'Only agency representatives belong to an agency' }] : [];
}

function setAreas(db: Db, userId: string, areaIds: string[]) {
  db.delete(userAreas).where(eq(userAreas.userId, userId)).run();
  db.insert(userAreas).values(areaIds.map((areaId) => ({ userId, areaId }))).run();
}

export function createUser(db: Db, input: CreateUser, passwordHash: string, now: Date): User {
  const problems = checkAgency(db, input.role, input.agencyId);
  if (problems.length) throw invalid(problems);
  const areaIds = assertAreasExist(db, input.areaIds);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw conflict('There is already a user with that e-mail address', [{ field: 'email', message: 'There is already a user with this e-mail address' }]);
  }
  const row: UserRow = {
    id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    agencyId: input.agencyId,
    passwordHash,
    createdAt: now.toISOString(),
    lastSignedInAt: null,
    disabledAt: null,
    version: 0,
  };
  db.insert(users).values(row).run();
  setAreas(db, row.id, areaIds);
  return toUser(row, areaIds);
}

export function updateUser(db: Db, id: string, input: UpdateUser, now: Date): User {
  const current = getUser(db, id);
  claimVersion(db, users, id, input.version, 'this user');
  const role = input.role ?? current.role;
  // Moving someone out of the representative role drops their agency unless the change says otherwise.
  const agencyId = input.agencyId !== undefined ? input.agencyId : role === 'agency_representative' ? current.agencyId : null;
  const problems = checkAgency(db, role, agencyId);
  if (problems.length) throw invalid(problems);
  const areaIds = input.areaIds ? assertAreasExist(db, input.areaIds) : current.areaIds;
  db.update(users).set({ name: input.name ?? current.name, role, agencyId }).where(eq(users.id, id)).run();
  if (input.areaIds) setAreas(db, id, areaIds);
  // A change of role or agency changes what the person may see: their open sessions must not keep the old rights.
  if (role !== current.role || agencyId !== current.agencyId || input.areaIds) revokeUserSessions(db, [id], now);
  return getUser(db, id);
}

export function setUserDisabled(db: Db, id: string, disabled: boolean, version: number, now: Date): { user: User; sessionsEnded: number } {
  getUser(db, id);
  claimVersion(db, users, id, version, 'this user');
  db.update(users).set({ disabledAt: disabled ? now.toISOString() : null }).where(eq(users.id, id)).run();
  const sessionsEnded = disabled ? revokeUserSessions(db, [id], now) : 0;
  return { user: getUser(db, id), sessionsEnded };
}
