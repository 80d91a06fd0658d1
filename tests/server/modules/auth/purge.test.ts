import { describe, expect, it } from 'vitest';
import { loginFailures, sessions } from '../../../../server/src/db/schema';
import { JobRegistry } from '../../../../server/src/lib/jobs';
import { purgeExpired, startPurge } from '../../../../server/src/modules/auth/purge';
import { baseWorld, signIn, testApp } from '../../helper';

const LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

describe('the daily purge', () => {
  it('removes sessions that can no longer be used and old sign-in failures, and keeps the rest', async () => {
    const { app, database, clock } = await testApp();
    const { admin } = await baseWorld(database);
    await signIn(app, admin.email);
    const now = clock.now();
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    const session = (idHash: string, lastSeen: number, fields: Partial<typeof sessions.$inferInsert> = {}) =>
      database.db
        .insert(sessions)
        .values({ idHash, userId: admin.id, csrfToken: 'x', createdAt: at(lastSeen), lastSeenAt: at(lastSeen), absoluteExpiresAt: new Date(now.getTime() + 3_600_000).toISOString(), ...fields })
        .run();
    session('idle', 31);
    session('revoked', 1, { revokedAt: at(1) });
    session('past-lifetime', 1, { absoluteExpiresAt: at(0) });
    session('in-use', 5);
    database.db.insert(loginFailures).values([{ key: 'account:a', at: at(10) }, { key: 'account:a', at: at(1) }]).run();

    expect(purgeExpired(database.db, now, LIMITS)).toEqual({ sessions: 3, signInFailures: 1 });
    const left = database.db.select().from(sessions).all().map((s) => s.idHash);
    expect(left).toContain('in-use');
    expect(left.filter((id) => ['idle', 'revoked', 'past-lifetime'].includes(id))).toEqual([]);
    // The session signed in above is in use too, and stays.
    expect(left).toHaveLength(2);
    expect(database.db.select().from(loginFailures).all().map((f) => f.at)).toEqual([at(1)]);
  });

  it('runs at start-up and reports each run to the job registry', async () => {
    const { database, clock } = await testApp();
    const jobs = new JobRegistry();
    const purge = startPurge(database, clock.now, LIMITS, { warn: () => undefined }, jobs);
    purge.stop();
    expect(jobs.list()).toEqual([expect.objectContaining({ name: 'purge', runs: 1, failures: 0, lastError: null })]);
  });
});
