import { ReferralDetail } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { referralKeys } from './query-keys';

/** One referral, for its referrer (to see it or send more information) and for screening. */
export const getReferral = (id: string, signal?: AbortSignal) =>
  api.get(`/api/referrals/${encodeURIComponent(id)}`, ReferralDetail, { signal });

export const referralQueryOptions = (id: string) =>
  queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => getReferral(id, signal),
  });

export const useReferral = (id: string) => useQuery(referralQueryOptions(id));
