import type { MeetingSummary } from '@marac/shared';

// Replaced by the attendance feature.
export function AttendanceSection(_props: { meeting: MeetingSummary; coordinator: boolean }) {
  return null;
}
