import { HomeSummary } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { homeKeys } from './home-keys';

export const getHomeSummary = (signal?: AbortSignal) => api.get('/api/home', HomeSummary, { signal });

export const homeSummaryQueryOptions = () =>
  queryOptions({
    queryKey: homeKeys.summary(),
    queryFn: ({ signal }) => getHomeSummary(signal),
  });

export const useHomeSummary = () => useQuery(homeSummaryQueryOptions());
