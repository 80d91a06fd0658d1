import { MAX_DELIVERY_ATTEMPTS, type OutboxMessage, type OutboxQuery, type OutboxState } from '@marac/shared';
import { and, count, desc, eq, gte, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outbox, users } from '../../../db/schema';
import { conflict, notFound } from '../../../lib/errors';
import { stillOpen } from '../../mail/outbox';
import { mayReceiveAddress } from '../../cases/policy';

type OutboxRow = typeof outbox.$inferSelect;

/** The states as the filter asks for them; `stateOf` must say the same of each row. */
function whereState(state: OutboxState | undefined): SQL | undefined {
  const failed = or(isNotNull(outbox.error), gte(outbox.attempts, MAX_DELIVERY_ATTEMPTS));
  switch (state) {
    case 'sent':
      return isNotNull(outbox.sentAt);
    case 'cancelled':
      return and(isNull(outbox.sentAt), isNotNull(outbox.cancelledAt));
    case 'failed':
      return and(stillOpen(), failed);
    case 'waiting':
      return and(stillOpen(), isNull(outbox.error), lt(outbox.attempts, MAX_DELIVERY_ATTEMPTS));
    case undefined:
      return undefined;
  }
}

function stateOf(row: OutboxRow): OutboxState {
  if (row.sentAt) return 'sent';
  if (row.cancelledAt) return 'cancelled';
  // A notice whose sender stopped during its last attempt has no error but no attempt left either.
  return row.error !== null || row.attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'waiting';
}

const sendingNow = (row: OutboxRow, nowIso: string) => row.sentAt === null && row.claimedUntil !== null && row.claimedUntil >= nowIso;

function messageOf(row: OutboxRow, cancelledByName: string | null, nowIso: string): OutboxMessage {
  return {
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    state: stateOf(row),
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledBy && cancelledByName !== null ? { id: row.cancelledBy, name: cancelledByName } : null,
    error: row.error,
    attempts: row.attempts,
    nextAttemptAt: stateOf(row) === 'sent' || stateOf(row) === 'cancelled' ? null : row.nextAttemptAt,
    sending: sendingNow(row, nowIso),
  };
}

const withCanceller = (db: Db) => db.select({ row: outbox, cancelledByName: users.name }).from(outbox).leftJoin(users, eq(users.id, outbox.cancelledBy));

export function listOutbox(db: Db, query: OutboxQuery, now: Date): { items: OutboxMessage[]; total: number; limit: number; offset: number } {
  const { state, limit, offset } = query;
  const where = whereState(state);
  const nowIso = now.toISOString();
  const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  const rows = withCanceller(db).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit).offset(offset).all();
  return { items: rows.map(({ row, cancelledByName }) => messageOf(row, cancelledByName, nowIso)), total, limit, offset };
}

function noticeOf(db: Db, id: string, now: Date): OutboxMessage {
  const found = withCanceller(db).where(eq(outbox.id, id)).get();
  if (!found) throw notFound('notice');
  return messageOf(found.row, found.cancelledByName, now.toISOString());
}

/** Refuses a change to a notice that has gone, will never go, or is on its way at this moment. */
function changeable(db: Db, id: string, now: Date): OutboxRow {
  const row = db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!row) throw notFound('notice');
  if (row.sentAt) throw conflict('This notice has already been sent');
  if (row.cancelledAt) throw conflict('This notice has been cancelled and will not be sent');
  if (sendingNow(row, now.toISOString())) throw conflict('This notice is being sent at this moment. Look again in a few minutes');
  return row;
}

/**
 * Puts a notice back to be sent at the next pass, with every attempt restored. The recipient is
 * checked against the disclosure policy now, as a sender would: a notice it would stop is not put back.
 * Run inside an IMMEDIATE transaction, so no sender claims it between the check and the change.
 */
export function resendNotice(db: Db, id: string, now: Date): OutboxMessage {
  const row = changeable(db, id, now);
  if (!mayReceiveAddress(db, row.recipient, row.caseIds)) throw conflict('A bar on a case this notice concerns names its recipient, so it cannot be sent');
  db.update(outbox).set({ attempts: 0, error: null, nextAttemptAt: null, claimedBy: null, claimedUntil: null }).where(eq(outbox.id, id)).run();
  return noticeOf(db, id, now);
}

/** Stops a notice for good: no sender takes it again. Run inside an IMMEDIATE transaction, like `resendNotice`. */
export function cancelNotice(db: Db, id: string, userId: string, now: Date): OutboxMessage {
  changeable(db, id, now);
  db.update(outbox).set({ cancelledAt: now.toISOString(), cancelledBy: userId, claimedBy: null, claimedUntil: null, nextAttemptAt: null }).where(eq(outbox.id, id)).run();
  return noticeOf(db, id, now);
}
