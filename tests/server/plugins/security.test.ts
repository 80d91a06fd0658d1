import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@marac/shared';
import { buildApp } from '../../../server/src/app';
import { testConfig } from '../../../server/src/config';
import { openDatabase, type Database_ } from '../../../server/src/db/client';
import { auditEvents } from '../../../server/src/db/schema';
import { NO_WEB_BUILD, PASSWORD, baseWorld, makeUser, signIn, testApp } from '../helper';

type App = Awaited<ReturnType<typeof buildApp>>;
type Response = Awaited<ReturnType<App['inject']>>;

const built: { app: App; database: Database_ }[] = [];
afterEach(async () => {
  for (const { app, database } of built.splice(0)) {
    await app.close();
    database.close();
  }
});

function expectSecurityHeaders(response: Response) {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cache-control']).toBe('no-store');
}

describe('response headers', () => {
  it('sets the security headers and no-store on /api/health', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expectSecurityHeaders(response);
    // No HSTS over plain http.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets them on a signed-in API response carrying data', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const admin = await signIn(app, 'admin@test.invalid');
    const response = await admin.request({ method: 'GET', url: '/api/admin/users' });
    expect(response.statusCode).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.pragma).toBe('no-cache');
  });

  it('sets them on error answers too', async () => {
    const { app } = await testApp();
    const unauthenticated = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(unauthenticated.statusCode).toBe(401);
    expectSecurityHeaders(unauthenticated);
    const missing = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expectSecurityHeaders(missing);
  });

  it('sends HSTS when served over https', async () => {
    const { app } = await testApp({ SECURE_COOKIES: true });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(response.headers['strict-transport-security']).toContain('includeSubDomains');
  });
});

describe('error answers', () => {
  it('answers an unknown /api path with 404 in the ApiError shape', async () => {
    const { app } = await testApp();
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/admin/nothing-here'],
      ['DELETE', '/api/admin/areas'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      const body = ApiError.parse(response.json());
      expect(body.code).toBe('not_found');
      expect(body.fields).toEqual([]);
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers a malformed JSON body with 400 validation_failed without echoing the body', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "admin@test.invalid", "password": "SECRET-PASSPHRASE-VALUE',
    });
    expect(response.statusCode).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(response.body).not.toContain('SECRET-PASSPHRASE-VALUE');
    expect(response.body).not.toContain('admin@test.invalid');
    expect(body.message).not.toMatch(/JSON|Unexpected|position/i);
    expect(database.db.select().from(auditEvents).all()).toHaveLength(0);
  });

  it('refuses a text/plain body to sign-in with 415 unsupported_media_type', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: 'admin@test.invalid', password: PASSWORD }),
    });
    expect(response.statusCode).toBe(415);
    expect(ApiError.parse(response.json()).code).toBe('unsupported_media_type');
    expect(response.cookies).toHaveLength(0);
  });

  it('refuses other non-JSON bodies with 415 unsupported_media_type', async () => {
    const { app } = await testApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=admin%40test.invalid&password=x',
    });
    expect(response.statusCode).toBe(415);
    expect(ApiError.parse(response.json()).code).toBe('unsupported_media_type');
  });

  it('refuses a body over 1 MiB with 413 payload_too_large', async () => {
    const { app } = await testApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'someone@test.invalid', password: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(ApiError.parse(response.json()).code).toBe('payload_too_large');
  });

  it('answers an unexpected error with 500 internal_error and does not leak its message', async () => {
    const database = openDatabase(':memory:');
    const app = await buildApp({ config: testConfig({ WEB_DIST: NO_WEB_BUILD }), database });
    built.push({ app, database });
    app.get('/api/test-explodes', { config: { access: 'public' } }, async () => {
      throw new Error('secret detail');
    });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/test-explodes' });
    expect(response.statusCode).toBe(500);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('internal_error');
    expect(response.body).not.toContain('secret detail');
    expect(response.body).not.toContain('Error');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('limits requests without a session per address, 600 a minute by default, with 429 rate_limited', async () => {
    const { app } = await testApp();
    for (let i = 0; i < 600; i++) {
      const ok = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.30' });
      if (ok.statusCode !== 200) throw new Error(`request ${i} answered ${ok.statusCode}`);
    }
    const limited = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.30' });
    expect(limited.statusCode).toBe(429);
    expect(ApiError.parse(limited.json()).code).toBe('rate_limited');
    const other = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.31' });
    expect(other.statusCode).toBe(200);
  });

  it('counts signed-in requests per account: an office behind one address is not limited by its colleagues', async () => {
    const { app, database } = await testApp({ RATE_LIMIT_PER_MINUTE: 20, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 10 });
    const { area } = await baseWorld(database);
    const office = '198.51.100.7';
    const first = await makeUser(database, { role: 'coordinator', areaIds: [area.id] });
    const second = await makeUser(database, { role: 'coordinator', areaIds: [area.id] });
    const one = await signIn(app, first.email);
    const other = await signIn(app, second.email);
    // Anonymous requests from the office use up the address's limit; signed-in ones do not count against it.
    for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url: '/api/health', remoteAddress: office });
    expect((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: office })).statusCode).toBe(429);

    for (let i = 0; i < 20; i++) {
      const ok = await one.request({ method: 'GET', url: '/api/auth/me', remoteAddress: office });
      if (ok.statusCode !== 200) throw new Error(`request ${i} answered ${ok.statusCode}`);
    }
    expect((await one.request({ method: 'GET', url: '/api/auth/me', remoteAddress: office })).statusCode).toBe(429);
    // The same account from another address is the same account.
    expect((await one.request({ method: 'GET', url: '/api/auth/me', remoteAddress: '192.0.2.44' })).statusCode).toBe(429);
    // A colleague at the same office still has all of theirs.
    expect((await other.request({ method: 'GET', url: '/api/auth/me', remoteAddress: office })).statusCode).toBe(200);
  });
});
