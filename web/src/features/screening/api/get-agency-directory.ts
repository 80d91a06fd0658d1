import { AgencyDirectory } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agencyDirectoryKeys } from './screening-keys';

export const getAgencyDirectory = (signal?: AbortSignal) => api.get('/api/agencies', AgencyDirectory, { signal });

export const agencyDirectoryQueryOptions = () =>
  queryOptions({
    queryKey: agencyDirectoryKeys.all,
    queryFn: ({ signal }) => getAgencyDirectory(signal),
    // The register changes rarely; a page of filters should not refetch it on every visit.
    staleTime: 5 * 60_000,
  });

export const useAgencyDirectory = () => useQuery(agencyDirectoryQueryOptions());
