import { ActionReview, type ActionReviewQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { actionKeys } from './action-keys';

/** The area's figures by agency, each with the list filter that shows the actions behind it. */
export const getActionReview = (query: ActionReviewQuery, signal?: AbortSignal) => api.get('/api/actions/review', ActionReview, { query, signal });

export const actionReviewQueryOptions = (query: ActionReviewQuery) =>
  queryOptions({
    queryKey: actionKeys.review(query),
    queryFn: ({ signal }) => getActionReview(query, signal),
    placeholderData: keepPreviousData,
  });

export const useActionReview = (query: ActionReviewQuery) => useQuery(actionReviewQueryOptions(query));
