import { ScreeningOutcome, type ScreeningDecisionInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { screeningKeys } from './screening-keys';

/** The decision, answered with the referral as it now stands and what any bar it brought took away at once. */
export const decideReferral = ({ id, input }: { id: string; input: ScreeningDecisionInput }) =>
  api.post(`/api/referrals/${encodeURIComponent(id)}/decisions`, ScreeningOutcome, input);

export function useDecideReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReferral,
    onSuccess: ({ barEffects: _effects, ...detail }) => {
      // The answer is the referral as it now stands: show it at once rather than asking again.
      queryClient.setQueryData(referralKeys.detail(detail.id), detail);
      // Every list the referral appears in (the queue, the referrer's own list) and its matches may have changed.
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      void queryClient.invalidateQueries({
        queryKey: referralKeys.all,
        predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== detail.id,
      });
    },
  });
}
