import { ReferralDetail, type ReferralSubmissionRequest } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { referralDraftKeys } from './referral-draft-keys';

/** Sends a referral for screening; the draft it names is deleted with it. */
export const submitReferral = (input: ReferralSubmissionRequest) => api.post('/api/referrals', ReferralDetail, input);

export function useSubmitReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReferral,
    onSuccess: (detail, input) => {
      queryClient.setQueryData(referralKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
      if (input.draftId) queryClient.removeQueries({ queryKey: referralDraftKeys.detail(input.draftId) });
    },
  });
}
