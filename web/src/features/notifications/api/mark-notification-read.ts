import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { notificationKeys } from './notification-keys';

/** Marks one of the user's notices read (204, no body). */
export const markNotificationRead = (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`, z.undefined());

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
