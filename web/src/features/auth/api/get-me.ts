import { Me } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isUnauthenticated, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Who is signed in, or null when nobody is: being signed out is an answer, not a failure. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get('/api/auth/me', Me, { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    setCsrfToken(null);
    return null;
  }
}

// Asked once per page load; after that the session is known to have ended when any call gets a 401.
export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useMe = () => useQuery(meQueryOptions());
