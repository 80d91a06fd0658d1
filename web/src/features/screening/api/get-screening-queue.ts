import { ScreeningQueue, type ScreeningQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { screeningKeys } from './screening-keys';

/** Statuses travel as one comma-separated parameter, the way the server reads them. */
export const getScreeningQueue = (query: ScreeningQuery, signal?: AbortSignal) =>
  api.get('/api/screening', ScreeningQueue, { query: { ...query, status: query.status?.join(',') }, signal });

export const screeningQueueQueryOptions = (query: ScreeningQuery) =>
  queryOptions({
    queryKey: screeningKeys.queue(query),
    queryFn: ({ signal }) => getScreeningQueue(query, signal),
    // Keep the current page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useScreeningQueue = (query: ScreeningQuery, options: { enabled?: boolean } = {}) =>
  useQuery({ ...screeningQueueQueryOptions(query), enabled: options.enabled ?? true });
