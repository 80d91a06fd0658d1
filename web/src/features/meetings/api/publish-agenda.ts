import { PublishedAgenda } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { readMeetingAgain, storeAgenda } from './agenda-cache';

/**
 * Freezes the agenda the coordinator was shown (`version`, the meeting's) as a numbered version, creates
 * research tasks and queues notices to agencies; refused when the agenda changed since.
 */
export const publishAgenda = ({ meetingId, version }: { meetingId: string; version: number }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/publish`, PublishedAgenda, { version });

export function usePublishAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishAgenda,
    onSuccess: (published, { meetingId }) => storeAgenda(queryClient, meetingId, published.agenda),
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) readMeetingAgain(queryClient, meetingId);
    },
  });
}
