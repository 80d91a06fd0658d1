import { PublishedAgenda } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { storeAgenda } from './agenda-cache';

/** Freezes the agenda as a numbered version, creates research tasks and queues notices to agencies. */
export const publishAgenda = (meetingId: string) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/publish`, PublishedAgenda);

export function usePublishAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishAgenda,
    onSuccess: (published, meetingId) => storeAgenda(queryClient, meetingId, published.agenda),
  });
}
