import { CaseRecord, type CaseRecordInput, type MeetingCaseView } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { meetingModeKeys } from './meeting-mode-keys';

/**
 * Saves the risk analysis and outcome, naming the revision the form started from. The server refuses
 * (409) a save over a newer revision, so two people recording the same case never overwrite each other
 * without seeing it.
 */
export const saveCaseRecord = ({ meetingId, itemId, input }: { meetingId: string; itemId: string; input: CaseRecordInput }) =>
  api.put(`/api/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(itemId)}/record`, CaseRecord, input);

export function useSaveCaseRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCaseRecord,
    onSuccess: (record, { meetingId, itemId }) => {
      queryClient.setQueryData<MeetingCaseView>(meetingModeKeys.case(meetingId, itemId), (view) =>
        view ? { ...view, record: { ...view.record, revision: record.revision, riskAnalysis: record.riskAnalysis, outcome: record.outcome } } : view,
      );
    },
    onError: (error, { meetingId, itemId }) => {
      // Someone saved first: their version is read so the form can show it beside what was typed.
      if (isApiRequestError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: meetingModeKeys.case(meetingId, itemId) });
    },
  });
}
