import { NotificationPage, type NotificationQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './notification-keys';

/** The user's own notices, unread first and newest first, with the number unread. */
export const getNotifications = (query: NotificationQuery, signal?: AbortSignal) =>
  api.get('/api/notifications', NotificationPage, { query: { limit: query.limit, offset: query.offset, unread: query.unread === undefined ? undefined : String(query.unread) }, signal });

export const notificationsQueryOptions = (query: NotificationQuery) =>
  queryOptions({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => getNotifications(query, signal),
    placeholderData: keepPreviousData,
  });

export const useNotifications = (query: NotificationQuery) => useQuery(notificationsQueryOptions(query));

/** How often the header asks whether anything new has arrived: the daily chase writes notices, not people typing. */
const UNREAD_EVERY_MS = 5 * 60_000;

/** The number unread, for the header: one notice is read for it, only to learn the count. */
export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => getNotifications({ limit: 1, offset: 0, unread: true }, signal),
    select: (page) => page.unread,
    refetchInterval: UNREAD_EVERY_MS,
  });

export const useUnreadCount = () => useQuery(unreadCountQueryOptions());
