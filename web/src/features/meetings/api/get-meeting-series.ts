import { MeetingSeriesList, type MeetingSeriesQuery } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

type SeriesQuery = z.infer<typeof MeetingSeriesQuery>;

/** The series of the user's areas, with the working days a series meeting's deadlines are counted in. */
export const getMeetingSeries = (query: SeriesQuery, signal?: AbortSignal) => api.get('/api/meeting-series', MeetingSeriesList, { query, signal });

export const meetingSeriesQueryOptions = (query: SeriesQuery) =>
  queryOptions({
    queryKey: meetingKeys.series(query),
    queryFn: ({ signal }) => getMeetingSeries(query, signal),
  });

/** Asked for only when `enabled`: a meeting outside any series has no series to read. */
export const useMeetingSeries = (query: SeriesQuery, enabled: boolean) => useQuery({ ...meetingSeriesQueryOptions(query), enabled });
