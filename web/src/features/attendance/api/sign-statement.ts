import { ConfidentialityStatus, type SignStatement } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { refreshMeeting } from '../../../lib/api/query-keys';
import { attendanceKeys } from './attendance-keys';

/**
 * Signs the statement, the version read, on the signed-in user's own account. Refused with 409 when
 * they are not recorded as attending or observing, or the statement changed since it was read.
 */
export const signStatement = ({ meetingId, signature }: { meetingId: string; signature: SignStatement }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/confidentiality`, ConfidentialityStatus, signature);

export function useSignStatement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signStatement,
    onSuccess: (status, { meetingId }) => {
      queryClient.setQueryData(attendanceKeys.confidentiality(meetingId), status);
      // The attendance list shows who has signed (for the coordinators and chairs who read it).
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.list(meetingId) });
    },
    onError: (error, { meetingId }) => {
      // The statement or the meeting may have changed: read them again, the statement included.
      if (isApiRequestError(error) && error.status === 409) void refreshMeeting(queryClient, meetingId);
    },
  });
}
