import { ActionList, type ActionQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { actionKeys } from './action-keys';

/** A page of the actions the user may see, with the count in each state under the same filters. */
export const getActions = (query: ActionQuery, signal?: AbortSignal) => api.get('/api/actions', ActionList, { query, signal });

export const actionsQueryOptions = (query: ActionQuery) =>
  queryOptions({
    queryKey: actionKeys.list(query),
    queryFn: ({ signal }) => getActions(query, signal),
    // Keep the current page and its counts on screen while another state or page loads.
    placeholderData: keepPreviousData,
  });

export const useActions = (query: ActionQuery) => useQuery(actionsQueryOptions(query));
