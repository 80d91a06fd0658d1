import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';

/** The chair moves the meeting to a case: every screen following the meeting opens it from the live stream. */
export const openCase = ({ meetingId, itemId }: { meetingId: string; itemId: string }) =>
  api.post(`/api/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(itemId)}/open`, z.undefined());

export const useOpenCase = () => useMutation({ mutationFn: openCase });
