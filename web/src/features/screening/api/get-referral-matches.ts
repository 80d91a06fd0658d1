import { ReferralMatches } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';

/** Only coordinators of the referral's area may ask: everyone else is told it does not exist. */
export const getReferralMatches = (id: string, signal?: AbortSignal) =>
  api.get(`/api/referrals/${encodeURIComponent(id)}/matches`, ReferralMatches, { signal });

export const referralMatchesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: referralKeys.matches(id),
    queryFn: ({ signal }) => getReferralMatches(id, signal),
  });

export const useReferralMatches = (id: string) => useQuery(referralMatchesQueryOptions(id));
