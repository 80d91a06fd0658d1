import { AgencyList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agencyKeys } from './admin-keys';

export const getAgencies = (signal?: AbortSignal) => api.get('/api/admin/agencies', AgencyList, { signal });

export const agenciesQueryOptions = () =>
  queryOptions({
    queryKey: agencyKeys.lists(),
    queryFn: ({ signal }) => getAgencies(signal),
  });

export const useAgencies = () => useQuery(agenciesQueryOptions());
