import { GeneratedAgenda } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { readMeetingAgain, storeAgenda } from './agenda-cache';

/**
 * Builds or rebuilds the agenda from waiting referrals, from the version of the meeting the coordinator
 * was shown; pinned cases and cases placed by hand stay.
 */
export const generateAgenda = ({ meetingId, version }: { meetingId: string; version: number }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/generate`, GeneratedAgenda, { version });

export function useGenerateAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateAgenda,
    onSuccess: (generated, { meetingId }) => storeAgenda(queryClient, meetingId, generated.agenda),
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) readMeetingAgain(queryClient, meetingId);
    },
  });
}
