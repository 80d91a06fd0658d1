import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstAdministrator, inspect, readRegister, signIn, startPlatform, startProcess, freePort, stopPlatform, writeAgencies, type Running } from './platform';

const KILLS_DURING_WRITES = 20;
const KILLS_DURING_START_UP = 3;

const folders: string[] = [];
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await stopPlatform(r);
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Real platform processes, started and killed again and again: the limit only stops a broken run.
describe('the platform killed with SIGKILL at random moments', { timeout: 600_000 }, () => {
  it('keeps every acknowledged write and its audit row, an audit row for every audited read answered, and a sound database, after each restart', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const dir = mkdtempSync(join(tmpdir(), 'marac-crash-'));
    folders.push(dir);
    const file = join(dir, 'marac.db');
    const { areaId } = await firstAdministrator(file);

    const acknowledged = new Set<string>();
    let attempted = 0;
    // Audited reads answered: the platform answers one only once its audit row is on disk.
    let readsAnswered = 0;
    const lost: string[] = [];
    const startUpKillCycles = new Set<number>();
    while (startUpKillCycles.size < KILLS_DURING_START_UP) startUpKillCycles.add(1 + Math.floor(next() * KILLS_DURING_WRITES));

    const verify = (when: string) => {
      const found = inspect(file);
      expect(found.integrity, `integrity_check ${when}`).toBe('ok');
      for (const id of acknowledged) {
        if (!found.agencies.has(id) || !found.audited.has(id)) lost.push(`${id} (${when})`);
      }
      expect(lost, `acknowledged writes missing ${when}`).toEqual([]);
      expect(found.registerReads, `audit rows of the reads answered ${when}`).toBeGreaterThanOrEqual(readsAnswered);
      return found;
    };

    for (let cycle = 1; cycle <= KILLS_DURING_WRITES; cycle += 1) {
      // Now and then the kill lands while the platform is still starting: checking, migrating, opening.
      if (startUpKillCycles.has(cycle)) {
        const starting = startProcess({ DATABASE_FILE: file, PORT: String(await freePort()), DEMO_MODE: 'false', LOG_LEVEL: 'warn' });
        await sleep(200 + next() * 2500);
        starting.child.kill('SIGKILL');
        await starting.exited;
      }

      // The previous process has exited, so the operating system has released its lock on the file.
      const platform = await startPlatform(file);
      running.push(platform);
      verify(`after restart ${cycle}`);

      const session = await signIn(platform.url);
      const writer = writeAgencies(session, areaId, `Crash ${cycle}`);
      const reader = readRegister(session, areaId);
      await Promise.race([writer.first, writer.ended]);
      await sleep(next() * 400);
      platform.process.child.kill('SIGKILL');
      await platform.process.exited;
      running.splice(running.indexOf(platform), 1);
      await writer.ended;
      await reader.ended;
      readsAnswered += reader.answered();
      for (const id of writer.acknowledged) acknowledged.add(id);
      attempted += writer.attempted();
    }

    const last = await startPlatform(file);
    running.push(last);
    const found = verify('after the last restart');
    // Through the API too: the restarted platform serves what it acknowledged.
    const listed = new Set((await (await signIn(last.url)).get<{ id: string }[]>('/api/admin/agencies')).map((a) => a.id));
    for (const id of acknowledged) expect(listed.has(id)).toBe(true);

    const inDoubt = attempted - acknowledged.size;
    const committedInDoubt = found.agencies.size - acknowledged.size;
    console.log(
      [
        `crash test (seed ${seed}): ${KILLS_DURING_WRITES} kills during writes, ${KILLS_DURING_START_UP} during start-up`,
        `  acknowledged writes ${acknowledged.size}, lost ${lost.length}`,
        `  audited reads answered ${readsAnswered}, audit rows of reads found ${found.registerReads}`,
        `  cut off in flight ${inDoubt} (of which committed before the kill: ${committedInDoubt})`,
      ].join('\n'),
    );
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS_DURING_WRITES);
    expect(readsAnswered).toBeGreaterThanOrEqual(KILLS_DURING_WRITES);
    expect(lost).toEqual([]);
  });
});
