// Referral keys are shared with screening (lib/api/query-keys.ts); drafts are the referrer's alone.
export const referralDraftKeys = {
  all: ['referral-drafts'] as const,
  detail: (id: string) => [...referralDraftKeys.all, id] as const,
};
