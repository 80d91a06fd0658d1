import type { RepeatWindowQuery, ScreeningQuery } from '@marac/shared';

// The screening queue is paged and filtered; a decision on any referral changes which referrals it holds.
export const screeningKeys = {
  all: ['screening'] as const,
  queues: () => [...screeningKeys.all, 'queue'] as const,
  queue: (query: ScreeningQuery) => [...screeningKeys.queues(), query] as const,
};

// Referrals are shared with the referrer's own pages, so everything about one referral sits under ['referrals'].
export const referralKeys = {
  all: ['referrals'] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
  /** Identity matches hang off the referral, so refreshing a referral's detail never refetches them by accident. */
  matches: (id: string) => [...referralKeys.all, 'matches', id] as const,
};

export const repeatWindowKeys = {
  all: ['repeat-windows'] as const,
  list: (query: RepeatWindowQuery) => [...repeatWindowKeys.all, query] as const,
};

// The agencies serving the user's areas: a short register, fetched whole.
export const agencyDirectoryKeys = {
  all: ['agency-directory'] as const,
};
