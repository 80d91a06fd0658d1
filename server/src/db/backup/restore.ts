/** Restoring: a backup put in place of the database, with the platform stopped. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { systemClock, type Clock } from '../../lib/time';
import { DatabaseLockedError, lockDatabase } from '../lock';
import { checkCopy } from './check';
import { decryptFile, isEncryptedBackup } from './crypto';
import { BackupError, fileStamp, fsyncPath, removeTemp } from './files';

export interface RestoreReport {
  file: string;
  from: string;
  bytes: number;
  ms: number;
  encrypted: boolean;
  migrations: number;
  /** Where the files of the database that was replaced now are. */
  replaced: string[];
}

/**
 * Replaces the database at `target` with a backup. Holds the database's lock throughout, so it refuses
 * while the platform runs and the platform cannot start half-way. The backup is decrypted (or copied)
 * beside the target and checked before anything is moved; the database it replaces is kept, with its
 * -wal and -shm, as `<target>.replaced-<time>` (openable as it was: SQLite finds `-wal` by that name).
 */
export async function restoreBackup(from: string, target: string, options: { key?: string | undefined; clock?: Clock } = {}): Promise<RestoreReport> {
  const clock = options.clock ?? systemClock;
  const started = performance.now();
  if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`The backup ${from} does not exist.`);
  mkdirSync(dirname(target), { recursive: true });
  let lock;
  try {
    lock = lockDatabase(target, clock());
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    const { pid, startedAt } = error.holder;
    throw new BackupError(
      `Refusing to restore: DATABASE_FILE ${target} is in use by a platform process${pid ? ` (pid ${pid}${startedAt ? `, started ${startedAt}` : ''})` : ''}. Stop it, then restore again.`,
    );
  }
  const temp = `${target}.restoring.tmp-${process.pid}`;
  try {
    // Holding the lock, no other restore of this database runs: anything by this name was left by one that died.
    for (const name of readdirSync(dirname(target))) if (name.startsWith(`${basename(target)}.restoring.tmp-`)) rmSync(join(dirname(target), name), { force: true });
    const encrypted = isEncryptedBackup(from);
    if (encrypted) {
      if (options.key === undefined) throw new BackupError(`The backup ${from} is encrypted: set BACKUP_KEY to the passphrase it was made with.`);
      await decryptFile(from, temp, options.key);
    } else {
      copyFileSync(from, temp);
    }
    const migrations = await checkCopy(temp, `The backup ${from}`);
    await fsyncPath(temp);
    const replaced: string[] = [];
    const stamp = fileStamp(clock());
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(target + suffix)) continue;
      const kept = `${target}.replaced-${stamp}${suffix}`;
      renameSync(target + suffix, kept);
      replaced.push(kept);
    }
    renameSync(temp, target);
    await fsyncPath(dirname(target));
    return { file: target, from, bytes: statSync(target).size, ms: performance.now() - started, encrypted, migrations, replaced };
  } finally {
    await removeTemp(temp);
    lock.release();
  }
}
