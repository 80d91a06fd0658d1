import type { MyReferralsQuery } from '@marac/shared';

// Everything about referrals hangs off one root, so a submission can refresh every list and detail at once.
export const referralKeys = {
  all: ['referrals'] as const,
  mine: () => [...referralKeys.all, 'mine'] as const,
  mineList: (query: MyReferralsQuery) => [...referralKeys.mine(), query] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
};

export const referralDraftKeys = {
  all: ['referral-drafts'] as const,
  detail: (id: string) => [...referralDraftKeys.all, id] as const,
};

export const agencyDirectoryKeys = {
  all: ['agency-directory'] as const,
};
