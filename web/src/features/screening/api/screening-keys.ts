import type { RepeatWindowQuery, ScreeningQuery } from '@marac/shared';

// Referral keys are shared with the referrer's own pages (lib/api/query-keys.ts).

// The screening queue is paged and filtered; a decision on any referral changes which referrals it holds.
export const screeningKeys = {
  all: ['screening'] as const,
  queues: () => [...screeningKeys.all, 'queue'] as const,
  queue: (query: ScreeningQuery) => [...screeningKeys.queues(), query] as const,
};

export const repeatWindowKeys = {
  all: ['repeat-windows'] as const,
  list: (query: RepeatWindowQuery) => [...repeatWindowKeys.all, query] as const,
};
