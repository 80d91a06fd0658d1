import { ACTION_STATUS_LABELS, ACTION_STATUSES, ActionStatus, type ActionFilter, type AgencyDirectoryEntry, type FieldError, type Me, type MeetingSummary } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { AreaFilterSelect } from '../../../components/ui/area-filter-select';
import { DateInput, datePartsFrom, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FilterActions } from '../../../components/ui/filter-actions';
import { Select } from '../../../components/ui/select';
import { errorFor } from '../../../lib/field-errors';
import { formatDate } from '../../../lib/format';

const FIELD_IDS = {
  dueFrom: 'filter-due-from-day',
  dueTo: 'filter-due-to-day',
} as const;

// Two meetings can fall on one date: an emergency meeting beside a scheduled one.
const MEETING_KINDS = { one_off: 'one-off', emergency: 'emergency' } as const;

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...ACTION_STATUSES.map((status) => ({ value: status, label: ACTION_STATUS_LABELS[status] }))];

interface ActionsFiltersProps {
  initial: ActionFilter;
  /** The user's areas; a choice of area is offered only when there is more than one. */
  areas: Me['areas'];
  /** Agencies serving the user's areas, for coordinators and chairs; a representative's list is their agency's. */
  agencies: readonly AgencyDirectoryEntry[] | null;
  /** Meetings of the user's areas that can have agreed actions, newest first; the choice waits for them. */
  meetings: readonly MeetingSummary[] | undefined;
  clearTo: string;
  onApply: (filter: ActionFilter) => void;
}

/** Narrows the list by area, agency, the meeting that agreed the action, status and due dates. The state and case travel with it. */
export function ActionsFilters({ initial, areas, agencies, meetings, clearTo, onApply }: ActionsFiltersProps) {
  const [areaId, setAreaId] = useState(initial.areaId ?? '');
  const [agencyId, setAgencyId] = useState(initial.agencyId ?? '');
  const [meetingId, setMeetingId] = useState(initial.meetingId ?? '');
  const [status, setStatus] = useState<string>(initial.status ?? '');
  const [dueFrom, setDueFrom] = useState<DateParts>(() => datePartsFrom(initial.dueFrom));
  const [dueTo, setDueTo] = useState<DateParts>(() => datePartsFrom(initial.dueTo));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const manyAreas = areas.length > 1;

  const inArea = (ids: readonly string[]) => areaId === '' || ids.includes(areaId);
  const agencyOptions = [
    { value: '', label: 'All agencies' },
    ...[...(agencies ?? [])]
      .filter((agency) => inArea(agency.areaIds) || agency.id === agencyId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((agency) => ({ value: agency.id, label: agency.name })),
  ];
  const meetingOptions = [
    { value: '', label: 'Any meeting' },
    ...(meetings ?? [])
      .filter((meeting) => inArea([meeting.areaId]) || meeting.id === meetingId)
      .map((meeting) => ({ value: meeting.id, label: [formatDate(meeting.date), ...(meeting.kind === 'scheduled' ? [] : [MEETING_KINDS[meeting.kind]]), ...(manyAreas ? [meeting.areaName] : [])].join(', ') })),
  ];
  // A meeting from a link (older than the choices go back, say) stays chosen rather than silently dropped.
  if (meetingId !== '' && !meetingOptions.some((option) => option.value === meetingId)) meetingOptions.push({ value: meetingId, label: 'The meeting you followed a link to' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const from = readDate(dueFrom);
    const to = readDate(dueTo);
    if (from.kind === 'invalid') problems.push({ field: 'dueFrom', message: 'The ‘due from’ date must be a real date, like 1 11 2026' });
    if (to.kind === 'invalid') problems.push({ field: 'dueTo', message: 'The ‘due to’ date must be a real date, like 30 11 2026' });
    if (from.kind === 'date' && to.kind === 'date' && from.isoDate > to.isoDate) problems.push({ field: 'dueTo', message: 'The ‘due to’ date must be the same as or after the ‘due from’ date' });
    setErrors(problems);
    if (problems.length > 0) return;
    const chosenStatus = ActionStatus.safeParse(status);
    onApply({
      state: initial.state,
      caseId: initial.caseId,
      areaId: areas.some((area) => area.id === areaId) ? areaId : undefined,
      agencyId: agencies && agencyId !== '' ? agencyId : undefined,
      meetingId: meetingId === '' ? undefined : meetingId,
      status: chosenStatus.success ? chosenStatus.data : undefined,
      dueFrom: from.kind === 'date' ? from.isoDate : undefined,
      dueTo: to.kind === 'date' ? to.isoDate : undefined,
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="app-filters" onSubmit={submit} noValidate role="search" aria-label="Filter actions">
        <div className="app-filters__row">
          {manyAreas ? <AreaFilterSelect areas={areas} value={areaId} onChange={setAreaId} /> : null}
          {agencies ? <Select id="filter-agency" label="Agency" options={agencyOptions} value={agencyId} onChange={(event) => setAgencyId(event.target.value)} /> : null}
          <Select id="filter-meeting" label="Agreed at the meeting on" options={meetingOptions} value={meetingId} onChange={(event) => setMeetingId(event.target.value)} />
          <Select id="filter-status" label="Status" options={STATUS_OPTIONS} value={status} onChange={(event) => setStatus(event.target.value)} />
        </div>
        <div className="app-filters__row">
          <DateInput idPrefix="filter-due-from" legend="Due from" value={dueFrom} onChange={setDueFrom} error={errorFor(errors, 'dueFrom')} />
          <DateInput idPrefix="filter-due-to" legend="Due to" value={dueTo} onChange={setDueTo} error={errorFor(errors, 'dueTo')} />
          <FilterActions clearTo={clearTo} />
        </div>
      </form>
    </>
  );
}
