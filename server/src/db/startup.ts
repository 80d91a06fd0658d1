import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { appliedMigrations, compareMigrations } from './migrations';

/** A problem that stops the platform before it starts, in words naming the setting and the path. */
export class StartupError extends Error {}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Files up to this size are read whole by `quick_check` at start-up; larger ones are checked by their backups. */
const QUICK_CHECK_LIMIT_BYTES = 2 * 1024 ** 3;

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks the folder DATABASE_FILE is in before anything is written: a missing folder (a mistyped path
 * must not quietly become a new database), something else where the folder should be, a folder the
 * platform cannot write its journal files in. Only the default path's folder is made on a first start.
 */
export function checkDatabaseFolder(file: string, options: { makeFolder: boolean }): void {
  if (file === ':memory:') return;
  const named = `DATABASE_FILE ${file}`;
  const folder = dirname(file);
  if (!existsSync(folder)) {
    if (!options.makeFolder) throw new StartupError(`${named}: the folder ${folder} does not exist. Check the path, or create the folder first.`);
    mkdirSync(folder, { recursive: true });
  }
  if (!statSync(folder).isDirectory()) throw new StartupError(`${named}: ${folder} is not a folder.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new StartupError(`${named}: the platform cannot write in the folder ${folder} (it keeps its journal files beside the database).`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new StartupError(`${named} is a folder, not a database file.`);
}

/**
 * Checks the database itself, once this process holds its lock and before anything is written: a file
 * that is not a SQLite database or is damaged, one the platform cannot write, one written by a newer
 * version of the platform. Returns whether the file is new.
 */
export function checkDatabaseFile(file: string): 'new' | 'existing' {
  if (file === ':memory:' || !existsSync(file)) return 'new';
  const named = `DATABASE_FILE ${file}`;
  const stat = statSync(file);
  if (stat.size === 0) return 'new';
  if (stat.size < 100 || readHeader(file) !== SQLITE_HEADER) {
    throw new StartupError(`${named} is not a SQLite database: it may be another file, or a damaged or incomplete copy.`);
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new StartupError(`${named} cannot be written: the platform needs to read and write it.`);
  }

  // Reading a database kept in WAL mode makes its journal files; those this check made are taken away.
  const journals = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (stat.size <= QUICK_CHECK_LIMIT_BYTES) {
      const result = sqlite.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new StartupError(`${named} is damaged (the database's own check failed): restore it from a backup.`);
    }
    const newer = compareMigrations(appliedMigrations(sqlite) ?? []).unknown;
    if (newer > 0) {
      throw new StartupError(`${named} was written by a newer version of the platform (${newer} migration${newer === 1 ? '' : 's'} this version does not know): run that version, or restore a backup made by this one.`);
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
    throw new StartupError(`${named} could not be read as a database (${code}): it may be damaged; restore it from a backup.`);
  } finally {
    sqlite?.close();
    for (const path of journals) if (existsSync(path) && statSync(path).size === 0) rmSync(path);
  }
  return 'existing';
}

/** Fails before migrating or starting jobs when the address is taken, rather than after. */
export function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === 'EADDRINUSE' ? `PORT ${port} on HOST ${host} is already in use: stop what uses it, or set PORT to another port.` : `PORT ${port} on HOST ${host} cannot be listened on (${error.code ?? 'error'}).`,
        ),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
