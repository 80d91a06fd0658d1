import { Minutes } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from '../../../lib/api/query-keys';
import { refreshMeetings, refreshWhenBehind, storeMinutes } from './minutes-cache';

/**
 * The chair signs off the draft they read (`version`): nobody can change it after, and a meeting in
 * progress becomes minuted. Refused when the coordinator changed it since.
 */
export const signOffMinutes = ({ meetingId, version }: { meetingId: string; version: number }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/minutes/sign-off`, Minutes, { version });

export function useSignOffMinutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOffMinutes,
    onSuccess: (minutes) => {
      storeMinutes(queryClient, minutes);
      // Minuting moves the meeting on and records a hearing on each case: the meeting, its agenda and
      // lists are asked for again, and the referrals, whose repeat window may count from the hearing.
      refreshMeetings(queryClient, minutes.meetingId);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
    onError: (error, { meetingId }) => refreshWhenBehind(queryClient, error, meetingId),
  });
}
