import type { CreateMeeting, FieldError, Me, MeetingDeadlines } from '@marac/shared';
import { readDate, type DateParts } from '../../../components/ui/date-input';
import { optionalText, readWholeNumber } from '../../../lib/form-values';

/**
 * Reading the text of the meeting forms. Numbers and required choices are checked here because the
 * server could only say "expected a number"; ranges, the time's shape and the link are the shared
 * schema's to word, so they go to the server as typed.
 */
export class FormReader {
  readonly errors: FieldError[] = [];

  /** A whole number, or null with a message for the field when it is empty or not a number. */
  wholeNumber(field: string, text: string, message: string): number | null {
    const reading = readWholeNumber(text);
    if (!reading.ok || reading.value === null) {
      this.errors.push({ field, message });
      return null;
    }
    return reading.value;
  }

  /** A choice that must be made, checked against the values offered. */
  choice<T extends string>(field: string, value: string, allowed: readonly T[], message: string): T | null {
    const chosen = allowed.find((option) => option === value);
    if (chosen === undefined) this.errors.push({ field, message });
    return chosen ?? null;
  }

  problem(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

/** "9:30" and "9.30" as the API's "09:30"; anything else is sent as typed for the server to explain. */
export function readTime(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : text.trim();
}

/** The coordinator's one area is chosen for them; with several they pick. */
export const initialArea = (areas: Me['areas']): string => (areas.length === 1 ? (areas[0]?.id ?? '') : '');

export const areaOptions = (areas: Me['areas']) => [
  { value: '', label: 'Choose an area' },
  ...areas.map((area) => ({ value: area.id, label: area.name })),
];

export type Deadline = keyof MeetingDeadlines;

/** A meeting's four deadlines, in the order they fall, as both meeting forms ask for them. */
export const DEADLINES: readonly { field: Deadline; idPrefix: string; label: string }[] = [
  { field: 'referralCutoff', idPrefix: 'meeting-referral-cutoff', label: 'Referral cut-off' },
  { field: 'circulationDate', idPrefix: 'meeting-circulation', label: 'Agenda circulated' },
  { field: 'researchDeadline', idPrefix: 'meeting-research-deadline', label: 'Research due' },
  { field: 'minutesDueDate', idPrefix: 'meeting-minutes-due', label: 'Minutes due' },
];

/** Field path → the input an error summary links to, for the fields both meeting forms share. */
export const MEETING_FIELD_IDS: Readonly<Record<string, string>> = {
  date: 'meeting-date-day',
  startTime: 'meeting-start-time',
  location: 'meeting-location',
  onlineLink: 'meeting-online-link',
  capacity: 'meeting-capacity',
  minutesPerCase: 'meeting-minutes-per-case',
  ...Object.fromEntries(DEADLINES.map((deadline) => [deadline.field, `${deadline.idPrefix}-day`])),
};

/** What a coordinator types about one meeting, whether arranging it or changing it (`MeetingFields`). */
export interface MeetingFieldValues {
  date: DateParts;
  startTime: string;
  location: string;
  onlineLink: string;
  capacity: string;
  minutesPerCase: string;
}

export type MeetingFieldsInput = Pick<CreateMeeting, 'date' | 'startTime' | 'location' | 'onlineLink' | 'capacity' | 'minutesPerCase'>;

/** The shared fields as the API takes them, or null when the reader has found a problem with them. */
export function readMeetingFields(reader: FormReader, values: MeetingFieldValues): MeetingFieldsInput | null {
  const date = readDate(values.date);
  if (date.kind === 'empty') reader.problem('date', 'Enter the date of the meeting');
  if (date.kind === 'invalid') reader.problem('date', 'The date of the meeting must be a real date, like 3 3 2026');
  const capacity = reader.wholeNumber('capacity', values.capacity, 'Enter the most cases the meeting can hear as a whole number, like 20');
  const minutesPerCase = reader.wholeNumber('minutesPerCase', values.minutesPerCase, 'Enter the minutes given to each case as a whole number, like 12');
  if (date.kind !== 'date' || capacity === null || minutesPerCase === null) return null;
  return {
    date: date.isoDate,
    startTime: readTime(values.startTime),
    location: optionalText(values.location),
    onlineLink: values.onlineLink.trim() === '' ? null : values.onlineLink.trim(),
    capacity,
    minutesPerCase,
  };
}

/** A deadline typed in its three boxes: the date, nothing when blank, or a problem for the field. */
export function readDeadline(reader: FormReader, field: Deadline, parts: DateParts): string | undefined {
  const reading = readDate(parts);
  const label = DEADLINES.find((deadline) => deadline.field === field)?.label ?? 'The deadline';
  if (reading.kind === 'invalid') reader.problem(field, `${label} must be a real date, or left blank`);
  return reading.kind === 'date' ? reading.isoDate : undefined;
}
