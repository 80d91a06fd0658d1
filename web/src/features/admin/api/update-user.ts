import { User, type UpdateUser } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

export const updateUser = ({ id, input }: { id: string; input: UpdateUser }) =>
  api.patch(`/api/admin/users/${encodeURIComponent(id)}`, User, input);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
    // Another administrator changed the user first: it is read again, and the form shows it beside what was typed.
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
