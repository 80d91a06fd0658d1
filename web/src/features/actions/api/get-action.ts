import { ActionDetail } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { actionKeys } from './action-keys';

/** One action with its whole history, the reminders sent, and what the viewer may do next. */
export const getAction = (id: string, signal?: AbortSignal) => api.get(`/api/actions/${encodeURIComponent(id)}`, ActionDetail, { signal });

export const actionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: actionKeys.detail(id),
    queryFn: ({ signal }) => getAction(id, signal),
  });

export const useAction = (id: string) => useQuery(actionQueryOptions(id));
