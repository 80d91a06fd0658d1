import { OutboxMessage } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { outboxKeys } from './get-outbox';

export const cancelOutboxNotice = (id: string) => api.post(`/api/admin/outbox/${encodeURIComponent(id)}/cancel`, OutboxMessage);

/** Refused or not, the lists are read again: a refusal usually means the notice moved on (sent, cancelled, on its way). */
export function useCancelOutboxNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOutboxNotice,
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKeys.lists() }),
  });
}
