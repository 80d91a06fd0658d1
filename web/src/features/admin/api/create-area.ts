import { Area, type CreateArea } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { areaKeys } from './admin-keys';

export const createArea = (input: CreateArea) => api.post('/api/admin/areas', Area, input);

export function useCreateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createArea,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: areaKeys.all }),
  });
}
