import { Minutes } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshWhenBehind, storeMinutes } from './minutes-cache';

/**
 * Builds the minutes from what was recorded at the meeting (attendance, the review of earlier actions,
 * what each agency shared, each case's record), keeping the notes and summaries of an earlier draft.
 * A command without a body; refused before the meeting starts and once the minutes are signed off.
 */
export const generateMinutes = (meetingId: string) => api.post(`/api/meetings/${encodeURIComponent(meetingId)}/minutes/generate`, Minutes);

export function useGenerateMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateMinutes,
    onSuccess: (minutes) => storeMinutes(queryClient, minutes),
    onError: (error, meetingId) => refreshWhenBehind(queryClient, error, meetingId, { keepDraft: true }),
  });
}
