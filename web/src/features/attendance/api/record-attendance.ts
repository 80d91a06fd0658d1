import { AttendanceList, type AttendanceInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { refreshMeeting } from '../../../lib/api/query-keys';
import { attendanceKeys } from './attendance-keys';

/** Records someone attending, sending apologies or observing; the answer is the whole list as it now stands. */
export const recordAttendance = ({ meetingId, input }: { meetingId: string; input: AttendanceInput }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/attendance`, AttendanceList, input);

export function useRecordAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAttendance,
    onSuccess: (entries, { meetingId }) => queryClient.setQueryData(attendanceKeys.list(meetingId), entries),
    onError: (error, { meetingId }) => {
      // Already recorded, or the meeting minuted meanwhile: the page is behind.
      if (isApiRequestError(error) && error.status === 409) void refreshMeeting(queryClient, meetingId);
    },
  });
}
