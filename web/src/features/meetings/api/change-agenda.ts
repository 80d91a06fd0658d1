import { Agenda, type AgendaChange } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { storeAgenda } from './agenda-cache';

export const changeAgenda = ({ meetingId, change }: { meetingId: string; change: AgendaChange }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/changes`, Agenda, change);

export function useChangeAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAgenda,
    onSuccess: (agenda, { meetingId }) => storeAgenda(queryClient, meetingId, agenda),
  });
}
