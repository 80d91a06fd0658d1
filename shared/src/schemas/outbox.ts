import { z } from 'zod';
import { Id, PageQuery, Timestamp, page } from './common';

/** After this many attempts a notice is no longer tried on its own: it waits for an administrator to resend or cancel it. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Where a notice stands. `failed` covers a notice that will be tried again later as well as one that
 * has used every attempt; `cancelled` is one that will never go (a bar named its recipient, or an
 * administrator cancelled it).
 */
export const OUTBOX_STATES = ['waiting', 'failed', 'sent', 'cancelled'] as const;
export const OutboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof OutboxState>;

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  waiting: 'Waiting to be sent',
  failed: 'Failed',
  sent: 'Sent',
  cancelled: 'Cancelled, not sent',
};

/** A notice to an agency mailbox as administrators see it: never personal data, so safe to list. */
export const OutboxMessage = z.object({
  id: Id,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  state: OutboxState,
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  /** Never to be sent: a bar on a case it concerns came to name the recipient, or an administrator cancelled it. */
  cancelledAt: Timestamp.nullable(),
  /** The administrator who cancelled it; null when the platform did, or when it is not cancelled. */
  cancelledBy: z.object({ id: Id, name: z.string() }).nullable(),
  error: z.string().nullable(),
  attempts: z.number().int().min(0),
  /** After a failure, not tried again before this instant; null when it goes at the next pass or is not tried again on its own. */
  nextAttemptAt: Timestamp.nullable(),
  /** A sender is delivering it at this moment, so it can be neither resent nor cancelled until that ends. */
  sending: z.boolean(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = PageQuery.extend({ state: OutboxState.optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxPage = page(OutboxMessage).extend({ smtpConfigured: z.boolean() });
export type OutboxPage = z.infer<typeof OutboxPage>;
