import { z } from 'zod';
import { Id, PageQuery, Timestamp, page } from './common';

/** A notice to an agency mailbox as administrators see it: never personal data, so safe to list. */
export const OutboxMessage = z.object({
  id: Id,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  /** Never to be sent: a bar on a case it concerns came to name the recipient before it went. */
  cancelledAt: Timestamp.nullable(),
  error: z.string().nullable(),
  attempts: z.number().int().min(0),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OUTBOX_STATES = ['waiting', 'sent', 'failed'] as const;
export const OutboxQuery = PageQuery.extend({ state: z.enum(OUTBOX_STATES).optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxPage = page(OutboxMessage).extend({ smtpConfigured: z.boolean() });
export type OutboxPage = z.infer<typeof OutboxPage>;
