import { Agenda } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** The agenda with the actions to review and the lapsed windows: for the area's coordinators and chairs. */
export const getAgenda = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/agenda`, Agenda, { signal });

export const agendaQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.agenda(meetingId),
    queryFn: ({ signal }) => getAgenda(meetingId, signal),
  });

export const useAgenda = (meetingId: string) => useQuery(agendaQueryOptions(meetingId));
