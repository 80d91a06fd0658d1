import { Agenda, type AgendaChange } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { readMeetingAgain, storeAgenda } from './agenda-cache';

/** One change by hand, from the version of the meeting the coordinator was shown (`change.version`). */
export const changeAgenda = ({ meetingId, change }: { meetingId: string; change: AgendaChange }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/changes`, Agenda, change);

export function useChangeAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAgenda,
    onSuccess: (agenda, { meetingId }) => storeAgenda(queryClient, meetingId, agenda),
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) readMeetingAgain(queryClient, meetingId);
    },
  });
}
