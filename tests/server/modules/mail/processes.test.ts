import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database_ } from '../../../../server/src/db/client';
import { queueNotice } from '../../../../server/src/modules/mail/outbox';

/**
 * Separate Node processes delivering from one SQLite file, as two platform processes on one machine
 * would: a real SMTP server here counts what each notice's recipient was given. Nothing waits on the
 * clock except a claim's lease, and every wait is for a condition, with a generous limit.
 */

const TESTS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const SENDER_SCRIPT = fileURLToPath(new URL('../../../process/mail-sender.ts', import.meta.url));
const LIMIT_MS = 60_000;

interface Accepted {
  subject: string;
  from: string;
}

/**
 * A real SMTP server that accepts everything, keeping each message once it has said so. `hold` decides,
 * for a message fully received, when (or whether) the server answers: until then the sender waits, as
 * it would on a slow server.
 */
async function startSmtp(hold: (subject: string) => Promise<void> = async () => undefined) {
  const accepted: Accepted[] = [];
  const arrived: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(data)?.[1]?.trim() ?? '';
        arrived.push(subject);
        void hold(subject).then(() => {
          accepted.push({ subject, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' });
          callback();
        });
      });
    },
  });
  // A sender killed mid-message drops its connection; that is expected here.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { accepted, arrived, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > LIMIT_MS) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Sender {
  name: string;
  child: ChildProcessWithoutNullStreams;
  output: string[];
  errors: string[];
  exited: Promise<number | null>;
}

function startSender(file: string, port: number, name: string, leaseMs: number): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', SENDER_SCRIPT, file, String(port), name, String(leaseMs)], { cwd: TESTS_DIR, stdio: 'pipe' });
  const sender: Sender = { name, child, output: [], errors: [], exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    sender.output.push(...lines);
  });
  child.stderr.on('data', (chunk: Buffer) => sender.errors.push(chunk.toString()));
  return sender;
}

/** Waits until every sender has opened the database, then lets them all go at once. */
async function go(senders: Sender[]) {
  await until(() => senders.every((s) => s.output.includes('ready') || s.child.exitCode !== null), 'senders ready');
  for (const s of senders) expect(s.output, s.errors.join('')).toContain('ready');
  for (const s of senders) s.child.stdin.write('go\n');
}

async function finished(sender: Sender): Promise<{ sent: number; failed: number; cancelled: number }> {
  const code = await Promise.race([sender.exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), LIMIT_MS))]);
  expect(code, `${sender.name} exit: ${sender.errors.join('')}`).toBe(0);
  const report = sender.output.find((line) => line.startsWith('{'));
  expect(report, sender.name).toBeDefined();
  return JSON.parse(report!) as { sent: number; failed: number; cancelled: number };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function outboxFile(notices: number): { file: string; database: Database_; subjects: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'marac-outbox-'));
  const file = join(dir, 'marac.db');
  const database = openDatabase(file);
  migrateDatabase(database.db);
  const subjects = Array.from({ length: notices }, (_, i) => `Notice ${String(i).padStart(3, '0')}`);
  const start = Date.parse('2026-11-23T10:00:00.000Z');
  subjects.forEach((subject, i) => queueNotice(database.db, { recipient: `box${i}@agency.test`, subject, body: 'Sign in', dedupeKey: subject }, new Date(start + i * 1000)));
  cleanup.push(async () => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { file, database, subjects };
}

function track(sender: Sender) {
  cleanup.push(async () => {
    if (sender.child.exitCode === null && sender.child.signalCode === null) {
      sender.child.kill('SIGKILL');
      await sender.exited;
    }
  });
  return sender;
}

const timesEach = (subjects: string[]) => new Map(subjects.map((s) => [s, 0]));
function countAccepted(subjects: string[], accepted: Accepted[]) {
  const counts = timesEach(subjects);
  for (const message of accepted) counts.set(message.subject, (counts.get(message.subject) ?? 0) + 1);
  return counts;
}

describe('two processes delivering from one database', () => {
  it('never deliver a notice twice', { timeout: 120_000 }, async () => {
    const { file, database, subjects } = outboxFile(40);
    // The first message is answered only once a second one has arrived: from the other process, since
    // each sends one at a time. So both are certainly delivering at the same time.
    let second!: () => void;
    const overlap = new Promise<void>((resolve) => (second = resolve));
    let held = false;
    const smtp = await startSmtp(async () => {
      if (held) return second();
      held = true;
      await Promise.race([overlap, new Promise((resolve) => setTimeout(resolve, LIMIT_MS))]);
    });
    cleanup.push(smtp.close);

    const senders = ['alpha', 'beta'].map((name) => track(startSender(file, smtp.port, name, 60_000)));
    await go(senders);
    const reports = await Promise.all(senders.map(finished));

    expect([...countAccepted(subjects, smtp.accepted).values()].every((n) => n === 1), JSON.stringify([...countAccepted(subjects, smtp.accepted)])).toBe(true);
    expect(smtp.accepted).toHaveLength(subjects.length);
    expect(reports.map((r) => r.sent).reduce((a, b) => a + b)).toBe(subjects.length);
    // Both took part: each sent at least the message the other's released.
    for (const [i, report] of reports.entries()) expect(report.sent, senders[i]?.name).toBeGreaterThan(0);
    for (const name of ['alpha', 'beta']) expect(smtp.accepted.some((m) => m.from === `${name}@test.invalid`)).toBe(true);

    const rows = database.sqlite.prepare('SELECT sent_at AS sentAt, attempts, claimed_by AS claimedBy FROM outbox').all() as { sentAt: string | null; attempts: number; claimedBy: string | null }[];
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1 && r.claimedBy === null)).toBe(true);
  });

  it('sends what a killed process held once its claim lapses, and nothing twice', { timeout: 120_000 }, async () => {
    const { file, database, subjects } = outboxFile(8);
    const leaseMs = 2_000;
    // The first message to arrive is never answered: its sender is killed waiting for the reply.
    let stalled: string | undefined;
    const smtp = await startSmtp(async (subject) => {
      if (stalled !== undefined) return;
      stalled = subject;
      await new Promise(() => undefined);
    });
    cleanup.push(smtp.close);

    const senders = ['alpha', 'beta'].map((name) => track(startSender(file, smtp.port, name, leaseMs)));
    await go(senders);
    await until(() => stalled !== undefined, 'a message held by the SMTP server');

    const claim = database.sqlite.prepare('SELECT claimed_by AS claimedBy, claimed_until AS claimedUntil, attempts FROM outbox WHERE subject = ?').get(stalled) as {
      claimedBy: string;
      claimedUntil: string;
      attempts: number;
    };
    expect(claim).toMatchObject({ attempts: 1 });
    const holder = senders.find((s) => s.name === claim.claimedBy);
    const survivor = senders.find((s) => s.name !== claim.claimedBy);
    expect(holder, `claimed by ${claim.claimedBy}`).toBeDefined();
    holder!.child.kill('SIGKILL');
    await holder!.exited;

    const report = await finished(survivor!);
    const counts = countAccepted(subjects, smtp.accepted);
    expect([...counts.values()].every((n) => n === 1), JSON.stringify([...counts])).toBe(true);
    expect(report.sent).toBeGreaterThanOrEqual(1);

    const after = database.sqlite.prepare('SELECT sent_at AS sentAt, attempts, claimed_by AS claimedBy FROM outbox WHERE subject = ?').get(stalled) as { sentAt: string; attempts: number; claimedBy: string | null };
    // Sent by the survivor, and only after the dead process's claim had lapsed; both attempts counted.
    expect(after.sentAt > claim.claimedUntil).toBe(true);
    expect(after).toMatchObject({ attempts: 2, claimedBy: null });
    expect(smtp.accepted.find((m) => m.subject === stalled)?.from).toBe(`${survivor!.name}@test.invalid`);
  });
});
