import { MeetingInvitationList, type InviteAgency } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isVersionConflict } from '../../../lib/api-client';
import { meetingMovedOn, readMeetingAgain } from './agenda-cache';
import { meetingKeys } from './meeting-keys';

/**
 * Invites an agency for one case on the agenda. Once the agenda is published the server also gives the
 * agency its research task for the case. It names the version of the meeting the coordinator was
 * shown. The answer is every invitation as it now stands.
 */
export const inviteAgency = ({ meetingId, invitation }: { meetingId: string; invitation: InviteAgency }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/invitations`, MeetingInvitationList, invitation);

export function useInviteAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteAgency,
    onSuccess: (invitations, { meetingId, invitation }) => {
      queryClient.setQueryData(meetingKeys.invitations(meetingId), invitations);
      meetingMovedOn(queryClient, meetingId, invitation.version + 1);
    },
    onError: (error, { meetingId }) => {
      if (isVersionConflict(error)) readMeetingAgain(queryClient, meetingId);
    },
  });
}
