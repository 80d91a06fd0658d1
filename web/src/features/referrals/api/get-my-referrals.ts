import { MyReferrals, type MyReferralsQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';

export const getMyReferrals = (query: MyReferralsQuery, signal?: AbortSignal) =>
  api.get('/api/referrals/mine', MyReferrals, { query, signal });

export const myReferralsQueryOptions = (query: MyReferralsQuery) =>
  queryOptions({
    queryKey: referralKeys.mineList(query),
    queryFn: ({ signal }) => getMyReferrals(query, signal),
    // Keep the current page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useMyReferrals = (query: MyReferralsQuery) => useQuery(myReferralsQueryOptions(query));
