import type { ActionQuery, ActionReviewQuery, MeetingQuery } from '@marac/shared';

// Everything about actions hangs off ['actions']: an update or a reassignment changes the lists, their
// counts, the case's page and the review figures, so one invalidation of the root refreshes them all.
export const actionKeys = {
  all: ['actions'] as const,
  lists: () => [...actionKeys.all, 'list'] as const,
  list: (query: ActionQuery) => [...actionKeys.lists(), query] as const,
  details: () => [...actionKeys.all, 'detail'] as const,
  detail: (id: string) => [...actionKeys.details(), id] as const,
  reviews: () => [...actionKeys.all, 'review'] as const,
  review: (query: ActionReviewQuery) => [...actionKeys.reviews(), query] as const,
  cases: () => [...actionKeys.all, 'case'] as const,
  case: (caseId: string) => [...actionKeys.cases(), caseId] as const,
  /** The meetings offered by the list's meeting filter (see `get-meeting-choices.ts`). */
  meetingChoices: (query: MeetingQuery) => [...actionKeys.all, 'meeting-choices', query] as const,
};

/**
 * The home page counts actions too. Its key root is spelt here rather than imported, because features
 * do not import one another.
 */
export const HOME_KEY_ROOT = ['home'] as const;
