import { EventEmitter } from 'node:events';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '@marac/shared';
import type { Database_, Db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { sessions, userAreas, users } from '../../db/schema';
import { newToken, sha256 } from '../../lib/ids';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  areaIds: string[];
  /**
   * The cases the disclosure policy let this request show (`modules/cases/policy.ts`). A fresh set per
   * request: the response guard refuses any response naming a case that is not in it.
   */
  disclosed: Set<string>;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** Last-seen is due to be written for this use (`touchSession`); `idleExpiresAt` already counts it. */
  touchDue: boolean;
  user: SessionUser;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/**
 * Last-seen is written at most this often per session, so reads do not each cost a write; idle expiry
 * is exact to within it. The write joins the next group commit rather than holding up the request.
 */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Tells whatever holds a session open (a live meeting stream) that sessions have ended: signed out, a
 * user disabled or changed. In-process, like the meeting's wake-up; every holder also checks the
 * session itself before sending anything, so a missed signal only delays the end.
 */
const ended = new EventEmitter();
ended.setMaxListeners(0);

export interface EndedSessions {
  idHashes?: string[];
  userIds?: string[];
}

export function onSessionsEnded(listener: (which: EndedSessions) => void): () => void {
  ended.on('ended', listener);
  return () => ended.off('ended', listener);
}

export function createSession(db: Db, userId: string, ip: string, now: Date, limits: SessionLimits) {
  const token = newToken();
  const csrfToken = newToken();
  db.insert(sessions)
    .values({
      idHash: sha256(token),
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      absoluteExpiresAt: new Date(now.getTime() + limits.absoluteMs).toISOString(),
      ip,
    })
    .run();
  return { token, csrfToken };
}

/**
 * Writes a session's last-seen time in the next group commit. The request waits for it (once a minute
 * per session at most), so the next request, and the next process, see the session as it was used.
 */
export function touchSession(database: Database_, session: ActiveSession, now: Date): Promise<void> {
  return database.commits.add((db) => db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.idHash, session.idHash)).run());
}

const sessionByHash = prepared((db) =>
  db
    .select({
      idHash: sessions.idHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      revokedAt: sessions.revokedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      agencyId: users.agencyId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
);

const areasOfUser = prepared((db) => db.select({ areaId: userAreas.areaId }).from(userAreas).where(eq(userAreas.userId, sql.placeholder('userId'))).prepare());

/**
 * The session behind a cookie, if it is still valid: not revoked, not idle past the limit, not past its
 * absolute lifetime, and its user not disabled. Anything else is treated exactly like no session.
 */
export function findActiveSession(db: Db, token: string, now: Date, limits: SessionLimits, options: { touch?: boolean } = {}): ActiveSession | null {
  const idHash = sha256(token);
  const row = sessionByHash(db).get({ idHash });
  if (!row || row.revokedAt || row.disabledAt) return null;
  const lastSeen = new Date(row.lastSeenAt);
  const absoluteExpiresAt = new Date(row.absoluteExpiresAt);
  if (now.getTime() - lastSeen.getTime() >= limits.idleMs || now >= absoluteExpiresAt) return null;

  // A check that is not the person's own use (a live stream asking whether it may go on) leaves it idle.
  const touchDue = options.touch !== false && now.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS;
  const seen = touchDue ? now : lastSeen;
  const areaIds = areasOfUser(db)
    .all({ userId: row.userId })
    .map((a) => a.areaId);
  return {
    idHash,
    csrfToken: row.csrfToken,
    idleExpiresAt: new Date(Math.min(seen.getTime() + limits.idleMs, absoluteExpiresAt.getTime())),
    absoluteExpiresAt,
    touchDue,
    user: { id: row.userId, email: row.email, name: row.name, role: row.role, agencyId: row.agencyId, areaIds, disclosed: new Set() },
  };
}

export function revokeSession(db: Db, idHash: string, now: Date) {
  db.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt))).run();
  ended.emit('ended', { idHashes: [idHash] } satisfies EndedSessions);
}

export function revokeSessionToken(db: Db, token: string, now: Date) {
  revokeSession(db, sha256(token), now);
}

/** Ends every session a user holds: used when an account is disabled. */
export function revokeUserSessions(db: Db, userIds: string[], now: Date) {
  if (userIds.length === 0) return 0;
  const changes = db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(inArray(sessions.userId, userIds), isNull(sessions.revokedAt)))
    .run().changes;
  ended.emit('ended', { userIds } satisfies EndedSessions);
  return changes;
}
