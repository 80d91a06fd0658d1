import { ReferralDraft } from '@marac/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const updateReferralDraft = ({ id, payload }: { id: string; payload: Record<string, unknown> }) =>
  api.put(`/api/referral-drafts/${encodeURIComponent(id)}`, ReferralDraft, { payload });

export const useUpdateReferralDraft = () => useMutation({ mutationFn: updateReferralDraft });
