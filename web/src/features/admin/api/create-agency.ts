import { Agency, type CreateAgency } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agencyKeys } from './admin-keys';

export const createAgency = (input: CreateAgency) => api.post('/api/admin/agencies', Agency, input);

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgency,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
