import type { MeetingSummary } from '@marac/shared';

// Replaced by the research feature.
export function ResearchGridSection(_props: { meeting: MeetingSummary; coordinator: boolean }) {
  return null;
}
