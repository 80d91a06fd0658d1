import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstAdministrator, inspect, signIn, startPlatform, startProcess, stopPlatform, writeAgencies, type Running } from './platform';

const KEY = 'a passphrase kept apart from the backups';

const folders: string[] = [];
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await stopPlatform(r);
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** Runs one of the platform's commands as `pnpm backup` / `pnpm restore` do, and waits for it. */
async function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const run = startProcess(env, [process.execPath, '--import', 'tsx', `src/cli/${script}.ts`, ...args]);
  const code = await run.exited;
  return { code, output: run.output() };
}

// Real platform processes and commands: the limit only stops a broken test, it measures nothing.
describe('backup and restore around a running platform', { timeout: 300_000 }, () => {
  it('backs up while writes run, refuses to restore under the platform, and the restored copy starts with every write acknowledged before the backup began', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marac-restore-'));
    folders.push(dir);
    const file = join(dir, 'marac.db');
    const backups = join(dir, 'backups');
    const env = { DATABASE_FILE: file, BACKUP_DIR: backups, BACKUP_KEY: KEY };
    const { areaId } = await firstAdministrator(file);

    const platform = await startPlatform(file);
    running.push(platform);
    // Writes go through the API of the running platform, and keep going while the backup is taken.
    const writer = writeAgencies(await signIn(platform.url), areaId, 'Before and during', 2);
    while (writer.acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    const beforeBackup = [...writer.acknowledged];
    const backup = await command('backup', [], env);
    const duringBackup = writer.acknowledged.length - beforeBackup.length;
    await writer.stop();
    expect(backup.output).not.toMatch(/failed/i);
    expect(backup.code).toBe(0);
    const written = readdirSync(backups);
    expect(written).toEqual([expect.stringMatching(/^marac-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db\.enc$/)]);
    const backupFile = join(backups, written[0] as string);
    expect(backup.output).toContain(backupFile);

    const refused = await command('restore', [backupFile], env);
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toMatch(
      new RegExp(`^Restore failed: Refusing to restore: DATABASE_FILE ${file} is in use by a platform process \\(pid ${platform.process.child.pid}, started [^)]+\\)\\. Stop it, then restore again\\.$`),
    );

    const everything = new Set(writer.acknowledged);
    await stopPlatform(platform);
    running.splice(running.indexOf(platform), 1);

    const restored = await command('restore', [backupFile], env);
    expect(restored.code).toBe(0);
    const kept = readdirSync(dir).filter((name) => name.startsWith('marac.db.replaced-'));
    expect(kept).toHaveLength(1);
    expect(restored.output).toContain(join(dir, kept[0] as string));
    // The replaced database still holds everything, the writes after the backup included.
    const replaced = inspect(join(dir, kept[0] as string));
    expect([...everything].filter((id) => !replaced.agencies.has(id))).toEqual([]);

    const again = await startPlatform(file);
    running.push(again);
    const listed = new Set((await (await signIn(again.url)).get<{ id: string }[]>('/api/admin/agencies')).map((a) => a.id));
    const found = inspect(file);
    expect(found.integrity).toBe('ok');
    const missing = beforeBackup.filter((id) => !listed.has(id) || !found.audited.has(id));
    console.log(`backup under writes: ${beforeBackup.length} writes acknowledged before it began, ${duringBackup} during it; after restore ${listed.size} present, ${missing.length} missing`);
    expect(missing).toEqual([]);
    // A consistent moment: no agency without its audit row, nor the reverse.
    expect([...found.agencies].sort()).toEqual([...found.audited].sort());
    expect(existsSync(`${file}.restoring.tmp-${process.pid}`)).toBe(false);
  });

  it('exits non-zero with a message naming the setting and the path when the backup cannot be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marac-restore-'));
    folders.push(dir);
    const missing = join(dir, 'missing.db');
    const result = await command('backup', [], { DATABASE_FILE: missing, BACKUP_DIR: join(dir, 'backups') });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toMatch(new RegExp(`^Backup failed: DATABASE_FILE ${missing} could not be opened \\(SQLITE_CANTOPEN\\): check the path, or pass --file\\.$`));
  });
});
