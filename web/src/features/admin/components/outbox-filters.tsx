import { OUTBOX_STATE_LABELS, OUTBOX_STATES, type OutboxQuery } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/select';

export type OutboxFilters = Pick<OutboxQuery, 'state'>;

const STATE_OPTIONS = [{ value: '', label: 'All notices' }, ...OUTBOX_STATES.map((state) => ({ value: state, label: OUTBOX_STATE_LABELS[state] }))];

interface OutboxFiltersProps {
  initial: OutboxFilters;
  onApply: (filters: OutboxFilters) => void;
}

export function OutboxFiltersForm({ initial, onApply }: OutboxFiltersProps) {
  const [state, setState] = useState<string>(initial.state ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ state: OUTBOX_STATES.find((known) => known === state) });
  };
  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Filter notices">
      <div className="app-filters__row">
        <Select id="filter-state" label="Status" options={STATE_OPTIONS} value={state} onChange={(event) => setState(event.target.value)} />
        <div className="govuk-form-group">
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </div>
      </div>
    </form>
  );
}
