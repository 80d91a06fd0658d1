import { ROLE_LABELS, ROLES, Role, type CreateUser, type FieldError, type UpdateUser, type User } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { FormActions } from '../../../components/ui/form-actions';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { SummaryRow } from '../../../components/ui/summary-row';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { NO_RECORD, useVersionedForm, type NoRecord } from '../../../lib/use-versioned-form';
import { useCreateUser } from '../api/create-user';
import { useAgencies } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import { useUpdateUser } from '../api/update-user';
import { areaNames, selectableAreas } from './area-names';
import { ROLE_HINTS } from './role-hints';

const FIELD_IDS = {
  name: 'user-name',
  email: 'user-email',
  role: 'user-role',
  agencyId: 'user-agency',
  areaIds: 'user-areas',
  password: 'user-password',
} as const;

interface UserFormValues {
  name: string;
  email: string;
  role: string;
  agencyId: string;
  areaIds: string[];
  password: string;
}

function initialValues(record: User | NoRecord): UserFormValues {
  const user = 'id' in record ? record : undefined;
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? '',
    agencyId: user?.agencyId ?? '',
    areaIds: user ? [...user.areaIds] : [],
    password: '',
  };
}

interface UserFormProps {
  /** The account to change; leave out to add one. E-mail and password are only set when adding. */
  user?: User;
  cancelTo: string;
  onSuccess: (user: User) => void;
}

/**
 * Adds an account, or changes one from the version the administrator was shown: when another
 * administrator changed it first, theirs is shown beside what was typed.
 */
export function UserForm({ user, cancelTo, onSuccess }: UserFormProps) {
  const form = useVersionedForm<User | NoRecord, UserFormValues>(user ?? NO_RECORD, initialValues);
  const { values, setValues } = form;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const areas = useAreas();
  const agencies = useAgencies();
  const create = useCreateUser();
  const update = useUpdateUser();
  const pending = create.isPending || update.isPending;

  if (areas.isPending || agencies.isPending) return <Loading label="Loading areas and agencies…" />;
  if (areas.isError) return <QueryProblem error={areas.error} subject="the list of areas" />;
  if (agencies.isError) return <QueryProblem error={agencies.error} subject="the list of agencies" />;

  const agencyOptions = [
    { value: '', label: 'Choose an agency' },
    ...agencies.data
      .filter((agency) => agency.disabledAt === null || agency.id === values.agencyId)
      .map((agency) => ({ value: agency.id, label: agency.name })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const role = Role.safeParse(values.role);
    if (!role.success) {
      setErrors([{ field: 'role', message: 'Choose the role this person has' }]);
      return;
    }
    // The agency choice is kept in the form if the role changes, but only sent for a representative.
    const agencyId = role.data === 'agency_representative' && values.agencyId !== '' ? values.agencyId : null;
    const onError = (error: Error) => setErrors(fieldErrorsFromFailure(error));
    if (user) {
      const input: UpdateUser = { version: form.version, name: values.name, role: role.data, agencyId, areaIds: values.areaIds };
      update.mutate({ id: user.id, input }, { onSuccess, onError });
    } else {
      const input: CreateUser = {
        name: values.name,
        email: values.email,
        role: role.data,
        agencyId,
        areaIds: values.areaIds,
        password: values.password,
      };
      create.mutate(input, { onSuccess, onError });
    }
  };

  // Another administrator's change, when the form is changing an account.
  const theirs = form.changed && 'id' in form.changed ? form.changed : null;

  const agencyQuestion = (
    <Select
      id={FIELD_IDS.agencyId}
      label="Agency"
      hint="An agency representative speaks for exactly one agency"
      options={agencyOptions}
      value={values.agencyId}
      onChange={(event) => setValues({ ...values, agencyId: event.target.value })}
      error={errorFor(errors, 'agencyId')}
    />
  );

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {theirs ? (
        <ChangedMeanwhile what="this user" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <dl className="govuk-summary-list">
            <SummaryRow label="Full name">{theirs.name}</SummaryRow>
            <SummaryRow label="Role">{ROLE_LABELS[theirs.role]}</SummaryRow>
            <SummaryRow label="Agency">{agencies.data.find((agency) => agency.id === theirs.agencyId)?.name ?? 'None'}</SummaryRow>
            <SummaryRow label="MARAC areas">{areaNames(theirs.areaIds, areas.data)}</SummaryRow>
            <SummaryRow label="Status">{theirs.disabledAt ? 'Disabled' : 'Active'}</SummaryRow>
          </dl>
        </ChangedMeanwhile>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELD_IDS.name}
          label="Full name"
          autoComplete="off"
          spellCheck={false}
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          error={errorFor(errors, 'name')}
        />
        {user ? null : (
          <TextInput
            id={FIELD_IDS.email}
            label="E-mail address"
            hint="Their work e-mail address. They sign in with it."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={(event) => setValues({ ...values, email: event.target.value })}
            error={errorFor(errors, 'email')}
          />
        )}
        <Radios
          idPrefix={FIELD_IDS.role}
          name="role"
          legend="Role"
          items={ROLES.map((role) => ({
            value: role,
            label: ROLE_LABELS[role],
            hint: ROLE_HINTS[role],
            conditional: role === 'agency_representative' ? agencyQuestion : undefined,
          }))}
          value={values.role}
          onChange={(role) => setValues({ ...values, role })}
          error={errorFor(errors, 'role')}
        />
        {/* A server complaint about the agency must stay visible even if the role no longer reveals the question. */}
        {values.role !== 'agency_representative' && errorFor(errors, 'agencyId') ? agencyQuestion : null}
        <Checkboxes
          idPrefix={FIELD_IDS.areaIds}
          name="areaIds"
          legend="MARAC areas"
          hint="They can only see cases and meetings in these areas. Choose all that apply."
          items={selectableAreas(areas.data, values.areaIds).map((area) => ({ value: area.id, label: area.name }))}
          values={values.areaIds}
          onChange={(areaIds) => setValues({ ...values, areaIds })}
          error={errorFor(errors, 'areaIds')}
        />
        {user ? null : (
          <TextInput
            id={FIELD_IDS.password}
            label="Initial password"
            hint="At least 12 characters. Give it to them by a different route from their e-mail address, such as by phone."
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
            error={errorFor(errors, 'password')}
          />
        )}
        <FormActions submitLabel={user ? 'Save changes' : 'Add user'} pending={pending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
