import type { MeetingSummary } from '@marac/shared';

// Replaced by the research feature.
export function ResearchTasks(_props: { meeting: MeetingSummary }) {
  return null;
}
