import { Area, type UpdateArea } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { areaKeys } from './admin-keys';

export const updateArea = ({ id, input }: { id: string; input: UpdateArea }) =>
  api.patch(`/api/admin/areas/${encodeURIComponent(id)}`, Area, input);

export function useUpdateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateArea,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: areaKeys.all }),
  });
}
