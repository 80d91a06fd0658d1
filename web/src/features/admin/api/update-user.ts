import { User, type UpdateUser } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './admin-keys';

export const updateUser = ({ id, input }: { id: string; input: UpdateUser }) =>
  api.patch(`/api/admin/users/${encodeURIComponent(id)}`, User, input);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
