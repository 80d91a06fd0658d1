import { ResearchHistory } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { researchKeys } from './research-keys';

/** Every saved version of the agency's research for one case, oldest first. */
export const getResearchHistory = (meetingId: string, caseId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/research/${encodeURIComponent(caseId)}/history`, ResearchHistory, { signal });

export const researchHistoryQueryOptions = (meetingId: string, caseId: string) =>
  queryOptions({
    queryKey: researchKeys.history(meetingId, caseId),
    queryFn: ({ signal }) => getResearchHistory(meetingId, caseId, signal),
  });

export const useResearchHistory = (meetingId: string, caseId: string) => useQuery(researchHistoryQueryOptions(meetingId, caseId));
