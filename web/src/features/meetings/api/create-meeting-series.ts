import { CreatedMeetingSeries, type CreateMeetingSeries } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

export const createMeetingSeries = (input: CreateMeetingSeries) => api.post('/api/meeting-series', CreatedMeetingSeries, input);

export function useCreateMeetingSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeetingSeries,
    // The series puts its meetings in the calendar: every list of meetings may now hold more.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() }),
  });
}
