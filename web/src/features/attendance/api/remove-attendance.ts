import type { AttendanceEntry } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, isApiRequestError } from '../../../lib/api-client';
import { refreshMeeting } from '../../../lib/api/query-keys';
import { attendanceKeys } from './attendance-keys';

/** Removes an entry recorded by mistake, while the meeting's attendance can still change. */
export const removeAttendance = ({ meetingId, entryId }: { meetingId: string; entryId: string }) =>
  api.delete(`/api/meetings/${encodeURIComponent(meetingId)}/attendance/${encodeURIComponent(entryId)}`, z.undefined());

export function useRemoveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAttendance,
    onSuccess: (_nothing, { meetingId, entryId }) => {
      // The answer is empty: the entry leaves the list at once, and the list is asked for again.
      queryClient.setQueryData<AttendanceEntry[]>(attendanceKeys.list(meetingId), (entries) => entries?.filter((entry) => entry.id !== entryId));
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.list(meetingId) });
    },
    onError: (error, { meetingId }) => {
      if (isApiRequestError(error) && (error.status === 404 || error.status === 409)) void refreshMeeting(queryClient, meetingId);
    },
  });
}
