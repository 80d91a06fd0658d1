import { MeetingCaseView } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingModeKeys } from './meeting-mode-keys';

/**
 * One case as the meeting sees it: the referral in brief, flags, earlier hearings and actions, what each
 * agency shared (for a representative, only once the chair has opened it) and what is recorded so far.
 */
export const getMeetingCase = (meetingId: string, itemId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(itemId)}`, MeetingCaseView, { signal });

export const meetingCaseQueryOptions = (meetingId: string, itemId: string) =>
  queryOptions({
    queryKey: meetingModeKeys.case(meetingId, itemId),
    queryFn: ({ signal }) => getMeetingCase(meetingId, itemId, signal),
    // The live stream says when the case changes; reading it again on every focus would only add
    // audited views of the same record.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useMeetingCase = (meetingId: string, itemId: string) => useQuery(meetingCaseQueryOptions(meetingId, itemId));
