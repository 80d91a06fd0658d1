import { Minutes } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { minutesKeys } from './minutes-keys';

/**
 * The minutes as the reader may read them: whole for the area's coordinators and chairs, and for a
 * representative, once distributed, the cases their agency was invited for. The server answers 404
 * both while no minutes exist and while they are not yet distributed to a representative; both are
 * "nothing to read yet" (`null`), not a failure. A meeting that does not exist is told by the meeting's
 * own query, which the page reads too.
 */
export async function getMinutes(meetingId: string, signal?: AbortSignal): Promise<Minutes | null> {
  try {
    return await api.get(`/api/meetings/${encodeURIComponent(meetingId)}/minutes`, Minutes, { signal });
  } catch (error) {
    if (isApiRequestError(error) && error.status === 404) return null;
    throw error;
  }
}

export const minutesQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: minutesKeys.detail(meetingId),
    queryFn: ({ signal }) => getMinutes(meetingId, signal),
  });

export const useMinutes = (meetingId: string) => useQuery(minutesQueryOptions(meetingId));
