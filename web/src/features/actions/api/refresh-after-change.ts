import type { ActionDetail } from '@marac/shared';
import type { QueryClient } from '@tanstack/react-query';
import { actionKeys, HOME_KEY_ROOT } from './action-keys';

/**
 * After an update or a reassignment the server answers the action as it now stands: it is shown at
 * once, and everything else that counts or lists actions (lists, the case's page, the review, the home
 * page's figures) is asked for again.
 */
export function refreshAfterChange(queryClient: QueryClient, detail: ActionDetail) {
  queryClient.setQueryData(actionKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: actionKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== detail.id });
  void queryClient.invalidateQueries({ queryKey: HOME_KEY_ROOT });
}

/**
 * Another refusal with 409 (a status the action can no longer take) means the page may be behind. The
 * action is marked stale but not read again now: the form keeps everything typed until the person leaves it.
 */
export function markStale(queryClient: QueryClient, actionId: string) {
  void queryClient.invalidateQueries({ queryKey: actionKeys.detail(actionId), refetchType: 'none' });
}

/**
 * Someone else changed the action since the page read it: it is read again at once, so the page shows
 * it as it now stands; the forms keep what was typed and send the newer version next time.
 */
export function readAgain(queryClient: QueryClient, actionId: string) {
  void queryClient.invalidateQueries({ queryKey: actionKeys.detail(actionId) });
}
