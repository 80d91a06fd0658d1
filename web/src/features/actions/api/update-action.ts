import { ActionDetail, type UpdateActionInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError, isVersionConflict } from '../../../lib/api-client';
import { markStale, readAgain, refreshAfterChange } from './refresh-after-change';

/** An update: the status (the same one for a progress note), what was done and when. */
export const updateAction = ({ actionId, input }: { actionId: string; input: UpdateActionInput }) =>
  api.post(`/api/actions/${encodeURIComponent(actionId)}/updates`, ActionDetail, input);

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAction,
    onSuccess: (detail) => refreshAfterChange(queryClient, detail),
    onError: (error, { actionId }) => {
      if (isVersionConflict(error)) readAgain(queryClient, actionId);
      else if (isApiRequestError(error) && error.status === 409) markStale(queryClient, actionId);
    },
  });
}
