// Research hangs off its meeting under the meetings root (['meetings', meetingId, 'research', …]), so
// every change the meetings feature makes to a meeting (it asks again for everything under
// ['meetings']) refreshes the research too: publishing creates tasks, starting a meeting ends editing.
// The root is spelt here rather than imported because features do not import one another.
export const researchKeys = {
  all: (meetingId: string) => ['meetings', meetingId, 'research'] as const,
  /** The representative's own agency's tasks for the meeting. */
  tasks: (meetingId: string) => [...researchKeys.all(meetingId), 'tasks'] as const,
  histories: (meetingId: string) => [...researchKeys.all(meetingId), 'history'] as const,
  history: (meetingId: string, caseId: string) => [...researchKeys.histories(meetingId), caseId] as const,
  /** The coordinator's and chair's completeness grid. */
  grid: (meetingId: string) => [...researchKeys.all(meetingId), 'grid'] as const,
};
