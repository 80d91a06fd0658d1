import type { Me } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/select';

interface AreaFilterProps {
  areas: Me['areas'];
  initial: string | undefined;
  onApply: (areaId: string | undefined) => void;
}

/** A choice of one of the user's areas, or all of them, for lists that are only filtered by area. */
export function AreaFilter({ areas, initial, onApply }: AreaFilterProps) {
  const [areaId, setAreaId] = useState(initial ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(areaId === '' ? undefined : areaId);
  };
  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Choose an area">
      <div className="app-filters__row">
        <Select
          id="filter-area"
          label="Area"
          options={[{ value: '', label: 'All your areas' }, ...areas.map((area) => ({ value: area.id, label: area.name }))]}
          value={areaId}
          onChange={(event) => setAreaId(event.target.value)}
        />
        <div className="govuk-form-group">
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </div>
      </div>
    </form>
  );
}
