/**
 * Notices in the platform, one row per user. Like the outbox, each is written once per key, in the
 * same transaction as what it tells of, so a job that runs twice does not tell anyone twice.
 */

import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { NotificationPage, NotificationQuery } from '@marac/shared';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { notBarred, partyOf } from '../cases/policy';

export interface NotificationText {
  subject: string;
  body: string;
  /** A path in the web app, like `/actions/<id>`. */
  link: string | null;
  /** Made unique per user by appending the user's id. */
  dedupeKey: string;
  /** The case it tells of: listed only while the disclosure policy lets the user be told of it. */
  caseId?: string | null;
}

/** Tells each user once per key; returns how many were told now. */
export function notifyUsers(db: Db, userIds: readonly string[], text: NotificationText, at: Date): number {
  let written = 0;
  for (const userId of new Set(userIds)) {
    const result = db
      .insert(notifications)
      .values({ id: newId(), userId, subject: text.subject, body: text.body, link: text.link, dedupeKey: `${text.dedupeKey}:${userId}`, caseId: text.caseId ?? null, createdAt: at.toISOString(), readAt: null })
      .onConflictDoNothing()
      .run();
    written += result.changes;
  }
  return written;
}

export function listNotifications(db: Db, user: SessionUser, query: NotificationQuery): NotificationPage {
  // A notice about a case the user has since been barred from is never shown again.
  const mine = and(eq(notifications.userId, user.id), or(isNull(notifications.caseId), notBarred(partyOf(user), notifications.caseId)));
  const unreadOnly = and(mine, isNull(notifications.readAt));
  const where = query.unread ? unreadOnly : mine;
  const items = db
    .select({ id: notifications.id, subject: notifications.subject, body: notifications.body, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(where)
    // Unread first (what still needs attention), newest first within each; portable SQL ordering on a boolean.
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = db.select({ n: count() }).from(notifications).where(where).get()?.n ?? 0;
  const unread = db.select({ n: count() }).from(notifications).where(unreadOnly).get()?.n ?? 0;
  return { items, total, unread, limit: query.limit, offset: query.offset };
}

/** Marks the user's own notifications read; anyone else's reads as not existing. */
export function markRead(db: Db, user: SessionUser, ids: readonly string[], at: Date): void {
  if (ids.length === 0) return;
  const own = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.id, [...ids]), eq(notifications.userId, user.id)))
    .all();
  if (own.length !== new Set(ids).size) throw notFound('notification');
  db.update(notifications).set({ readAt: at.toISOString() }).where(and(inArray(notifications.id, [...ids]), isNull(notifications.readAt))).run();
}
