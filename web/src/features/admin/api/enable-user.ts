import { User } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

/** From the version of the account the administrator was shown: refused when someone changed it since. */
export const enableUser = ({ id, version }: { id: string; version: number }) => api.post(`/api/admin/users/${encodeURIComponent(id)}/enable`, User, { version });

export function useEnableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
    // Refused or not, the list is read again: a refusal means it is behind, and it shows the account as it now stands.
    onError: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
