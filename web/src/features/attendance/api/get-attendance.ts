import { AttendanceList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { attendanceKeys } from './attendance-keys';

/** Who attends a meeting, sends apologies or observes, with when each signed the statement (coordinators and chairs). */
export const getAttendance = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/attendance`, AttendanceList, { signal });

export const attendanceQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: attendanceKeys.list(meetingId),
    queryFn: ({ signal }) => getAttendance(meetingId, signal),
  });

export const useAttendance = (meetingId: string) => useQuery(attendanceQueryOptions(meetingId));
