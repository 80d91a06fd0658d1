import { ReferralDetail, type ReferralSubmission } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

/** Answers a request for more information by sending the whole referral again. */
export const resubmitReferral = ({ id, input }: { id: string; input: ReferralSubmission }) =>
  api.put(`/api/referrals/${encodeURIComponent(id)}`, ReferralDetail, input);

export function useResubmitReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resubmitReferral,
    onSuccess: (detail) => {
      queryClient.setQueryData(referralKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}
