import { MAX_DELIVERY_ATTEMPTS, OutboxPage } from '@marac/shared';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../server/src/config';
import { outbox, research } from '../../../../server/src/db/schema';
import { queueAgendaChanged, queueResearchReminders } from '../../../../server/src/modules/mail/notices';
import { deliverOutbox, queueNotice } from '../../../../server/src/modules/mail/outbox';
import { smtpTransport } from '../../../../server/src/modules/mail/transport';
import { meetingById } from '../../../../server/src/modules/meetings/calendar';
import { makeAgency, makeArea, makeUser, signIn, testApp } from '../../helper';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free port, keeping what arrives; recipients at `refuse.invalid` are refused. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refuse.invalid')) callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const NOW = () => new Date('2026-11-23T10:00:00.000Z');

describe('delivering notices by SMTP', () => {
  it('sends each waiting notice once, from the configured sender, and marks it sent', async () => {
    smtp = await startSmtp();
    const { database } = await testApp();
    const db = database.db;
    const transport = smtpTransport({ ...testConfig(), SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port, SMTP_FROM: 'MARAC <marac@test.invalid>' });
    expect(transport).not.toBeNull();
    queueNotice(db, { recipient: 'police@agency.test', subject: 'MARAC agenda published', body: 'Sign in to read it: https://marac.test/meetings/1', dedupeKey: 'k1' }, NOW());
    // The same event queued twice is one notice.
    expect(queueNotice(db, { recipient: 'police@agency.test', subject: 'again', body: 'again', dedupeKey: 'k1' }, NOW())).toBe(false);

    const report = await deliverOutbox(db, transport!, NOW);
    expect(report).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('marac@test.invalid');
    expect(mail?.to).toEqual(['police@agency.test']);
    expect(mail?.data).toContain('Subject: MARAC agenda published');
    expect(mail?.data).toContain('https://marac.test/meetings/1');
    expect(db.select().from(outbox).all()[0]).toMatchObject({ sentAt: '2026-11-23T10:00:00.000Z', attempts: 1, error: null, claimedBy: null, claimedUntil: null });

    // Nothing is sent twice.
    expect(await deliverOutbox(db, transport!, NOW)).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a refused notice with the SMTP code, goes on with the rest, and gives up after the last attempt', async () => {
    smtp = await startSmtp();
    const { database } = await testApp();
    const db = database.db;
    const transport = smtpTransport({ ...testConfig(), SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port })!;
    queueNotice(db, { recipient: 'nobody@refuse.invalid', subject: 'One', body: 'One', dedupeKey: 'bad' }, new Date('2026-11-23T09:00:00.000Z'));
    queueNotice(db, { recipient: 'housing@agency.test', subject: 'Two', body: 'Two', dedupeKey: 'good' }, NOW());
    expect(await deliverOutbox(db, transport, NOW)).toEqual({ sent: 1, failed: 1, cancelled: 0 });
    const bad = db.select().from(outbox).all().find((n) => n.dedupeKey === 'bad');
    expect(bad).toMatchObject({ sentAt: null, attempts: 1 });
    expect(bad?.error).toMatch(/550/);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['housing@agency.test']);
    // Each retry waits for its turn; a day later every wait is over.
    for (let day = 1; day < MAX_DELIVERY_ATTEMPTS; day++) {
      const later = () => new Date(NOW().getTime() + day * 24 * 60 * 60_000);
      expect(await deliverOutbox(db, transport, later)).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    }
    expect(db.select().from(outbox).all().find((n) => n.dedupeKey === 'bad')).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null, claimedBy: null });
    expect(await deliverOutbox(db, transport, () => new Date('2027-01-01T00:00:00.000Z'))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('has no transport without an SMTP host, so notices wait in the outbox for administrators', async () => {
    expect(smtpTransport(testConfig())).toBeNull();
    const { app, database } = await testApp();
    await makeUser(database, { role: 'administrator', email: 'admin@test.invalid', areaIds: [] });
    await makeUser(database, { role: 'coordinator', email: 'coord@test.invalid', areaIds: [] });
    queueNotice(database.db, { recipient: 'police@agency.test', subject: 'Waiting', body: 'Sign in', dedupeKey: 'w' }, NOW());
    const admin = await signIn(app, 'admin@test.invalid');
    const page = OutboxPage.parse((await admin.request({ method: 'GET', url: '/api/admin/outbox?state=waiting' })).json());
    expect(page).toMatchObject({ total: 1, smtpConfigured: false });
    expect(page.items[0]).toMatchObject({ recipient: 'police@agency.test', subject: 'Waiting', sentAt: null, attempts: 0 });
    expect(OutboxPage.parse((await admin.request({ method: 'GET', url: '/api/admin/outbox?state=sent' })).json()).total).toBe(0);
    const coordinator = await signIn(app, 'coord@test.invalid');
    expect((await coordinator.request({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(403);
  });
});

describe('notices the platform sends on its own', () => {
  async function meetingWorld() {
    const { database } = await testApp();
    const db = database.db;
    const area = makeArea(database, { name: 'Testshire', code: 'TST' });
    const police = makeAgency(database, [area.id], { name: 'Police', kind: 'police', secureEmail: 'marac@police.test' });
    const quiet = makeAgency(database, [area.id], { name: 'No Mailbox', kind: 'other' });
    const sqlite = database.sqlite;
    const meetingId = '00000000-0000-4000-8000-000000000001';
    sqlite
      .prepare(
        `INSERT INTO meetings (id, area_id, series_id, kind, date, start_time, capacity, minutes_per_case, status, referral_cutoff, circulation_date, research_deadline, minutes_due_date, agenda_version, created_at)
         VALUES (?, ?, NULL, 'one_off', '2026-12-01', '09:30', 20, 12, 'agenda_published', '2026-11-19', '2026-11-24', '2026-11-27', '2026-12-04', 1, '2026-11-01T00:00:00.000Z')`,
      )
      .run(meetingId, area.id);
    sqlite.prepare('INSERT INTO meeting_invitations (id, meeting_id, agency_id, case_id) VALUES (?, ?, ?, NULL), (?, ?, ?, NULL)').run('00000000-0000-4000-8000-000000000011', meetingId, police.id, '00000000-0000-4000-8000-000000000012', meetingId, quiet.id);
    return { database, db, area, police, quiet, meetingId };
  }

  it('reminds an agency of research due on the next working day, once, with counts and no names', async () => {
    const world = await meetingWorld();
    const task = (id: string, caseNo: string, status: string, agencyId: string, due: string) =>
      world.database.sqlite
        .prepare(`INSERT INTO research (id, meeting_id, case_id, agency_id, status, due_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T00:00:00.000Z')`)
        .run(id, world.meetingId, caseNo, agencyId, status, due);
    world.database.sqlite.pragma('foreign_keys = OFF');
    task('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-0000000000c1', 'not_started', world.police.id, '2026-11-27');
    task('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-0000000000c2', 'draft', world.police.id, '2026-11-27');
    task('00000000-0000-4000-8000-000000000023', '00000000-0000-4000-8000-0000000000c3', 'submitted', world.police.id, '2026-11-27');
    task('00000000-0000-4000-8000-000000000024', '00000000-0000-4000-8000-0000000000c4', 'not_started', world.quiet.id, '2026-11-27');
    world.database.sqlite.pragma('foreign_keys = ON');
    expect(world.db.select().from(research).all()).toHaveLength(4);

    // Wednesday 25th: nothing is due on Thursday.
    expect(queueResearchReminders(world.db, '2026-11-25', NOW(), 'https://marac.test')).toBe(0);
    // Thursday 26th: two open tasks due on Friday; the agency without a mailbox gets nothing.
    expect(queueResearchReminders(world.db, '2026-11-26', NOW(), 'https://marac.test')).toBe(1);
    expect(queueResearchReminders(world.db, '2026-11-26', NOW(), 'https://marac.test')).toBe(0);
    const [notice] = world.db.select().from(outbox).all();
    expect(notice).toMatchObject({ recipient: 'marac@police.test', subject: 'MARAC research due 27 November 2026: Testshire' });
    expect(notice?.body).toContain('2 research tasks for the Testshire MARAC on 1 December 2026 still open');
    expect(notice?.body).toContain(`https://marac.test/meetings/${world.meetingId}`);
  });

  it('tells invited agencies once a day that a published agenda changed', async () => {
    const world = await meetingWorld();
    const published = meetingById(world.db, world.meetingId)!;
    expect(published.status).toBe('agenda_published');
    expect(queueAgendaChanged(world.db, published, '2026-11-25', NOW(), 'https://marac.test')).toBe(1);
    expect(queueAgendaChanged(world.db, published, '2026-11-25', NOW(), 'https://marac.test')).toBe(0);
    expect(queueAgendaChanged(world.db, published, '2026-11-26', NOW(), 'https://marac.test')).toBe(1);
    expect(queueAgendaChanged(world.db, { ...published, status: 'planned' }, '2026-11-27', NOW(), 'https://marac.test')).toBe(0);
    expect(world.db.select().from(outbox).all().map((n) => n.subject)).toEqual([
      'MARAC agenda changed: Testshire, 1 December 2026',
      'MARAC agenda changed: Testshire, 1 December 2026',
    ]);
  });
});
