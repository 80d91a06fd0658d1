import { MeetingSummary } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

export const getMeeting = (id: string, signal?: AbortSignal) => api.get(`/api/meetings/${encodeURIComponent(id)}`, MeetingSummary, { signal });

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => getMeeting(id, signal),
  });

export const useMeeting = (id: string) => useQuery(meetingQueryOptions(id));
