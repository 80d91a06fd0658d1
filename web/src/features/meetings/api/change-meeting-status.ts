import { MeetingSummary, type Agenda, type MeetingStatusChange } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { meetingKeys } from './meeting-keys';

/**
 * Moves a meeting on one step after its agenda is out: starts it (not before its date), marks it
 * minuted (its listed cases heard, the hearing recorded on each case) or closes it, from the version of
 * the meeting the person was shown.
 */
export const changeMeetingStatus = ({ meetingId, change }: { meetingId: string; change: MeetingStatusChange }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/status`, MeetingSummary, change);

export function useChangeMeetingStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMeetingStatus,
    onSuccess: (meeting, { change }) => {
      // The page shows the new status at once. Every step leaves the meeting started or past it, so its
      // agenda can no longer change; the agenda (cases now heard), the lists and the packets are asked
      // for again.
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      queryClient.setQueryData<Agenda>(meetingKeys.agenda(meeting.id), (agenda) => (agenda ? { ...agenda, meeting, editable: false } : agenda));
      const kept = JSON.stringify(meetingKeys.detail(meeting.id));
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all, predicate: (query) => JSON.stringify(query.queryKey) !== kept });
      // Minuting records a hearing on each case, where a repeat window counted from the last hearing
      // starts: the referrals' flags are read again.
      if (change.status === 'minuted') void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
    onError: (_error, { meetingId }) => {
      // A refusal usually means the page is behind (another coordinator or chair moved the meeting on):
      // the meeting and its agenda are read again so the page offers the step the server expects.
      for (const queryKey of [meetingKeys.detail(meetingId), meetingKeys.agenda(meetingId)]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
