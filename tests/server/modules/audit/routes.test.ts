import { describe, expect, it } from 'vitest';
import { ApiError, AuditList, type AuditAction, type AuditEntity } from '@marac/shared';
import { auditEvents } from '../../../../server/src/db/schema';
import { baseWorld, makeUser, signIn, testApp } from '../../helper';

type Ctx = Awaited<ReturnType<typeof testApp>>;

interface Seed {
  at: string;
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  userId?: string | null;
}

function seed(ctx: Ctx, rows: Seed[]) {
  const ids: string[] = [];
  for (const row of rows) {
    const id = crypto.randomUUID();
    ids.push(id);
    ctx.database.db
      .insert(auditEvents)
      .values({ id, at: row.at, action: row.action, entityType: row.entityType, entityId: row.entityId ?? null, userId: row.userId ?? null, ip: '10.1.1.1' })
      .run();
  }
  return ids;
}

/**
 * An audit trail of seven events over October and November 2026 by two people, and an administrator
 * whose sign-in (2026-11-23T10:00Z) is the newest event.
 */
async function auditWorld() {
  const ctx = await testApp();
  const { area, admin } = await baseWorld(ctx.database);
  const coordinator = await makeUser(ctx.database, { role: 'coordinator', areaIds: [area.id] });
  const caseId = crypto.randomUUID();
  const [oldest, , startOfFrom, , endOfTo, , newest] = seed(ctx, [
    { at: '2026-10-15T09:00:00.000Z', action: 'create', entityType: 'area', entityId: area.id, userId: admin.id },
    { at: '2026-10-31T23:59:59.999Z', action: 'view', entityType: 'case', entityId: caseId, userId: coordinator.id },
    { at: '2026-11-01T00:00:00.000Z', action: 'view', entityType: 'case', entityId: caseId, userId: coordinator.id },
    { at: '2026-11-02T00:00:00.000Z', action: 'update', entityType: 'case', entityId: caseId, userId: coordinator.id },
    { at: '2026-11-05T23:59:59.999Z', action: 'export', entityType: 'referral', entityId: crypto.randomUUID(), userId: coordinator.id },
    { at: '2026-11-06T00:00:00.000Z', action: 'view', entityType: 'person', entityId: crypto.randomUUID(), userId: coordinator.id },
    { at: '2026-11-20T12:00:00.000Z', action: 'update', entityType: 'user', entityId: coordinator.id, userId: admin.id },
  ]);
  const agent = await signIn(ctx.app, 'admin@test.invalid');
  return { ...ctx, area, admin, coordinator, caseId, agent, ids: { oldest, startOfFrom, endOfTo, newest } };
}

/** Each reading is itself audited; a minute apart, those rows sort unambiguously after everything before them. */
async function list(ctx: Awaited<ReturnType<typeof auditWorld>>, query = '') {
  ctx.clock.advanceMinutes(1);
  const response = await ctx.agent.request({ method: 'GET', url: `/api/audit${query}` });
  expect(response.statusCode).toBe(200);
  return AuditList.parse(response.json());
}

describe('GET /api/audit', () => {
  it('lists every event newest first with the total', async () => {
    const ctx = await auditWorld();
    const all = await list(ctx);
    expect(all).toMatchObject({ total: 8, limit: 50, offset: 0 });
    expect(all.items).toHaveLength(8);
    expect(all.items[0]).toMatchObject({ action: 'sign_in', entityType: 'session', userId: ctx.admin.id, userEmail: 'admin@test.invalid', ip: '127.0.0.1' });
    const times = all.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.items.at(-1)?.id).toBe(ctx.ids.oldest);
  });

  it('pages through the events', async () => {
    const ctx = await auditWorld();
    const page = await list(ctx, '?limit=3&offset=2');
    expect(page).toMatchObject({ total: 8, limit: 3, offset: 2 });
    expect(page.items).toHaveLength(3);
    // Now 9 events, the reading above the newest.
    const all = await list(ctx);
    expect(all.total).toBe(9);
    expect(all.items[0]).toMatchObject({ action: 'list', entityType: 'audit' });
    expect(page.items.map((e) => e.id)).toEqual(all.items.slice(3, 6).map((e) => e.id));
    // And 10 after that reading: the last page holds the two oldest.
    const last = await list(ctx, '?limit=3&offset=8');
    expect(last).toMatchObject({ total: 10, limit: 3, offset: 8 });
    expect(last.items.map((e) => e.id)).toEqual([all.items[7]?.id, all.items[8]?.id]);
    expect(last.items.at(-1)?.id).toBe(ctx.ids.oldest);
  });

  it('filters by action, entity type and entity id', async () => {
    const ctx = await auditWorld();
    const views = await list(ctx, '?action=view');
    expect(views.total).toBe(3);
    expect(views.items.every((e) => e.action === 'view')).toBe(true);

    const cases = await list(ctx, '?entityType=case');
    expect(cases.total).toBe(3);
    expect(cases.items.map((e) => e.action)).toEqual(['update', 'view', 'view']);

    const oneCase = await list(ctx, `?entityId=${ctx.caseId}`);
    expect(oneCase.total).toBe(3);
    expect(oneCase.items.every((e) => e.entityId === ctx.caseId)).toBe(true);

    const caseViews = await list(ctx, `?entityType=case&action=view&entityId=${ctx.caseId}`);
    expect(caseViews.total).toBe(2);
  });

  it('filters by the person who acted', async () => {
    const ctx = await auditWorld();
    const byCoordinator = await list(ctx, `?userId=${ctx.coordinator.id}`);
    expect(byCoordinator.total).toBe(5);
    expect(byCoordinator.items.every((e) => e.userId === ctx.coordinator.id)).toBe(true);
    const byAdmin = await list(ctx, `?userId=${ctx.admin.id}`);
    // The reading just made is the administrator's too.
    expect(byAdmin.items.map((e) => e.action)).toEqual(['list', 'sign_in', 'update', 'create']);
    expect(byAdmin.items[2]?.id).toBe(ctx.ids.newest);
  });

  it('includes the whole of the from and to days, and nothing either side', async () => {
    const ctx = await auditWorld();
    const range = await list(ctx, '?from=2026-11-01&to=2026-11-05');
    expect(range.total).toBe(3);
    expect(range.items[0]?.id).toBe(ctx.ids.endOfTo);
    expect(range.items.at(-1)?.id).toBe(ctx.ids.startOfFrom);

    const before = await list(ctx, '?to=2026-10-31');
    expect(before.total).toBe(2);
    expect(before.items.at(-1)?.id).toBe(ctx.ids.oldest);
    expect((await list(ctx, '?from=2026-11-06&to=2026-11-20')).total).toBe(2);
    // Today holds the sign-in and the readings made so far.
    const today = await list(ctx, '?from=2026-11-23&to=2026-11-23');
    expect(today.items.map((e) => e.action)).toEqual(['list', 'list', 'list', 'sign_in']);
  });

  it('combines the date range with the other filters', async () => {
    const ctx = await auditWorld();
    const result = await list(ctx, `?from=2026-11-01&to=2026-11-30&userId=${ctx.coordinator.id}&action=view`);
    expect(result.total).toBe(2);
    expect(result.items.map((e) => e.entityType)).toEqual(['person', 'case']);
  });

  it('records each reading of the audit trail as an audit event', async () => {
    const ctx = await auditWorld();
    const result = await list(ctx, '?action=view&limit=2');
    const rows = ctx.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'audit');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'list', entityType: 'audit', entityId: null, userId: ctx.admin.id, userEmail: 'admin@test.invalid', ip: '127.0.0.1', at: '2026-11-23T10:01:00.000Z' });
    expect(rows[0]?.detail).toMatchObject({ returned: result.items.length });
    expect((rows[0]?.detail as { filters: string[] }).filters).toContain('action');

    // The next reading shows the previous one.
    ctx.clock.advanceMinutes(1);
    const next = await list(ctx, '?entityType=audit');
    expect(next.items.map((e) => e.action)).toEqual(['list']);
  });

  it('names an invalid filter and records nothing', async () => {
    const ctx = await auditWorld();
    for (const [query, field] of [
      ['?from=2026-13-01', 'from'],
      ['?to=yesterday', 'to'],
      ['?userId=not-a-uuid', 'userId'],
      ['?action=hack', 'action'],
      ['?entityType=spaceship', 'entityType'],
      ['?limit=201', 'limit'],
    ] as const) {
      const response = await ctx.agent.request({ method: 'GET', url: `/api/audit${query}` });
      expect(response.statusCode, query).toBe(400);
      const body = ApiError.parse(response.json());
      expect(body.code).toBe('validation_failed');
      expect(body.fields.map((f) => f.field), query).toEqual([field]);
    }
    expect(ctx.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'audit')).toHaveLength(0);
  });
});
