/**
 * Notices to agencies' secure mailboxes. Every notice is written to the outbox in the same transaction
 * as the change it tells of, then delivered by SMTP when a server is configured; without one it waits
 * in the outbox, where administrators can read it. Notices never carry personal data: a link, dates
 * and counts only, and each names the cases it concerns so the recipient is checked again when it goes.
 */

import { and, asc, eq, isNull, lt } from 'drizzle-orm';
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

/** After this many failed attempts a notice is left for an administrator to look at. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export interface DeliveryReport {
  sent: number;
  failed: number;
  cancelled: number;
}

/**
 * Sends what is waiting, oldest first. Each notice is marked as sent (or its error kept) on its own,
 * so one bad address does not hold back the rest. Errors are stored without the message text.
 */
export async function deliverOutbox(db: Db, transport: MailTransport, now: () => Date, limit = 100): Promise<DeliveryReport> {
  const waiting = db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.cancelledAt), lt(outbox.attempts, MAX_DELIVERY_ATTEMPTS)))
    .orderBy(asc(outbox.createdAt))
    .limit(limit)
    .all();
  const report: DeliveryReport = { sent: 0, failed: 0, cancelled: 0 };
  for (const notice of waiting) {
    // Decided at the moment of sending: a bar recorded since the notice was queued stops it for good.
    if (!mayReceiveAddress(db, notice.recipient, notice.caseIds)) {
      db.update(outbox).set({ cancelledAt: now().toISOString(), error: 'Not sent: a bar on a case it concerns names the recipient' }).where(eq(outbox.id, notice.id)).run();
      report.cancelled += 1;
      continue;
    }
    try {
      await transport.send({ to: notice.recipient, subject: notice.subject, text: notice.body });
      db.update(outbox).set({ sentAt: now().toISOString(), error: null, attempts: notice.attempts + 1 }).where(eq(outbox.id, notice.id)).run();
      report.sent += 1;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'delivery failed';
      const response = error instanceof Error && 'responseCode' in error ? ` (SMTP ${String((error as { responseCode: unknown }).responseCode)})` : '';
      db.update(outbox).set({ error: `${code}${response}`, attempts: notice.attempts + 1 }).where(eq(outbox.id, notice.id)).run();
      report.failed += 1;
    }
  }
  return report;
}
