import {
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  SCREENING_DEFAULT_STATUSES,
  SCREENING_SORTS,
  ReferralStatus,
  ScreeningSort,
  type AgencyDirectoryEntry,
  type FieldError,
  type Me,
  type ScreeningQuery,
} from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { AreaFilterSelect } from '../../../components/ui/area-filter-select';
import { FilterActions } from '../../../components/ui/filter-actions';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { readWholeNumber } from '../../../lib/form-values';
import { toSearchParams } from '../../../lib/search-params';

export type ScreeningFilters = Pick<ScreeningQuery, 'areaId' | 'status' | 'urgent' | 'repeat' | 'referringAgencyId' | 'olderThanDays' | 'sort'>;

const FIELD_IDS = {
  status: 'filter-status',
  olderThanDays: 'filter-older-than',
} as const;

const MAX_DAYS = 3650;

// A draft is never screened, so it is never in the queue.
const STATUS_ITEMS = REFERRAL_STATUSES.filter((status) => status !== 'draft').map((status) => ({
  value: status,
  label: REFERRAL_STATUS_LABELS[status],
}));

const SORT_LABELS: Record<ScreeningSort, string> = {
  oldest: 'Oldest first',
  newest: 'Newest first',
  score: 'Highest DASH score first',
  urgent: 'Urgent first',
};
const SORT_OPTIONS = SCREENING_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }));

const URGENT_OPTIONS = [
  { value: '', label: 'Urgent and not urgent' },
  { value: 'true', label: 'Urgent only' },
  { value: 'false', label: 'Not urgent' },
];
const REPEAT_OPTIONS = [
  { value: '', label: 'Repeat and not repeat' },
  { value: 'true', label: 'Repeat only' },
  { value: 'false', label: 'Not repeat' },
];

const sameStatuses = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((status) => b.includes(status));

const readFlag = (value: string): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);
const flagText = (value: boolean | undefined): string => (value === undefined ? '' : String(value));

/** The filters as the address keeps them: ids, words and numbers only, and nothing that is a default. */
export function screeningSearchParams(filters: ScreeningFilters): URLSearchParams {
  return toSearchParams({
    areaId: filters.areaId,
    status: filters.status?.join(','),
    urgent: filters.urgent === undefined ? undefined : String(filters.urgent),
    repeat: filters.repeat === undefined ? undefined : String(filters.repeat),
    referringAgencyId: filters.referringAgencyId,
    olderThanDays: filters.olderThanDays,
    sort: filters.sort === 'oldest' ? undefined : filters.sort,
  });
}

interface ScreeningFiltersProps {
  initial: ScreeningFilters;
  /** The user's areas; a choice of area is offered only when there is more than one. */
  areas: Me['areas'];
  /** Agencies serving the user's areas; the agency filter waits for them. */
  agencies: readonly AgencyDirectoryEntry[] | undefined;
  clearTo: string;
  onApply: (filters: ScreeningFilters) => void;
}

export function ScreeningFiltersForm({ initial, areas, agencies, clearTo, onApply }: ScreeningFiltersProps) {
  const [areaId, setAreaId] = useState(initial.areaId ?? '');
  const [statuses, setStatuses] = useState<string[]>(() => [...(initial.status ?? SCREENING_DEFAULT_STATUSES)]);
  const [urgent, setUrgent] = useState(flagText(initial.urgent));
  const [repeat, setRepeat] = useState(flagText(initial.repeat));
  const [agencyId, setAgencyId] = useState(initial.referringAgencyId ?? '');
  const [olderThan, setOlderThan] = useState(initial.olderThanDays === undefined ? '' : String(initial.olderThanDays));
  const [sort, setSort] = useState<string>(initial.sort);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const agencyOptions = [
    { value: '', label: 'All agencies' },
    ...[...(agencies ?? [])]
      .filter((agency) => areaId === '' || agency.areaIds.includes(areaId) || agency.id === agencyId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((agency) => ({ value: agency.id, label: agency.name })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (statuses.length === 0) problems.push({ field: 'status', message: 'Choose at least one status' });
    const days = readWholeNumber(olderThan);
    if (!days.ok || (days.value !== null && days.value > MAX_DAYS)) {
      problems.push({ field: 'olderThanDays', message: `Enter a number of days from 0 to ${MAX_DAYS}, like 7` });
    }
    setErrors(problems);
    if (problems.length > 0 || !days.ok) return;

    const chosen = statuses.flatMap((status) => {
      const parsed = ReferralStatus.safeParse(status);
      return parsed.success ? [parsed.data] : [];
    });
    const parsedSort = ScreeningSort.safeParse(sort);
    onApply({
      areaId: areas.some((area) => area.id === areaId) ? areaId : undefined,
      status: sameStatuses(chosen, SCREENING_DEFAULT_STATUSES) ? undefined : chosen,
      urgent: readFlag(urgent),
      repeat: readFlag(repeat),
      referringAgencyId: agencyId === '' ? undefined : agencyId,
      olderThanDays: days.value ?? undefined,
      sort: parsedSort.success ? parsedSort.data : 'oldest',
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="app-filters" onSubmit={submit} noValidate role="search" aria-label="Filter referrals">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Checkboxes
              idPrefix={FIELD_IDS.status}
              name="status"
              legend="Status"
              items={STATUS_ITEMS}
              values={statuses}
              onChange={setStatuses}
              error={errorFor(errors, 'status')}
              small
            />
          </div>
          <div className="govuk-grid-column-three-quarters">
            <div className="app-filters__row">
              {areas.length > 1 ? <AreaFilterSelect areas={areas} value={areaId} onChange={setAreaId} /> : null}
              <Select
                id="filter-agency"
                label="Referring agency"
                options={agencyOptions}
                value={agencyId}
                onChange={(event) => setAgencyId(event.target.value)}
              />
            </div>
            <div className="app-filters__row">
              <Select id="filter-urgent" label="Urgency" options={URGENT_OPTIONS} value={urgent} onChange={(event) => setUrgent(event.target.value)} />
              <Select id="filter-repeat" label="Repeat" options={REPEAT_OPTIONS} value={repeat} onChange={(event) => setRepeat(event.target.value)} />
              <TextInput
                id={FIELD_IDS.olderThanDays}
                label="Referred more than this many days ago"
                width="3"
                inputMode="numeric"
                value={olderThan}
                onChange={(event) => setOlderThan(event.target.value)}
                error={errorFor(errors, 'olderThanDays')}
              />
            </div>
            <div className="app-filters__row">
              <Select id="filter-sort" label="Sort by" options={SORT_OPTIONS} value={sort} onChange={(event) => setSort(event.target.value)} />
              <FilterActions clearTo={clearTo} />
            </div>
          </div>
        </div>
      </form>
    </>
  );
}
