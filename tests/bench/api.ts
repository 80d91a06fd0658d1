/**
 * API benchmark (not a timed test):
 *
 *   cd tests && npx tsx bench/api.ts [--big <path>] [--duration 10] [--connections 10] [--steady-seconds 10]
 *
 * Starts the platform as README does (`server/src/server.ts`, its own process) on a new demo database,
 * and, with `--big`, again on that large database (made by `pnpm generate`), signs in as each role over
 * HTTP and measures, in the same run as a bare Fastify route in a process of its own (the baseline):
 * `/api/auth/me`, an audited case read (a referral in full, as the coordinator), a research packet as a
 * representative, the first API request of every page for each role, and a mixed workload with writes.
 * Closed-loop load comes from autocannon; steady rates come from an open-loop client of its own that
 * times each request from when it was due to be sent, so a stalled server cannot hide its queue.
 *
 * Ground truth is outside the code measured: throughput and latency are what the client saw, the audit
 * rows are counted in the database file over a connection of the benchmark's own, the longest block of
 * the event loop is the server's own `nodejs_eventloop_lag_max_seconds` (reset by each read), memory is
 * the kernel's high-water mark of the process.
 *
 * Prints a PASS/FAIL line per target and exits non-zero when one is missed.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CSRF_HEADER } from '@marac/shared';
import { openDatabase } from '../../server/src/db/client';
import { REPO_ROOT, freePort, startProcess, untilListening, type PlatformProcess } from '../process/platform-process';

const DEMO_PASSWORD = 'demo-password';

/** The targets. */
const TARGETS = {
  auditedShareOfBare: 0.5,
  steadyP99Ms: 25,
  steadyRate: 1000,
  bigPageMedianMs: 100,
  bigPageP99Ms: 300,
  eventLoopBlockMs: 50,
  startupMs: 5000,
  memoryMb: 300,
};

function parse() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      big: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'steady-seconds': { type: 'string' },
    },
    strict: true,
  });
  const number = (value: string | undefined, fallback: number, name: string) => {
    const n = Number(value ?? fallback);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${value}`);
    return n;
  };
  const big = values.big ? resolve(process.env.INIT_CWD ?? process.cwd(), values.big) : undefined;
  if (big && !existsSync(big)) throw new Error(`--big ${big} does not exist: make it with pnpm generate --referrals 1000000 --file ${big}`);
  return {
    big,
    duration: number(values.duration, 10, 'duration'),
    connections: number(values.connections, 10, 'connections'),
    steadySeconds: number(values['steady-seconds'], 10, 'steady-seconds'),
  };
}
type Args = ReturnType<typeof parse>;

// ---------------------------------------------------------------------------------------------------
// Figures and verdicts

const verdicts: { pass: boolean; line: string }[] = [];
function verdict(pass: boolean, line: string) {
  verdicts.push({ pass, line });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${line}`);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

// ---------------------------------------------------------------------------------------------------
// Processes

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A bare Fastify route in a process of its own: what the platform's throughput is compared with. */
async function startBareFastify(): Promise<Server> {
  const port = await freePort();
  const script = `
    import Fastify from 'fastify';
    const app = Fastify({ logger: false });
    app.get('/bare', async () => ({ ok: true }));
    await app.listen({ port: ${port}, host: '127.0.0.1' });
    process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: join(REPO_ROOT, 'server'), stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/bare`)).ok) break;
    } catch {
      if (tries > 300) throw new Error('the bare Fastify process did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, pid: child.pid as number, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  await exited;
}

interface Platform extends Server {
  startupMs: number;
  process: PlatformProcess;
}

/** Bundles the server as `pnpm start` does (`server/build.mjs`), once per run. */
function buildServer(): void {
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: join(REPO_ROOT, 'server'), stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bundling the server failed');
}

/** The platform as README starts it (the bundled server under plain Node), on `file`; start-up is timed until it answers its liveness check. */
async function startPlatform(file: string, demo: boolean): Promise<Platform> {
  const port = await freePort();
  const started = performance.now();
  const platform = startProcess({
    DATABASE_FILE: file,
    PORT: String(port),
    DEMO_MODE: demo ? 'true' : 'false',
    LOG_LEVEL: 'warn',
    // The benchmark is one client doing the work of many offices: the request limit is not what it measures.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
  }, [process.execPath, '--enable-source-maps', 'dist/server.mjs']);
  await untilListening(platform, port, 30 * 60_000);
  const startupMs = performance.now() - started;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: platform.child.pid as number,
    startupMs,
    process: platform,
    stop: () => stopChild(platform.child),
  };
}

/** The kernel's high-water mark of the process's resident memory, in MB. */
function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------------
// Sessions

interface Session {
  cookie: string;
  csrf: string;
  me: { user: { id: string; role: string }; areas: { id: string }[] };
}

async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (response.status !== 200) throw new Error(`signing in as ${email} answered ${response.status}`);
  const cookie = (response.headers.getSetCookie().find((c) => c.includes('marac_session=')) ?? '').split(';')[0] ?? '';
  const me = (await response.json()) as Session['me'] & { csrfToken: string };
  return { cookie, csrf: me.csrfToken, me };
}

async function getJson<T>(url: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`, { headers: { cookie: session.cookie } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

const areaOf = (session: Session): string => {
  const id = session.me.areas[0]?.id;
  if (!id) throw new Error(`${session.me.user.role} has no area`);
  return id;
};

/** The server's longest event-loop block since the last read (reading resets it), in ms. */
async function eventLoopMaxMs(url: string, admin: Session): Promise<number> {
  const response = await fetch(`${url}/api/metrics`, { headers: { cookie: admin.cookie } });
  const text = await response.text();
  const value = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error('the metrics carry no nodejs_eventloop_lag_max_seconds');
  return Number(value) * 1000;
}

/** Audit rows of reads (views, lists, exports), counted in the file over the benchmark's own connection. */
function auditedReadRows(file: string): number {
  const database = openDatabase(file);
  try {
    return (database.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE action IN ('view', 'list', 'export')").get() as { n: number }).n;
  } finally {
    database.sqlite.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Load

interface Closed {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  bad: number;
}

interface Request_ {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
}

async function closedLoop(name: string, url: string, session: Session | null, requests: Request_[], options: { connections: number; duration?: number; amount?: number }): Promise<Closed> {
  const headers: Record<string, string> = session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrf } : {};
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    headers,
    requests: requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, ...(r.body ? { body: r.body, headers: { ...headers, 'content-type': 'application/json' } } : {}) })),
  });
  const ok = result['2xx'];
  const bad = result.non2xx + result.errors + result.timeouts;
  const seconds = result.duration;
  return { name, rps: ok / seconds, p50: result.latency.p50, p99: result.latency.p99, ok, bad };
}

function printClosed(rows: Closed[], baselineRps: number) {
  console.log(`${'request'.padEnd(52)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'vs bare'.padStart(8)} ${'non-2xx'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(52)} ${fmt(r.rps).padStart(9)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${pct(r.rps / baselineRps).padStart(8)} ${fmt(r.bad).padStart(8)}`);
  }
}

/**
 * Open-loop load at a steady rate: request i is due at start + i / rate whatever happened before it,
 * and its latency counts from then, not from when the client got round to sending it.
 */
async function steadyRate(url: string, session: Session, path: string, rate: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const { hostname, port } = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const start = performance.now();
  await new Promise<void>((done) => {
    let finished = 0;
    const finish = () => {
      finished += 1;
      if (finished === total) done();
    };
    const send = (due: number) => {
      const req = httpRequest({ agent, hostname, port, path, method: 'GET', headers: { cookie: session.cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else failed += 1;
          finish();
        });
      });
      req.on('error', () => {
        failed += 1;
        finish();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        send(start + (sent * 1000) / rate);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rate, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), failed, answered: latencies.length };
}

// ---------------------------------------------------------------------------------------------------
// One database

interface Pages {
  name: string;
  session: Session;
  path: string;
}

async function measure(label: string, file: string, demo: boolean, args: Args, bareRps: () => Promise<number>) {
  console.log(`\n=== ${label} (${file}) ===`);
  let platform = await startPlatform(file, demo);
  if (demo) {
    // The first start seeded the demo data; start-up is what a restart on that database costs.
    console.log(`first start (seeding the demo data): ${fmt(platform.startupMs)} ms`);
    await platform.stop();
    platform = await startPlatform(file, false);
  }
  console.log(`start-up: ${fmt(platform.startupMs)} ms`);
  const { url } = platform;
  try {
    const admin = await signIn(url, 'admin@demo.test');
    const coordinator = await signIn(url, 'coordinator@demo.test');
    const chair = await signIn(url, 'chair@demo.test');
    const police = await signIn(url, 'police@demo.test');
    const area = areaOf(coordinator);

    const queue = await getJson<{ items: { id: string }[] }>(url, coordinator, '/api/screening');
    const referralId = queue.items[0]?.id;
    if (!referralId) throw new Error('the screening queue is empty: no referral to read');
    const meetingIds = (await getJson<{ id: string }[]>(url, police, '/api/meetings')).map((m) => m.id);
    let packetPath: string | null = null;
    for (const id of meetingIds) {
      const packets = await fetch(`${url}/api/meetings/${id}/packets`, { headers: { cookie: police.cookie } });
      if (packets.status !== 200) continue;
      const first = ((await packets.json()) as { caseId: string }[])[0];
      if (first) {
        packetPath = `/api/meetings/${id}/packets/${first.caseId}`;
        break;
      }
    }
    // A generated history ends before today: its meetings to come may have no published agenda yet.
    if (!packetPath) console.log('the police representative has no research packet to read here: the packet read is left out');

    const pages: Pages[] = [
      { name: 'coordinator: home', session: coordinator, path: '/api/home' },
      { name: 'coordinator: screening', session: coordinator, path: '/api/screening' },
      { name: 'coordinator: meetings', session: coordinator, path: '/api/meetings' },
      { name: 'coordinator: actions', session: coordinator, path: '/api/actions' },
      { name: 'coordinator: repeat windows', session: coordinator, path: '/api/repeat-windows' },
      { name: 'coordinator: review', session: coordinator, path: `/api/actions/review?areaId=${area}` },
      { name: 'chair: home', session: chair, path: '/api/home' },
      { name: 'chair: screening', session: chair, path: '/api/screening' },
      { name: 'chair: meetings', session: chair, path: '/api/meetings' },
      { name: 'chair: actions', session: chair, path: '/api/actions' },
      { name: 'chair: review', session: chair, path: `/api/actions/review?areaId=${area}` },
      { name: 'representative: home', session: police, path: '/api/home' },
      { name: 'representative: meetings', session: police, path: '/api/meetings' },
      { name: 'representative: actions', session: police, path: '/api/actions' },
    ];

    await eventLoopMaxMs(url, admin);
    const baseline = await bareRps();
    const rows: Closed[] = [];
    const closed = (name: string, session: Session | null, requests: Request_[]) => closedLoop(name, url, session, requests, { connections: args.connections, duration: args.duration });
    rows.push(await closed('/api/auth/me', coordinator, [{ path: '/api/auth/me' }]));

    // The audited read: a fixed number of requests, so every one answered is known and its row can be counted.
    const before = auditedReadRows(file);
    const audited = await closedLoop('audited case read (coordinator, referral in full)', url, coordinator, [{ path: `/api/referrals/${referralId}` }], {
      connections: args.connections,
      amount: Math.max(500, Math.round(args.duration * 300)),
    });
    const after = auditedReadRows(file);
    rows.push(audited);
    if (packetPath) rows.push(await closed('packet read (police representative)', police, [{ path: packetPath }]));
    const pageRows: Closed[] = [];
    // Under many connections the loop is busy with a queue of requests; with one user at a time, a
    // long block can only be one request holding the process.
    const loadedBlockMs = await eventLoopMaxMs(url, admin);
    // What one person waits for when they open the page: one connection, one request after another.
    for (const page of pages) pageRows.push(await closedLoop(`page: ${page.name}`, url, page.session, [{ path: page.path }], { connections: 1, duration: Math.min(args.duration, 5) }));
    const oneRequestBlockMs = await eventLoopMaxMs(url, admin);
    rows.push(...pageRows);
    // Reads by the coordinator while a representative saves drafts: each save is a change with its own audit row.
    const [mixedReads, mixedWrites] = await Promise.all([
      closed('mixed: reads (case read, home, screening, me)', coordinator, [
        { path: `/api/referrals/${referralId}` },
        { path: '/api/home' },
        { path: '/api/screening' },
        { path: '/api/auth/me' },
      ]),
      closedLoop('mixed: draft saves at the same time (writes)', url, police, [{ method: 'POST', path: '/api/referral-drafts', body: JSON.stringify({ payload: { areaId: area } }) }], {
        connections: Math.max(1, Math.round(args.connections / 5)),
        duration: args.duration,
      }),
    ]);
    rows.push(mixedReads, mixedWrites);
    const blockedMs = await eventLoopMaxMs(url, admin);

    console.log(`\nbare Fastify route (baseline, same run): ${fmt(baseline)} req/s`);
    printClosed(rows, baseline);

    console.log(`\nsteady rates (open loop, latency from each request's due time), audited case read:`);
    const steady = [];
    for (const rate of [250, 500, 1000]) {
      const s = await steadyRate(url, coordinator, `/api/referrals/${referralId}`, rate, args.steadySeconds);
      steady.push(s);
      console.log(`  ${fmt(rate).padStart(6)} req/s: p50 ${fmt(s.p50, 1)} ms, p99 ${fmt(s.p99, 1)} ms, ${fmt(s.failed)} failed of ${fmt(s.answered + s.failed)}`);
    }
    const steadyBlockedMs = await eventLoopMaxMs(url, admin);
    const memory = peakMemoryMb(platform.pid);
    console.log(`\nlongest event-loop block: ${fmt(oneRequestBlockMs, 1)} ms with one user's page requests; under load ${fmt(Math.max(loadedBlockMs, blockedMs, steadyBlockedMs), 1)} ms (a queue of requests, not one); peak memory: ${fmt(memory)} MB`);

    console.log('');
    verdict(after - before === audited.ok && audited.bad === 0, `${label}: audit rows written for the audited reads (${fmt(after - before)}) equal the reads answered (${fmt(audited.ok)}), none refused`);
    verdict(audited.rps >= TARGETS.auditedShareOfBare * baseline, `${label}: audited case read at ${pct(audited.rps / baseline)} of bare Fastify (target ≥ ${pct(TARGETS.auditedShareOfBare)})`);
    const top = steady.find((s) => s.rate === TARGETS.steadyRate);
    verdict(top !== undefined && top.failed === 0 && top.p99 <= TARGETS.steadyP99Ms, `${label}: p99 ${fmt(top?.p99 ?? Number.NaN, 1)} ms at a steady ${fmt(TARGETS.steadyRate)} req/s (target ≤ ${TARGETS.steadyP99Ms} ms)`);
    verdict(oneRequestBlockMs <= TARGETS.eventLoopBlockMs, `${label}: longest event-loop block while one user opens every page ${fmt(oneRequestBlockMs, 1)} ms (target: no request holds the process over ${TARGETS.eventLoopBlockMs} ms)`);
    verdict(platform.startupMs <= TARGETS.startupMs, `${label}: start-up ${fmt(platform.startupMs)} ms (target ≤ ${fmt(TARGETS.startupMs)} ms)`);
    verdict(memory <= TARGETS.memoryMb, `${label}: peak memory ${fmt(memory)} MB (target ≤ ${TARGETS.memoryMb} MB)`);
    for (const page of pageRows) {
      // A page that answered nothing in its run (the process held by something else) has no latency to pass on.
      verdict(
        page.ok > 0 && page.bad === 0 && page.p50 <= TARGETS.bigPageMedianMs && page.p99 <= TARGETS.bigPageP99Ms,
        `${label}: ${page.name} p50 ${fmt(page.p50, 1)} ms, p99 ${fmt(page.p99, 1)} ms for one user, ${fmt(page.ok)} answered (targets ≤ ${TARGETS.bigPageMedianMs} / ${TARGETS.bigPageP99Ms} ms)`,
      );
    }
  } finally {
    await platform.stop();
  }
}

async function main() {
  const args = parse();
  buildServer();
  const bare = await startBareFastify();
  const bareRps = async () => (await closedLoop('bare Fastify route', bare.url, null, [{ path: '/bare' }], { connections: args.connections, duration: args.duration })).rps;
  const folder = mkdtempSync(join(tmpdir(), 'marac-bench-api-'));
  try {
    await measure('demo database', join(folder, 'demo.db'), true, args, bareRps);
    if (args.big) await measure('large database', args.big, false, args, bareRps);
  } finally {
    await bare.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const failed = verdicts.filter((v) => !v.pass);
  console.log(`\n${verdicts.length - failed.length} of ${verdicts.length} targets met`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
