import type { ActionReviewQuery, FieldError, Me } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { DateInput, datePartsFrom, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FilterActions } from '../../../components/ui/filter-actions';
import { Select } from '../../../components/ui/select';
import { errorFor } from '../../../lib/field-errors';

const FIELD_IDS = {
  dueFrom: 'review-due-from-day',
  dueTo: 'review-due-to-day',
} as const;

interface ReviewFiltersProps {
  initial: ActionReviewQuery;
  areas: Me['areas'];
  clearTo: string;
  onApply: (query: ActionReviewQuery) => void;
}

/** The area reviewed (one at a time: figures are per area) and the due dates of the actions counted. */
export function ReviewFilters({ initial, areas, clearTo, onApply }: ReviewFiltersProps) {
  const [areaId, setAreaId] = useState(initial.areaId);
  const [dueFrom, setDueFrom] = useState<DateParts>(() => datePartsFrom(initial.dueFrom));
  const [dueTo, setDueTo] = useState<DateParts>(() => datePartsFrom(initial.dueTo));
  const [errors, setErrors] = useState<FieldError[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const from = readDate(dueFrom);
    const to = readDate(dueTo);
    if (from.kind === 'invalid') problems.push({ field: 'dueFrom', message: 'The ‘due from’ date must be a real date, like 1 4 2026' });
    if (to.kind === 'invalid') problems.push({ field: 'dueTo', message: 'The ‘due to’ date must be a real date, like 30 6 2026' });
    if (from.kind === 'date' && to.kind === 'date' && from.isoDate > to.isoDate) problems.push({ field: 'dueTo', message: 'The ‘due to’ date must be the same as or after the ‘due from’ date' });
    setErrors(problems);
    if (problems.length > 0) return;
    onApply({ areaId, dueFrom: from.kind === 'date' ? from.isoDate : undefined, dueTo: to.kind === 'date' ? to.isoDate : undefined });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="app-filters" onSubmit={submit} noValidate role="search" aria-label="Choose the actions to review">
        <div className="app-filters__row">
          {areas.length > 1 ? (
            <Select id="review-area" label="Area" options={areas.map((area) => ({ value: area.id, label: area.name }))} value={areaId} onChange={(event) => setAreaId(event.target.value)} />
          ) : null}
          <DateInput idPrefix="review-due-from" legend="Due from" hint="Leave blank for the earliest" value={dueFrom} onChange={setDueFrom} error={errorFor(errors, 'dueFrom')} />
          <DateInput idPrefix="review-due-to" legend="Due to" hint="Leave blank for the latest" value={dueTo} onChange={setDueTo} error={errorFor(errors, 'dueTo')} />
          <FilterActions clearTo={clearTo} />
        </div>
      </form>
    </>
  );
}
