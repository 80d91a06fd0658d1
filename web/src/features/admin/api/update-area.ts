import { Area, type UpdateArea } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { areaKeys } from './admin-keys';

export const updateArea = ({ id, input }: { id: string; input: UpdateArea }) =>
  api.patch(`/api/admin/areas/${encodeURIComponent(id)}`, Area, input);

export function useUpdateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateArea,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: areaKeys.all }),
    // Another administrator changed the area first: it is read again, and the form shows it beside what was typed.
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: areaKeys.all });
    },
  });
}
