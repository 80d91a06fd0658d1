import { MeetingList, type MeetingQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** Without dates the server lists from today for the 26 weeks a series is planned ahead. */
export const getMeetings = (query: MeetingQuery, signal?: AbortSignal) => api.get('/api/meetings', MeetingList, { query, signal });

export const meetingsQueryOptions = (query: MeetingQuery) =>
  queryOptions({
    queryKey: meetingKeys.list(query),
    queryFn: ({ signal }) => getMeetings(query, signal),
    // Keep the current list on screen while other dates load, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const useMeetings = (query: MeetingQuery) => useQuery(meetingsQueryOptions(query));
