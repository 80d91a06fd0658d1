// A meeting's attendance and the signed-in user's statement hang off ['meetings', meetingId], so the
// meetings feature's refresh of the whole ['meetings'] tree (a step taken, an agenda changed) reaches
// them too. The meetings feature's own keys start with a word ('list', 'detail', 'agenda'), never an id.
export const attendanceKeys = {
  meeting: (meetingId: string) => ['meetings', meetingId] as const,
  list: (meetingId: string) => [...attendanceKeys.meeting(meetingId), 'attendance'] as const,
  confidentiality: (meetingId: string) => [...attendanceKeys.meeting(meetingId), 'confidentiality'] as const,
  /**
   * Outside ['meetings'] on purpose: it reads other meetings' attendance, which nothing on this page
   * changes, and the meetings feature refreshes ['meetings'] after every agenda change.
   */
  recentAttendees: (meetingId: string) => ['recent-attendees', meetingId] as const,
};

