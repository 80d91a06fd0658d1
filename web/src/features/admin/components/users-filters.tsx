import { ROLE_LABELS, ROLES, Role, type UserQuery } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { FilterActions } from '../../../components/ui/filter-actions';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';

export type UserFilters = Pick<UserQuery, 'q' | 'role' | 'status'>;

const ROLE_OPTIONS = [{ value: '', label: 'All roles' }, ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))];
const STATUS_OPTIONS = [
  { value: '', label: 'Active and disabled' },
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
];

interface UsersFiltersProps {
  initial: UserFilters;
  clearTo: string;
  onApply: (filters: UserFilters) => void;
}

export function UsersFilters({ initial, clearTo, onApply }: UsersFiltersProps) {
  const [q, setQ] = useState(initial.q ?? '');
  const [role, setRole] = useState<string>(initial.role ?? '');
  const [status, setStatus] = useState<string>(initial.status ?? '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsedRole = Role.safeParse(role);
    onApply({
      q: q.trim() === '' ? undefined : q.trim(),
      role: parsedRole.success ? parsedRole.data : undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
    });
  };

  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Filter users">
      <div className="app-filters__row">
        <TextInput id="filter-q" label="Name or e-mail" width="20" value={q} onChange={(event) => setQ(event.target.value)} />
        <Select id="filter-role" label="Role" options={ROLE_OPTIONS} value={role} onChange={(event) => setRole(event.target.value)} />
        <Select
          id="filter-status"
          label="Status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
        />
        <FilterActions clearTo={clearTo} />
      </div>
    </form>
  );
}
