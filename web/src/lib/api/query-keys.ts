import type { MyReferralsQuery } from '@marac/shared';

// Keys of the queries that more than one feature reads or refreshes. Features keep their own keys
// (`features/<x>/api/<x>-keys.ts`) for everything else.

// Everything about referrals hangs off one root, shared by the referrer's pages and screening, so a
// submission or a decision can refresh every list and detail at once.
export const referralKeys = {
  all: ['referrals'] as const,
  /** The referrer's own list. */
  mine: () => [...referralKeys.all, 'mine'] as const,
  mineList: (query: MyReferralsQuery) => [...referralKeys.mine(), query] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
  /** Identity matches hang off the referral, so refreshing a referral's detail never refetches them by accident. */
  matches: (id: string) => [...referralKeys.all, 'matches', id] as const,
};

// The agencies serving the user's areas: a short register, fetched whole.
export const agencyDirectoryKeys = {
  all: ['agency-directory'] as const,
};
