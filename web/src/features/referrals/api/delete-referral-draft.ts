import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { referralDraftKeys } from './referral-draft-keys';

export const deleteReferralDraft = (id: string) => api.delete(`/api/referral-drafts/${encodeURIComponent(id)}`, z.undefined());

export function useDeleteReferralDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReferralDraft,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: referralDraftKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
    },
  });
}
