import type { NotificationQuery } from '@marac/shared';

// The page's lists and the header's unread count hang off one root, so marking a notice read refreshes both.
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (query: NotificationQuery) => [...notificationKeys.lists(), query] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};
