import { Me, type LoginRequest } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export const signIn = (credentials: LoginRequest) => api.post('/api/auth/login', Me, credentials);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous session, perhaps another person's: start clean.
      // Only the auth entries survive; they are about to be replaced or are not about anyone.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
