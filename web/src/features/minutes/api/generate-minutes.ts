import { Minutes } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshWhenBehind, storeMinutes } from './minutes-cache';

/**
 * Builds the minutes from what was recorded at the meeting (attendance, the review of earlier actions,
 * what each agency shared, each case's record), keeping the notes and summaries of an earlier draft.
 * It names the version of the minutes the coordinator was shown (0 before the first generation);
 * refused before the meeting starts, once the minutes are signed off, and when they changed since.
 */
export const generateMinutes = ({ meetingId, version }: { meetingId: string; version: number }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/minutes/generate`, Minutes, { version });

export function useGenerateMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateMinutes,
    onSuccess: (minutes) => storeMinutes(queryClient, minutes),
    onError: (error, { meetingId }) => refreshWhenBehind(queryClient, error, meetingId, { keepDraft: true }),
  });
}
