import { ReferralDetail, type ReferralSubmission } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';

/** Answers a request for more information by sending the whole referral again. */
export const resubmitReferral = ({ id, input }: { id: string; input: ReferralSubmission }) =>
  api.put(`/api/referrals/${encodeURIComponent(id)}`, ReferralDetail, input);

export function useResubmitReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resubmitReferral,
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
      // Marked stale but not fetched now: the page that sent it is still showing the form, and must
      // not change under the person before it moves on to the referral.
      void queryClient.invalidateQueries({ queryKey: referralKeys.detail(detail.id), refetchType: 'none' });
    },
  });
}
