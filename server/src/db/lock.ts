import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * One process per database file. The platform holds an exclusive SQLite lock on a small companion file
 * (`<database>.lock`) for as long as it runs: the operating system releases it when the process ends,
 * however it ends (a crash or SIGKILL included), so a lock is never left behind. Beside it,
 * `<database>.pid` says which process holds it, for the message a second process gives.
 */
export interface DatabaseLock {
  release(): void;
}

export interface LockHolder {
  pid: number | null;
  startedAt: string | null;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(
      `DATABASE_FILE ${file} is in use by another platform process${holder.pid ? ` (pid ${holder.pid}${holder.startedAt ? `, started ${holder.startedAt}` : ''})` : ''}. ` +
        'Only one process may run on a database: stop the other one first.',
    );
  }
}

const lockFile = (file: string) => `${file}.lock`;
const pidFile = (file: string) => `${file}.pid`;

/** Who holds the lock on this database, as its pid file says; null fields when it does not say. */
export function lockHolder(file: string): LockHolder {
  try {
    const [pid, startedAt] = readFileSync(pidFile(file), 'utf8').trim().split(' ');
    return { pid: pid && /^\d+$/.test(pid) ? Number(pid) : null, startedAt: startedAt ?? null };
  } catch {
    return { pid: null, startedAt: null };
  }
}

/** Takes the lock, or throws `DatabaseLockedError` naming the process that has it. */
export function lockDatabase(file: string, now: Date = new Date()): DatabaseLock {
  const lock = new Database(lockFile(file));
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE');
  } catch {
    lock.close();
    throw new DatabaseLockedError(file, lockHolder(file));
  }
  writeFileSync(pidFile(file), `${process.pid} ${now.toISOString()}\n`);
  return {
    release: () => {
      if (!lock.open) return;
      rmSync(pidFile(file), { force: true });
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

/** Whether a platform process holds this database now (a restore must not replace it under one). */
export function isDatabaseLocked(file: string): boolean {
  try {
    lockDatabase(file).release();
    return false;
  } catch (error) {
    if (error instanceof DatabaseLockedError) return true;
    throw error;
  }
}
