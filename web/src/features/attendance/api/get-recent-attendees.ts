import { addDays, MeetingList, type MeetingSummary } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { attendanceKeys } from './attendance-keys';
import { getAttendance } from './get-attendance';

/** Someone with an account on the platform, recorded at one of the area's recent meetings. */
export interface RecentAttendee {
  userId: string;
  name: string;
  agencyName: string | null;
}

/** The earlier meetings read, and how far back they are looked for. */
const MEETINGS_READ = 3;
const LOOK_BACK_DAYS = 182;

/**
 * People with an account who were recorded at the area's last few meetings, most recent first, once
 * each. Coordinators have no directory of users; this is how they name one, so that the person can
 * sign the confidentiality statement on their own account. The server checks the person still works
 * in the area.
 */
export async function getRecentAttendees(meeting: MeetingSummary, signal?: AbortSignal): Promise<RecentAttendee[]> {
  const query = { areaId: meeting.areaId, from: addDays(meeting.date, -LOOK_BACK_DAYS), to: meeting.date };
  const meetings = await api.get('/api/meetings', MeetingList, { query, signal });
  const earlier = meetings
    .filter((other) => other.id !== meeting.id)
    .sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`))
    .slice(0, MEETINGS_READ);
  const lists = await Promise.all(earlier.map((other) => getAttendance(other.id, signal)));
  const people = new Map<string, RecentAttendee>();
  for (const entry of lists.flat()) {
    if (entry.userId !== null && !people.has(entry.userId)) people.set(entry.userId, { userId: entry.userId, name: entry.name, agencyName: entry.agencyName });
  }
  return [...people.values()];
}

export const recentAttendeesQueryOptions = (meeting: MeetingSummary) =>
  queryOptions({
    queryKey: attendanceKeys.recentAttendees(meeting.id),
    queryFn: ({ signal }) => getRecentAttendees(meeting, signal),
    // Earlier meetings' attendance hardly changes while this page is open.
    staleTime: 5 * 60_000,
  });

export const useRecentAttendees = (meeting: MeetingSummary) => useQuery(recentAttendeesQueryOptions(meeting));
