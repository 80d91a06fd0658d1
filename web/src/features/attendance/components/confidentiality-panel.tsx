import type { MeetingSummary } from '@marac/shared';

// Replaced by the attendance feature.
export function ConfidentialityPanel(_props: { meeting: MeetingSummary }) {
  return null;
}
