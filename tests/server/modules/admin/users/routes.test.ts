import { describe, expect, it } from 'vitest';
import { ApiError, Me, User, UserList } from '@marac/shared';
import { auditEvents, sessions, userAreas, users } from '../../../../../server/src/db/schema';
import { PASSWORD, baseWorld, makeAgency, makeArea, makeUser, signIn, testApp } from '../../../helper';
import { adminVersion } from '../../meetings/versions';

type Ctx = Awaited<ReturnType<typeof testApp>>;

async function adminWorld() {
  const ctx = await testApp();
  const world = await baseWorld(ctx.database);
  const second = makeArea(ctx.database, { name: 'Secondshire', code: 'SECOND' });
  const agent = await signIn(ctx.app, 'admin@test.invalid');
  return { ...ctx, ...world, second, agent };
}

/** Audit rows about users: what the administration routes under test write. */
const userAuditRows = (ctx: Ctx) =>
  ctx.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType === 'user');

const userRow = (ctx: Ctx, id: string) => ctx.database.db.select().from(users).all().find((u) => u.id === id);
const userByEmail = (ctx: Ctx, email: string) => ctx.database.db.select().from(users).all().find((u) => u.email === email);
const areasOf = (ctx: Ctx, id: string) =>
  ctx.database.db
    .select()
    .from(userAreas)
    .all()
    .filter((l) => l.userId === id)
    .map((l) => l.areaId)
    .sort();

const login = (ctx: Ctx, email: string, password = PASSWORD) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

const NEW_PASSWORD = 'a brand new long passphrase';

describe('POST /api/admin/users', () => {
  it('creates a user with a hashed password who can then sign in, and audits it without personal data', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: ' Casey.Coordinator@Test.Invalid ', name: 'Casey Coordinator', role: 'coordinator', areaIds: [ctx.area.id, ctx.second.id], password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(201);
    const user = User.parse(response.json());
    expect(user).toMatchObject({
      email: 'casey.coordinator@test.invalid',
      name: 'Casey Coordinator',
      role: 'coordinator',
      agencyId: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      lastSignedInAt: null,
      disabledAt: null,
    });
    expect([...user.areaIds].sort()).toEqual([ctx.area.id, ctx.second.id].sort());
    expect(Object.keys(response.json<Record<string, unknown>>())).not.toContain('passwordHash');
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain(NEW_PASSWORD);

    const stored = userRow(ctx, user.id);
    expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(stored?.passwordHash).not.toContain(NEW_PASSWORD);
    expect(areasOf(ctx, user.id)).toEqual([ctx.area.id, ctx.second.id].sort());

    const audit = userAuditRows(ctx);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 'user', entityId: user.id, userId: ctx.admin.id, userEmail: 'admin@test.invalid', ip: '127.0.0.1' });
    const detail = JSON.stringify(audit[0]?.detail ?? null);
    for (const secret of [NEW_PASSWORD, 'Casey', 'casey.coordinator', '$argon2']) expect(detail).not.toContain(secret);

    const signedIn = await login(ctx, 'casey.coordinator@test.invalid', NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(Me.parse(signedIn.json()).user).toMatchObject({ id: user.id, role: 'coordinator' });
  });

  it('creates an agency representative with their agency', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'rep@test.invalid', name: 'Rae Rep', role: 'agency_representative', agencyId: ctx.police.id, areaIds: [ctx.area.id], password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(201);
    expect(User.parse(response.json())).toMatchObject({ role: 'agency_representative', agencyId: ctx.police.id });
    const me = Me.parse((await login(ctx, 'rep@test.invalid', NEW_PASSWORD)).json());
    expect(me.agency).toMatchObject({ id: ctx.police.id, name: 'Testshire Police' });
  });

  it('names an invalid e-mail address and a short password, and stores nothing', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'not-an-address', name: 'Nobody', role: 'coordinator', areaIds: [ctx.area.id], password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['email', 'password']);
    expect(response.body).not.toContain('short"');
    expect(ctx.database.db.select().from(users).all()).toHaveLength(1);
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('requires an agency for an agency representative, naming agencyId', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'rep@test.invalid', name: 'Rae Rep', role: 'agency_representative', areaIds: [ctx.area.id], password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['agencyId']);
    expect(userByEmail(ctx, 'rep@test.invalid')).toBeUndefined();
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('refuses an agency that does not exist, and an agency for any other role, naming agencyId', async () => {
    const ctx = await adminWorld();
    const unknownAgency = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'rep@test.invalid', name: 'Rae Rep', role: 'agency_representative', agencyId: crypto.randomUUID(), areaIds: [ctx.area.id], password: NEW_PASSWORD },
    });
    expect(unknownAgency.statusCode).toBe(400);
    expect(ApiError.parse(unknownAgency.json()).fields.map((f) => f.field)).toEqual(['agencyId']);
    const chairWithAgency = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'chair@test.invalid', name: 'Chris Chair', role: 'chair', agencyId: ctx.police.id, areaIds: [ctx.area.id], password: NEW_PASSWORD },
    });
    expect(chairWithAgency.statusCode).toBe(400);
    expect(ApiError.parse(chairWithAgency.json()).fields.map((f) => f.field)).toEqual(['agencyId']);
    expect(ctx.database.db.select().from(users).all()).toHaveLength(1);
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('refuses an area that does not exist, naming areaIds, and stores nothing', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'lost@test.invalid', name: 'Lost User', role: 'coordinator', areaIds: [ctx.area.id, crypto.randomUUID()], password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaIds']);
    expect(userByEmail(ctx, 'lost@test.invalid')).toBeUndefined();
    expect(ctx.database.db.select().from(userAreas).all()).toHaveLength(1);
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('refuses an e-mail address already in use, whatever its case, with 409 naming email', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email: 'ADMIN@test.invalid', name: 'Impostor', role: 'administrator', areaIds: [ctx.area.id], password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(409);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('conflict');
    expect(body.fields.map((f) => f.field)).toEqual(['email']);
    expect(ctx.database.db.select().from(users).all()).toHaveLength(1);
    expect(userAuditRows(ctx)).toHaveLength(0);
    // The existing account keeps its password.
    expect((await login(ctx, 'admin@test.invalid', NEW_PASSWORD)).statusCode).toBe(401);
  });
});

describe('GET /api/admin/users', () => {
  async function population() {
    const ctx = await adminWorld();
    const agency = makeAgency(ctx.database, [ctx.area.id], { name: 'Housing Trust', kind: 'housing' });
    await makeUser(ctx.database, { role: 'coordinator', areaIds: [ctx.area.id], name: 'Beth Baker', email: 'beth.baker@test.invalid' });
    await makeUser(ctx.database, { role: 'coordinator', areaIds: [ctx.second.id], name: 'Carl Carter', email: 'carl@test.invalid', disabledAt: '2026-06-01T00:00:00.000Z' });
    await makeUser(ctx.database, { role: 'chair', areaIds: [ctx.area.id], name: 'Dana Dale', email: 'dana@test.invalid' });
    await makeUser(ctx.database, { role: 'agency_representative', areaIds: [ctx.area.id], agencyId: agency.id, name: 'Eve Evans', email: 'eve.baker@test.invalid' });
    await makeUser(ctx.database, { role: 'observer', areaIds: [ctx.area.id], name: 'Finn Ford', email: 'finn@test.invalid', disabledAt: '2026-07-01T00:00:00.000Z' });
    return ctx;
  }
  const list = async (ctx: Awaited<ReturnType<typeof population>>, query: string) => {
    const response = await ctx.agent.request({ method: 'GET', url: `/api/admin/users${query}` });
    expect(response.statusCode).toBe(200);
    return UserList.parse(response.json());
  };

  it('lists everyone by name with the total and the page asked for', async () => {
    const ctx = await population();
    const all = await list(ctx, '');
    expect(all).toMatchObject({ total: 6, limit: 50, offset: 0 });
    expect(all.items.map((u) => u.name)).toEqual(['Beth Baker', 'Carl Carter', 'Dana Dale', 'Eve Evans', 'Finn Ford', 'Test administrator']);
    expect(JSON.stringify(all)).not.toContain('argon2');

    const page = await list(ctx, '?limit=2&offset=2');
    expect(page).toMatchObject({ total: 6, limit: 2, offset: 2 });
    expect(page.items.map((u) => u.name)).toEqual(['Dana Dale', 'Eve Evans']);
    const beyond = await list(ctx, '?limit=2&offset=10');
    expect(beyond).toMatchObject({ total: 6, items: [] });
  });

  it('filters by text in the name or e-mail address, ignoring case', async () => {
    const ctx = await population();
    const baker = await list(ctx, '?q=BAKER');
    expect(baker.total).toBe(2);
    expect(baker.items.map((u) => u.name)).toEqual(['Beth Baker', 'Eve Evans']);
    expect((await list(ctx, '?q=dana')).items.map((u) => u.email)).toEqual(['dana@test.invalid']);
    expect((await list(ctx, '?q=nobody-matches')).total).toBe(0);
  });

  it('matches the wildcard characters % and _ literally', async () => {
    const ctx = await population();
    await makeUser(ctx.database, { role: 'chair', areaIds: [ctx.area.id], name: 'Gail Green', email: 'gail_green@test.invalid' });
    await makeUser(ctx.database, { role: 'chair', areaIds: [ctx.area.id], name: 'Gailx Greenx', email: 'gailxgreen@test.invalid' });
    const underscore = await list(ctx, '?q=gail_green');
    expect(underscore.items.map((u) => u.email)).toEqual(['gail_green@test.invalid']);
    expect(underscore.total).toBe(1);
    expect((await list(ctx, `?q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('filters by role and by status, together with paging', async () => {
    const ctx = await population();
    const coordinators = await list(ctx, '?role=coordinator');
    expect(coordinators.items.map((u) => u.name)).toEqual(['Beth Baker', 'Carl Carter']);
    const disabled = await list(ctx, '?status=disabled');
    expect(disabled.items.map((u) => u.name)).toEqual(['Carl Carter', 'Finn Ford']);
    expect(disabled.items.every((u) => u.disabledAt !== null)).toBe(true);
    const active = await list(ctx, '?status=active');
    expect(active.total).toBe(4);
    expect(active.items.every((u) => u.disabledAt === null)).toBe(true);
    const activeCoordinators = await list(ctx, '?role=coordinator&status=active');
    expect(activeCoordinators.items.map((u) => u.name)).toEqual(['Beth Baker']);
    const paged = await list(ctx, '?status=active&limit=1&offset=1');
    expect(paged).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(paged.items.map((u) => u.name)).toEqual(['Dana Dale']);
  });

  it('names an invalid filter', async () => {
    const ctx = await population();
    for (const [query, field] of [
      ['?role=emperor', 'role'],
      ['?status=sleeping', 'status'],
      ['?limit=0', 'limit'],
      ['?limit=500', 'limit'],
      ['?offset=-1', 'offset'],
    ] as const) {
      const response = await ctx.agent.request({ method: 'GET', url: `/api/admin/users${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(ApiError.parse(response.json()).fields.map((f) => f.field), query).toEqual([field]);
    }
  });
});

describe('PATCH /api/admin/users/:id', () => {
  async function withCoordinator() {
    const ctx = await adminWorld();
    const user = await makeUser(ctx.database, { role: 'coordinator', areaIds: [ctx.area.id], name: 'Casey Coordinator', email: 'casey@test.invalid' });
    const userAgent = await signIn(ctx.app, 'casey@test.invalid');
    return { ...ctx, user, userAgent };
  }

  it('renames a user, keeps everything else and their sessions, and audits only the field name', async () => {
    const ctx = await withCoordinator();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${ctx.user.id}`, payload: { version: adminVersion(ctx, 'users', ctx.user.id), name: 'Casey Jones' } });
    expect(response.statusCode).toBe(200);
    expect(User.parse(response.json())).toMatchObject({ id: ctx.user.id, name: 'Casey Jones', role: 'coordinator', agencyId: null, areaIds: [ctx.area.id], email: 'casey@test.invalid' });
    expect(areasOf(ctx, ctx.user.id)).toEqual([ctx.area.id]);
    expect((await ctx.userAgent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const audit = userAuditRows(ctx);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', entityType: 'user', entityId: ctx.user.id, userId: ctx.admin.id, ip: '127.0.0.1', detail: { fields: ['name'] } });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('Casey');
  });

  it("ends the user's sessions when their role changes", async () => {
    const ctx = await withCoordinator();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${ctx.user.id}`, payload: { version: adminVersion(ctx, 'users', ctx.user.id), role: 'chair' } });
    expect(response.statusCode).toBe(200);
    expect(User.parse(response.json())).toMatchObject({ role: 'chair', name: 'Casey Coordinator', areaIds: [ctx.area.id] });
    const old = await ctx.userAgent.request({ method: 'GET', url: '/api/auth/me' });
    expect(old.statusCode).toBe(401);
    expect(ApiError.parse(old.json()).code).toBe('unauthenticated');
    expect(userAuditRows(ctx)[0]?.detail).toEqual({ fields: ['role'] });
    // Signing in again gives the new rights.
    expect(Me.parse((await login(ctx, 'casey@test.invalid')).json()).user.role).toBe('chair');
  });

  it("ends the user's sessions when their areas change", async () => {
    const ctx = await withCoordinator();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${ctx.user.id}`, payload: { version: adminVersion(ctx, 'users', ctx.user.id), areaIds: [ctx.second.id] } });
    expect(response.statusCode).toBe(200);
    expect(areasOf(ctx, ctx.user.id)).toEqual([ctx.second.id]);
    expect((await ctx.userAgent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('requires an agency when the role becomes agency representative, and changes nothing without one', async () => {
    const ctx = await withCoordinator();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${ctx.user.id}`, payload: { version: adminVersion(ctx, 'users', ctx.user.id), role: 'agency_representative' } });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['agencyId']);
    expect(userRow(ctx, ctx.user.id)).toMatchObject({ role: 'coordinator', agencyId: null });
    expect(userAuditRows(ctx)).toHaveLength(0);
    expect((await ctx.userAgent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const withAgency = await ctx.agent.request({
      method: 'PATCH',
      url: `/api/admin/users/${ctx.user.id}`,
      payload: { version: adminVersion(ctx, 'users', ctx.user.id), role: 'agency_representative', agencyId: ctx.police.id },
    });
    expect(withAgency.statusCode).toBe(200);
    expect(User.parse(withAgency.json())).toMatchObject({ role: 'agency_representative', agencyId: ctx.police.id });
  });

  it('drops the agency when a representative moves to another role', async () => {
    const ctx = await adminWorld();
    const rep = await makeUser(ctx.database, { role: 'agency_representative', agencyId: ctx.police.id, areaIds: [ctx.area.id] });
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${rep.id}`, payload: { version: adminVersion(ctx, 'users', rep.id), role: 'observer' } });
    expect(response.statusCode).toBe(200);
    expect(User.parse(response.json())).toMatchObject({ role: 'observer', agencyId: null });
    expect(userRow(ctx, rep.id)?.agencyId).toBeNull();
  });

  it('refuses an unknown area, naming areaIds, and changes nothing', async () => {
    const ctx = await withCoordinator();
    const response = await ctx.agent.request({
      method: 'PATCH',
      url: `/api/admin/users/${ctx.user.id}`,
      payload: { version: adminVersion(ctx, 'users', ctx.user.id), name: 'Should Not Stick', areaIds: [crypto.randomUUID()] },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaIds']);
    expect(userRow(ctx, ctx.user.id)?.name).toBe('Casey Coordinator');
    expect(areasOf(ctx, ctx.user.id)).toEqual([ctx.area.id]);
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('answers 404 for a user who does not exist', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${crypto.randomUUID()}`, payload: { version: adminVersion(ctx, 'users', crypto.randomUUID()), name: 'Ghost' } });
    expect(response.statusCode).toBe(404);
    expect(ApiError.parse(response.json()).code).toBe('not_found');
    expect(userAuditRows(ctx)).toHaveLength(0);
  });
});

describe('disabling and enabling users', () => {
  it('disabling ends every session of the user at once and blocks sign-in; enabling lets them in again', async () => {
    const ctx = await adminWorld();
    const user = await makeUser(ctx.database, { role: 'chair', areaIds: [ctx.area.id], email: 'chair@test.invalid' });
    const laptop = await signIn(ctx.app, 'chair@test.invalid');
    const phone = await signIn(ctx.app, 'chair@test.invalid');

    const disabled = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/disable`, payload: { version: adminVersion(ctx, 'users', user.id) } });
    expect(disabled.statusCode).toBe(200);
    expect(User.parse(disabled.json()).disabledAt).toBe('2026-11-23T10:00:00.000Z');
    for (const agent of [laptop, phone]) {
      const me = await agent.request({ method: 'GET', url: '/api/auth/me' });
      expect(me.statusCode).toBe(401);
      expect(ApiError.parse(me.json()).code).toBe('unauthenticated');
    }
    const userSessions = ctx.database.db.select().from(sessions).all().filter((s) => s.userId === user.id);
    expect(userSessions).toHaveLength(2);
    expect(userSessions.every((s) => s.revokedAt !== null)).toBe(true);
    const refused = await login(ctx, 'chair@test.invalid');
    expect(refused.statusCode).toBe(401);
    expect(ApiError.parse(refused.json()).code).toBe('invalid_credentials');

    const enabled = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/enable`, payload: { version: adminVersion(ctx, 'users', user.id) } });
    expect(enabled.statusCode).toBe(200);
    expect(User.parse(enabled.json()).disabledAt).toBeNull();
    expect((await login(ctx, 'chair@test.invalid')).statusCode).toBe(200);
    // Sessions ended by the disable stay ended.
    expect((await laptop.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const audit = userAuditRows(ctx);
    expect(audit.map((e) => e.action)).toEqual(['disable', 'enable']);
    expect(audit[0]).toMatchObject({ entityType: 'user', entityId: user.id, userId: ctx.admin.id, ip: '127.0.0.1', detail: { sessionsEnded: 2 } });
    expect(audit[1]).toMatchObject({ entityType: 'user', entityId: user.id, userId: ctx.admin.id, ip: '127.0.0.1' });
  });

  it('does not let an administrator disable themselves', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${ctx.admin.id}/disable`, payload: { version: adminVersion(ctx, 'users', ctx.admin.id) } });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).code).toBe('validation_failed');
    expect(userRow(ctx, ctx.admin.id)?.disabledAt).toBeNull();
    expect((await ctx.agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(userAuditRows(ctx)).toHaveLength(0);
  });

  it('lets one administrator disable another', async () => {
    const ctx = await adminWorld();
    const other = await makeUser(ctx.database, { role: 'administrator', areaIds: [ctx.area.id], email: 'other.admin@test.invalid' });
    const otherAgent = await signIn(ctx.app, 'other.admin@test.invalid');
    const response = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${other.id}/disable`, payload: { version: adminVersion(ctx, 'users', other.id) } });
    expect(response.statusCode).toBe(200);
    expect((await otherAgent.request({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });

  it('answers 404 for a user who does not exist', async () => {
    const ctx = await adminWorld();
    for (const path of ['disable', 'enable']) {
      const response = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${crypto.randomUUID()}/${path}`, payload: { version: 0 } });
      expect(response.statusCode).toBe(404);
      expect(ApiError.parse(response.json()).code).toBe('not_found');
    }
    expect(userAuditRows(ctx)).toHaveLength(0);
  });
});

describe('a user changed by two administrators', () => {
  it('refuses a change, a disable or an enable from a version someone else has changed since, changing nothing', async () => {
    const ctx = await adminWorld();
    const user = await makeUser(ctx.database, { role: 'coordinator', areaIds: [ctx.area.id], name: 'Casey Coordinator', email: 'casey@test.invalid' });
    const seen = User.parse((await ctx.agent.request({ method: 'GET', url: `/api/admin/users/${user.id}` })).json());
    expect(seen.version).toBe(0);
    const theirs = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { version: 0, role: 'chair' } });
    expect(User.parse(theirs.json())).toMatchObject({ role: 'chair', version: 1 });
    const before = { row: userRow(ctx, user.id), areas: areasOf(ctx, user.id), audit: userAuditRows(ctx).length };

    // From the page as it was: it would have put the role back to coordinator.
    const stale = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { version: 0, name: 'Casey Jones', role: 'coordinator' } });
    expect(stale.statusCode).toBe(409);
    expect(ApiError.parse(stale.json())).toMatchObject({
      code: 'conflict',
      message: 'Someone else changed this user since you opened it: their version is shown; check it, then make your change again',
      fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }],
    });
    for (const path of ['disable', 'enable']) {
      expect((await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/${path}`, payload: { version: 0 } })).statusCode).toBe(409);
    }
    expect({ row: userRow(ctx, user.id), areas: areasOf(ctx, user.id), audit: userAuditRows(ctx).length }).toEqual(before);

    const fresh = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { version: 1, name: 'Casey Jones' } });
    expect(User.parse(fresh.json())).toMatchObject({ name: 'Casey Jones', role: 'chair', version: 2 });
    const disabled = await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/disable`, payload: { version: 2 } });
    expect(User.parse(disabled.json())).toMatchObject({ version: 3, disabledAt: '2026-11-23T10:00:00.000Z' });
    // Signing in is not a change an administrator could overwrite: it takes no version.
    expect((await ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/enable`, payload: { version: 3 } })).statusCode).toBe(200);
    expect((await login(ctx, 'casey@test.invalid')).statusCode).toBe(200);
    expect(userRow(ctx, user.id)?.version).toBe(4);
  });

  it('lets exactly one of two changes sent at once from the same version win', async () => {
    const ctx = await adminWorld();
    const user = await makeUser(ctx.database, { role: 'coordinator', areaIds: [ctx.area.id], email: 'casey@test.invalid' });
    const answers = await Promise.all([
      ctx.agent.request({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { version: 0, role: 'chair' } }),
      ctx.agent.request({ method: 'POST', url: `/api/admin/users/${user.id}/disable`, payload: { version: 0 } }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(userRow(ctx, user.id)?.version).toBe(1);
    expect(userAuditRows(ctx)).toHaveLength(1);
  });
});
