import { MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../../server/src/config';
import { migrateDatabase, openDatabase } from '../../../../server/src/db/client';
import { outbox } from '../../../../server/src/db/schema';
import { JobRegistry } from '../../../../server/src/lib/jobs';
import { CLAIM_LEASE_MS, RETRY_WAITS_MS, deliverOutbox, nextAttemptAfter, queueNotice, type MailTransport } from '../../../../server/src/modules/mail/outbox';
import { startMailWorker } from '../../../../server/src/modules/mail/worker';
import { testApp } from '../../helper';

const START = new Date('2026-11-23T10:00:00.000Z');
const at = (ms: number) => () => new Date(START.getTime() + ms);
const MINUTE = 60_000;

/** A transport that keeps what it was given, and refuses every address listed in `refuse`. */
function recording(refuse: string[] = []) {
  const sent: string[] = [];
  const transport: MailTransport = {
    send: async ({ to, subject }) => {
      if (refuse.includes(to)) throw Object.assign(new Error('refused'), { code: 'EENVELOPE', responseCode: 550 });
      sent.push(subject);
    },
  };
  return { sent, transport };
}

async function outboxWith(count: number) {
  const { database } = await testApp();
  for (let i = 0; i < count; i++) queueNotice(database.db, { recipient: `box${i}@agency.test`, subject: `Notice ${i}`, body: 'Sign in', dedupeKey: `k${i}` }, new Date(START.getTime() - (count - i) * 1000));
  return database;
}

const rows = (database: Awaited<ReturnType<typeof outboxWith>>) => database.db.select().from(outbox).all();

describe('claiming a notice before it is sent', () => {
  it('leaves a notice another sender holds until the claim lapses, then sends it and counts both attempts', async () => {
    const database = await outboxWith(1);
    const [notice] = rows(database);
    // A sender that stopped mid-send left its claim, and the attempt it counted.
    database.sqlite.prepare("UPDATE outbox SET claimed_by = 'gone:1', claimed_until = ?, attempts = 1 WHERE id = ?").run(at(2 * MINUTE)().toISOString(), notice!.id);

    const { sent, transport } = recording();
    expect(await deliverOutbox(database.db, transport, at(MINUTE))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(await deliverOutbox(database.db, transport, at(2 * MINUTE))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(await deliverOutbox(database.db, transport, at(2 * MINUTE + 1))).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(sent).toEqual(['Notice 0']);
    expect(rows(database)[0]).toMatchObject({ attempts: 2, claimedBy: null, claimedUntil: null, sentAt: at(2 * MINUTE + 1)().toISOString() });
  });

  it('holds the claim in the database while the SMTP server has the notice, so a second sender passes it by', async () => {
    const database = await outboxWith(2);
    let release!: () => void;
    const sent: string[] = [];
    const slow: MailTransport = {
      send: async ({ subject }) => {
        if (subject === 'Notice 0') await new Promise<void>((resolve) => (release = resolve));
        sent.push(subject);
      },
    };
    const first = deliverOutbox(database.db, slow, at(0), { sender: 'first' });
    await expect.poll(() => rows(database).find((n) => n.subject === 'Notice 0')?.claimedBy).toBe('first');
    expect(rows(database).find((n) => n.subject === 'Notice 0')).toMatchObject({ attempts: 1, claimedUntil: at(CLAIM_LEASE_MS)().toISOString(), sentAt: null });

    // The second sender, in the lease, finds only the notice nobody holds.
    expect(await deliverOutbox(database.db, slow, at(MINUTE), { sender: 'second' })).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(sent.sort()).toEqual(['Notice 0', 'Notice 1']);
    expect(rows(database).every((n) => n.sentAt !== null && n.claimedBy === null && n.attempts === 1)).toBe(true);
  });

  it('sends every notice once when several passes run at the same time', async () => {
    const database = await outboxWith(30);
    const sent: string[] = [];
    const transport: MailTransport = { send: async ({ subject }) => void (await new Promise((resolve) => setTimeout(resolve, 1)), sent.push(subject)) };
    const reports = await Promise.all(['a', 'b', 'c'].map((sender) => deliverOutbox(database.db, transport, at(0), { sender })));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
  });
});

describe('waiting longer after each failure', () => {
  it('waits 1 minute, 5 minutes, 30 minutes and 2 hours, then stops after the last attempt', () => {
    expect(RETRY_WAITS_MS).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE]);
    expect([1, 2, 3, 4].map((attempts) => nextAttemptAfter(attempts, START))).toEqual([
      '2026-11-23T10:01:00.000Z',
      '2026-11-23T10:05:00.000Z',
      '2026-11-23T10:30:00.000Z',
      '2026-11-23T12:00:00.000Z',
    ]);
    expect(nextAttemptAfter(MAX_DELIVERY_ATTEMPTS, START)).toBeNull();
  });

  it('does not try a failed notice again before its wait is over, and the rest still go', async () => {
    const database = await outboxWith(2);
    const { sent, transport } = recording(['box0@agency.test']);
    expect(await deliverOutbox(database.db, transport, at(0))).toEqual({ sent: 1, failed: 1, cancelled: 0 });
    const failed = () => rows(database).find((n) => n.subject === 'Notice 0');
    expect(failed()).toMatchObject({ attempts: 1, error: 'EENVELOPE (SMTP 550)', nextAttemptAt: '2026-11-23T10:01:00.000Z', claimedBy: null, claimedUntil: null });

    expect(await deliverOutbox(database.db, transport, at(MINUTE - 1))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(await deliverOutbox(database.db, transport, at(MINUTE))).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    expect(failed()).toMatchObject({ attempts: 2, nextAttemptAt: '2026-11-23T10:06:00.000Z' });

    expect(await deliverOutbox(database.db, transport, at(5 * MINUTE))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(await deliverOutbox(database.db, transport, at(6 * MINUTE))).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    expect(failed()).toMatchObject({ attempts: 3, nextAttemptAt: '2026-11-23T10:36:00.000Z' });
    expect(await deliverOutbox(database.db, transport, at(36 * MINUTE))).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    expect(failed()).toMatchObject({ attempts: 4, nextAttemptAt: '2026-11-23T12:36:00.000Z' });
    expect(await deliverOutbox(database.db, transport, at(156 * MINUTE))).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    // The last attempt: it now waits for an administrator.
    expect(failed()).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null });
    expect(await deliverOutbox(database.db, transport, at(30 * 24 * 60 * MINUTE))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(sent).toEqual(['Notice 1']);
  });
});

describe('the mail worker', () => {
  it('reports each pass to the job registry, and a pass that fails with the kind of error only', async () => {
    const database = openDatabase(':memory:');
    migrateDatabase(database.db);
    const jobs = new JobRegistry();
    const warnings: string[] = [];
    const { transport } = recording();
    const worker = startMailWorker(database, testConfig({ MAIL_INTERVAL_SECONDS: 60 }), transport, at(0), { warn: (_details, message) => void warnings.push(message) }, jobs);
    try {
      expect(jobs.list()).toEqual([expect.objectContaining({ name: 'mail', expectedEveryMs: 60_000, runs: 0 })]);
      await worker.tick();
      expect(jobs.list()[0]).toMatchObject({ runs: 1, failures: 0, lastError: null, lastSuccessAt: START });

      database.close();
      await expect(worker.tick()).rejects.toThrow();
      expect(jobs.list()[0]).toMatchObject({ runs: 2, failures: 1, lastError: 'TypeError', lastSuccessAt: START });
      expect(warnings).toEqual([]);
    } finally {
      worker.stop();
      if (database.sqlite.open) database.close();
    }
  });

  it('still runs without a registry, as it always has', async () => {
    const database = openDatabase(':memory:');
    migrateDatabase(database.db);
    queueNotice(database.db, { recipient: 'a@agency.test', subject: 'Notice', body: 'Sign in', dedupeKey: 'k' }, START);
    const { sent, transport } = recording();
    const worker = startMailWorker(database, testConfig(), transport, at(0), { warn: () => undefined });
    try {
      await worker.tick();
      expect(sent).toEqual(['Notice']);
    } finally {
      worker.stop();
      database.close();
    }
  });
});
