/**
 * Notices to agencies' secure mailboxes. Every notice is written to the outbox in the same transaction
 * as the change it tells of, then delivered by SMTP when a server is configured; without one it waits
 * in the outbox, where administrators can read it. Notices never carry personal data: a link, dates
 * and counts only, and each names the cases it concerns so the recipient is checked again when it goes.
 *
 * Any number of platform processes may deliver from one database: each notice is claimed in the
 * database before it is sent (see README.md beside this file).
 */

import { hostname } from 'node:os';
import { MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { and, asc, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { newId } from '../../lib/ids';
import { mayReceiveAddress } from '../cases/policy';

export interface Notice {
  recipient: string;
  subject: string;
  body: string;
  /** The same key is queued once, so a retried or repeated event does not send twice. */
  dedupeKey: string;
  /** The cases it counts or tells of: checked against the recipient again at the moment it is sent. */
  caseIds?: readonly string[];
}

/** Queues the notice unless one with the same key was queued before; true when it was queued now. */
export function queueNotice(db: Db, notice: Notice, at: Date): boolean {
  const result = db
    .insert(outbox)
    .values({ id: newId(), ...notice, caseIds: [...(notice.caseIds ?? [])], createdAt: at.toISOString(), sentAt: null, error: null })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * How long a sender's claim holds. It must outlast the slowest send the transport allows (its
 * timeouts are set well inside it), or a second sender could take a notice still on its way; a claim
 * left by a process that died keeps the notice back for this long.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** The wait before the next try after the 1st, 2nd, 3rd… failure; the last stands for any later one. */
export const RETRY_WAITS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 12 * 60 * 60_000] as const;

/** When a notice that has now failed `attempts` times is tried again; null once it has used every attempt. */
export function nextAttemptAfter(attempts: number, at: Date): string | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const wait = RETRY_WAITS_MS[Math.min(attempts, RETRY_WAITS_MS.length) - 1] ?? RETRY_WAITS_MS[0];
  return new Date(at.getTime() + wait).toISOString();
}

/** No sender holds the notice: never claimed, released, or the claim of a sender that stopped has lapsed. */
export const unclaimed = (nowIso: string): SQL => or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, nowIso)) as SQL;

/** Neither sent nor cancelled: it may still go. */
export const stillOpen = (): SQL => and(isNull(outbox.sentAt), isNull(outbox.cancelledAt)) as SQL;

/** May be claimed now: open, attempts left, its wait after a failure over, and nobody else holding it. */
const due = (nowIso: string): SQL =>
  and(stillOpen(), lt(outbox.attempts, MAX_DELIVERY_ATTEMPTS), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, nowIso)), unclaimed(nowIso)) as SQL;

/**
 * Takes the notice for this sender, in one statement, so two senders can never both hold it. The
 * claim counts as an attempt: a process that dies while sending has used one, and a notice that keeps
 * bringing its sender down stops after the last.
 */
function claim(db: Db, id: string, sender: string, at: Date, leaseMs: number) {
  const nowIso = at.toISOString();
  return db
    .update(outbox)
    .set({ claimedBy: sender, claimedUntil: new Date(at.getTime() + leaseMs).toISOString(), attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, id), due(nowIso)))
    .returning()
    .get();
}

const heldBy = (id: string, sender: string) => and(eq(outbox.id, id), eq(outbox.claimedBy, sender), isNull(outbox.sentAt));
const RELEASED = { claimedBy: null, claimedUntil: null } as const;

/** The error as the outbox keeps it: the SMTP code and reply code, never the server's text, which can quote the address. */
function errorSummary(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'delivery failed';
  const response = error instanceof Error && 'responseCode' in error ? ` (SMTP ${String((error as { responseCode: unknown }).responseCode)})` : '';
  return `${code}${response}`;
}

/** Who holds the claims of one pass, as the outbox shows it: the machine and process, and the pass. */
const senderName = () => `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;

export interface DeliveryOptions {
  /** How many notices one pass takes on. */
  limit?: number;
  leaseMs?: number;
  sender?: string;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  cancelled: number;
}

/**
 * Sends what is due, oldest first, one notice at a time: claim it, check the recipient, send it, and
 * mark it sent the moment the SMTP server has accepted it. One bad address does not hold back the
 * rest; a failure is kept (without the server's text) and tried again after a growing wait.
 */
export async function deliverOutbox(db: Db, transport: MailTransport, now: () => Date, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { limit = 100, leaseMs = CLAIM_LEASE_MS, sender = senderName() } = options;
  const candidates = db.select({ id: outbox.id }).from(outbox).where(due(now().toISOString())).orderBy(asc(outbox.createdAt), asc(outbox.id)).limit(limit).all();
  const report: DeliveryReport = { sent: 0, failed: 0, cancelled: 0 };
  for (const { id } of candidates) {
    const notice = claim(db, id, sender, now(), leaseMs);
    // Another sender took it since the list was read.
    if (!notice) continue;
    // Decided at the moment of sending: a bar recorded since the notice was queued stops it for good.
    if (!mayReceiveAddress(db, notice.recipient, notice.caseIds)) {
      db.update(outbox)
        // Nothing was attempted, so the attempt the claim counted is given back.
        .set({ ...RELEASED, cancelledAt: now().toISOString(), error: 'Not sent: a bar on a case it concerns names the recipient', attempts: sql`${outbox.attempts} - 1` })
        .where(heldBy(id, sender))
        .run();
      report.cancelled += 1;
      continue;
    }
    try {
      await transport.send({ to: notice.recipient, subject: notice.subject, text: notice.body });
    } catch (error) {
      const at = now();
      db.update(outbox).set({ ...RELEASED, error: errorSummary(error), nextAttemptAt: nextAttemptAfter(notice.attempts, at) }).where(heldBy(id, sender)).run();
      report.failed += 1;
      continue;
    }
    // Whoever holds it now, it has gone: a sender whose lease ran out during a slow send still records that.
    db.update(outbox)
      .set({ ...RELEASED, sentAt: now().toISOString(), error: null, nextAttemptAt: null })
      .where(and(eq(outbox.id, id), isNull(outbox.sentAt)))
      .run();
    report.sent += 1;
  }
  return report;
}
