import { CaseActions, type CaseOutcomeReviewInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { actionKeys, HOME_KEY_ROOT } from './action-keys';

/** The chair records the outcome of the case's review, and may close its MARAC involvement. */
export const recordOutcomeReview = ({ caseId, input }: { caseId: string; input: CaseOutcomeReviewInput }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/outcome-reviews`, CaseActions, input);

export function useRecordOutcomeReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordOutcomeReview,
    onSuccess: (view, { caseId }) => {
      // The answer is the case's page as it now stands. Closing the involvement ends every action's
      // updates, so the actions themselves are asked for again too.
      queryClient.setQueryData(actionKeys.case(caseId), view);
      void queryClient.invalidateQueries({ queryKey: actionKeys.all, predicate: (query) => query.queryKey[1] !== 'case' || query.queryKey[2] !== caseId });
      void queryClient.invalidateQueries({ queryKey: HOME_KEY_ROOT });
    },
    onError: (error, { caseId }) => {
      // An action reopened or the case closed meanwhile: the page is behind, but what was typed stays.
      if (isApiRequestError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: actionKeys.case(caseId), refetchType: 'none' });
    },
  });
}
