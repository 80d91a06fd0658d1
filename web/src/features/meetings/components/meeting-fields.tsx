import type { FieldError } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import type { MeetingFieldValues } from './meeting-form-values';

interface MeetingFieldsProps {
  values: MeetingFieldValues;
  onChange: (change: Partial<MeetingFieldValues>) => void;
  errors: readonly FieldError[];
}

/** When and where the meeting is held and how many cases it hears; the ids are `MEETING_FIELD_IDS`. */
export function MeetingFields({ values, onChange, errors }: MeetingFieldsProps) {
  return (
    <>
      <DateInput
        idPrefix="meeting-date"
        legend="Date"
        hint="For example, 3 3 2026"
        value={values.date}
        onChange={(chosen) => onChange({ date: chosen })}
        error={errorFor(errors, 'date')}
      />
      <TextInput
        id="meeting-start-time"
        label="Start time"
        hint="24-hour clock, for example 09:30"
        width="5"
        value={values.startTime}
        onChange={(event) => onChange({ startTime: event.target.value })}
        error={errorFor(errors, 'startTime')}
      />
      <TextInput
        id="meeting-location"
        label="Place (optional)"
        hint="The room and building"
        value={values.location}
        onChange={(event) => onChange({ location: event.target.value })}
        error={errorFor(errors, 'location')}
      />
      <TextInput
        id="meeting-online-link"
        label="Online meeting link (optional)"
        hint="A secure link starting with https://"
        type="url"
        spellCheck={false}
        value={values.onlineLink}
        onChange={(event) => onChange({ onlineLink: event.target.value })}
        error={errorFor(errors, 'onlineLink')}
      />
      <TextInput
        id="meeting-capacity"
        label="Most cases at the meeting"
        width="3"
        inputMode="numeric"
        value={values.capacity}
        onChange={(event) => onChange({ capacity: event.target.value })}
        error={errorFor(errors, 'capacity')}
      />
      <TextInput
        id="meeting-minutes-per-case"
        label="Minutes for each case"
        width="3"
        inputMode="numeric"
        value={values.minutesPerCase}
        onChange={(event) => onChange({ minutesPerCase: event.target.value })}
        error={errorFor(errors, 'minutesPerCase')}
      />
    </>
  );
}
