import type { Agenda } from '@marac/shared';
import type { QueryClient } from '@tanstack/react-query';
import { meetingKeys } from './meeting-keys';

/**
 * After any change to an agenda: the answer is the agenda as it now stands, so it is shown at once;
 * everything else about meetings (case counts in lists, another meeting a case moved to, packets) is
 * asked for again.
 */
export function storeAgenda(queryClient: QueryClient, meetingId: string, agenda: Agenda): void {
  queryClient.setQueryData(meetingKeys.agenda(meetingId), agenda);
  queryClient.setQueryData(meetingKeys.detail(meetingId), agenda.meeting);
  const kept = [meetingKeys.agenda(meetingId), meetingKeys.detail(meetingId)].map((key) => JSON.stringify(key));
  void queryClient.invalidateQueries({
    queryKey: meetingKeys.all,
    predicate: (query) => !kept.includes(JSON.stringify(query.queryKey)),
  });
}
