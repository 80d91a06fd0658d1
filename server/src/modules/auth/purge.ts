/**
 * The daily purge: sessions that can no longer be used (revoked, idle past the limit, past their
 * lifetime) and sign-in failures older than the window they count in. Neither is of any further use,
 * and a stolen copy of the database should hold as little about who was signed in as possible; what
 * happened stays in the audit trail.
 */

import { and, isNotNull, lte, or } from 'drizzle-orm';
import { transaction, type Database_, type Db } from '../../db/client';
import { loginFailures, sessions } from '../../db/schema';
import type { JobRegistry } from '../../lib/jobs';
import type { Clock } from '../../lib/time';
import { FAILURE_WINDOW_MS } from './login';
import type { SessionLimits } from './session-store';

export interface PurgeReport {
  sessions: number;
  signInFailures: number;
}

export function purgeExpired(db: Db, now: Date, limits: SessionLimits): PurgeReport {
  const idleSince = new Date(now.getTime() - limits.idleMs).toISOString();
  const sessionsGone = db
    .delete(sessions)
    .where(or(isNotNull(sessions.revokedAt), lte(sessions.lastSeenAt, idleSince), lte(sessions.absoluteExpiresAt, now.toISOString())))
    .run().changes;
  const failuresGone = db
    .delete(loginFailures)
    .where(and(lte(loginFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString())))
    .run().changes;
  return { sessions: sessionsGone, signInFailures: failuresGone };
}

const DAY_MS = 24 * 3_600_000;

/** Runs the purge at start-up and then once a day, reporting each run to the job registry. */
export function startPurge(database: Database_, clock: Clock, limits: SessionLimits, log: { warn(details: object, message: string): void }, jobs?: JobRegistry): { stop(): void } {
  jobs?.register('purge', DAY_MS);
  const run = () => {
    try {
      transaction(database, (db) => purgeExpired(db, clock(), limits));
      jobs?.ran('purge', clock());
    } catch (error) {
      jobs?.ran('purge', clock(), error instanceof Error ? error.message : 'failed');
      log.warn({ error: String(error) }, 'purge of expired sessions failed');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
