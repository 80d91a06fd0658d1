import type { FieldError, Me, MeetingQuery } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { AreaFilterSelect } from '../../../components/ui/area-filter-select';
import { FilterActions } from '../../../components/ui/filter-actions';
import { DateInput, datePartsFrom, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { errorFor } from '../../../lib/field-errors';

export type MeetingFilters = Pick<MeetingQuery, 'areaId' | 'from' | 'to'>;

const FIELD_IDS = {
  from: 'filter-from-day',
  to: 'filter-to-day',
} as const;

interface MeetingsFiltersProps {
  initial: MeetingFilters;
  /** The user's areas; a choice of area is offered only when there is more than one. */
  areas: Me['areas'];
  clearTo: string;
  onApply: (filters: MeetingFilters) => void;
}

export function MeetingsFilters({ initial, areas, clearTo, onApply }: MeetingsFiltersProps) {
  const [areaId, setAreaId] = useState(initial.areaId ?? '');
  const [from, setFrom] = useState<DateParts>(() => datePartsFrom(initial.from));
  const [to, setTo] = useState<DateParts>(() => datePartsFrom(initial.to));
  const [errors, setErrors] = useState<FieldError[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const fromDate = readDate(from);
    const toDate = readDate(to);
    if (fromDate.kind === 'invalid') problems.push({ field: 'from', message: 'The ‘from’ date must be a real date, like 3 3 2026' });
    if (toDate.kind === 'invalid') problems.push({ field: 'to', message: 'The ‘to’ date must be a real date, like 31 8 2026' });
    if (fromDate.kind === 'date' && toDate.kind === 'date' && fromDate.isoDate > toDate.isoDate) {
      problems.push({ field: 'to', message: 'The ‘to’ date must be the same as or after the ‘from’ date' });
    }
    setErrors(problems);
    if (problems.length > 0) return;
    onApply({
      areaId: areas.some((area) => area.id === areaId) ? areaId : undefined,
      from: fromDate.kind === 'date' ? fromDate.isoDate : undefined,
      to: toDate.kind === 'date' ? toDate.isoDate : undefined,
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="app-filters" onSubmit={submit} noValidate role="search" aria-label="Filter meetings">
        <div className="app-filters__row">
          {areas.length > 1 ? <AreaFilterSelect areas={areas} value={areaId} onChange={setAreaId} /> : null}
          <DateInput idPrefix="filter-from" legend="From" hint="Leave blank for today" value={from} onChange={setFrom} error={errorFor(errors, 'from')} />
          <DateInput idPrefix="filter-to" legend="To" hint="Leave blank for 26 weeks from the start" value={to} onChange={setTo} error={errorFor(errors, 'to')} />
          <FilterActions clearTo={clearTo} />
        </div>
      </form>
    </>
  );
}
