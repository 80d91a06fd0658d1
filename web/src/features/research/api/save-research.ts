import { ResearchTask, type ResearchInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError, isVersionConflict } from '../../../lib/api-client';
import { researchKeys } from './research-keys';

/** Saves the agency's research for one case as a draft, or submits it; refused once the meeting has started. */
export const saveResearch = ({ meetingId, caseId, input }: { meetingId: string; caseId: string; input: ResearchInput }) =>
  api.put(`/api/meetings/${encodeURIComponent(meetingId)}/research/${encodeURIComponent(caseId)}`, ResearchTask, input);

export function useSaveResearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveResearch,
    onSuccess: (task, { meetingId, caseId }) => {
      // The meeting page the form returns to shows the task as saved at once; the case's versions and
      // the coordinator's grid are asked for again.
      queryClient.setQueryData(researchKeys.tasks(meetingId), (tasks: ResearchTask[] | undefined) =>
        tasks?.map((candidate) => (candidate.caseId === caseId ? task : candidate)),
      );
      for (const queryKey of [researchKeys.history(meetingId, caseId), researchKeys.grid(meetingId)]) void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error, { meetingId }) => {
      // A colleague saved the task since the page read it: it is read again now, and the form shows
      // their version beside what was typed.
      if (isVersionConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: researchKeys.tasks(meetingId) });
        return;
      }
      // The meeting has started since the page was read. The tasks are marked stale but not read again
      // now: the form stays, with everything typed, until the person leaves it.
      if (isApiRequestError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: researchKeys.tasks(meetingId), refetchType: 'none' });
      }
    },
  });
}
