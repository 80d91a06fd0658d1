import type { ActionDetail, ActionList, ActionReview, CaseActions } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { apiErrorResponse } from '../../handlers';

// Handlers for the actions API that answer from the test's own state and record what the page asked.

/** GET /api/actions, recording each query string. */
export function actionList(list: (params: URLSearchParams) => ActionList, seen: URLSearchParams[] = []) {
  return http.get('/api/actions', ({ request }) => {
    const params = new URL(request.url).searchParams;
    seen.push(params);
    return HttpResponse.json(list(params));
  });
}

/** GET /api/actions/:id for one action, as it stands now. */
export const actionDetail = (current: () => ActionDetail) =>
  http.get('/api/actions/:id', ({ params }) => {
    const detail = current();
    return params.id === detail.id ? HttpResponse.json(detail) : apiErrorResponse(404, 'not_found', 'The action was not found');
  });

/** GET /api/actions/review, recording each query string. */
export function actionReview(review: (params: URLSearchParams) => ActionReview, seen: URLSearchParams[] = []) {
  return http.get('/api/actions/review', ({ request }) => {
    const params = new URL(request.url).searchParams;
    seen.push(params);
    return HttpResponse.json(review(params));
  });
}

/** GET /api/cases/:caseId/actions, as the case stands now. */
export const caseActions = (current: () => CaseActions) =>
  http.get('/api/cases/:caseId/actions', ({ params }) => {
    const view = current();
    return params.caseId === view.case.id ? HttpResponse.json(view) : apiErrorResponse(404, 'not_found', 'The case was not found');
  });

/** GET /api/meetings: the meeting filter's choices (none, unless a test gives some). */
export const noMeetingChoices = () => http.get('/api/meetings', () => HttpResponse.json([]));
