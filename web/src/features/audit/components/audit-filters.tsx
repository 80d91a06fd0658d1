import { AUDIT_ACTIONS, AUDIT_ENTITIES, AuditAction, AuditEntity, type AuditQuery, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { FilterActions } from '../../../components/ui/filter-actions';
import { DateInput, datePartsFrom, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './audit-labels';

export type AuditFilters = Pick<AuditQuery, 'action' | 'entityType' | 'entityId' | 'from' | 'to'>;

const FIELD_IDS = {
  action: 'filter-action',
  entityType: 'filter-entity-type',
  entityId: 'filter-entity-id',
  from: 'filter-from-day',
  to: 'filter-to-day',
} as const;

const ACTION_OPTIONS = [
  { value: '', label: 'All actions' },
  ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
];
const ENTITY_OPTIONS = [
  { value: '', label: 'All kinds' },
  ...AUDIT_ENTITIES.map((entity) => ({ value: entity, label: AUDIT_ENTITY_LABELS[entity] })),
];

interface AuditFiltersProps {
  initial: AuditFilters;
  clearTo: string;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFiltersForm({ initial, clearTo, onApply }: AuditFiltersProps) {
  const [action, setAction] = useState<string>(initial.action ?? '');
  const [entityType, setEntityType] = useState<string>(initial.entityType ?? '');
  const [entityId, setEntityId] = useState(initial.entityId ?? '');
  const [from, setFrom] = useState<DateParts>(() => datePartsFrom(initial.from));
  const [to, setTo] = useState<DateParts>(() => datePartsFrom(initial.to));
  const [errors, setErrors] = useState<FieldError[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const fromDate = readDate(from);
    const toDate = readDate(to);
    if (fromDate.kind === 'invalid') problems.push({ field: 'from', message: 'The ‘from’ date must be a real date, like 27 3 2026' });
    if (toDate.kind === 'invalid') problems.push({ field: 'to', message: 'The ‘to’ date must be a real date, like 27 3 2026' });
    if (fromDate.kind === 'date' && toDate.kind === 'date' && fromDate.isoDate > toDate.isoDate) {
      problems.push({ field: 'to', message: 'The ‘to’ date must be the same as or after the ‘from’ date' });
    }
    if (entityId.trim().length > 64) problems.push({ field: 'entityId', message: 'The record id must be 64 characters or fewer' });
    setErrors(problems);
    if (problems.length > 0) return;

    const parsedAction = AuditAction.safeParse(action);
    const parsedEntity = AuditEntity.safeParse(entityType);
    onApply({
      action: parsedAction.success ? parsedAction.data : undefined,
      entityType: parsedEntity.success ? parsedEntity.data : undefined,
      entityId: entityId.trim() === '' ? undefined : entityId.trim(),
      from: fromDate.kind === 'date' ? fromDate.isoDate : undefined,
      to: toDate.kind === 'date' ? toDate.isoDate : undefined,
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="app-filters" onSubmit={submit} noValidate role="search" aria-label="Filter the audit log">
        <div className="app-filters__row">
          <Select
            id={FIELD_IDS.action}
            label="Action"
            options={ACTION_OPTIONS}
            value={action}
            onChange={(event) => setAction(event.target.value)}
          />
          <Select
            id={FIELD_IDS.entityType}
            label="Kind of record"
            options={ENTITY_OPTIONS}
            value={entityType}
            onChange={(event) => setEntityType(event.target.value)}
          />
          <TextInput
            id={FIELD_IDS.entityId}
            label="Record id"
            width="20"
            spellCheck={false}
            value={entityId}
            onChange={(event) => setEntityId(event.target.value)}
            error={errorFor(errors, 'entityId')}
          />
        </div>
        <div className="app-filters__row">
          <DateInput idPrefix="filter-from" legend="From" hint="For example, 27 3 2026" value={from} onChange={setFrom} error={errorFor(errors, 'from')} />
          <DateInput idPrefix="filter-to" legend="To" hint="Includes the whole day" value={to} onChange={setTo} error={errorFor(errors, 'to')} />
          <FilterActions clearTo={clearTo} />
        </div>
      </form>
    </>
  );
}
