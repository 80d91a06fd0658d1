import { AreaList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { areaKeys } from './admin-keys';

export const getAreas = (signal?: AbortSignal) => api.get('/api/admin/areas', AreaList, { signal });

export const areasQueryOptions = () =>
  queryOptions({
    queryKey: areaKeys.lists(),
    queryFn: ({ signal }) => getAreas(signal),
  });

export const useAreas = () => useQuery(areasQueryOptions());
