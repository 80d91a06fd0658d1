import { MeetingSummary, type Agenda, type UpdateMeeting } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** Moves or changes a meeting; deadlines not sent are counted again by the server when the date moves. */
export const updateMeeting = ({ meetingId, changes }: { meetingId: string; changes: UpdateMeeting }) =>
  api.patch(`/api/meetings/${encodeURIComponent(meetingId)}`, MeetingSummary, changes);

export function useUpdateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMeeting,
    onSuccess: (meeting) => {
      // The meeting page opens on the new date and deadlines at once; the agenda's slot times (a new
      // start time or minutes per case), the lists and the packets' dates are asked for again.
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      queryClient.setQueryData<Agenda>(meetingKeys.agenda(meeting.id), (agenda) => (agenda ? { ...agenda, meeting } : agenda));
      for (const queryKey of [meetingKeys.agenda(meeting.id), meetingKeys.lists(), meetingKeys.packets(meeting.id)]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
    // Another coordinator changed the meeting first: it is read again, and the form shows it beside what was typed.
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
    },
  });
}
