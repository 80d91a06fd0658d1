import { AgencyDirectory } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { agencyDirectoryKeys } from './query-keys';

/**
 * The agencies serving the user's areas: to choose the referring agency or an unsafe contact's agency,
 * to filter the screening queue, to name the agencies on a referral.
 */
export const getAgencyDirectory = (signal?: AbortSignal) => api.get('/api/agencies', AgencyDirectory, { signal });

export const agencyDirectoryQueryOptions = () =>
  queryOptions({
    queryKey: agencyDirectoryKeys.all,
    queryFn: ({ signal }) => getAgencyDirectory(signal),
    // The register changes rarely; a page of filters should not refetch it on every visit.
    staleTime: 5 * 60_000,
  });

export const useAgencyDirectory = () => useQuery(agencyDirectoryQueryOptions());
