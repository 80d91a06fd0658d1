import { CaseRecord, type CreateAction } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingModeKeys } from './meeting-mode-keys';

/** Records an action agreed for the case: the owning agency, what is to be done, the risk it answers, by when. */
export const addAction = ({ meetingId, itemId, action }: { meetingId: string; itemId: string; action: CreateAction }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(itemId)}/actions`, CaseRecord, action);

export function useAddAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAction,
    // The case's list names each owning agency, which the record sent back does not: the case is read again.
    onSuccess: (_record, { meetingId, itemId }) => queryClient.invalidateQueries({ queryKey: meetingModeKeys.case(meetingId, itemId) }),
  });
}
