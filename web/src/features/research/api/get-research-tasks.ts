import { ResearchTaskList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { researchKeys } from './research-keys';

/** The representative's own agency's research tasks for a published meeting, in agenda order. */
export const getResearchTasks = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/research`, ResearchTaskList, { signal });

export const researchTasksQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: researchKeys.tasks(meetingId),
    queryFn: ({ signal }) => getResearchTasks(meetingId, signal),
  });

/** `enabled` is false while the meeting cannot have tasks yet (its agenda is not published). */
export const useResearchTasks = (meetingId: string, enabled = true) => useQuery({ ...researchTasksQueryOptions(meetingId), enabled });
