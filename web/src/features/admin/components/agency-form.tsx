import { AGENCY_KIND_LABELS, AGENCY_KINDS, AgencyKind, type Agency, type CreateAgency, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../../components/ui/form-actions';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';
import { useCreateAgency } from '../api/create-agency';
import { useAreas } from '../api/get-areas';
import { useUpdateAgency } from '../api/update-agency';
import { selectableAreas } from './area-names';

const FIELD_IDS = {
  name: 'agency-name',
  kind: 'agency-kind',
  areaIds: 'agency-areas',
  secureEmail: 'agency-secure-email',
} as const;

interface AgencyFormValues {
  name: string;
  kind: string;
  areaIds: string[];
  secureEmail: string;
}

const KIND_OPTIONS = [
  { value: '', label: 'Choose a kind of agency' },
  ...AGENCY_KINDS.map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind] })),
];

function initialValues(agency: Agency | undefined): AgencyFormValues {
  return {
    name: agency?.name ?? '',
    kind: agency?.kind ?? '',
    areaIds: agency ? [...agency.areaIds] : [],
    secureEmail: agency?.secureEmail ?? '',
  };
}

interface AgencyFormProps {
  agency?: Agency;
  cancelTo: string;
  onSuccess: (agency: Agency) => void;
}

export function AgencyForm({ agency, cancelTo, onSuccess }: AgencyFormProps) {
  const [values, setValues] = useState(() => initialValues(agency));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const areas = useAreas();
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const pending = create.isPending || update.isPending;

  if (areas.isPending) return <Loading label="Loading areas…" />;
  if (areas.isError) return <QueryProblem error={areas.error} subject="the list of areas" />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const kind = AgencyKind.safeParse(values.kind);
    if (!kind.success) {
      setErrors([{ field: 'kind', message: 'Choose what kind of agency this is' }]);
      return;
    }
    const input: CreateAgency = {
      name: values.name,
      kind: kind.data,
      areaIds: values.areaIds,
      secureEmail: optionalText(values.secureEmail),
    };
    const callbacks = { onSuccess, onError: (error: Error) => setErrors(fieldErrorsFromFailure(error)) };
    if (agency) update.mutate({ id: agency.id, input }, callbacks);
    else create.mutate(input, callbacks);
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELD_IDS.name}
          label="Name"
          hint="As it should appear on agendas and action plans, for example Derby City Council Housing"
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          error={errorFor(errors, 'name')}
        />
        <Select
          id={FIELD_IDS.kind}
          label="Kind of agency"
          options={KIND_OPTIONS}
          value={values.kind}
          onChange={(event) => setValues({ ...values, kind: event.target.value })}
          error={errorFor(errors, 'kind')}
        />
        <Checkboxes
          idPrefix={FIELD_IDS.areaIds}
          name="areaIds"
          legend="Areas the agency serves"
          hint="The agency is invited to research cases in these MARAC areas. Choose all that apply."
          items={selectableAreas(areas.data, values.areaIds).map((area) => ({ value: area.id, label: area.name }))}
          values={values.areaIds}
          onChange={(areaIds) => setValues({ ...values, areaIds })}
          error={errorFor(errors, 'areaIds')}
        />
        <TextInput
          id={FIELD_IDS.secureEmail}
          label="Secure e-mail address (optional)"
          hint="A secure shared mailbox for notices that an agenda or minutes are ready. Notices never contain personal details."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.secureEmail}
          onChange={(event) => setValues({ ...values, secureEmail: event.target.value })}
          error={errorFor(errors, 'secureEmail')}
        />
        <FormActions submitLabel={agency ? 'Save changes' : 'Add agency'} pending={pending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
