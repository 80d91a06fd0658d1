import { ActionStatus, UpdateActionInput, actionNoteRequirement, compareIsoDates, longDate, type ActionDetail, type FieldError } from '@marac/shared';
import { readDate, type DateParts } from '../../../components/ui/date-input';
import { fieldErrorsFromZod } from '../../../lib/field-errors';

export const UPDATE_FIELD_IDS = {
  status: 'update-status',
  note: 'update-note',
  occurredOn: 'update-occurred-on-day',
} as const;

export interface UpdateFormValues {
  /** "" until a status is chosen. */
  status: string;
  note: string;
  occurredOn: DateParts;
}

/**
 * The update as it will be sent, or the problems with it, checked as the server checks it: a status
 * the viewer may choose, the note the shared rules require for it (completing, not possible, not
 * completed, escalating, a progress note, reopening), and a date not in the future nor before the
 * meeting that agreed the action (blank: today).
 */
export function readUpdate(
  values: UpdateFormValues,
  action: Pick<ActionDetail, 'status' | 'allowedStatuses' | 'meetingDate'>,
  today: string,
  version: number,
): { input: UpdateActionInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const status = ActionStatus.safeParse(values.status);
  if (!status.success || !action.allowedStatuses.includes(status.data)) errors.push({ field: 'status', message: 'Choose the status of the action' });
  const note = values.note.trim();
  const needed = status.success ? actionNoteRequirement(action.status, status.data) : null;
  if (needed && note === '') errors.push({ field: 'note', message: needed });
  const date = readDate(values.occurredOn);
  if (date.kind === 'invalid') errors.push({ field: 'occurredOn', message: 'Enter the date it happened as a real date, like 23 11 2026' });
  else if (date.kind === 'date' && compareIsoDates(date.isoDate, today) > 0) errors.push({ field: 'occurredOn', message: 'The date cannot be in the future' });
  else if (date.kind === 'date' && compareIsoDates(date.isoDate, action.meetingDate) < 0) {
    errors.push({ field: 'occurredOn', message: `The date cannot be before the meeting that agreed the action (${longDate(action.meetingDate)})` });
  }
  // The shared schema has the last word on lengths and shapes.
  const parsed = UpdateActionInput.safeParse({ version, status: values.status, note: note === '' ? null : note, ...(date.kind === 'date' ? { occurredOn: date.isoDate } : {}) });
  if (!parsed.success) for (const problem of fieldErrorsFromZod(parsed.error)) if (!errors.some((error) => error.field === problem.field)) errors.push(problem);
  return errors.length > 0 || !parsed.success ? { input: null, errors } : { input: parsed.data, errors };
}
