import { RecordProtocolSignature, compareIsoDates, type FieldError, type ProtocolRegister } from '@marac/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromZod } from '../../../lib/field-errors';
import { todayInLondon } from '../../../lib/today';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { useRecordProtocolSignature } from '../api/record-protocol-signature';

export const SIGNATURE_FIELD_IDS = {
  agencyId: 'protocol-agency',
  signedOn: 'protocol-signed-on-day',
  signatory: 'protocol-signatory',
} as const;

interface Values {
  agencyId: string;
  signedOn: DateParts;
  signatory: string;
}

const EMPTY: Values = { agencyId: '', signedOn: emptyDate, signatory: '' };
const FIELD_ORDER: readonly string[] = Object.keys(SIGNATURE_FIELD_IDS);

/** The signature as the API takes it, or what is wrong with what was typed, in the order it is asked. */
function readSignature(values: Values): { input: RecordProtocolSignature | null; errors: FieldError[] } {
  const problems: FieldError[] = [];
  const date = readDate(values.signedOn);
  if (date.kind === 'empty') problems.push({ field: 'signedOn', message: 'Enter the date the protocol was signed' });
  if (date.kind === 'invalid') problems.push({ field: 'signedOn', message: 'The date signed must be a real date, like 27 3 2026' });
  // The server's rule, checked here too so the person hears it before sending.
  if (date.kind === 'date' && compareIsoDates(date.isoDate, todayInLondon()) > 0) problems.push({ field: 'signedOn', message: 'The date signed must be today or in the past' });
  const parsed = RecordProtocolSignature.safeParse({ agencyId: values.agencyId, signedOn: date.kind === 'date' ? date.isoDate : '', signatory: values.signatory });
  if (!parsed.success) problems.push(...fieldErrorsFromZod(parsed.error).filter((problem) => problem.field !== 'signedOn'));
  problems.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return parsed.success && problems.length === 0 ? { input: parsed.data, errors: [] } : { input: null, errors: problems };
}

interface RecordSignatureFormProps {
  register: ProtocolRegister;
  /** Told the new register and the agency's name; the page gives the form a new key to empty it. */
  onRecorded: (register: ProtocolRegister, agencyName: string) => void;
}

/**
 * Records that an agency serving the area signed its protocol. Only agencies without a current
 * signature are offered, and disabled agencies are not; the server checks the same, and its refusal
 * comes back on the field with everything typed kept.
 */
export function RecordSignatureForm({ register, onRecorded }: RecordSignatureFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const record = useRecordProtocolSignature(register.areaId);
  const choices = register.agencies.filter((agency) => agency.status !== 'signed' && !agency.agencyDisabled);
  const { submit, summary, shown } = useCheckedSubmit({
    read: () => readSignature(values),
    live: [],
    mutation: record,
    onSuccess: (updated) => onRecorded(updated, choices.find((agency) => agency.agencyId === values.agencyId)?.agencyName ?? 'The agency'),
  });
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  if (choices.length === 0) {
    return <p className="govuk-body">Every agency serving {register.areaName} has signed the protocol.</p>;
  }

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={SIGNATURE_FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Select
          id={SIGNATURE_FIELD_IDS.agencyId}
          name="agencyId"
          label="Agency"
          hint="Agencies serving the area that have not signed, or have withdrawn"
          options={[{ value: '', label: 'Choose an agency' }, ...choices.map((agency) => ({ value: agency.agencyId, label: agency.agencyName }))]}
          value={values.agencyId}
          onChange={(event) => set({ agencyId: event.target.value })}
          error={errorFor(shown, 'agencyId')}
        />
        <DateInput
          idPrefix="protocol-signed-on"
          legend="Date signed"
          hint="As on the signed copy, for example 27 3 2026"
          value={values.signedOn}
          onChange={(signedOn) => set({ signedOn })}
          error={errorFor(shown, 'signedOn')}
        />
        <TextInput
          id={SIGNATURE_FIELD_IDS.signatory}
          name="signatory"
          label="Signed by"
          hint="The name and role of the person who signed for the agency, for example Sam Patel, Head of Safeguarding"
          autoComplete="off"
          value={values.signatory}
          onChange={(event) => set({ signatory: event.target.value })}
          error={errorFor(shown, 'signatory')}
        />
        <Button type="submit" aria-disabled={record.isPending}>
          Record the signature
        </Button>
      </form>
    </>
  );
}
