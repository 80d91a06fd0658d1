import { ActionDetail, type ReassignActionInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError, isVersionConflict } from '../../../lib/api-client';
import { markStale, readAgain, refreshAfterChange } from './refresh-after-change';

/** The coordinator or chair gives an open action to another agency serving the area, with the reason. */
export const reassignAction = ({ actionId, input }: { actionId: string; input: ReassignActionInput }) =>
  api.post(`/api/actions/${encodeURIComponent(actionId)}/reassign`, ActionDetail, input);

export function useReassignAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassignAction,
    onSuccess: (detail) => refreshAfterChange(queryClient, detail),
    onError: (error, { actionId }) => {
      if (isVersionConflict(error)) readAgain(queryClient, actionId);
      else if (isApiRequestError(error) && error.status === 409) markStale(queryClient, actionId);
    },
  });
}
