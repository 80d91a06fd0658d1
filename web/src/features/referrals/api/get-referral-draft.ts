import { ReferralDraft } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralDraftKeys } from './referral-draft-keys';

export const getReferralDraft = (id: string, signal?: AbortSignal) =>
  api.get(`/api/referral-drafts/${encodeURIComponent(id)}`, ReferralDraft, { signal });

export const referralDraftQueryOptions = (id: string) =>
  queryOptions({
    queryKey: referralDraftKeys.detail(id),
    queryFn: ({ signal }) => getReferralDraft(id, signal),
    // The form takes the draft once, when it opens; from then on the form is the newer copy.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useReferralDraft = (id: string) => useQuery(referralDraftQueryOptions(id));
