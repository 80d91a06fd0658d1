import { CaseActions } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { actionKeys } from './action-keys';

/** Every action of a case across its meetings with their histories, and the chair's outcome reviews. */
export const getCaseActions = (caseId: string, signal?: AbortSignal) => api.get(`/api/cases/${encodeURIComponent(caseId)}/actions`, CaseActions, { signal });

export const caseActionsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: actionKeys.case(caseId),
    queryFn: ({ signal }) => getCaseActions(caseId, signal),
  });

export const useCaseActions = (caseId: string) => useQuery(caseActionsQueryOptions(caseId));
