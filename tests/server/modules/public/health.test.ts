import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database_ } from '../../../../server/src/db/client';
import { queueNotice } from '../../../../server/src/modules/mail/outbox';
import { knownMigrations } from '../../../../server/src/db/migrations';
import { probeWrite } from '../../../../server/src/modules/public/readiness';

const shippedMigrations = () => knownMigrations().map((m) => m.when);
import { testApp, type TestContext } from '../../helper';

interface ReadinessBody {
  status: 'ok' | 'unavailable';
  checks: { name: string; ok: boolean; state: string }[];
}

type App = TestContext['app'];

async function ready(app: App) {
  const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
  return { statusCode: response.statusCode, body: response.json<ReadinessBody>() };
}

const failing = (body: ReadinessBody) => body.checks.filter((c) => !c.ok).map((c) => c.name);
const stateOf = (body: ReadinessBody, name: string) => body.checks.find((c) => c.name === name)?.state ?? '';

let notices = 0;

/** A notice that a sender has tried and failed to deliver `attempts` times. */
function failedNotice(ctx: TestContext, attempts: number, more: { claimedUntil?: string; cancelledAt?: string } = {}) {
  const dedupeKey = `test-${(notices += 1)}`;
  queueNotice(ctx.database.db, { recipient: 'mailbox@agency.test.invalid', subject: 'Agenda published', body: 'A link', dedupeKey }, ctx.clock.now());
  ctx.database.sqlite
    .prepare("update outbox set attempts = ?, error = 'ECONNREFUSED', claimed_by = ?, claimed_until = ?, cancelled_at = ? where dedupe_key = ?")
    .run(attempts, more.claimedUntil ? 'another sender' : null, more.claimedUntil ?? null, more.cancelledAt ?? null, dedupeKey);
}

describe('GET /api/health/live', () => {
  it('answers 200 without a session, whatever the state of the database', async () => {
    const { app, database } = await testApp();
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
    database.sqlite.pragma('query_only = ON');
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    database.sqlite.close();
    const response = await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /api/health/ready', () => {
  it('answers 200 on a fresh database and lists every check in words', async () => {
    const { app } = await testApp();
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.map((c) => c.name)).toEqual(['database', 'migrations', 'jobs', 'outbox']);
    expect(body.checks.every((c) => c.ok)).toBe(true);
    expect(stateOf(body, 'database')).toBe('writable');
    const shipped = shippedMigrations().length;
    expect(stateOf(body, 'migrations')).toBe(`current (${shipped} of ${shipped})`);
  });

  it('answers 503 on a database that refuses writes, and changes nothing to find out', async () => {
    const { app, database } = await testApp();
    const changes = () => database.sqlite.prepare('select total_changes() as n').get() as { n: number };
    const before = changes().n;
    expect((await ready(app)).statusCode).toBe(200);
    expect(changes().n).toBe(before);

    database.sqlite.pragma('query_only = ON');
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(failing(body)).toEqual(['database']);
    expect(stateOf(body, 'database')).toContain('read-only');

    database.sqlite.pragma('query_only = OFF');
    expect((await ready(app)).statusCode).toBe(200);
  });

  it('answers 503 on a database that does not answer at all', async () => {
    const { app, database } = await testApp();
    database.sqlite.close();
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(503);
    expect(failing(body)).toEqual(['database', 'migrations', 'outbox']);
    expect(stateOf(body, 'database')).toBe('not answering');
  });

  it('answers 503 on a database a newer version has migrated', async () => {
    const { app, database } = await testApp();
    const newest = Math.max(...shippedMigrations());
    database.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from a newer version', newest + 60_000);
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(503);
    expect(failing(body)).toEqual(['migrations']);
    expect(stateOf(body, 'migrations')).toContain('1 migration this version does not know');
  });

  it('answers 503 on a database that lacks a migration of this version', async () => {
    const { app, database } = await testApp();
    database.sqlite.prepare('delete from __drizzle_migrations where created_at = ?').run(Math.max(...shippedMigrations()));
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(503);
    expect(stateOf(body, 'migrations')).toContain('1 migration of this version not applied');
  });

  it('answers 503 while a background job has not succeeded for twice its interval, and 200 once it has', async () => {
    const { app, clock } = await testApp();
    app.jobs.register('mail', 60_000);
    expect((await ready(app)).statusCode).toBe(200);

    clock.advanceMinutes(3);
    const { statusCode, body } = await ready(app);
    expect(statusCode).toBe(503);
    expect(failing(body)).toEqual(['jobs']);
    expect(stateOf(body, 'jobs')).toBe('stuck: mail has not succeeded since start-up');

    // A failed run is not a success: still stuck.
    app.jobs.ran('mail', clock.now(), 'ECONNREFUSED');
    expect((await ready(app)).statusCode).toBe(503);
    app.jobs.ran('mail', clock.now());
    const after = await ready(app);
    expect(after.statusCode).toBe(200);
    expect(stateOf(after.body, 'jobs')).toBe('1 job on time');
  });

  it('tells of notices that used every delivery attempt, without naming a recipient, and stays ready: they wait for an administrator', async () => {
    const ctx = await testApp();
    failedNotice(ctx, MAX_DELIVERY_ATTEMPTS - 1);
    expect(stateOf((await ready(ctx.app)).body, 'outbox')).not.toContain('failed');

    failedNotice(ctx, MAX_DELIVERY_ATTEMPTS);
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(200);
    const body = response.json<ReadinessBody>();
    expect(failing(body)).toEqual([]);
    expect(stateOf(body, 'outbox')).toContain(`1 notice failed ${MAX_DELIVERY_ATTEMPTS} times and wait for an administrator`);
    expect(response.body).not.toContain('@');
    expect(response.body).not.toContain('Agenda published');
  });

  it('does not count a notice on its last attempt as given up while a sender holds it', async () => {
    const ctx = await testApp();
    const held = new Date(ctx.clock.now().getTime() + 60_000).toISOString();
    failedNotice(ctx, MAX_DELIVERY_ATTEMPTS, { claimedUntil: held });
    expect(stateOf((await ready(ctx.app)).body, 'outbox')).not.toContain('failed');
    ctx.clock.advanceMinutes(2);
    expect(stateOf((await ready(ctx.app)).body, 'outbox')).toContain('failed');
  });

  it('does not count cancelled notices', async () => {
    const ctx = await testApp();
    failedNotice(ctx, MAX_DELIVERY_ATTEMPTS, { cancelledAt: ctx.clock.now().toISOString() });
    expect(stateOf((await ready(ctx.app)).body, 'outbox')).not.toContain('failed');
  });

  it('answers 503 when a notice has waited for hours with a mail server set up', async () => {
    const ctx = await testApp({ SMTP_HOST: 'mail.test.invalid' });
    queueNotice(ctx.database.db, { recipient: 'mailbox@agency.test.invalid', subject: 'Research due', body: 'A link', dedupeKey: 'waiting' }, ctx.clock.now());
    ctx.clock.advanceMinutes(5 * 60);
    expect((await ready(ctx.app)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(2 * 60);
    const { statusCode, body } = await ready(ctx.app);
    expect(statusCode).toBe(503);
    expect(stateOf(body, 'outbox')).toBe('the oldest notice to send has waited 7 hours');
  });

  it('lets notices wait without a mail server: they are there for administrators to read', async () => {
    const ctx = await testApp();
    queueNotice(ctx.database.db, { recipient: 'mailbox@agency.test.invalid', subject: 'Research due', body: 'A link', dedupeKey: 'waiting' }, ctx.clock.now());
    ctx.clock.advanceMinutes(48 * 60);
    const { statusCode, body } = await ready(ctx.app);
    expect(statusCode).toBe(200);
    expect(stateOf(body, 'outbox')).toBe('1 notice to send (no mail server set up), none stuck');
  });

  it('lists every failing check at once', async () => {
    const ctx = await testApp({ SMTP_HOST: 'mail.test.invalid' });
    ctx.app.jobs.register('backup', 60_000);
    queueNotice(ctx.database.db, { recipient: 'mailbox@agency.test.invalid', subject: 'Research due', body: 'A link', dedupeKey: 'waiting' }, ctx.clock.now());
    ctx.clock.advanceMinutes(7 * 60);
    ctx.database.sqlite.pragma('query_only = ON');
    expect(failing((await ready(ctx.app)).body)).toEqual(['database', 'jobs', 'outbox']);
  });
});

describe('GET /api/health', () => {
  it('answers ok without a session and is never cached', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers HEAD as well, for load balancers', async () => {
    const { app, database } = await testApp();
    const response = await app.inject({ method: 'HEAD', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    database.sqlite.pragma('query_only = ON');
    expect((await app.inject({ method: 'HEAD', url: '/api/health' })).statusCode).toBe(503);
  });

  it('is readiness: 503 with the checks when the platform cannot do its work', async () => {
    const { app, database } = await testApp();
    database.sqlite.close();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    const body = response.json<ReadinessBody>();
    expect(body.status).toBe('unavailable');
    expect(stateOf(body, 'database')).toBe('not answering');
  });
});

describe('the write probe', () => {
  const folders: string[] = [];
  const open: Database_['sqlite'][] = [];
  afterEach(() => {
    for (const sqlite of open.splice(0)) sqlite.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('fails on a database file opened read-only, where BEGIN IMMEDIATE alone succeeds', () => {
    const folder = mkdtempSync(join(tmpdir(), 'marac-readonly-'));
    folders.push(folder);
    const file = join(folder, 'marac.db');
    const writer = openDatabase(file);
    migrateDatabase(writer.db);
    writer.close();
    // better-sqlite3's own constructor: the tests package reaches the driver only through the server's.
    const Sqlite = writer.sqlite.constructor as new (file: string, options: { readonly: boolean }) => Database_['sqlite'];
    const sqlite = new Sqlite(file, { readonly: true });
    open.push(sqlite);

    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
    expect(() => probeWrite({ ...writer, sqlite, close: () => sqlite.close() })).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
  });

  it('works inside a transaction already open, and leaves it open', async () => {
    const { database } = await testApp();
    database.sqlite.exec('BEGIN');
    probeWrite(database);
    expect(database.sqlite.inTransaction).toBe(true);
    database.sqlite.exec('ROLLBACK');
  });
});
