import type { Meeting, MeetingStatus, MeetingStatusChange, MeetingWeekday, SeriesRecurrence } from '@marac/shared';
import type { TagColour } from '../../../components/ui/tag';
export type MeetingKind = Meeting['kind'];

export const KIND_LABELS: Record<MeetingKind, string> = {
  scheduled: 'Scheduled',
  one_off: 'One-off',
  emergency: 'Emergency',
};

export const KIND_COLOURS: Record<MeetingKind, TagColour> = {
  scheduled: 'grey',
  one_off: 'light-blue',
  emergency: 'red',
};

/** How a page names a meeting: "Emergency meeting on Tuesday 3 March 2026". */
export const KIND_TITLES: Record<MeetingKind, string> = {
  scheduled: 'Meeting',
  one_off: 'One-off meeting',
  emergency: 'Emergency meeting',
};

export const STATUS_COLOURS: Record<MeetingStatus, TagColour> = {
  planned: 'grey',
  agenda_published: 'blue',
  in_progress: 'yellow',
  minuted: 'green',
  closed: 'purple',
};

export const RECURRENCE_LABELS: Record<SeriesRecurrence, string> = {
  daily: 'Every working day',
  weekly: 'Every week',
  fortnightly: 'Every other week',
  monthly: 'Once a month',
};

export const WEEKDAY_LABELS: Record<MeetingWeekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
};

/** Which occurrence of the weekday a monthly series meets on; 5 is the shared rules' "last". */
export const WEEK_OF_MONTH_LABELS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'First' },
  { value: 2, label: 'Second' },
  { value: 3, label: 'Third' },
  { value: 4, label: 'Fourth' },
  { value: 5, label: 'Last' },
];

/** The button that takes a meeting's next step, and the words of the step's confirmation. */
export const STEP_LABELS: Record<MeetingStatusChange['status'], string> = {
  in_progress: 'Start the meeting',
  minuted: 'Mark as minuted',
  closed: 'Close the meeting',
};
