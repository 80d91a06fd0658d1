import { GeneratedAgenda } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { storeAgenda } from './agenda-cache';

/** Builds or rebuilds the agenda from waiting referrals; pinned cases and cases placed by hand stay. */
export const generateAgenda = (meetingId: string) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/generate`, GeneratedAgenda);

export function useGenerateAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateAgenda,
    onSuccess: (generated, meetingId) => storeAgenda(queryClient, meetingId, generated.agenda),
  });
}
