import {
  SERIES_DEFAULTS,
  defaultMeetingDeadlines,
  meetingDateProblems,
  type CreateMeeting,
  type FieldError,
  type Me,
  type MeetingDeadlines,
  type MeetingSummary,
} from '@marac/shared';
import { useState } from 'react';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormActions } from '../../../components/ui/form-actions';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { errorFor } from '../../../lib/field-errors';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { formatLongDate } from '../../../lib/format';
import { useCreateMeeting } from '../api/create-meeting';
import { MeetingFields } from './meeting-fields';
import {
  DEADLINES,
  FormReader,
  MEETING_FIELD_IDS,
  areaOptions,
  initialArea,
  readDeadline,
  readMeetingFields,
  type Deadline,
  type MeetingFieldValues,
} from './meeting-form-values';

type Kind = CreateMeeting['kind'];
const KINDS: readonly Kind[] = ['one_off', 'emergency'];

const FIELD_IDS: Record<string, string> = { areaId: 'meeting-area', kind: 'meeting-kind', ...MEETING_FIELD_IDS };

interface MeetingFormValues extends MeetingFieldValues, Record<Deadline, DateParts> {
  areaId: string;
  kind: string;
}

const initialValues = (areas: Me['areas']): MeetingFormValues => ({
  areaId: initialArea(areas),
  kind: '',
  date: emptyDate,
  startTime: '',
  location: '',
  onlineLink: '',
  capacity: String(SERIES_DEFAULTS.capacity),
  minutesPerCase: String(SERIES_DEFAULTS.minutesPerCase),
  referralCutoff: emptyDate,
  circulationDate: emptyDate,
  researchDeadline: emptyDate,
  minutesDueDate: emptyDate,
});

const readKind = (value: string): Kind | undefined => KINDS.find((kind) => kind === value);

/** Each deadline as it will be: the date typed, or the one counted when it is left blank. */
function deadlinesOf(values: MeetingFormValues, kind: Kind, date: string): MeetingDeadlines | null {
  const deadlines = defaultMeetingDeadlines(kind, date);
  for (const { field } of DEADLINES) {
    const reading = readDate(values[field]);
    if (reading.kind === 'invalid') return null;
    if (reading.kind === 'date') deadlines[field] = reading.isoDate;
  }
  return deadlines;
}

/** The shared checks on the meeting's dates, run as the coordinator types once the dates can be read. */
function liveProblems(values: MeetingFormValues): FieldError[] {
  const kind = readKind(values.kind);
  const date = readDate(values.date);
  if (!kind || date.kind !== 'date') return [];
  const deadlines = deadlinesOf(values, kind, date.isoDate);
  return deadlines ? meetingDateProblems(date.isoDate, deadlines) : [];
}

function readMeeting(values: MeetingFormValues, areas: Me['areas']): { input: CreateMeeting | null; errors: FieldError[] } {
  const reader = new FormReader();
  const areaId = reader.choice('areaId', values.areaId, areas.map((area) => area.id), 'Choose the MARAC area the meeting is for');
  const kind = reader.choice('kind', values.kind, KINDS, 'Choose a one-off or an emergency meeting');
  const fields = readMeetingFields(reader, values);
  const deadlines: Partial<MeetingDeadlines> = {};
  for (const { field } of DEADLINES) {
    const isoDate = readDeadline(reader, field, values[field]);
    if (isoDate) deadlines[field] = isoDate;
  }
  if (areaId === null || kind === null || fields === null || reader.errors.length > 0) return { input: null, errors: reader.errors };
  return { errors: [], input: { areaId, kind, ...fields, ...deadlines } };
}

interface MeetingFormProps {
  areas: Me['areas'];
  cancelTo: string;
  onSuccess: (meeting: MeetingSummary) => void;
}

/** A one-off or emergency meeting, outside any series. */
export function MeetingForm({ areas, cancelTo, onSuccess }: MeetingFormProps) {
  const [values, setValues] = useState(() => initialValues(areas));
  const create = useCreateMeeting();
  const { submit, summary, shown } = useCheckedSubmit({ read: () => readMeeting(values, areas), live: liveProblems(values), mutation: create, onSuccess });

  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const kind = readKind(values.kind);
  const date = readDate(values.date);
  const counted = kind && date.kind === 'date' ? defaultMeetingDeadlines(kind, date.isoDate) : null;

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Select
          id="meeting-area"
          label="MARAC area"
          options={areaOptions(areas)}
          value={values.areaId}
          onChange={(event) => set('areaId', event.target.value)}
          error={errorFor(shown, 'areaId')}
        />
        <Radios
          idPrefix="meeting-kind"
          name="kind"
          legend="What kind of meeting?"
          items={[
            { value: 'one_off', label: 'One-off meeting', hint: 'An extra meeting, for example when agendas are too long' },
            { value: 'emergency', label: 'Emergency meeting', hint: 'For an urgent case that cannot wait: its deadlines fall on the day itself unless you set them' },
          ]}
          value={values.kind}
          onChange={(chosen) => set('kind', chosen)}
          error={errorFor(shown, 'kind')}
        />
        <MeetingFields values={values} onChange={(change) => setValues((current) => ({ ...current, ...change }))} errors={shown} />

        <h2 className="govuk-heading-m">Deadlines</h2>
        {DEADLINES.map(({ field, idPrefix, label }) => (
          <DateInput
            key={field}
            idPrefix={idPrefix}
            legend={`${label} (optional)`}
            hint={counted ? `Leave blank to count from the meeting date: ${formatLongDate(counted[field])}` : 'Leave blank to count from the meeting date'}
            value={values[field]}
            onChange={(chosen) => set(field, chosen)}
            error={errorFor(shown, field)}
          />
        ))}
        <FormActions submitLabel="Arrange the meeting" pending={create.isPending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
