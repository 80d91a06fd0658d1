import { MeetingList, addMonths, type MeetingQuery } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { actionKeys } from './action-keys';

/** How far back the list's meeting filter offers meetings: actions older than this are rare and still reachable by link. */
const MONTHS_BACK = 24;

/**
 * The meetings an action in the list can have been agreed at, for the meeting filter: those of the
 * user's areas (a representative: the ones their agency was sent) from two years ago up to today,
 * newest first. Read with its own key: it is a list of choices, not the meetings feature's calendar.
 */
export const getMeetingChoices = (query: MeetingQuery, signal?: AbortSignal) =>
  api.get('/api/meetings', MeetingList, { query, signal }).then((meetings) => [...meetings].reverse());

export const meetingChoicesQueryOptions = (today: string) => {
  const query: MeetingQuery = { from: addMonths(today, -MONTHS_BACK), to: today };
  return queryOptions({
    queryKey: actionKeys.meetingChoices(query),
    queryFn: ({ signal }) => getMeetingChoices(query, signal),
    // Meetings that have already happened do not change while a list is being filtered.
    staleTime: 5 * 60_000,
  });
};

export const useMeetingChoices = (today: string) => useQuery(meetingChoicesQueryOptions(today));
