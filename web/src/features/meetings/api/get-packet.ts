import { ResearchPacket } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

export const getPacket = (meetingId: string, caseId: string, signal?: AbortSignal) =>
  api.get(`/api/meetings/${encodeURIComponent(meetingId)}/packets/${encodeURIComponent(caseId)}`, ResearchPacket, { signal });

export const packetQueryOptions = (meetingId: string, caseId: string) =>
  queryOptions({
    queryKey: meetingKeys.packet(meetingId, caseId),
    queryFn: ({ signal }) => getPacket(meetingId, caseId, signal),
  });

export const usePacket = (meetingId: string, caseId: string) => useQuery(packetQueryOptions(meetingId, caseId));
