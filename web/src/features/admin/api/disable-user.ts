import { User } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

/** Disabling also ends every session the person has, on the server. */
export const disableUser = (id: string) => api.post(`/api/admin/users/${encodeURIComponent(id)}/disable`, User);

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
