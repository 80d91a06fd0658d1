import type { Me } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { AreaFilterSelect } from '../../../components/ui/area-filter-select';
import { Button } from '../../../components/ui/button';

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
        <AreaFilterSelect areas={areas} value={areaId} onChange={setAreaId} />
        <div className="govuk-form-group">
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </div>
      </div>
    </form>
  );
}
