import { AgencyDirectory } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agencyDirectoryKeys } from './referral-keys';

/** The agencies serving the user's areas, to choose the referring agency or an unsafe contact's agency. */
export const getAgencyDirectory = (signal?: AbortSignal) => api.get('/api/agencies', AgencyDirectory, { signal });

export const agencyDirectoryQueryOptions = () =>
  queryOptions({
    queryKey: agencyDirectoryKeys.all,
    queryFn: ({ signal }) => getAgencyDirectory(signal),
    staleTime: 5 * 60_000,
  });

export const useAgencyDirectory = () => useQuery(agencyDirectoryQueryOptions());
