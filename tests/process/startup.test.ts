import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { freePort, startProcess, untilListening, type PlatformProcess } from './platform-process';

const folders: string[] = [];
const running: PlatformProcess[] = [];
const listeners: Server[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
  for (const l of listeners.splice(0)) l.close();
  for (const f of folders.splice(0)) {
    chmodSync(f, 0o755);
    rmSync(f, { recursive: true, force: true });
  }
});

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'marac-start-'));
  folders.push(dir);
  return dir;
}

const fingerprint = (file: string) =>
  !existsSync(file) ? 'absent' : statSync(file).isDirectory() ? 'a folder' : createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Starts the platform on this file and waits for it to stop by itself. Unless another process uses the
 * file, it is as it was before: nothing was written.
 */
async function refused(file: string, env: Record<string, string> = {}, options: { fileInUse?: boolean } = {}) {
  const before = [fingerprint(file), fingerprint(`${file}-wal`)];
  const platform = startProcess({ DATABASE_FILE: file, PORT: String(await freePort()), DEMO_MODE: 'true', ...env });
  running.push(platform);
  const code = await platform.exited;
  expect(code).toBe(1);
  const said = platform.output();
  // A sentence for the operator, never a stack trace.
  expect(said).not.toMatch(/\n\s+at /);
  if (!options.fileInUse) expect([fingerprint(file), fingerprint(`${file}-wal`)]).toEqual(before);
  return said.trim();
}

// Each test starts real platform processes: the limit only stops a broken test, it measures nothing.
describe('starting the platform on a database it cannot use', { timeout: 180_000 }, () => {
  it('names DATABASE_FILE and the path for a missing folder, a folder, a file that is not a database, a truncated one, and writes nothing', async () => {
    const dir = folder();
    const missing = join(dir, 'no-such-folder', 'marac.db');
    expect(await refused(missing)).toBe(`DATABASE_FILE ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist. Check the path, or create the folder first.`);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);

    const aFolder = join(dir, 'a-folder');
    mkdirSync(aFolder);
    expect(await refused(aFolder)).toBe(`DATABASE_FILE ${aFolder} is a folder, not a database file.`);

    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'These are meeting notes, not a database.\n'.repeat(20));
    expect(await refused(garbage)).toBe(`DATABASE_FILE ${garbage} is not a SQLite database: it may be another file, or a damaged or incomplete copy.`);

    // A real database cut short, as a copy interrupted half way would be.
    const whole = join(dir, 'whole.db');
    const database = openDatabase(whole);
    migrateDatabase(database.db);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, readFileSync(whole).subarray(0, 40_960));
    expect(await refused(truncated)).toMatch(new RegExp(`^DATABASE_FILE ${truncated} (is damaged|could not be read as a database)`));
  });

  it('refuses a database it cannot write, and one written by a newer version', async () => {
    const dir = folder();
    const file = join(dir, 'marac.db');
    const database = openDatabase(file);
    migrateDatabase(database.db);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    database.close();

    const newer = openDatabase(file);
    newer.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-a-later-version', Date.UTC(2099, 0, 1));
    newer.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    newer.close();
    expect(await refused(file)).toBe(
      `DATABASE_FILE ${file} was written by a newer version of the platform (1 migration this version does not know): run that version, or restore a backup made by this one.`,
    );

    const older = openDatabase(file);
    older.sqlite.prepare("DELETE FROM __drizzle_migrations WHERE hash = 'from-a-later-version'").run();
    older.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    older.close();
    // Root may write anything: the check only means something for the account the platform runs as.
    if (process.getuid?.() !== 0) {
      chmodSync(file, 0o444);
      expect(await refused(file)).toBe(`DATABASE_FILE ${file} cannot be written: the platform needs to read and write it.`);
      chmodSync(file, 0o644);
    }
  });

  it('fails on a port in use before it creates, migrates or seeds anything', async () => {
    const dir = folder();
    const file = join(dir, 'marac.db');
    const port = await freePort();
    const taken = createServer();
    listeners.push(taken);
    await new Promise<void>((done) => taken.listen(port, '127.0.0.1', () => done()));
    expect(await refused(file, { PORT: String(port) })).toBe(`PORT ${port} on HOST 127.0.0.1 is already in use: stop what uses it, or set PORT to another port.`);
    expect(existsSync(file)).toBe(false);
  });

  it('never seeds demo data unless demo mode is asked for', async () => {
    const dir = folder();
    const file = join(dir, 'marac.db');
    const port = await freePort();
    const platform = startProcess({ DATABASE_FILE: file, PORT: String(port), DEMO_MODE: undefined });
    running.push(platform);
    await untilListening(platform, port);
    const reader = openDatabase(file);
    expect(reader.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    reader.close();
    expect(platform.output()).toContain('No users yet');
  });
});

describe('one process per database', { timeout: 180_000 }, () => {
  it('refuses a second platform process on the same file, naming the one that holds it', async () => {
    const dir = folder();
    const file = join(dir, 'marac.db');
    const port = await freePort();
    const first = startProcess({ DATABASE_FILE: file, PORT: String(port) });
    running.push(first);
    await untilListening(first, port);
    const said = await refused(file, {}, { fileInUse: true });
    expect(said).toBe(
      `DATABASE_FILE ${file} is in use by another platform process (pid ${first.child.pid}, started ${said.match(/started (\S+)\)/)?.[1]}). Only one process may run on a database: stop the other one first.`,
    );
    // Once the first has stopped, a new one starts on the file.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const next = startProcess({ DATABASE_FILE: file, PORT: String(port) });
    running.push(next);
    await untilListening(next, port);
  });
});

describe('stopping', { timeout: 300_000 }, () => {
  it('stops on SIGTERM sent to the documented start command, freeing the port', async () => {
    const dir = folder();
    const file = join(dir, 'marac.db');
    const port = await freePort();
    const platform = startProcess({ DATABASE_FILE: file, PORT: String(port) }, ['pnpm', 'start'], join(import.meta.dirname, '../..'));
    running.push(platform);
    await untilListening(platform, port);
    platform.child.kill('SIGTERM');
    await platform.exited;
    // Nothing answers on the port any more: the server itself stopped, not only the command around it.
    await expect(fetch(`http://127.0.0.1:${port}/api/health/live`)).rejects.toThrow();
    const again = startProcess({ DATABASE_FILE: file, PORT: String(port) });
    running.push(again);
    await untilListening(again, port);
  });
});
