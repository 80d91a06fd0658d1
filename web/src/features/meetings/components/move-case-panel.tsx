import type { AgendaEntry, FieldError, MeetingSummary } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Select } from '../../../components/ui/select';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { errorFor } from '../../../lib/field-errors';
import { formatCount, formatLongDate } from '../../../lib/format';
import { useMeetings } from '../api/get-meetings';
import { KIND_LABELS } from './meeting-labels';
import { isOpenForChanges } from './meeting-status';

function targetLabel(meeting: MeetingSummary): string {
  const kind = meeting.kind === 'scheduled' ? '' : ` (${KIND_LABELS[meeting.kind].toLowerCase()})`;
  const room = meeting.listedCount >= meeting.capacity ? 'full' : `${meeting.listedCount} of ${formatCount(meeting.capacity, 'case')}`;
  return `${formatLongDate(meeting.date)} at ${meeting.startTime}${kind}: ${room}`;
}

interface MoveCasePanelProps {
  entry: AgendaEntry;
  meeting: MeetingSummary;
  errors: readonly FieldError[];
  pending: boolean;
  /** The meeting chosen, or null when none was. */
  onMove: (target: MeetingSummary | null) => void;
  onCancel: () => void;
}

/** Moves a case to another meeting of the same area; it is marked as placed by hand there and stays. */
export function MoveCasePanel({ entry, meeting, errors, pending, onMove, onCancel }: MoveCasePanelProps) {
  const [toMeetingId, setToMeetingId] = useState('');
  const meetings = useMeetings({ areaId: meeting.areaId });
  const targets = (meetings.data ?? []).filter((other) => other.id !== meeting.id && isOpenForChanges(other.status));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onMove(targets.find((target) => target.id === toMeetingId) ?? null);
  };

  return (
    <section className="app-confirmation" aria-labelledby="agenda-move-heading">
      <StepHeading id="agenda-move-heading">{`Move ${entry.caseReference} to another meeting`}</StepHeading>
      {meetings.isPending ? (
        <Loading label="Loading the area’s meetings…" />
      ) : meetings.isError ? (
        <QueryProblem error={meetings.error} subject="the area’s other meetings" />
      ) : (
        <form onSubmit={submit} noValidate>
          {targets.length === 0 ? (
            <p className="govuk-body">There is no other meeting in {meeting.areaName} in the next 26 weeks whose agenda can still change.</p>
          ) : (
            <Select
              id="agenda-move-to"
              label="Meeting"
              hint="Meetings of this area in the next 26 weeks that have not started"
              options={[{ value: '', label: 'Choose a meeting' }, ...targets.map((target) => ({ value: target.id, label: targetLabel(target) }))]}
              value={toMeetingId}
              onChange={(event) => setToMeetingId(event.target.value)}
              error={errorFor(errors, 'toMeetingId')}
            />
          )}
          <StepActions confirm={targets.length === 0 ? undefined : 'Move the case'} pending={pending} onCancel={onCancel} />
        </form>
      )}
    </section>
  );
}
