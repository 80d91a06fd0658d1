import { ReferralDraft } from '@marac/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The form's own state, saved as it stands: drafts are never validated. */
export const createReferralDraft = (payload: Record<string, unknown>) => api.post('/api/referral-drafts', ReferralDraft, { payload });

// Lists are refreshed when the person goes back to them, not on every autosave.
export const useCreateReferralDraft = () => useMutation({ mutationFn: createReferralDraft });
