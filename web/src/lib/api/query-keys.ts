import type { MyReferralsQuery } from '@marac/shared';
import type { QueryClient } from '@tanstack/react-query';

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

/**
 * Asks again for everything cached about one meeting, whichever feature's key it is (the meeting, its
 * agenda, its attendance, a case at the meeting): every such key starts with 'meetings' and names the
 * meeting. A refusal with 409 usually means the page is behind, the meeting having moved on.
 */
export const refreshMeeting = (queryClient: QueryClient, meetingId: string) =>
  queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'meetings' && query.queryKey.includes(meetingId) });
