import type { CaseBars, RecordedCaseBar } from '@marac/shared';
import { useState } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select } from '../../../components/ui/select';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { errorFor } from '../../../lib/field-errors';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { useRecordCaseBar } from '../api/record-case-bar';
import { EMPTY_RECORD, readRecordBar, RECORD_FIELD_IDS, type RecordBarValues } from './bar-form-values';

interface RecordBarFormProps {
  bars: CaseBars;
  /** The case's area: the agencies serving it are offered. */
  areaId: string;
  onRecorded: (recorded: RecordedCaseBar) => void;
  onCancel: () => void;
}

/**
 * A coordinator records someone as unsafe to contact about the case: an agency, a person's e-mail, or
 * both, with their name and why. The shared rules are checked before sending; the server's refusals
 * (naming yourself, an agency it does not know) land on their fields, and nothing typed is lost.
 */
export function RecordBarForm({ bars, areaId, onRecorded, onCancel }: RecordBarFormProps) {
  const [values, setValues] = useState<RecordBarValues>(EMPTY_RECORD);
  // Read only once a coordinator opens the form: a chair reading the bars never needs it.
  const directory = useAgencyDirectory().data;
  const agencies = [...(directory ?? [])]
    .filter((agency) => agency.areaIds.includes(areaId))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agency) => ({ value: agency.id, label: agency.name }));
  const record = useRecordCaseBar();
  const { submit, summary, shown } = useCheckedSubmit({
    read: () => {
      const reading = readRecordBar(values);
      return { input: reading.input === null ? null : { caseId: bars.caseId, input: reading.input }, errors: reading.errors };
    },
    live: [],
    mutation: record,
    onSuccess: onRecorded,
  });

  const set = <K extends keyof RecordBarValues>(key: K, value: RecordBarValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <section className="app-confirmation" aria-labelledby="bar-record-heading">
      <StepHeading id="bar-record-heading">{`Record someone as unsafe to contact about ${bars.caseReference}`}</StepHeading>
      <p className="govuk-body">
        The bar takes effect at once. A barred agency loses its research for the case at every meeting not yet minuted and is sent nothing more about
        it; a barred e-mail address reaches nothing about the case. Coordinators and chairs of the area are told.
      </p>
      <ErrorSummary errors={summary} fieldIds={RECORD_FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id={RECORD_FIELD_IDS.name}
          label="Name"
          hint="The person who must not be contacted, or the agency when the whole agency is barred."
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={errorFor(shown, 'name')}
          autoComplete="off"
        />
        <Select
          id={RECORD_FIELD_IDS.agencyId}
          label="Agency (optional if you give an e-mail)"
          hint="Everyone at this agency is kept from the case."
          options={[{ value: '', label: 'No agency' }, ...agencies]}
          value={values.agencyId}
          onChange={(event) => set('agencyId', event.target.value)}
          error={errorFor(shown, 'agencyId')}
        />
        <TextInput
          id={RECORD_FIELD_IDS.email}
          type="email"
          label="E-mail address (optional if you choose an agency)"
          hint="Whoever uses this address is kept from the case, whichever agency they are with."
          spellCheck={false}
          autoComplete="off"
          value={values.email}
          onChange={(event) => set('email', event.target.value)}
          error={errorFor(shown, 'email')}
        />
        <Textarea
          id={RECORD_FIELD_IDS.reason}
          label="Why must they not be contacted?"
          hint="Coordinators and chairs of the area read this with the bar."
          rows={3}
          value={values.reason}
          onChange={(event) => set('reason', event.target.value)}
          error={errorFor(shown, 'reason')}
        />
        <StepActions confirm="Record the bar" pending={record.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
