import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, isUnauthenticated } from '../../../lib/api-client';

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout', z.undefined());
  } catch (error) {
    // A session that has already ended is as signed out as it can be.
    if (!isUnauthenticated(error)) throw error;
  }
}

export const useSignOut = () => useMutation({ mutationFn: signOut });
