import { UserList, type UserQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

export const getUsers = (query: UserQuery, signal?: AbortSignal) => api.get('/api/admin/users', UserList, { query, signal });

export const usersQueryOptions = (query: UserQuery) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    // Keep the current page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UserQuery) => useQuery(usersQueryOptions(query));
