import { ResearchGrid } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { researchKeys } from './research-keys';

/** Which agency has researched which case, statuses only: for the meeting's coordinators and chairs. */
export const getResearchGrid = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/research-grid`, ResearchGrid, { signal });

export const researchGridQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: researchKeys.grid(meetingId),
    queryFn: ({ signal }) => getResearchGrid(meetingId, signal),
  });

/** `enabled` is false while the meeting cannot have tasks yet (its agenda is not published). */
export const useResearchGrid = (meetingId: string, enabled = true) => useQuery({ ...researchGridQueryOptions(meetingId), enabled });
