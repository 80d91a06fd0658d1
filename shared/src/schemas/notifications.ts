import { z } from 'zod';
import { Id, PageQuery, Timestamp, page } from './common';

/**
 * A notice in the platform for one user (an action due soon, overdue or escalated to them). The text
 * names a case by its reference and an agency by its name, never a person; `link` is a path in the app.
 */
export const Notification = z.object({
  id: Id,
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({
  /** `true`: unread ones only. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationPage = page(Notification).extend({ unread: z.number().int().min(0) });
export type NotificationPage = z.infer<typeof NotificationPage>;
