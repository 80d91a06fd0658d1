import { MeetingInvitationList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** The agencies invited to a meeting: to every case (the agencies serving the area) or for one case. */
export const getMeetingInvitations = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/invitations`, MeetingInvitationList, { signal });

export const meetingInvitationsQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.invitations(meetingId),
    queryFn: ({ signal }) => getMeetingInvitations(meetingId, signal),
  });

export const useMeetingInvitations = (meetingId: string) => useQuery(meetingInvitationsQueryOptions(meetingId));
