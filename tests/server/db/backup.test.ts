import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testConfig } from '../../../server/src/config';
import { isEncryptedBackup } from '../../../server/src/db/backup/crypto';
import { BackupError } from '../../../server/src/db/backup/files';
import { listBackups } from '../../../server/src/db/backup/folder';
import { restoreBackup } from '../../../server/src/db/backup/restore';
import { startScheduledBackups } from '../../../server/src/db/backup/schedule';
import { backupFile, takeBackup, type BackupSettings } from '../../../server/src/db/backup/take';
import { migrateDatabase, openDatabase, type Database_ } from '../../../server/src/db/client';
import { lockDatabase } from '../../../server/src/db/lock';
import { JobRegistry } from '../../../server/src/lib/jobs';
import { TestClock, makeArea } from '../helper';

const KEY = 'correct horse battery staple, twice';

const folders: string[] = [];
const opened: Database_[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.sqlite.open) database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'marac-backup-'));
  folders.push(dir);
  return dir;
}

/** A migrated database file holding `areas` areas, left open as the platform would keep it. */
function platformDatabase(dir: string, areas = 3) {
  const file = join(dir, 'marac.db');
  const database = openDatabase(file);
  opened.push(database);
  migrateDatabase(database.db);
  const codes = Array.from({ length: areas }, () => makeArea(database).code);
  return { file, database, codes };
}

/** What a copy holds, read with a connection of its own, as the platform would open it. */
function areaCodes(file: string): string[] {
  expect(existsSync(file)).toBe(true);
  const copy = openDatabase(file);
  try {
    return (copy.sqlite.prepare('SELECT code FROM areas ORDER BY code').all() as { code: string }[]).map((r) => r.code);
  } finally {
    copy.close();
  }
}

const settingsIn = (dir: string, more: Partial<BackupSettings> = {}): BackupSettings => ({ dir: join(dir, 'backups'), keep: 14, ...more });

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return (error as BackupError).message;
}

// Files, scrypt and whole-database copies: the limit only stops a broken test on a busy machine.
describe('pnpm backup', { timeout: 60_000 }, () => {
  it('copies every committed row, those still only in the WAL included, into a checked file named by the UTC time', async () => {
    const dir = folder();
    const { file, database, codes } = platformDatabase(dir);
    // Keep the last writes in the WAL, where a plain copy of the database file would miss them.
    database.sqlite.pragma('wal_autocheckpoint = 0');
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    codes.push(makeArea(database).code, makeArea(database).code);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const clock = new TestClock(new Date('2026-12-07T19:30:00.250Z'));
    const report = await backupFile(file, settingsIn(dir), clock.now);

    expect(report.file).toBe(join(dir, 'backups', 'marac-2026-12-07T19-30-00Z.db'));
    expect(report.encrypted).toBe(false);
    expect(report.bytes).toBe(statSync(report.file).size);
    expect(report.migrations).toBeGreaterThan(10);
    expect(areaCodes(report.file)).toEqual([...codes].sort());
    // One self-contained file: nothing beside it that a copy to other media could leave behind.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['marac-2026-12-07T19-30-00Z.db']);
    expect(readFileSync(report.file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  });

  it('copies one moment of a database written all through the backup, by another connection or by its own', async () => {
    const dir = folder();
    const { file, database } = platformDatabase(dir, 0);
    // Big enough to be copied in many steps, so writes land between them.
    let n = 0;
    const area = (description: string | null = null) => makeArea(database, { code: `W${String((n += 1)).padStart(7, '0')}`, description }).code;
    const inserted = Array.from({ length: 3000 }, () => area('x'.repeat(4000)));
    const keepWriting = () => {
      let writing = true;
      const tick = () => {
        if (!writing) return;
        inserted.push(area());
        setImmediate(tick);
      };
      setImmediate(tick);
      return () => (writing = false);
    };
    /** The copy holds every row written before it began, and is exactly the rows written up to some moment. */
    const isOneMoment = (copy: string, before: number) => {
      const codes = new Set(areaCodes(copy));
      expect(codes.size).toBeGreaterThanOrEqual(before);
      expect(inserted.slice(0, codes.size).every((code) => codes.has(code))).toBe(true);
    };

    const whileWriting = async <T>(work: () => Promise<T>) => {
      const stop = keepWriting();
      try {
        return await work();
      } finally {
        stop();
      }
    };

    // From another connection, as `pnpm backup` beside the platform: each write restarts SQLite's copy.
    let before = inserted.length;
    const separate = await whileWriting(() => backupFile(file, settingsIn(dir)));
    isOneMoment(separate.file, before);

    // From the platform's own connection, as the scheduled backups: its writes are carried into the copy.
    before = inserted.length;
    const own = await whileWriting(() => takeBackup(database.sqlite, settingsIn(dir)));
    isOneMoment(own.file, before);
    expect(inserted.length).toBeGreaterThan(before);
  });

  it('encrypts with BACKUP_KEY so the file reads as nothing without it, and restores with it', async () => {
    const dir = folder();
    const { file, codes } = platformDatabase(dir);
    const report = await backupFile(file, settingsIn(dir, { key: KEY }));

    expect(report.file).toMatch(/marac-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db\.enc$/);
    expect(report.encrypted).toBe(true);
    expect(isEncryptedBackup(report.file)).toBe(true);
    const bytes = readFileSync(report.file);
    for (const code of codes) expect(bytes.includes(Buffer.from(code))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    const target = join(dir, 'restored', 'marac.db');
    const restored = await restoreBackup(report.file, target, { key: KEY });
    expect(restored.encrypted).toBe(true);
    expect(areaCodes(target)).toEqual([...codes].sort());
  });

  it('keeps the BACKUP_KEEP newest backups, deleting older ones only once a new one is good', async () => {
    const dir = folder();
    const { file, database } = platformDatabase(dir);
    const clock = new TestClock(new Date('2026-12-01T02:00:00.000Z'));
    const settings = settingsIn(dir, { keep: 3 });
    const names: string[] = [];
    for (let day = 0; day < 5; day += 1) {
      const report = await takeBackup(database.sqlite, settings, clock.now);
      names.push(report.file.split('/').pop() as string);
      expect(report.deleted).toEqual(day < 3 ? [] : [names[day - 3]]);
      clock.advanceMinutes(24 * 60);
    }
    expect(listBackups(settings.dir)).toEqual(names.slice(2).reverse());

    // A backup that fails leaves every good one where it was.
    const before = listBackups(settings.dir);
    database.close();
    writeFileSync(file, 'These are meeting notes, not a database.\n'.repeat(20));
    expect(await refusal(backupFile(file, settings, clock.now))).toContain(`DATABASE_FILE ${file}`);
    expect(listBackups(settings.dir)).toEqual(before);
    expect(readdirSync(settings.dir).sort()).toEqual([...before].sort());
  });

  it('gives two backups of the same second different names, newest first', async () => {
    const dir = folder();
    const { database } = platformDatabase(dir);
    const clock = new TestClock(new Date('2026-12-07T19:30:00.000Z'));
    const settings = settingsIn(dir, { keep: 2 });
    const first = await takeBackup(database.sqlite, settings, clock.now);
    const second = await takeBackup(database.sqlite, settings, clock.now);
    expect(second.file).toBe(join(settings.dir, 'marac-2026-12-07T19-30-00Z-1.db'));
    const third = await takeBackup(database.sqlite, settings, clock.now);
    expect(third.deleted).toEqual([first.file.split('/').pop()]);
    expect(listBackups(settings.dir)).toEqual(['marac-2026-12-07T19-30-00Z-2.db', 'marac-2026-12-07T19-30-00Z-1.db']);
  });

  it('names the setting and the path when the database or the folder cannot be used', async () => {
    const dir = folder();
    const missing = join(dir, 'nowhere.db');
    expect(await refusal(backupFile(missing, settingsIn(dir)))).toMatch(new RegExp(`^DATABASE_FILE ${missing} could not be opened`));
    expect(existsSync(missing)).toBe(false);

    const { file } = platformDatabase(dir);
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, '');
    expect(await refusal(backupFile(file, { dir: notAFolder, keep: 3 }))).toMatch(new RegExp(`^BACKUP_DIR ${notAFolder} cannot be used for backups`));
  });

  it('removes the half-written files of a backup whose process died, and only those', async () => {
    const dir = folder();
    const { database } = platformDatabase(dir);
    const settings = settingsIn(dir);
    await takeBackup(database.sqlite, settings);
    // A pid that cannot be running (beyond the kernel's limit), and this process's own.
    const dead = join(settings.dir, 'marac-2026-12-07T19-30-00Z.db.tmp-99999999');
    const alive = join(settings.dir, `marac-2026-12-07T19-30-00Z.db.tmp-${process.ppid}`);
    writeFileSync(dead, 'half');
    writeFileSync(alive, 'in progress');
    await takeBackup(database.sqlite, settings);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});

describe('pnpm restore', { timeout: 60_000 }, () => {
  it('puts the backup in place and keeps the database it replaced, with its WAL, openable as it was', async () => {
    const dir = folder();
    const { file, database, codes } = platformDatabase(dir);
    const backup = await takeBackup(database.sqlite, settingsIn(dir));

    // The target is left as a crash leaves it: rows committed since the backup only in its WAL.
    database.sqlite.pragma('wal_autocheckpoint = 0');
    const later = makeArea(database).code;
    const target = join(dir, 'live', 'marac.db');
    mkdirSync(join(dir, 'live'));
    copyFileSync(file, target);
    copyFileSync(`${file}-wal`, `${target}-wal`);

    const clock = new TestClock(new Date('2026-12-08T09:15:00.000Z'));
    const report = await restoreBackup(backup.file, target, { clock: clock.now });
    const kept = `${target}.replaced-2026-12-08T09-15-00Z`;
    expect(report.replaced).toEqual([kept, `${kept}-wal`]);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(areaCodes(target)).toEqual([...codes].sort());
    expect(areaCodes(kept)).toEqual([...codes, later].sort());
    // Nothing half-done is left beside it, and the lock is free again for the platform.
    expect(readdirSync(join(dir, 'live')).filter((n) => n.includes('tmp'))).toEqual([]);
    lockDatabase(target).release();
  });

  it('refuses while a platform process holds the database, naming its pid, and changes nothing', async () => {
    const dir = folder();
    const { database } = platformDatabase(dir);
    const backup = await takeBackup(database.sqlite, settingsIn(dir));
    const target = join(dir, 'marac.db');
    const before = readFileSync(target);
    const lock = lockDatabase(target, new Date('2026-12-07T08:00:00.000Z'));
    try {
      expect(await refusal(restoreBackup(backup.file, target))).toBe(
        `Refusing to restore: DATABASE_FILE ${target} is in use by a platform process (pid ${process.pid}, started 2026-12-07T08:00:00.000Z). Stop it, then restore again.`,
      );
    } finally {
      lock.release();
    }
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('replaced') || n.includes('tmp'))).toEqual([]);
  });

  it('refuses an encrypted backup without BACKUP_KEY or with the wrong one, and changes nothing', async () => {
    const dir = folder();
    const { file, database, codes } = platformDatabase(dir);
    const backup = await takeBackup(database.sqlite, settingsIn(dir, { key: KEY }));
    database.close();

    expect(await refusal(restoreBackup(backup.file, file))).toBe(`The backup ${backup.file} is encrypted: set BACKUP_KEY to the passphrase it was made with.`);
    expect(await refusal(restoreBackup(backup.file, file, { key: `${KEY}!` }))).toBe(
      `BACKUP_KEY does not open ${backup.file}: the passphrase is not the one it was made with, or the file was changed or damaged.`,
    );
    expect(areaCodes(file)).toEqual([...codes].sort());
    expect(readdirSync(dir).filter((n) => n.includes('replaced') || n.includes('tmp'))).toEqual([]);
  });

  it('refuses a damaged backup, plain or encrypted, and changes nothing', async () => {
    const dir = folder();
    const { file, database, codes } = platformDatabase(dir, 40);
    const plain = await takeBackup(database.sqlite, settingsIn(dir));
    const sealed = await takeBackup(database.sqlite, settingsIn(dir, { key: KEY }));
    database.close();

    // Overwrite pages in the middle of each file, as a failing disk or an interrupted copy would.
    for (const backup of [plain.file, sealed.file]) {
      const fd = openSync(backup, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(backup).size / 2));
      closeSync(fd);
    }
    expect(await refusal(restoreBackup(plain.file, file))).toMatch(new RegExp(`^The backup ${plain.file} (failed SQLite's integrity check|could not be read as a database)`));
    expect(await refusal(restoreBackup(sealed.file, file, { key: KEY }))).toContain(`BACKUP_KEY does not open ${sealed.file}`);

    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, readFileSync(plain.file).subarray(0, 4096));
    expect(await refusal(restoreBackup(truncated, file))).toMatch(new RegExp(`^The backup ${truncated} (failed|could not be read)`));
    expect(await refusal(restoreBackup(join(dir, 'absent.db'), file))).toBe(`The backup ${join(dir, 'absent.db')} does not exist.`);

    expect(areaCodes(file)).toEqual([...codes].sort());
    expect(readdirSync(dir).filter((n) => n.includes('replaced') || n.includes('tmp'))).toEqual([]);
  });

  it('refuses a backup made by an older or a newer version of the platform', async () => {
    const dir = folder();
    const { file, database } = platformDatabase(dir);
    const backup = await takeBackup(database.sqlite, settingsIn(dir));
    database.close();

    const older = join(dir, 'older.db');
    copyFileSync(backup.file, older);
    const newer = join(dir, 'newer.db');
    copyFileSync(backup.file, newer);
    const edit = (path: string, sql: string) => {
      const copy = openDatabase(path);
      copy.sqlite.exec(sql);
      copy.close();
    };
    edit(older, 'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
    edit(newer, "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)");

    expect(await refusal(restoreBackup(older, file))).toMatch(
      new RegExp(`^The backup ${older} does not fit this version of the platform: it was made by an older version of the platform \\(without \\d{4}_\\w+\\)\\.$`),
    );
    expect(await refusal(restoreBackup(newer, file))).toBe(
      `The backup ${newer} does not fit this version of the platform: it was made by a newer version of the platform (1 migration this version does not know).`,
    );
  });
});

describe('scheduled backups', { timeout: 60_000 }, () => {
  const quietLog = () => ({ info: vi.fn(), error: vi.fn() });

  it('do nothing when BACKUP_INTERVAL_HOURS is 0', async () => {
    const dir = folder();
    const { database } = platformDatabase(dir);
    const jobs = new JobRegistry();
    const scheduled = startScheduledBackups(database, testConfig({ BACKUP_DIR: join(dir, 'backups') }), () => new Date(), quietLog(), jobs);
    expect(await scheduled.run()).toBeNull();
    await scheduled.stop();
    expect(jobs.list()).toEqual([]);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('take a backup through the same checks as the command, and report each run to the job registry', async () => {
    const dir = folder();
    const { database, codes } = platformDatabase(dir);
    const jobs = new JobRegistry();
    const clock = new TestClock(new Date('2026-12-07T03:00:00.000Z'));
    const log = quietLog();
    const config = testConfig({ BACKUP_DIR: join(dir, 'backups'), BACKUP_INTERVAL_HOURS: 6, BACKUP_KEY: KEY, BACKUP_KEEP: 2 });
    const scheduled = startScheduledBackups(database, config, clock.now, log, jobs);
    try {
      expect(jobs.list()).toMatchObject([{ name: 'backup', expectedEveryMs: 6 * 3_600_000, runs: 0 }]);
      const report = await scheduled.run();
      expect(report?.file).toBe(join(dir, 'backups', 'marac-2026-12-07T03-00-00Z.db.enc'));
      expect(jobs.list()).toMatchObject([{ name: 'backup', runs: 1, failures: 0, lastSuccessAt: clock.now(), lastError: null }]);
      expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ file: report?.file }), 'backup taken');

      const target = join(dir, 'restored.db');
      await restoreBackup(report?.file as string, target, { key: KEY });
      expect(areaCodes(target)).toEqual([...codes].sort());

      // A failure is reported and logged, never thrown into the platform.
      rmSync(join(dir, 'backups'), { recursive: true });
      writeFileSync(join(dir, 'backups'), '');
      clock.advanceMinutes(60);
      expect(await scheduled.run()).toBeNull();
      expect(jobs.list()).toMatchObject([{ name: 'backup', runs: 2, failures: 1, lastError: expect.stringContaining(`BACKUP_DIR ${join(dir, 'backups')}`) }]);
      expect(log.error).toHaveBeenCalledTimes(1);
    } finally {
      await scheduled.stop();
    }
  });

  it('fire an interval after the newest backup, or a minute after start when none is due sooner', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const dir = folder();
      const { database } = platformDatabase(dir);
      const jobs = new JobRegistry();
      const clock = new TestClock(new Date('2026-12-07T03:00:00.000Z'));
      const config = testConfig({ BACKUP_DIR: join(dir, 'backups'), BACKUP_INTERVAL_HOURS: 1 });
      const scheduled = startScheduledBackups(database, config, clock.now, quietLog(), jobs);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(listBackups(config.BACKUP_DIR)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(jobs.list()[0]?.runs).toBe(1));
      expect(listBackups(config.BACKUP_DIR)).toEqual(['marac-2026-12-07T03-00-00Z.db']);

      // The next is due an hour after that one.
      clock.advanceMinutes(30);
      await vi.advanceTimersByTimeAsync(29 * 60_000);
      expect(jobs.list()[0]?.runs).toBe(1);
      clock.advanceMinutes(31);
      await vi.advanceTimersByTimeAsync(31 * 60_000);
      await vi.waitFor(() => expect(jobs.list()[0]?.runs).toBe(2));
      await scheduled.stop();
      expect(listBackups(config.BACKUP_DIR)).toEqual(['marac-2026-12-07T04-01-00Z.db', 'marac-2026-12-07T03-00-00Z.db']);
    } finally {
      vi.useRealTimers();
    }
  });
});
