import { ConfidentialityStatus } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { attendanceKeys } from './attendance-keys';

/** The statement for this meeting and whether the signed-in user has signed it, on their own account. */
export const getConfidentiality = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/confidentiality`, ConfidentialityStatus, { signal });

export const confidentialityQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: attendanceKeys.confidentiality(meetingId),
    queryFn: ({ signal }) => getConfidentiality(meetingId, signal),
  });

export const useConfidentiality = (meetingId: string, enabled = true) => useQuery({ ...confidentialityQueryOptions(meetingId), enabled });
