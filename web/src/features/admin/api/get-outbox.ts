import { OutboxPage, type OutboxQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

// Only the outbox page reads notices, so their keys live with the operation that reads them; resending
// and cancelling refresh the lists through them.
export const outboxKeys = {
  all: ['admin', 'outbox'] as const,
  lists: () => [...outboxKeys.all, 'list'] as const,
  list: (query: OutboxQuery) => [...outboxKeys.lists(), query] as const,
};

export const getOutbox = (query: OutboxQuery, signal?: AbortSignal) => api.get('/api/admin/outbox', OutboxPage, { query, signal });

export const outboxQueryOptions = (query: OutboxQuery) =>
  queryOptions({
    queryKey: outboxKeys.list(query),
    queryFn: ({ signal }) => getOutbox(query, signal),
    // Keep the current page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useOutbox = (query: OutboxQuery) => useQuery(outboxQueryOptions(query));
