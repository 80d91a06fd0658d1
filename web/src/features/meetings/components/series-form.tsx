import {
  MEETING_WEEKDAYS,
  SERIES_DEFAULTS,
  SERIES_RECURRENCES,
  dayOfWeek,
  seriesProblems,
  type CreateMeetingSeries,
  type CreatedMeetingSeries,
  type FieldError,
  type Me,
  type MeetingWeekday,
} from '@marac/shared';
import { useState } from 'react';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormActions } from '../../../components/ui/form-actions';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { optionalText, readWholeNumber } from '../../../lib/form-values';
import { useCreateMeetingSeries } from '../api/create-meeting-series';
import { RECURRENCE_LABELS, WEEK_OF_MONTH_LABELS, WEEKDAY_LABELS } from './meeting-labels';
import { FormReader, areaOptions, initialArea, readTime } from './meeting-form-values';

const FIELD_IDS = {
  areaId: 'series-area',
  name: 'series-name',
  recurrence: 'series-recurrence',
  weekday: 'series-weekday',
  weekOfMonth: 'series-week-of-month',
  firstDate: 'series-first-date-day',
  startTime: 'series-start-time',
  location: 'series-location',
  onlineLink: 'series-online-link',
  capacity: 'series-capacity',
  minutesPerCase: 'series-minutes-per-case',
  referralCutoffWorkingDays: 'series-referral-cutoff',
  circulationLeadWorkingDays: 'series-circulation',
  researchDeadlineWorkingDays: 'series-research-deadline',
  minutesDeadlineWorkingDays: 'series-minutes-deadline',
} as const;

type NumberField = 'capacity' | 'minutesPerCase' | 'referralCutoffWorkingDays' | 'circulationLeadWorkingDays' | 'researchDeadlineWorkingDays' | 'minutesDeadlineWorkingDays';

const NUMBER_MESSAGES: Record<NumberField, string> = {
  capacity: 'Enter the most cases the meeting can hear as a whole number, like 20',
  minutesPerCase: 'Enter the minutes given to each case as a whole number, like 12',
  referralCutoffWorkingDays: 'Enter the working days before the meeting that referrals close as a whole number, like 8',
  circulationLeadWorkingDays: 'Enter the working days before the meeting that the agenda goes out as a whole number, like 5',
  researchDeadlineWorkingDays: 'Enter the working days before the meeting that research is due as a whole number, like 2',
  minutesDeadlineWorkingDays: 'Enter the working days after the meeting that minutes are due as a whole number, like 3',
};

interface SeriesFormValues extends Record<NumberField, string> {
  areaId: string;
  name: string;
  recurrence: string;
  weekday: string;
  weekOfMonth: string;
  firstDate: DateParts;
  startTime: string;
  location: string;
  onlineLink: string;
}

const initialValues = (areas: Me['areas']): SeriesFormValues => ({
  areaId: initialArea(areas),
  name: '',
  recurrence: '',
  weekday: '',
  weekOfMonth: '',
  firstDate: emptyDate,
  startTime: '',
  location: '',
  onlineLink: '',
  capacity: String(SERIES_DEFAULTS.capacity),
  minutesPerCase: String(SERIES_DEFAULTS.minutesPerCase),
  referralCutoffWorkingDays: String(SERIES_DEFAULTS.referralCutoffWorkingDays),
  circulationLeadWorkingDays: String(SERIES_DEFAULTS.circulationLeadWorkingDays),
  researchDeadlineWorkingDays: String(SERIES_DEFAULTS.researchDeadlineWorkingDays),
  minutesDeadlineWorkingDays: String(SERIES_DEFAULTS.minutesDeadlineWorkingDays),
});

/** A daily series meets Monday to Friday; the API still wants a weekday, so it is the first meeting's. */
function weekdayOfDailySeries(firstDate: string | null): MeetingWeekday {
  const day = firstDate ? dayOfWeek(firstDate) : 1;
  return MEETING_WEEKDAYS[day >= 1 && day <= 5 ? day - 1 : 0] ?? 'monday';
}

/** The series as the API takes it, or what is wrong with what was typed. */
function readSeries(values: SeriesFormValues, areas: Me['areas']): { input: CreateMeetingSeries | null; errors: FieldError[] } {
  const reader = new FormReader();
  const areaId = reader.choice('areaId', values.areaId, areas.map((area) => area.id), 'Choose the MARAC area the meetings are for');
  const recurrence = reader.choice('recurrence', values.recurrence, SERIES_RECURRENCES, 'Choose how often the meeting is held');
  // Problems are listed in the order the questions are asked: week of the month, weekday, first date.
  let weekOfMonth: number | null = null;
  if (recurrence === 'monthly') {
    weekOfMonth = WEEK_OF_MONTH_LABELS.find((week) => String(week.value) === values.weekOfMonth)?.value ?? null;
    if (weekOfMonth === null) reader.problem('weekOfMonth', 'Choose which week of the month the meeting is held');
  }
  const firstDate = readDate(values.firstDate);
  const firstIsoDate = firstDate.kind === 'date' ? firstDate.isoDate : null;
  const weekday =
    recurrence === 'daily'
      ? weekdayOfDailySeries(firstIsoDate)
      : reader.choice('weekday', values.weekday, MEETING_WEEKDAYS, 'Choose the day of the week');
  if (firstDate.kind === 'empty') reader.problem('firstDate', 'Enter the date of the first meeting');
  if (firstDate.kind === 'invalid') reader.problem('firstDate', 'The date of the first meeting must be a real date, like 3 3 2026');
  const numbers = {} as Record<NumberField, number | null>;
  for (const field of Object.keys(NUMBER_MESSAGES) as NumberField[]) {
    numbers[field] = reader.wholeNumber(field, values[field], NUMBER_MESSAGES[field]);
  }
  const { capacity, minutesPerCase, referralCutoffWorkingDays, circulationLeadWorkingDays, researchDeadlineWorkingDays, minutesDeadlineWorkingDays } = numbers;
  if (
    areaId === null ||
    recurrence === null ||
    weekday === null ||
    firstIsoDate === null ||
    capacity === null ||
    minutesPerCase === null ||
    referralCutoffWorkingDays === null ||
    circulationLeadWorkingDays === null ||
    researchDeadlineWorkingDays === null ||
    minutesDeadlineWorkingDays === null ||
    reader.errors.length > 0
  ) {
    return { input: null, errors: reader.errors };
  }
  return {
    errors: [],
    input: {
      areaId,
      name: values.name,
      recurrence,
      weekday,
      weekOfMonth,
      firstDate: firstIsoDate,
      startTime: readTime(values.startTime),
      location: optionalText(values.location),
      onlineLink: values.onlineLink.trim() === '' ? null : values.onlineLink.trim(),
      capacity,
      minutesPerCase,
      referralCutoffWorkingDays,
      circulationLeadWorkingDays,
      researchDeadlineWorkingDays,
      minutesDeadlineWorkingDays,
    },
  };
}

/**
 * The shared checks across fields (first date on the right weekday, deadlines in order), run as the
 * coordinator types, once the fields they need can be read. A week of the month not yet chosen is a
 * missing answer, asked for on submit rather than the moment "monthly" is picked.
 */
function liveProblems(values: SeriesFormValues): FieldError[] {
  const recurrence = SERIES_RECURRENCES.find((r) => r === values.recurrence);
  const firstDate = readDate(values.firstDate);
  const weekday = MEETING_WEEKDAYS.find((day) => day === values.weekday) ?? (recurrence === 'daily' ? 'monday' : undefined);
  const days = (text: string) => {
    const reading = readWholeNumber(text);
    return reading.ok ? reading.value : null;
  };
  const referralCutoffWorkingDays = days(values.referralCutoffWorkingDays);
  const circulationLeadWorkingDays = days(values.circulationLeadWorkingDays);
  const researchDeadlineWorkingDays = days(values.researchDeadlineWorkingDays);
  const minutesDeadlineWorkingDays = days(values.minutesDeadlineWorkingDays) ?? SERIES_DEFAULTS.minutesDeadlineWorkingDays;
  if (!recurrence || !weekday || firstDate.kind !== 'date' || referralCutoffWorkingDays === null || circulationLeadWorkingDays === null || researchDeadlineWorkingDays === null) {
    return [];
  }
  return seriesProblems({
    recurrence,
    weekday,
    weekOfMonth: Number(values.weekOfMonth) || null,
    firstDate: firstDate.isoDate,
    referralCutoffWorkingDays,
    circulationLeadWorkingDays,
    researchDeadlineWorkingDays,
    minutesDeadlineWorkingDays,
  }).filter((problem) => problem.field !== 'weekOfMonth');
}

interface SeriesFormProps {
  areas: Me['areas'];
  cancelTo: string;
  onSuccess: (created: CreatedMeetingSeries) => void;
}

export function SeriesForm({ areas, cancelTo, onSuccess }: SeriesFormProps) {
  const [values, setValues] = useState(() => initialValues(areas));
  const create = useCreateMeetingSeries();
  const { submit, summary, shown } = useCheckedSubmit({ read: () => readSeries(values, areas), live: liveProblems(values), mutation: create, onSuccess });

  const set = <K extends keyof SeriesFormValues>(key: K, value: SeriesFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const numberInput = (field: NumberField, label: string, hint: string) => (
    <TextInput
      id={FIELD_IDS[field]}
      label={label}
      hint={hint}
      width="3"
      inputMode="numeric"
      value={values[field]}
      onChange={(event) => set(field, event.target.value)}
      error={errorFor(shown, field)}
    />
  );

  const weekOfMonthQuestion = (
    <Radios
      idPrefix={FIELD_IDS.weekOfMonth}
      name="weekOfMonth"
      legend="Which week of the month?"
      items={WEEK_OF_MONTH_LABELS.map((week) => ({ value: String(week.value), label: week.label }))}
      value={values.weekOfMonth}
      onChange={(weekOfMonth) => set('weekOfMonth', weekOfMonth)}
      error={errorFor(shown, 'weekOfMonth')}
      small
    />
  );

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Select
          id={FIELD_IDS.areaId}
          label="MARAC area"
          options={areaOptions(areas)}
          value={values.areaId}
          onChange={(event) => set('areaId', event.target.value)}
          error={errorFor(shown, 'areaId')}
        />
        <TextInput
          id={FIELD_IDS.name}
          label="Name of the series"
          hint="For example, Northbridge MARAC – fortnightly Tuesday"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={errorFor(shown, 'name')}
        />
        <Radios
          idPrefix={FIELD_IDS.recurrence}
          name="recurrence"
          legend="How often is it held?"
          items={SERIES_RECURRENCES.map((recurrence) => ({
            value: recurrence,
            label: RECURRENCE_LABELS[recurrence],
            hint: recurrence === 'daily' ? 'Monday to Friday, for areas with many cases' : undefined,
            conditional: recurrence === 'monthly' ? weekOfMonthQuestion : undefined,
          }))}
          value={values.recurrence}
          onChange={(recurrence) => set('recurrence', recurrence)}
          error={errorFor(shown, 'recurrence')}
        />
        {values.recurrence === 'daily' ? null : (
          <Radios
            idPrefix={FIELD_IDS.weekday}
            name="weekday"
            legend="On which day of the week?"
            items={MEETING_WEEKDAYS.map((weekday) => ({ value: weekday, label: WEEKDAY_LABELS[weekday] }))}
            value={values.weekday}
            onChange={(weekday) => set('weekday', weekday)}
            error={errorFor(shown, 'weekday')}
            inline
            small
          />
        )}
        <DateInput
          idPrefix="series-first-date"
          legend="Date of the first meeting"
          hint="Weekly and fortnightly meetings are counted from it. For example, 3 3 2026"
          value={values.firstDate}
          onChange={(firstDate) => set('firstDate', firstDate)}
          error={errorFor(shown, 'firstDate')}
        />
        <TextInput
          id={FIELD_IDS.startTime}
          label="Start time"
          hint="24-hour clock, for example 09:30"
          width="5"
          value={values.startTime}
          onChange={(event) => set('startTime', event.target.value)}
          error={errorFor(shown, 'startTime')}
        />
        <TextInput
          id={FIELD_IDS.location}
          label="Place (optional)"
          hint="The room and building"
          value={values.location}
          onChange={(event) => set('location', event.target.value)}
          error={errorFor(shown, 'location')}
        />
        <TextInput
          id={FIELD_IDS.onlineLink}
          label="Online meeting link (optional)"
          hint="A secure link starting with https://"
          type="url"
          spellCheck={false}
          value={values.onlineLink}
          onChange={(event) => set('onlineLink', event.target.value)}
          error={errorFor(shown, 'onlineLink')}
        />

        <h2 className="govuk-heading-m">Cases</h2>
        {numberInput('capacity', 'Most cases at one meeting', 'Cases that do not fit move to the next meeting')}
        {numberInput('minutesPerCase', 'Minutes for each case', 'Usually 10 to 15; each case gets a time slot on the agenda')}

        <h2 className="govuk-heading-m">Deadlines</h2>
        <p className="govuk-body">Counted in working days: weekends and bank holidays in England and Wales are skipped.</p>
        {numberInput('referralCutoffWorkingDays', 'Referral cut-off: working days before the meeting', 'Referrals accepted by then are listed for the meeting')}
        {numberInput('circulationLeadWorkingDays', 'Agenda circulated: working days before the meeting', 'Invited agencies receive the agenda and start their research')}
        {numberInput('researchDeadlineWorkingDays', 'Research due: working days before the meeting', 'No more than the days for circulating the agenda')}
        {numberInput('minutesDeadlineWorkingDays', 'Minutes due: working days after the meeting', 'Minutes and the action plan go to the agencies by then')}
        <FormActions submitLabel="Set up the series" pending={create.isPending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
