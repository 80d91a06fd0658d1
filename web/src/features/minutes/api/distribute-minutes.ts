import { Minutes } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { refreshWhenBehind, storeMinutes } from './minutes-cache';

/**
 * Opens the signed-off minutes to the agencies, each for the cases it was invited for, and queues a
 * notice to each agency's secure mailbox (a link and a count, never a name).
 */
export const distributeMinutes = ({ meetingId, version }: { meetingId: string; version: number }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/minutes/distribute`, Minutes, { version });

export function useDistributeMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: distributeMinutes,
    onSuccess: (minutes) => storeMinutes(queryClient, minutes),
    onError: (error, { meetingId }) => refreshWhenBehind(queryClient, error, meetingId),
  });
}
