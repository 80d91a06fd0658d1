import { ApiError, MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { queueNotice } from '../../../server/src/modules/mail/outbox';
import { openStream } from '../authorization/live';
import { baseWorld, makeUser, signIn, testApp, type Agent, type TestContext } from '../helper';
import { publishedCase, startWithAttendees, TODAY } from '../modules/cases/world';
import { referralWorld } from '../modules/referrals/factories';

const TOKEN = 'scraper-token-0123456789abcdef';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const SUFFIXES = ['_bucket', '_sum', '_count'];

/**
 * Reads the Prometheus text format strictly: every line is a HELP, a TYPE or a sample, and every
 * sample belongs to a family announced by both.
 */
function parse(text: string): Sample[] {
  const help = new Set<string>();
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = new RegExp(`^# (HELP|TYPE) (${NAME}) (.+)$`).exec(line);
    if (comment) {
      if (comment[1] === 'HELP') help.add(comment[2]!);
      else {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped'], line).toContain(comment[3]);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const sample = SAMPLE.exec(line);
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    const [, name = '', labelText = '', value = ''] = sample!;
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));
    // prom-client writes NaN as `Nan`; Prometheus reads it case-insensitively.
    expect(Number.isNaN(Number(value)) && !/^(nan|[+-]inf)$/i.test(value), line).toBe(false);
    const family = types.has(name) ? name : SUFFIXES.map((s) => (name.endsWith(s) ? name.slice(0, -s.length) : '')).find((f) => types.get(f) === 'histogram' || types.get(f) === 'summary');
    expect(family, `sample without # TYPE: ${line}`).toBeTruthy();
    expect(help.has(family!), `sample without # HELP: ${line}`).toBe(true);
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels`. */
const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);

const asScraper = (app: TestContext['app'], token = TOKEN) => app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${token}` } });

async function scrape(reader: Agent): Promise<{ text: string; samples: Sample[] }> {
  const response = await reader.request({ method: 'GET', url: '/api/metrics' });
  expect(response.statusCode, response.body).toBe(200);
  return { text: response.body, samples: parse(response.body) };
}

async function adminWorld(overrides: Parameters<typeof testApp>[0] = {}) {
  const ctx = await testApp(overrides);
  const world = await baseWorld(ctx.database);
  const admin = await signIn(ctx.app, world.admin.email);
  return { ...ctx, ...world, adminAgent: admin };
}

describe('GET /api/metrics', () => {
  it('serves the Prometheus text format to an administrator, with process metrics', async () => {
    const { adminAgent } = await adminWorld();
    const response = await adminAgent.request({ method: 'GET', url: '/api/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    const samples = parse(response.body);
    const names = new Set(samples.map((s) => s.name));
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'marac_live_streams', 'marac_outbox_notices', 'marac_sign_in_failures_total']) {
      expect(names, name).toContain(name);
    }
  });

  it('counts requests by route pattern, method and status class, and the counts grow', async () => {
    const { app, adminAgent } = await adminWorld();
    const meeting = '0b8b1f0e-5d1c-4c7e-9a55-3f1f6a0e2c11';
    const pattern = { route: '/api/meetings/:id', method: 'GET' };
    const before = total((await scrape(adminAgent)).samples, 'marac_http_requests_total', pattern);
    for (let i = 0; i < 3; i++) await adminAgent.request({ method: 'GET', url: `/api/meetings/${meeting}` });
    const { samples } = await scrape(adminAgent);
    expect(total(samples, 'marac_http_requests_total', pattern)).toBe(before + 3);
    expect(total(samples, 'marac_http_request_duration_seconds_count', pattern)).toBe(before + 3);
    const classes = samples.filter((s) => s.name === 'marac_http_requests_total' && s.labels['route'] === pattern.route).map((s) => s.labels['status_class']);
    expect(classes.every((c) => /^[1-5]xx$/.test(c ?? ''))).toBe(true);

    await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(total((await scrape(adminAgent)).samples, 'marac_http_requests_total', { route: '/api/health/live', method: 'GET', status_class: '2xx' })).toBe(1);
  });

  it('never puts an id, an e-mail address or a raw path in the metrics', async () => {
    const { app, database, area, adminAgent } = await adminWorld();
    const coordinator = await makeUser(database, { role: 'coordinator', areaIds: [area.id], email: 'cora.coordinator@test.invalid' });
    await adminAgent.request({ method: 'GET', url: `/api/admin/users/${coordinator.id}` });
    await adminAgent.request({ method: 'GET', url: `/api/meetings/${coordinator.id}?after=cora.coordinator@test.invalid` });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'cora.coordinator@test.invalid', password: 'not the password' } });
    await app.inject({ method: 'GET', url: `/api/no-such-route/${coordinator.id}/cora.coordinator@test.invalid` });
    await app.inject({ method: 'GET', url: `/%61pi/admin/users/${coordinator.id}` });
    const { text, samples } = await scrape(adminAgent);
    for (const secret of [coordinator.id, area.id, 'cora', '@', 'no-such-route', '%61pi']) expect(text, secret).not.toContain(secret);
    const routes = new Set(samples.filter((s) => s.name === 'marac_http_requests_total').map((s) => s.labels['route']));
    expect(routes).toContain('/api/admin/users/:id');
    expect(routes).toContain('unmatched');
    expect(total(samples, 'marac_sign_in_failures_total', { reason: 'invalid_credentials' })).toBe(1);
  });

  it('lets a scraper in with the token, in constant time, and refuses a wrong one', async () => {
    const { app } = await testApp({ METRICS_TOKEN: TOKEN });
    const ok = await asScraper(app);
    expect(ok.statusCode).toBe(200);
    expect(parse(ok.body).length).toBeGreaterThan(0);

    for (const token of ['wrong-token-0123456789abcdef0', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const refused = await asScraper(app, token);
      expect(refused.statusCode, token).toBe(401);
      expect(ApiError.parse(refused.json()).code).toBe('unauthenticated');
      expect(refused.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Basic ${TOKEN}` } })).statusCode).toBe(401);
  });

  it('refuses any token when none is set', async () => {
    const { app } = await testApp();
    expect((await asScraper(app)).statusCode).toBe(401);
    expect((await asScraper(app, '')).statusCode).toBe(401);
  });

  it('refuses a wrong token even with an administrator’s session', async () => {
    const { adminAgent } = await adminWorld({ METRICS_TOKEN: TOKEN });
    const response = await adminAgent.request({ method: 'GET', url: '/api/metrics', headers: { authorization: 'Bearer not-the-token' } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses signed-in users who are not administrators', async () => {
    const { app, database, area, police } = await adminWorld({ METRICS_TOKEN: TOKEN });
    const users = [
      await makeUser(database, { role: 'coordinator', areaIds: [area.id] }),
      await makeUser(database, { role: 'chair', areaIds: [area.id] }),
      await makeUser(database, { role: 'agency_representative', areaIds: [area.id], agencyId: police.id }),
      await makeUser(database, { role: 'observer', areaIds: [area.id] }),
    ];
    for (const user of users) {
      const response = await (await signIn(app, user.email)).request({ method: 'GET', url: '/api/metrics' });
      expect(response.statusCode, user.role).toBe(403);
      expect(ApiError.parse(response.json()).code).toBe('forbidden');
    }
  });

  it('reads the outbox and the background jobs at each scrape', async () => {
    const { database, clock, app, adminAgent } = await adminWorld();
    const queue = (key: string) => queueNotice(database.db, { recipient: 'mailbox@agency.test.invalid', subject: 'Agenda published', body: 'A link', dedupeKey: key }, clock.now());
    for (const key of ['a', 'b', 'c', 'd']) queue(key);
    database.sqlite.prepare("update outbox set attempts = 1, error = 'ECONNREFUSED' where dedupe_key = 'b'").run();
    database.sqlite.prepare("update outbox set attempts = ?, error = 'ECONNREFUSED' where dedupe_key = 'c'").run(MAX_DELIVERY_ATTEMPTS);
    database.sqlite.prepare("update outbox set cancelled_at = ? where dedupe_key = 'd'").run(clock.now().toISOString());
    app.jobs.register('mail', 60_000);
    app.jobs.ran('mail', clock.now());
    app.jobs.ran('mail', clock.now(), 'ECONNREFUSED');
    clock.advanceMinutes(10);

    const { samples, text } = await scrape(adminAgent);
    for (const [state, n] of [['waiting', 1], ['retrying', 1], ['failed', 1], ['cancelled', 1]] as const) {
      expect(total(samples, 'marac_outbox_notices', { state }), state).toBe(n);
    }
    expect(total(samples, 'marac_outbox_oldest_waiting_seconds')).toBe(600);
    expect(total(samples, 'marac_job_runs_total', { job: 'mail' })).toBe(2);
    expect(total(samples, 'marac_job_failures_total', { job: 'mail' })).toBe(1);
    expect(total(samples, 'marac_job_stuck', { job: 'mail' })).toBe(1);
    expect(total(samples, 'marac_job_last_success_timestamp_seconds', { job: 'mail' })).toBe(new Date('2026-11-23T10:00:00.000Z').getTime() / 1000);
    expect(text).not.toContain('@');
  });

  it('counts sign-ins refused for too many failures', async () => {
    const { app, adminAgent } = await adminWorld();
    for (let i = 0; i < 11; i++) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.invalid', password: 'wrong password' } });
    const { samples } = await scrape(adminAgent);
    expect(total(samples, 'marac_sign_in_failures_total', { reason: 'invalid_credentials' })).toBe(10);
    expect(total(samples, 'marac_sign_in_failures_total', { reason: 'locked_out' })).toBe(1);
  });

  it('keeps each app’s counts to itself', async () => {
    const first = await adminWorld();
    const second = await adminWorld();
    for (let i = 0; i < 5; i++) await first.app.inject({ method: 'GET', url: '/api/health/live' });
    const pattern = { route: '/api/health/live' };
    expect(total((await scrape(first.adminAgent)).samples, 'marac_http_requests_total', pattern)).toBe(5);
    expect(total((await scrape(second.adminAgent)).samples, 'marac_http_requests_total', pattern)).toBe(0);
  });

  it('counts the live meeting streams open now', async () => {
    const world = await referralWorld();
    const { meeting } = await publishedCase(world, { date: TODAY });
    await startWithAttendees(world, meeting.id);
    const admin = await makeUser(world.database, { role: 'administrator', areaIds: [] });
    const adminAgent = await signIn(world.app, admin.email);
    const live = async () => total((await scrape(adminAgent)).samples, 'marac_live_streams');

    expect(await live()).toBe(0);
    const stream = await openStream(world.database, world.agents.rep, world.users.rep.id, `/api/meetings/${meeting.id}/live`);
    expect(stream.answered).toBeNull();
    expect(await live()).toBe(1);
    await stream.close();
    expect(await live()).toBe(0);
  });
});
