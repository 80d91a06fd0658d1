import type { ReviewActionInput } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { refreshMeeting } from '../../../lib/api/query-keys';

/** The meeting's decision on an action from an earlier meeting: completed, not possible, not completed, or carried forward. */
export const reviewAction = ({ meetingId, actionId, review }: { meetingId: string; actionId: string; review: ReviewActionInput }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/reviews/${encodeURIComponent(actionId)}`, z.undefined(), review);

export function useReviewAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewAction,
    // The agenda lists the actions to review with the meeting's decision on each: it is read again.
    onSettled: (_result, _error, { meetingId }) => refreshMeeting(queryClient, meetingId),
  });
}
