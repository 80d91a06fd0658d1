import { User } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

export const getUser = (id: string, signal?: AbortSignal) => api.get(`/api/admin/users/${encodeURIComponent(id)}`, User, { signal });

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => getUser(id, signal),
  });

export const useUser = (id: string) => useQuery(userQueryOptions(id));
