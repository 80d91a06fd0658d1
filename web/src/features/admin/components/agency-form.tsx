import { AGENCY_KIND_LABELS, AGENCY_KINDS, AgencyKind, type Agency, type CreateAgency, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { FormActions } from '../../../components/ui/form-actions';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Select } from '../../../components/ui/select';
import { SummaryRow } from '../../../components/ui/summary-row';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';
import { NO_RECORD, useVersionedForm, type NoRecord } from '../../../lib/use-versioned-form';
import { useCreateAgency } from '../api/create-agency';
import { useAreas } from '../api/get-areas';
import { useUpdateAgency } from '../api/update-agency';
import { areaNames, selectableAreas } from './area-names';

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

function initialValues(record: Agency | NoRecord): AgencyFormValues {
  const agency = 'id' in record ? record : undefined;
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

/**
 * Adds an agency, or changes one from the version the administrator was shown: when another
 * administrator changed it first, theirs is shown beside what was typed.
 */
export function AgencyForm({ agency, cancelTo, onSuccess }: AgencyFormProps) {
  const form = useVersionedForm<Agency | NoRecord, AgencyFormValues>(agency ?? NO_RECORD, initialValues);
  const { values, setValues } = form;
  const theirs = form.changed && 'id' in form.changed ? form.changed : null;
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
    if (agency) update.mutate({ id: agency.id, input: { ...input, version: form.version } }, callbacks);
    else create.mutate(input, callbacks);
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {theirs ? (
        <ChangedMeanwhile what="this agency" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <dl className="govuk-summary-list">
            <SummaryRow label="Name">{theirs.name}</SummaryRow>
            <SummaryRow label="Kind of agency">{AGENCY_KIND_LABELS[theirs.kind]}</SummaryRow>
            <SummaryRow label="MARAC areas">{areaNames(theirs.areaIds, areas.data)}</SummaryRow>
            <SummaryRow label="Secure e-mail address">{theirs.secureEmail ?? 'None'}</SummaryRow>
          </dl>
        </ChangedMeanwhile>
      ) : null}
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
