import { ReferralMatches, type MatchDecisionInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { screeningKeys } from './screening-keys';

interface MatchDecisionRequest {
  referralId: string;
  subjectId: string;
  input: MatchDecisionInput;
}

export const decideMatch = ({ referralId, subjectId, input }: MatchDecisionRequest) =>
  api.post(
    `/api/referrals/${encodeURIComponent(referralId)}/subjects/${encodeURIComponent(subjectId)}/matches`,
    ReferralMatches,
    input,
  );

export function useDecideMatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideMatch,
    onSuccess: (matches, { referralId }) => {
      queryClient.setQueryData(referralKeys.matches(referralId), matches);
      // Flags are read from confirmed history: confirming the victim with an earlier victim makes a repeat.
      void queryClient.invalidateQueries({ queryKey: referralKeys.detail(referralId) });
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
    },
  });
}
