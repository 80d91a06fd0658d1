import { MeetingSummary, type CreateMeeting } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './meeting-keys';

export const createMeeting = (input: CreateMeeting) => api.post('/api/meetings', MeetingSummary, input);

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() });
    },
  });
}
