// A case as the meeting sees it hangs off ['meetings', meetingId], like attendance and research, so a
// refresh of everything cached about the meeting (a step taken, a refusal) reaches it too.
export const meetingModeKeys = {
  cases: (meetingId: string) => ['meetings', meetingId, 'meeting-case'] as const,
  case: (meetingId: string, itemId: string) => [...meetingModeKeys.cases(meetingId), itemId] as const,
};
