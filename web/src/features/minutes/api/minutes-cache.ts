import type { Minutes } from '@marac/shared';
import type { QueryClient } from '@tanstack/react-query';
import { isApiRequestError, isVersionConflict } from '../../../lib/api-client';
import { getMinutes } from './get-minutes';
import { minutesKeys } from './minutes-keys';

/** Every minutes command answers the minutes as they now stand: they are shown at once. */
export function storeMinutes(queryClient: QueryClient, minutes: Minutes): void {
  queryClient.setQueryData(minutesKeys.detail(minutes.meetingId), minutes);
}

/** Asks again for everything about meetings (the meeting, its agenda, lists) except the minutes just stored. */
export function refreshMeetings(queryClient: QueryClient, meetingId: string): void {
  const kept = JSON.stringify(minutesKeys.detail(meetingId));
  void queryClient.invalidateQueries({ queryKey: minutesKeys.meetingsRoot, predicate: (query) => JSON.stringify(query.queryKey) !== kept });
}

/**
 * Someone else changed the minutes since the page read them. While they are still a draft they are
 * shown as they now stand, and the form keeps what was typed beside them; signed off meanwhile, they are
 * only marked stale, so the form, and what was typed, stay until the coordinator leaves it.
 */
async function readDraftAgain(queryClient: QueryClient, meetingId: string): Promise<void> {
  const now = await getMinutes(meetingId).catch(() => undefined);
  if (now?.status === 'draft') storeMinutes(queryClient, now);
  else void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(meetingId), refetchType: 'none' });
}

/**
 * A 409 means the page is behind: another coordinator generated or saved, the chair signed off, or the
 * meeting moved on since it was read. Everything about the meeting is read again so the page offers what
 * the server now accepts. With `keepDraft` the coordinator's draft form stays on the page, with anything
 * typed and not saved, until they leave it.
 */
export function refreshWhenBehind(queryClient: QueryClient, error: unknown, meetingId: string, { keepDraft = false } = {}): void {
  if (!isApiRequestError(error) || error.status !== 409) return;
  if (keepDraft) {
    if (isVersionConflict(error)) void readDraftAgain(queryClient, meetingId);
    else void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(meetingId), refetchType: 'none' });
    refreshMeetings(queryClient, meetingId);
    return;
  }
  void queryClient.invalidateQueries({ queryKey: minutesKeys.meetingsRoot });
}
