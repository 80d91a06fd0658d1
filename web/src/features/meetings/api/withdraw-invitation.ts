import type { MeetingInvitationView } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** Withdraws an invitation for one case; the agency's research task goes with it unless begun. */
export const withdrawInvitation = ({ meetingId, invitationId }: { meetingId: string; invitationId: string }) =>
  api.delete(`/api/meetings/${encodeURIComponent(meetingId)}/invitations/${encodeURIComponent(invitationId)}`, z.undefined());

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: (_nothing, { meetingId, invitationId }) => {
      // The answer is empty: the invitation leaves the list at once, and the list is asked for again.
      queryClient.setQueryData<MeetingInvitationView[]>(meetingKeys.invitations(meetingId), (invitations) =>
        invitations?.filter((invitation) => invitation.id !== invitationId),
      );
      void queryClient.invalidateQueries({ queryKey: meetingKeys.invitations(meetingId) });
    },
  });
}
