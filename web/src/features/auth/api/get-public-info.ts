import { PublicInfo } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export const getPublicInfo = (signal?: AbortSignal) => api.get('/api/public', PublicInfo, { signal });

export const publicInfoQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.publicInfo(),
    queryFn: ({ signal }) => getPublicInfo(signal),
    staleTime: Infinity,
  });

export const usePublicInfo = () => useQuery(publicInfoQueryOptions());
