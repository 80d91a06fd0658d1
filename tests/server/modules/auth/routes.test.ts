import { describe, expect, it } from 'vitest';
import { ApiError, Me } from '@marac/shared';
import { auditEvents, sessions } from '../../../../server/src/db/schema';
import { PASSWORD, baseWorld, makeUser, sessionCookieOf, signIn, testApp } from '../../helper';

describe('POST /api/auth/login', () => {
  it('signs in with the right password and sets a protected session cookie', async () => {
    const { app, database } = await testApp();
    const { admin } = await baseWorld(database);
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ADMIN@test.invalid ', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const me = Me.parse(response.json());
    expect(me.user).toMatchObject({ id: admin.id, role: 'administrator' });
    const cookie = response.cookies.find((c) => c.name === 'marac_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: 'not the password' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.invalid', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const a = ApiError.parse(wrong.json());
    const b = ApiError.parse(unknown.json());
    expect(a.code).toBe('invalid_credentials');
    expect(a.message).toBe(b.message);
    expect(wrong.cookies).toHaveLength(0);
    const failures = database.db.select().from(auditEvents).all().filter((e) => e.action === 'sign_in_failed');
    expect(failures).toHaveLength(2);
  });

  it('marks the cookie Secure when served over https', async () => {
    const { app, database } = await testApp({ SECURE_COOKIES: true });
    await baseWorld(database);
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === '__Host-marac_session');
    expect(cookie?.secure).toBe(true);
  });

  it('locks the account after 10 failures in 5 minutes, even for the right password, then lets it in again', async () => {
    const { app, database, clock } = await testApp();
    await baseWorld(database);
    for (let i = 0; i < 10; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: `wrong ${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(ApiError.parse(locked.json()).code).toBe('too_many_attempts');
    clock.advanceMinutes(5);
    const later = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: PASSWORD } });
    expect(later.statusCode).toBe(200);
  });

  it('names the missing field when the body is incomplete', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'someone@test.invalid' } });
    expect(response.statusCode).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.field)).toEqual(['password']);
  });

  it('issues a new session id at every sign-in and ends the one presented', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const first = await signIn(app, 'admin@test.invalid');
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: 'admin@test.invalid', password: PASSWORD },
    });
    expect(sessionCookieOf(second)).not.toBe(first.cookie);
    const old = await first.request({ method: 'GET', url: '/api/auth/me' });
    expect(old.statusCode).toBe(401);
    expect(database.db.select().from(sessions).all().filter((s) => s.revokedAt === null)).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes but not while in use', async () => {
    const { app, database, clock } = await testApp();
    await baseWorld(database);
    const agent = await signIn(app, 'admin@test.invalid');
    clock.advanceMinutes(29);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    clock.advanceMinutes(29);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    clock.advanceMinutes(30);
    const expired = await agent.request({ method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(ApiError.parse(expired.json()).code).toBe('unauthenticated');
  });

  it('ends 12 hours after sign-in however active the user is', async () => {
    const { app, database, clock } = await testApp();
    await baseWorld(database);
    const agent = await signIn(app, 'admin@test.invalid');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advanceMinutes(20);
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    clock.advanceMinutes(20);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('sign-out revokes the session on the server', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const agent = await signIn(app, 'admin@test.invalid');
    const out = await agent.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a change without the CSRF token and changes nothing', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    const agent = await signIn(app, 'admin@test.invalid');
    const before = database.db.select().from(auditEvents).all().length;
    for (const headers of [{ cookie: agent.cookie }, { cookie: agent.cookie, 'x-csrf-token': 'forged' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/admin/areas', headers, payload: { name: 'New area', code: 'NEW' } });
      expect(response.statusCode).toBe(403);
      expect(ApiError.parse(response.json()).code).toBe('csrf_failed');
    }
    expect(database.db.select().from(auditEvents).all()).toHaveLength(before);
    const areas = await agent.request({ method: 'GET', url: '/api/admin/areas' });
    expect(areas.json()).toHaveLength(1);
  });

  it('a disabled user cannot sign in', async () => {
    const { app, database } = await testApp();
    const { area } = await baseWorld(database);
    await makeUser(database, { role: 'coordinator', areaIds: [area.id], email: 'gone@test.invalid', disabledAt: '2026-01-02T00:00:00.000Z' });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'gone@test.invalid', password: PASSWORD } });
    expect(response.statusCode).toBe(401);
  });
});
