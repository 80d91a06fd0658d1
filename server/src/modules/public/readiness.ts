/**
 * What readiness and metrics read about the platform's own state: whether the database takes writes,
 * whether its schema is the one this version was built for, and whether background work keeps up.
 * Everything here is counts, names of jobs and words: never anything from a record.
 */

import { MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { isNull, sql, type SQL } from 'drizzle-orm';
import type { Database_, Db } from '../../db/client';
import { appliedMigrations, compareMigrations, knownMigrations } from '../../db/migrations';
import { outbox } from '../../db/schema';
import type { JobRegistry } from '../../lib/jobs';

/** With a mail server set up, a notice still waiting after this long is stuck, whatever its retries say. */
export const OUTBOX_STUCK_AFTER_HOURS = 6;

export const CHECK_NAMES = ['database', 'migrations', 'jobs', 'outbox'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface ReadinessCheck {
  name: CheckName;
  ok: boolean;
  /** For the operator reading the answer: what was found, in words. */
  state: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

const ROLLBACK = Symbol('rollback');

/**
 * Proves the database takes a write without changing anything: an UPDATE that matches no row still
 * needs the write lock, so a read-only file, `query_only` or a full disk refuse it, and it is rolled
 * back all the same. `BEGIN IMMEDIATE` alone is not enough: SQLite grants it on a read-only connection.
 * better-sqlite3 turns the transaction into a savepoint when one is already open.
 */
export function probeWrite(database: Database_): void {
  const { sqlite } = database;
  try {
    sqlite
      .transaction(() => {
        sqlite.prepare('UPDATE meta SET value = value WHERE 1 = 0').run();
        throw ROLLBACK;
      })
      .immediate();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

export interface MigrationState {
  shipped: number;
  applied: number;
  /** Shipped with this version but not recorded in the database. */
  missing: number;
  /** Recorded in the database but unknown to this version: a newer version has run on it. */
  unknown: number;
}

export function migrationState(database: Database_): MigrationState {
  const applied = appliedMigrations(database.sqlite) ?? [];
  const compared = compareMigrations(applied);
  return { shipped: knownMigrations().length, applied: applied.length, missing: compared.missing.length, unknown: compared.unknown };
}

export interface OutboxState {
  /** Not yet tried, or being sent, without a failure so far. */
  waiting: number;
  /** The last attempt failed; it will be tried again. */
  retrying: number;
  /** Every attempt was used up without success: left for an administrator. */
  failed: number;
  /** Never to be sent (a bar, or an administrator). */
  cancelled: number;
  /** When the oldest notice still to be sent was queued, if any. */
  oldestWaitingAt: Date | null;
}

const count = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/** One pass over the notices not sent (the waiting index covers `sent_at`), however large the outbox grows. */
export function outboxState(db: Db, now: Date): OutboxState {
  // A sender counts its attempt when it claims a notice, so a notice on its last attempt is not given up
  // while the claim holds: it may yet be sent.
  const gaveUp = sql`${outbox.cancelledAt} is null and ${outbox.attempts} >= ${MAX_DELIVERY_ATTEMPTS} and (${outbox.claimedUntil} is null or ${outbox.claimedUntil} < ${now.toISOString()})`;
  const live = sql`${outbox.cancelledAt} is null and not (${gaveUp})`;
  const row = db
    .select({
      waiting: count(sql`${live} and ${outbox.error} is null`),
      retrying: count(sql`${live} and ${outbox.error} is not null`),
      failed: count(gaveUp),
      cancelled: count(sql`${outbox.cancelledAt} is not null`),
      oldest: sql<string | null>`min(case when ${live} then ${outbox.createdAt} end)`,
    })
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .get();
  return {
    waiting: Number(row?.waiting ?? 0),
    retrying: Number(row?.retrying ?? 0),
    failed: Number(row?.failed ?? 0),
    cancelled: Number(row?.cancelled ?? 0),
    oldestWaitingAt: row?.oldest ? new Date(row.oldest) : null,
  };
}

/** Words for a failure of the database, from SQLite's code: the message itself may name the file. */
function describeFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only: it refuses writes';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt: SQLite cannot read it';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy: another connection holds the write lock';
  if (code === 'SQLITE_FULL') return 'full: the disk has no room for writes';
  if (code.startsWith('SQLITE_')) return `failing (${code})`;
  return 'not answering';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function checkDatabase(database: Database_): ReadinessCheck {
  probeWrite(database);
  return { name: 'database', ok: true, state: 'writable' };
}

function checkMigrations(database: Database_): ReadinessCheck {
  const state = migrationState(database);
  const problems = [
    state.missing > 0 ? `${plural(state.missing, 'migration')} of this version not applied` : null,
    state.unknown > 0 ? `${plural(state.unknown, 'migration')} this version does not know (the database was used by a newer version)` : null,
  ].filter((p) => p !== null);
  if (problems.length > 0) return { name: 'migrations', ok: false, state: problems.join('; ') };
  return { name: 'migrations', ok: true, state: `current (${state.applied} of ${state.shipped})` };
}

function checkJobs(jobs: JobRegistry, now: Date, startedAt: Date): ReadinessCheck {
  const stuck = jobs.stuck(now, startedAt);
  if (stuck.length > 0) {
    const each = stuck.map((job) => `${job.name} has not succeeded since ${job.lastSuccessAt ? job.lastSuccessAt.toISOString() : 'start-up'}`);
    return { name: 'jobs', ok: false, state: `stuck: ${each.join('; ')}` };
  }
  const watched = jobs.list().length;
  return { name: 'jobs', ok: true, state: watched === 0 ? 'none reported' : `${plural(watched, 'job')} on time` };
}

function checkOutbox(db: Db, now: Date, smtpConfigured: boolean): ReadinessCheck {
  const state = outboxState(db, now);
  const problems: string[] = [];
  // One notice that gave up (a bad agency address, say) is an administrator's to resend or cancel; it
  // is told here and counted in the metrics, but does not make the platform unready to serve.
  const gaveUp = state.failed > 0 ? `; ${plural(state.failed, 'notice')} failed ${MAX_DELIVERY_ATTEMPTS} times and wait for an administrator (Administration → Outbox)` : '';
  // Without a mail server notices wait by design, for administrators to read.
  const waitedMs = state.oldestWaitingAt ? now.getTime() - state.oldestWaitingAt.getTime() : 0;
  if (smtpConfigured && waitedMs > OUTBOX_STUCK_AFTER_HOURS * 3_600_000) {
    problems.push(`the oldest notice to send has waited ${Math.floor(waitedMs / 3_600_000)} hours`);
  }
  if (problems.length > 0) return { name: 'outbox', ok: false, state: problems.join('; ') };
  const toSend = state.waiting + state.retrying;
  return { name: 'outbox', ok: true, state: `${plural(toSend, 'notice')} to send${smtpConfigured ? '' : ' (no mail server set up)'}, none stuck${gaveUp}` };
}

export interface ReadinessInput {
  database: Database_;
  jobs: JobRegistry;
  now: Date;
  startedAt: Date;
  smtpConfigured: boolean;
}

/** Every check runs, whatever the others found, so the answer lists all that is wrong at once. */
export function checkReadiness({ database, jobs, now, startedAt, smtpConfigured }: ReadinessInput): Readiness {
  const attempt = (name: CheckName, check: () => ReadinessCheck): ReadinessCheck => {
    try {
      return check();
    } catch (error) {
      const failure = describeFailure(error);
      return { name, ok: false, state: name === 'database' ? failure : `could not be checked: the database is ${failure}` };
    }
  };
  const checks = [
    attempt('database', () => checkDatabase(database)),
    attempt('migrations', () => checkMigrations(database)),
    checkJobs(jobs, now, startedAt),
    attempt('outbox', () => checkOutbox(database.db, now, smtpConfigured)),
  ];
  return { ready: checks.every((c) => c.ok), checks };
}
