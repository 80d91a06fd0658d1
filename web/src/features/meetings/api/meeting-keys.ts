import type { MeetingQuery, MeetingSeriesQuery } from '@marac/shared';
import type { z } from 'zod';

// Everything about meetings sits under ['meetings']: a change to one agenda can change a list's case
// counts, another meeting's agenda (a case moved there) and the packets agencies may read.
export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  list: (query: MeetingQuery) => [...meetingKeys.lists(), query] as const,
  details: () => [...meetingKeys.all, 'detail'] as const,
  detail: (id: string) => [...meetingKeys.details(), id] as const,
  agendas: () => [...meetingKeys.all, 'agenda'] as const,
  agenda: (id: string) => [...meetingKeys.agendas(), id] as const,
  packets: (id: string) => [...meetingKeys.all, 'packets', id] as const,
  packet: (id: string, caseId: string) => [...meetingKeys.packets(id), caseId] as const,
  invitations: (id: string) => [...meetingKeys.all, 'invitations', id] as const,
  series: (query: z.infer<typeof MeetingSeriesQuery>) => [...meetingKeys.all, 'series', query] as const,
};
