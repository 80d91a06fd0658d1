import type { MeetingInvitationView } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, isVersionConflict } from '../../../lib/api-client';
import { meetingMovedOn, readMeetingAgain } from './agenda-cache';
import { meetingKeys } from './meeting-keys';

/**
 * Withdraws an invitation for one case, from the version of the meeting the coordinator was shown (a
 * DELETE carries it in the query string); the agency's research task goes with it unless begun.
 */
export const withdrawInvitation = ({ meetingId, invitationId, version }: { meetingId: string; invitationId: string; version: number }) =>
  api.delete(`/api/meetings/${encodeURIComponent(meetingId)}/invitations/${encodeURIComponent(invitationId)}`, z.undefined(), { query: { version } });

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: (_nothing, { meetingId, invitationId, version }) => {
      meetingMovedOn(queryClient, meetingId, version + 1);
      // The answer is empty: the invitation leaves the list at once, and the list is asked for again.
      queryClient.setQueryData<MeetingInvitationView[]>(meetingKeys.invitations(meetingId), (invitations) =>
        invitations?.filter((invitation) => invitation.id !== invitationId),
      );
      void queryClient.invalidateQueries({ queryKey: meetingKeys.invitations(meetingId) });
    },
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) readMeetingAgain(queryClient, meetingId);
    },
  });
}
