/** BACKUP_DIR: what may be written there, how backups are named and found, and which are kept. */
import { accessSync, constants, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { BackupError, megabytes, sqliteCode } from './files';

const BACKUP_NAME = /^marac-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(\d+))?\.db(\.enc)?$/;
const TEMP_NAME = /\.tmp-(\d+)(?:-journal|-wal|-shm)?$/;

export function prepareFolder(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new BackupError(`BACKUP_DIR ${dir} cannot be used for backups (${sqliteCode(error)}): make it a folder this user can write.`);
  }
}

export function assertSpace(source: Database.Database, dir: string, encrypted: boolean) {
  const pages = source.pragma('page_count', { simple: true }) as number;
  const pageSize = source.pragma('page_size', { simple: true }) as number;
  // The plain copy and its encrypted twin exist side by side until the check is done.
  const needed = pages * pageSize * (encrypted ? 2 : 1);
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (free < needed) throw new BackupError(`BACKUP_DIR ${dir} has ${megabytes(free)} free; this backup needs about ${megabytes(needed)}.`);
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Half-written files of a backup whose process died (a crash, a full disk) would otherwise stay forever. */
export async function removeAbandoned(dir: string) {
  for (const name of readdirSync(dir)) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid && name.startsWith('marac-') && Number(pid) !== process.pid && !isRunning(Number(pid))) await rm(join(dir, name), { force: true });
  }
}

/** The backups in a folder, newest first: file name order breaks down once a same-second backup gets a `-1`. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((b): b is { name: string; match: RegExpExecArray } => b.match !== null)
    .sort((a, b) => (b.match[1] ?? '').localeCompare(a.match[1] ?? '') || Number(b.match[2] ?? 0) - Number(a.match[2] ?? 0))
    .map((b) => b.name);
}

export const stampTime = (name: string): Date | null => {
  const stamp = BACKUP_NAME.exec(name)?.[1];
  return stamp ? new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})Z$/, 'T$1:$2:$3Z')) : null;
};

/** Puts a finished file under its final name without ever replacing another backup of the same second. */
export function publish(temp: string, dir: string, stamp: string, extension: string): string {
  for (let n = 0; ; n += 1) {
    const final = join(dir, `marac-${stamp}${n === 0 ? '' : `-${n}`}${extension}`);
    try {
      linkSync(temp, final);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // Backup media without hard links (FAT, some network shares): a rename, checked first.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (existsSync(final)) continue;
      renameSync(temp, final);
      return final;
    }
    rmSync(temp);
    return final;
  }
}

export async function applyRetention(dir: string, keep: number, newest: string): Promise<string[]> {
  const backups = listBackups(dir);
  const old = backups.slice(keep).filter((name) => name !== basename(newest));
  for (const name of old) {
    try {
      await rm(join(dir, name));
    } catch (error) {
      throw new BackupError(`The new backup ${newest} is good, but the old backup ${join(dir, name)} could not be deleted (${sqliteCode(error)}); check BACKUP_DIR ${dir}.`);
    }
  }
  return old;
}
