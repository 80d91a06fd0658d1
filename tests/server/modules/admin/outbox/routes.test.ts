import { ApiError, MAX_DELIVERY_ATTEMPTS, OutboxMessage, OutboxPage, type OutboxState } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { auditEvents, outbox } from '../../../../../server/src/db/schema';
import { deliverOutbox, queueNotice, type MailTransport } from '../../../../../server/src/modules/mail/outbox';
import { makeUser, signIn, testApp, type Agent } from '../../../helper';

// The test clock reads 2026-11-23T10:00:00.000Z until a test moves it.

const CASE_ID = '00000000-0000-4000-8000-0000000000c1';

async function outboxWorld() {
  const ctx = await testApp();
  const admin = await makeUser(ctx.database, { role: 'administrator', areaIds: [], email: 'admin@test.invalid', name: 'Ada Admin' });
  await makeUser(ctx.database, { role: 'coordinator', areaIds: [], email: 'coord@test.invalid' });
  const queue = (key: string, fields: { recipient?: string; caseIds?: string[] } = {}) => {
    queueNotice(ctx.database.db, { recipient: fields.recipient ?? `${key}@agency.test`, subject: `Notice ${key}`, body: 'Sign in', dedupeKey: key, caseIds: fields.caseIds }, ctx.clock.now());
    return ctx.database.db.select().from(outbox).all().find((n) => n.dedupeKey === key)!;
  };
  /** Sets columns the delivery would have set, as SQL: the state a notice reached, without sending it. */
  const setRow = (id: string, columns: Record<string, string | number | null>) => {
    const names = Object.keys(columns);
    ctx.database.sqlite.prepare(`UPDATE outbox SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => columns[n]), id);
  };
  const row = (id: string) => ctx.database.db.select().from(outbox).all().find((n) => n.id === id)!;
  const audit = () => ctx.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'outbox');
  return { ...ctx, admin, queue, setRow, row, audit, agent: await signIn(ctx.app, 'admin@test.invalid') };
}

const post = (agent: Agent, id: string, change: 'resend' | 'cancel') => agent.request({ method: 'POST', url: `/api/admin/outbox/${id}/${change}` });
const list = async (agent: Agent, state?: OutboxState) => OutboxPage.parse((await agent.request({ method: 'GET', url: `/api/admin/outbox${state ? `?state=${state}` : ''}` })).json());

function recording() {
  const sent: string[] = [];
  const transport: MailTransport = { send: async ({ subject }) => void sent.push(subject) };
  return { sent, transport };
}

describe('resending a notice', () => {
  it('puts a notice that used every attempt back with all its attempts, so the next pass sends it, and audits it', async () => {
    const world = await outboxWorld();
    const notice = world.queue('given-up');
    world.setRow(notice.id, { attempts: MAX_DELIVERY_ATTEMPTS, error: 'ECONNECTION', next_attempt_at: null });
    const { sent, transport } = recording();
    expect(await deliverOutbox(world.database.db, transport, world.clock.now)).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect((await list(world.agent, 'failed')).items.map((m) => m.id)).toEqual([notice.id]);

    const response = await post(world.agent, notice.id, 'resend');
    expect(response.statusCode).toBe(200);
    expect(OutboxMessage.parse(response.json())).toMatchObject({ id: notice.id, state: 'waiting', attempts: 0, error: null, nextAttemptAt: null, sending: false });
    expect(world.audit()).toEqual([
      expect.objectContaining({ action: 'update', entityId: notice.id, userId: world.admin.id, at: '2026-11-23T10:00:00.000Z', detail: { change: 'resend', fields: ['attempts', 'error', 'nextAttemptAt'] } }),
    ]);

    expect(await deliverOutbox(world.database.db, transport, world.clock.now)).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(sent).toEqual(['Notice given-up']);
    expect(world.row(notice.id)).toMatchObject({ attempts: 1, sentAt: '2026-11-23T10:00:00.000Z' });
  });

  it('sends a notice waiting out its wait after a failure at the next pass', async () => {
    const world = await outboxWorld();
    const notice = world.queue('retrying');
    world.setRow(notice.id, { attempts: 2, error: 'ETIMEDOUT', next_attempt_at: '2026-11-23T10:05:00.000Z' });
    expect((await list(world.agent, 'failed')).items[0]).toMatchObject({ state: 'failed', nextAttemptAt: '2026-11-23T10:05:00.000Z' });

    expect((await post(world.agent, notice.id, 'resend')).statusCode).toBe(200);
    const { sent, transport } = recording();
    await deliverOutbox(world.database.db, transport, world.clock.now);
    expect(sent).toEqual(['Notice retrying']);
  });

  it('refuses a notice to a recipient a bar on one of its cases now names, and changes nothing', async () => {
    const world = await outboxWorld();
    const notice = world.queue('barred', { recipient: 'marac@homes.test', caseIds: [CASE_ID] });
    world.setRow(notice.id, { attempts: 2, error: 'ETIMEDOUT', next_attempt_at: '2026-11-23T10:05:00.000Z' });
    world.database.sqlite.pragma('foreign_keys = OFF');
    world.database.sqlite
      .prepare("INSERT INTO case_bars (id, case_id, agency_id, email, name, source_key, recorded_at) VALUES (?, ?, NULL, 'marac@homes.test', 'Homes', 'test', '2026-11-23T09:00:00.000Z')")
      .run('00000000-0000-4000-8000-0000000000b1', CASE_ID);
    world.database.sqlite.pragma('foreign_keys = ON');
    const before = world.row(notice.id);

    const response = await post(world.agent, notice.id, 'resend');
    expect(response.statusCode).toBe(409);
    expect(ApiError.parse(response.json()).message).toBe('A bar on a case this notice concerns names its recipient, so it cannot be sent');
    expect(world.row(notice.id)).toEqual(before);
    expect(world.audit()).toEqual([]);
  });
});

describe('cancelling a notice', () => {
  it('stops a waiting notice for good, says who cancelled it, and audits it', async () => {
    const world = await outboxWorld();
    const notice = world.queue('stop');
    world.clock.advanceMinutes(3);

    const response = await post(world.agent, notice.id, 'cancel');
    expect(response.statusCode).toBe(200);
    const cancelled = OutboxMessage.parse(response.json());
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledAt: '2026-11-23T10:03:00.000Z', cancelledBy: { id: world.admin.id, name: 'Ada Admin' }, sentAt: null });
    expect(world.audit()).toEqual([expect.objectContaining({ action: 'update', entityId: notice.id, userId: world.admin.id, detail: { change: 'cancel', fields: ['cancelledAt', 'cancelledBy'] } })]);

    const { sent, transport } = recording();
    expect(await deliverOutbox(world.database.db, transport, world.clock.now)).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(sent).toEqual([]);
    expect((await list(world.agent, 'cancelled')).items).toEqual([cancelled]);
    expect((await list(world.agent, 'waiting')).total).toBe(0);

    for (const change of ['cancel', 'resend'] as const) {
      const again = await post(world.agent, notice.id, change);
      expect(again.statusCode, change).toBe(409);
      expect(ApiError.parse(again.json()).message).toBe('This notice has been cancelled and will not be sent');
    }
    expect(world.audit()).toHaveLength(1);
  });

  it('refuses a notice already sent, either way', async () => {
    const world = await outboxWorld();
    const notice = world.queue('gone');
    await deliverOutbox(world.database.db, recording().transport, world.clock.now);
    for (const change of ['cancel', 'resend'] as const) {
      const response = await post(world.agent, notice.id, change);
      expect(response.statusCode, change).toBe(409);
      expect(ApiError.parse(response.json()).message).toBe('This notice has already been sent');
    }
    expect(world.row(notice.id)).toMatchObject({ cancelledAt: null, attempts: 1 });
    expect(world.audit()).toEqual([]);
  });
});

describe('a notice a sender holds', () => {
  it('is listed as being sent and can be neither resent nor cancelled until the claim ends or lapses', async () => {
    const world = await outboxWorld();
    const notice = world.queue('held');
    world.setRow(notice.id, { claimed_by: 'host:1:abc', claimed_until: '2026-11-23T10:05:00.000Z', attempts: 1 });
    expect((await list(world.agent)).items[0]).toMatchObject({ state: 'waiting', sending: true });
    for (const change of ['cancel', 'resend'] as const) {
      const response = await post(world.agent, notice.id, change);
      expect(response.statusCode, change).toBe(409);
      expect(ApiError.parse(response.json()).message).toBe('This notice is being sent at this moment. Look again in a few minutes');
    }

    // The sender died: once its lease is over, the notice is free again.
    world.clock.advanceMinutes(6);
    expect((await list(world.agent)).items[0]).toMatchObject({ sending: false });
    expect((await post(world.agent, notice.id, 'cancel')).statusCode).toBe(200);
    expect(world.row(notice.id)).toMatchObject({ claimedBy: null, claimedUntil: null });
  });
});

describe('the outbox list and who may change it', () => {
  it('files each notice under one state: waiting, failed (retrying, given up, or cut short), sent and cancelled', async () => {
    const world = await outboxWorld();
    const waiting = world.queue('waiting');
    const retrying = world.queue('retrying');
    world.setRow(retrying.id, { attempts: 1, error: 'ECONNECTION', next_attempt_at: '2026-11-23T10:01:00.000Z' });
    const givenUp = world.queue('given-up');
    world.setRow(givenUp.id, { attempts: MAX_DELIVERY_ATTEMPTS, error: 'EENVELOPE (SMTP 550)' });
    // Its sender stopped during the last attempt, leaving no error.
    const cutShort = world.queue('cut-short');
    world.setRow(cutShort.id, { attempts: MAX_DELIVERY_ATTEMPTS, claimed_by: 'gone', claimed_until: '2026-11-23T09:00:00.000Z' });
    const sent = world.queue('sent');
    world.setRow(sent.id, { sent_at: '2026-11-23T09:30:00.000Z', attempts: 1 });
    const barred = world.queue('barred');
    world.setRow(barred.id, { cancelled_at: '2026-11-23T09:40:00.000Z', error: 'Not sent: a bar on a case it concerns names the recipient' });

    const ids = async (state: OutboxState) => (await list(world.agent, state)).items.map((m) => m.id).sort();
    expect(await ids('waiting')).toEqual([waiting.id]);
    expect(await ids('failed')).toEqual([retrying.id, givenUp.id, cutShort.id].sort());
    expect(await ids('sent')).toEqual([sent.id]);
    expect(await ids('cancelled')).toEqual([barred.id]);
    const all = await list(world.agent);
    expect(all.total).toBe(6);
    expect(Object.fromEntries(all.items.map((m) => [m.subject, m.state]))).toEqual({
      'Notice waiting': 'waiting',
      'Notice retrying': 'failed',
      'Notice given-up': 'failed',
      'Notice cut-short': 'failed',
      'Notice sent': 'sent',
      'Notice barred': 'cancelled',
    });
    // Cancelled by the platform, not by a person.
    expect(all.items.find((m) => m.id === barred.id)).toMatchObject({ cancelledBy: null, sending: false });
  });

  it('answers an unknown notice with 404 and anyone but an administrator with 403', async () => {
    const world = await outboxWorld();
    const notice = world.queue('n');
    const unknown = await post(world.agent, '00000000-0000-4000-8000-000000000000', 'resend');
    expect(unknown.statusCode).toBe(404);
    expect(ApiError.parse(unknown.json()).code).toBe('not_found');
    const coordinator = await signIn(world.app, 'coord@test.invalid');
    for (const change of ['cancel', 'resend'] as const) expect((await post(coordinator, notice.id, change)).statusCode).toBe(403);
    expect(world.row(notice.id)).toMatchObject({ cancelledAt: null, attempts: 0 });
  });
});
