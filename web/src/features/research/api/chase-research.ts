import { ChaseResult } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { researchKeys } from './research-keys';

/**
 * Reminds every agency with research not started or in draft, by e-mail to its secure mailbox: a link
 * and counts, never a name, and at most once a day per agency. A command without a body.
 */
export const chaseResearch = (meetingId: string) => api.post(`/api/meetings/${encodeURIComponent(meetingId)}/research/chase`, ChaseResult);

export function useChaseResearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chaseResearch,
    // The grid may have moved on since it was read; the answer's count is the server's latest.
    onSettled: (_result, _error, meetingId) => void queryClient.invalidateQueries({ queryKey: researchKeys.grid(meetingId) }),
  });
}
