import { RepeatWindowList, type RepeatWindowQuery } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repeatWindowKeys } from './screening-keys';

export const getRepeatWindows = (query: RepeatWindowQuery, signal?: AbortSignal) =>
  api.get('/api/repeat-windows', RepeatWindowList, { query, signal });

export const repeatWindowsQueryOptions = (query: RepeatWindowQuery) =>
  queryOptions({
    queryKey: repeatWindowKeys.list(query),
    queryFn: ({ signal }) => getRepeatWindows(query, signal),
  });

export const useRepeatWindows = (query: RepeatWindowQuery) => useQuery(repeatWindowsQueryOptions(query));
