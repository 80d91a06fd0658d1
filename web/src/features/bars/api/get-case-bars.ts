import { CaseBars } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { barKeys } from './bar-keys';

/** Who must never receive anything about the case, and the bars lifted as recorded in error: for its coordinators and chairs. */
export const getCaseBars = (caseId: string, signal?: AbortSignal) => api.get(`/api/cases/${encodeURIComponent(caseId)}/bars`, CaseBars, { signal });

export const caseBarsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: barKeys.case(caseId),
    queryFn: ({ signal }) => getCaseBars(caseId, signal),
  });

export const useCaseBars = (caseId: string) => useQuery(caseBarsQueryOptions(caseId));
