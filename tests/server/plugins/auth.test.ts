import { describe, expect, it } from 'vitest';
import { ApiError, Me, PublicInfo, type Role } from '@marac/shared';
import type { buildApp } from '../../../server/src/app';
import { areas, auditEvents, users } from '../../../server/src/db/schema';
import { PASSWORD, baseWorld, makeAgency, makeArea, makeUser, signIn, testApp, unreadyTestApp } from '../helper';

type App = Awaited<ReturnType<typeof buildApp>>;

const unreadyApp = async () => (await unreadyTestApp()).app;

const login = (app: App, email: string, password: string, remoteAddress?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, ...(remoteAddress ? { remoteAddress } : {}) });

describe('who may call a route', () => {
  it('refuses a protected route without a session with 401 unauthenticated', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    for (const [method, url] of [
      ['GET', '/api/auth/me'],
      ['GET', '/api/home'],
      ['GET', '/api/admin/users'],
      ['GET', '/api/audit'],
      ['POST', '/api/admin/areas'],
    ] as const) {
      const response = await app.inject({ method, url, ...(method === 'POST' ? { payload: { name: 'Nowhere', code: 'NOWHERE' } } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(ApiError.parse(response.json()).code).toBe('unauthenticated');
    }
    expect(database.db.select().from(areas).all()).toHaveLength(1);
    expect(database.db.select().from(auditEvents).all()).toHaveLength(0);
  });

  const nonAdmins: Role[] = ['coordinator', 'chair', 'observer', 'agency_representative'];
  for (const role of nonAdmins) {
    it(`refuses the administration and audit routes to the ${role} role with 403 and writes nothing`, async () => {
      const { app, database } = await testApp();
      const { area, police } = await baseWorld(database);
      const user = await makeUser(database, { role, areaIds: [area.id], agencyId: role === 'agency_representative' ? police.id : null });
      const agent = await signIn(app, user.email);
      const auditBefore = database.db.select().from(auditEvents).all();

      const listUsers = await agent.request({ method: 'GET', url: '/api/admin/users' });
      const createArea = await agent.request({ method: 'POST', url: '/api/admin/areas', payload: { name: 'Shadow area', code: 'SHADOW' } });
      const readAudit = await agent.request({ method: 'GET', url: '/api/audit' });
      const createUser = await agent.request({
        method: 'POST',
        url: '/api/admin/users',
        payload: { email: 'new.admin@test.invalid', name: 'New Admin', role: 'administrator', areaIds: [area.id], password: 'a long enough password' },
      });

      for (const response of [listUsers, createArea, readAudit, createUser]) {
        expect(response.statusCode).toBe(403);
        expect(ApiError.parse(response.json()).code).toBe('forbidden');
      }
      expect(database.db.select().from(areas).all().map((a) => a.code)).toEqual(['TEST']);
      expect(database.db.select().from(users).all().map((u) => u.email)).not.toContain('new.admin@test.invalid');
      expect(database.db.select().from(auditEvents).all()).toEqual(auditBefore);
      // Their own, signed-in routes still work.
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    });
  }

  it('lets an administrator through the same routes', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const admin = await signIn(app, 'admin@test.invalid');
    expect((await admin.request({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: '/api/admin/areas', payload: { name: 'Second area', code: 'SECOND' } })).statusCode).toBe(201);
  });

  it('serves public routes without a session', async () => {
    const { app } = await testApp();
    const info = await app.inject({ method: 'GET', url: '/api/public' });
    expect(info.statusCode).toBe(200);
    expect(PublicInfo.parse(info.json()).demo).toBe(false);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('does not let a percent-encoded path skip the sign-in check on a read', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    for (const url of ['/%61pi/admin/users', '/ap%69/audit']) {
      const response = await app.inject({ method: 'GET', url });
      expect([401, 404], `${url} answered ${response.statusCode}`).toContain(response.statusCode);
      expect(response.body).not.toContain('admin@test.invalid');
    }
  });

  it('does not let a percent-encoded path create an account without signing in', async () => {
    const { app, database } = await testApp();
    const { area } = await baseWorld(database);
    const response = await app.inject({
      method: 'POST',
      url: '/%61pi/admin/users',
      payload: { email: 'intruder@test.invalid', name: 'Intruder', role: 'administrator', areaIds: [area.id], password: 'a long enough password' },
    });
    expect([401, 403, 404]).toContain(response.statusCode);
    expect(database.db.select().from(users).all().map((u) => u.email)).not.toContain('intruder@test.invalid');
    expect((await login(app, 'intruder@test.invalid', 'a long enough password')).statusCode).toBe(401);
  });
});

describe('routes must declare who may call them', () => {
  it('refuses to register an /api route without config.access, naming the route', async () => {
    const app = await unreadyApp();
    expect(() => app.get('/api/x', async () => 'x')).toThrow(/GET \/api\/x.*config\.access/);
  });

  it('refuses the same inside a plugin registered under a prefix', async () => {
    const app = await unreadyApp();
    const registering = async () => {
      await app.register(
        async (scope: App) => {
          scope.post('/undeclared', async () => 'x');
        },
        { prefix: '/api/plugin' },
      );
    };
    await expect(registering()).rejects.toThrow(/POST \/api\/plugin\/undeclared.*config\.access/);
  });

  it('accepts a route that declares its access, and one outside /api', async () => {
    const app = await unreadyApp();
    app.get('/api/declared', { config: { access: 'signed-in' } }, async () => ({ ok: true }));
    app.get('/outside', async () => 'plain');
    await app.ready();
    const declared = await app.inject({ method: 'GET', url: '/api/declared' });
    expect(declared.statusCode).toBe(401);
    expect(ApiError.parse(declared.json()).code).toBe('unauthenticated');
    expect((await app.inject({ method: 'GET', url: '/outside' })).body).toBe('plain');
  });
});

describe('sign-in limits per address', () => {
  it('locks an address after 10 failures against different accounts, while another address can still sign in', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    for (let i = 0; i < 10; i++) {
      const failed = await login(app, `unknown${i}@test.invalid`, 'guessing', '203.0.113.7');
      expect(failed.statusCode).toBe(401);
      expect(ApiError.parse(failed.json()).code).toBe('invalid_credentials');
    }
    const locked = await login(app, 'admin@test.invalid', PASSWORD, '203.0.113.7');
    expect(locked.statusCode).toBe(429);
    expect(ApiError.parse(locked.json()).code).toBe('too_many_attempts');
    expect(locked.cookies).toHaveLength(0);

    const elsewhere = await login(app, 'admin@test.invalid', PASSWORD, '198.51.100.20');
    expect(elsewhere.statusCode).toBe(200);
    expect(Me.parse(elsewhere.json()).user.email).toBe('admin@test.invalid');

    // A good sign-in elsewhere does not reset the locked address.
    expect((await login(app, 'admin@test.invalid', PASSWORD, '203.0.113.7')).statusCode).toBe(429);
  });

  it('releases the address after the 5-minute window', async () => {
    const { app, database, clock } = await testApp();
    await baseWorld(database);
    for (let i = 0; i < 10; i++) await login(app, `unknown${i}@test.invalid`, 'guessing', '203.0.113.8');
    expect((await login(app, 'admin@test.invalid', PASSWORD, '203.0.113.8')).statusCode).toBe(429);
    clock.advanceMinutes(5);
    expect((await login(app, 'admin@test.invalid', PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });

  it('does not believe X-Forwarded-For when no proxy is configured, so the lock cannot be dodged', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    for (let i = 0; i < 10; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
        payload: { email: `unknown${i}@test.invalid`, password: 'guessing' },
      });
    }
    const spoofed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': '192.0.2.200' },
      payload: { email: 'admin@test.invalid', password: PASSWORD },
    });
    expect(spoofed.statusCode).toBe(429);
    const failures = database.db.select().from(auditEvents).all().filter((e) => e.action === 'sign_in_failed');
    expect(failures).toHaveLength(10);
    expect(new Set(failures.map((e) => e.ip))).toEqual(new Set(['203.0.113.9']));
  });

  it('uses the address given by a trusted proxy when one is configured', async () => {
    const { app, database } = await testApp({ TRUST_PROXY_HOPS: 1 });
    const area = makeArea(database);
    makeAgency(database, [area.id]);
    const admin = await makeUser(database, { role: 'administrator', areaIds: [area.id] });
    for (let i = 0; i < 10; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.50' },
        payload: { email: `unknown${i}@test.invalid`, password: 'guessing' },
      });
    }
    const sameClient = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.50' },
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(sameClient.statusCode).toBe(429);
    const otherClient = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.51' },
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(otherClient.statusCode).toBe(200);
  });
});
