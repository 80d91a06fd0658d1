import { Minutes, type EditMinutes } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshWhenBehind, storeMinutes } from './minutes-cache';

/** Saves the coordinator's words on the draft: the notes for the whole meeting and a summary per case. */
export const editMinutes = ({ meetingId, edits }: { meetingId: string; edits: EditMinutes }) =>
  api.put(`/api/meetings/${encodeURIComponent(meetingId)}/minutes`, Minutes, edits);

export function useEditMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editMinutes,
    onSuccess: (minutes) => storeMinutes(queryClient, minutes),
    // The chair has signed off since the page was read: the form stays, with everything typed.
    onError: (error, { meetingId }) => refreshWhenBehind(queryClient, error, meetingId, { keepDraft: true }),
  });
}
