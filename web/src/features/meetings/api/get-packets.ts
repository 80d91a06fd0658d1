import { PacketList } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

/** The cases on a published agenda whose research packets the user may read (a representative: their agency's). */
export const getPackets = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/packets`, PacketList, { signal });

export const packetsQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.packets(meetingId),
    queryFn: ({ signal }) => getPackets(meetingId, signal),
  });

export const usePackets = (meetingId: string) => useQuery(packetsQueryOptions(meetingId));
