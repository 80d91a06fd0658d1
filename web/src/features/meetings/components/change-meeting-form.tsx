import {
  SERIES_DEFAULTS,
  defaultMeetingDeadlines,
  meetingDateProblems,
  meetingDeadlines,
  type FieldError,
  type MeetingDeadlines,
  type MeetingSeries,
  type MeetingSummary,
  type UpdateMeeting,
} from '@marac/shared';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { DateInput, datePartsFrom, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SummaryRow } from '../../../components/ui/summary-row';
import { FormActions } from '../../../components/ui/form-actions';
import { errorFor } from '../../../lib/field-errors';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { formatLongDate } from '../../../lib/format';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useMeetingSeries } from '../api/get-meeting-series';
import { useUpdateMeeting } from '../api/update-meeting';
import { MeetingFields } from './meeting-fields';
import { DEADLINES, FormReader, MEETING_FIELD_IDS, readDeadline, readMeetingFields, type Deadline, type MeetingFieldValues } from './meeting-form-values';

interface ChangeMeetingValues extends MeetingFieldValues {
  /**
   * Null until the coordinator types in it: an untouched deadline is not sent, so it stays as it is,
   * or is counted again by the server when the date moves. Left blank, it is not sent either.
   */
  deadlines: Record<Deadline, DateParts | null>;
}

const initialValues = (meeting: MeetingSummary): ChangeMeetingValues => ({
  date: datePartsFrom(meeting.date),
  startTime: meeting.startTime,
  location: meeting.location ?? '',
  onlineLink: meeting.onlineLink ?? '',
  capacity: String(meeting.capacity),
  minutesPerCase: String(meeting.minutesPerCase),
  deadlines: { referralCutoff: null, circulationDate: null, researchDeadline: null, minutesDueDate: null },
});

type Counting = (date: string) => MeetingDeadlines;

/**
 * How the server counts the deadlines of a meeting moved to a new date: with its series' working days,
 * the usual ones for a scheduled meeting without a series, or as for its kind. Null while the series
 * is not known.
 */
function countingFor(meeting: MeetingSummary, series: readonly MeetingSeries[] | undefined): Counting | null {
  if (meeting.seriesId !== null) {
    const own = series?.find((candidate) => candidate.id === meeting.seriesId);
    return own ? (date) => meetingDeadlines(date, own) : null;
  }
  const { kind } = meeting;
  if (kind === 'scheduled') return (date) => meetingDeadlines(date, SERIES_DEFAULTS);
  return (date) => defaultMeetingDeadlines(kind, date);
}

/** The new date when the coordinator has moved the meeting to one that can be read. */
function movedTo(values: ChangeMeetingValues, meeting: MeetingSummary): string | null {
  const date = readDate(values.date);
  return date.kind === 'date' && date.isoDate !== meeting.date ? date.isoDate : null;
}

/** The deadlines the meeting keeps or gets for what is typed; null when one of them cannot be known yet. */
function deadlinesOf(values: ChangeMeetingValues, meeting: MeetingSummary, counting: Counting | null): MeetingDeadlines | null {
  const moved = movedTo(values, meeting);
  const kept = moved === null ? meeting : counting?.(moved);
  if (!kept) return null;
  const deadlines: MeetingDeadlines = {
    referralCutoff: kept.referralCutoff,
    circulationDate: kept.circulationDate,
    researchDeadline: kept.researchDeadline,
    minutesDueDate: kept.minutesDueDate,
  };
  for (const { field } of DEADLINES) {
    const typed = values.deadlines[field];
    const reading = typed === null ? null : readDate(typed);
    if (reading?.kind === 'invalid') return null;
    if (reading?.kind === 'date') deadlines[field] = reading.isoDate;
  }
  return deadlines;
}

/** The shared checks on the meeting's dates, run as the coordinator types once every date can be read. */
function liveProblems(values: ChangeMeetingValues, meeting: MeetingSummary, counting: Counting | null): FieldError[] {
  const date = readDate(values.date);
  if (date.kind !== 'date') return [];
  const deadlines = deadlinesOf(values, meeting, counting);
  return deadlines ? meetingDateProblems(date.isoDate, deadlines) : [];
}

/**
 * What to send: only what differs from the meeting (an unchanged date is not sent, so the server does
 * not count the deadlines again or refuse a date that has since passed), and the deadlines typed, from
 * the version of the meeting the coordinator was shown.
 */
function readChanges(values: ChangeMeetingValues, meeting: MeetingSummary, version: number): { changes: UpdateMeeting | null; errors: FieldError[] } {
  const reader = new FormReader();
  const fields = readMeetingFields(reader, values);
  const deadlines: Partial<MeetingDeadlines> = {};
  for (const { field } of DEADLINES) {
    const typed = values.deadlines[field];
    const isoDate = typed === null ? undefined : readDeadline(reader, field, typed);
    if (isoDate) deadlines[field] = isoDate;
  }
  if (fields === null || reader.errors.length > 0) return { changes: null, errors: reader.errors };
  return {
    errors: [],
    changes: {
      version,
      ...(fields.date === meeting.date ? {} : { date: fields.date }),
      ...(fields.startTime === meeting.startTime ? {} : { startTime: fields.startTime }),
      // Always sent: the shared UpdateMeeting gives these two a default of null, so leaving them out
      // would clear them.
      location: fields.location,
      onlineLink: fields.onlineLink,
      ...(fields.capacity === meeting.capacity ? {} : { capacity: fields.capacity }),
      ...(fields.minutesPerCase === meeting.minutesPerCase ? {} : { minutesPerCase: fields.minutesPerCase }),
      ...deadlines,
    },
  };
}

function deadlineHint(moved: boolean, setByHand: boolean, counted: string | undefined): string {
  if (!moved) return 'Moving the meeting counts this again from the new date, unless you change it here';
  if (setByHand) return counted ? `Your date is kept. Counted from the new date it would be ${formatLongDate(counted)}` : 'Your date is kept';
  return counted ? `Counted again from the new date: ${formatLongDate(counted)}` : 'Counted again from the new date when you save';
}

interface ChangeMeetingFormProps {
  meeting: MeetingSummary;
  cancelTo: string;
  onSuccess: (meeting: MeetingSummary) => void;
}

/**
 * Moves a meeting (off a bank holiday, say) or changes its time, place, capacity or deadlines. The
 * change names the version of the meeting it started from: when another coordinator changed it first,
 * theirs is shown beside what was typed.
 */
export function ChangeMeetingForm({ meeting, cancelTo, onSuccess }: ChangeMeetingFormProps) {
  const form = useVersionedForm(meeting, initialValues);
  const { values, setValues } = form;
  const update = useUpdateMeeting();
  const series = useMeetingSeries({ areaId: meeting.areaId }, meeting.seriesId !== null);
  const counting = countingFor(meeting, series.data);
  const { submit, summary, shown } = useCheckedSubmit({
    read: () => {
      const read = readChanges(values, meeting, form.version);
      return { input: read.changes === null ? null : { meetingId: meeting.id, changes: read.changes }, errors: read.errors };
    },
    live: liveProblems(values, meeting, counting),
    mutation: update,
    onSuccess,
  });

  const moved = movedTo(values, meeting);
  const counted = moved === null ? null : counting?.(moved);

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={MEETING_FIELD_IDS} />
      {form.changed ? (
        <ChangedMeanwhile what="this meeting" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <TheirMeeting meeting={form.changed} />
        </ChangedMeanwhile>
      ) : null}
      <form onSubmit={submit} noValidate>
        <MeetingFields values={values} onChange={(change) => setValues((current) => ({ ...current, ...change }))} errors={shown} />

        <h2 className="govuk-heading-m">Deadlines</h2>
        {DEADLINES.map(({ field, idPrefix, label }) => {
          const typed = values.deadlines[field];
          const setByHand = typed !== null && readDate(typed).kind !== 'empty';
          // Untouched, a deadline shows the date it will have: as it is, or counted from the new date.
          const shownDate = typed ?? datePartsFrom(counted?.[field] ?? meeting[field]);
          return (
            <DateInput
              key={field}
              idPrefix={idPrefix}
              legend={label}
              hint={deadlineHint(moved !== null, setByHand, counted?.[field])}
              value={shownDate}
              onChange={(chosen) => setValues((current) => ({ ...current, deadlines: { ...current.deadlines, [field]: chosen } }))}
              error={errorFor(shown, field)}
            />
          );
        })}
        <FormActions submitLabel="Save the changes" pending={update.isPending} cancelTo={cancelTo} />
      </form>
    </>
  );
}

/** The meeting as another coordinator left it, to compare with what the person typed. */
function TheirMeeting({ meeting }: { meeting: MeetingSummary }) {
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Date">{formatLongDate(meeting.date)}</SummaryRow>
      <SummaryRow label="Start time">{meeting.startTime}</SummaryRow>
      <SummaryRow label="Location">{meeting.location ?? 'None'}</SummaryRow>
      <SummaryRow label="Online link">{meeting.onlineLink ?? 'None'}</SummaryRow>
      <SummaryRow label="Capacity">{meeting.capacity} cases</SummaryRow>
      <SummaryRow label="Minutes per case">{meeting.minutesPerCase}</SummaryRow>
      {DEADLINES.map(({ field, label }) => (
        <SummaryRow key={field} label={label}>
          {formatLongDate(meeting[field])}
        </SummaryRow>
      ))}
    </dl>
  );
}
