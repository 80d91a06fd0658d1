import type { Agenda, MeetingSummary } from '@marac/shared';
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

/**
 * A change whose answer does not carry the meeting (an invitation) still took the meeting's next
 * version. The meeting and its agenda hold that version at once, so the coordinator's next change is
 * not refused for their own, and are asked for again.
 */
export function meetingMovedOn(queryClient: QueryClient, meetingId: string, version: number): void {
  queryClient.setQueryData<Agenda>(meetingKeys.agenda(meetingId), (agenda) => (agenda ? { ...agenda, meeting: { ...agenda.meeting, version } } : agenda));
  queryClient.setQueryData<MeetingSummary>(meetingKeys.detail(meetingId), (meeting) => (meeting ? { ...meeting, version } : meeting));
  for (const queryKey of [meetingKeys.agenda(meetingId), meetingKeys.detail(meetingId)]) void queryClient.invalidateQueries({ queryKey });
}

/**
 * Someone else changed the meeting or its agenda since the page read them (the server refused with 409):
 * both are read again, so the page shows them as they now stand and the next change is from there.
 */
export function readMeetingAgain(queryClient: QueryClient, meetingId: string): void {
  for (const queryKey of [meetingKeys.agenda(meetingId), meetingKeys.detail(meetingId), meetingKeys.invitations(meetingId)]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
