import { Agency, type UpdateAgency } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { agencyKeys } from './admin-keys';

export const updateAgency = ({ id, input }: { id: string; input: UpdateAgency }) =>
  api.patch(`/api/admin/agencies/${encodeURIComponent(id)}`, Agency, input);

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgency,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
    // Another administrator changed the agency first: it is read again, and the form shows it beside what was typed.
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
    },
  });
}
