import { Select } from './select';

interface AreaFilterSelectProps {
  areas: readonly { id: string; name: string }[];
  /** An area's id, or "" for all of them. */
  value: string;
  onChange: (areaId: string) => void;
}

/** The area filter of a list: one of the user's areas, or all of them. */
export function AreaFilterSelect({ areas, value, onChange }: AreaFilterSelectProps) {
  return (
    <Select
      id="filter-area"
      label="Area"
      options={[{ value: '', label: 'All your areas' }, ...areas.map((area) => ({ value: area.id, label: area.name }))]}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
