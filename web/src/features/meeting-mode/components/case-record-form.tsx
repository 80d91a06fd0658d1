import { CaseRecordInput, type FieldError, type MeetingCaseView } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { SummaryRow } from '../../../components/ui/summary-row';
import { Textarea } from '../../../components/ui/textarea';
import { isApiRequestError } from '../../../lib/api-client';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { useSaveCaseRecord } from '../api/save-case-record';

type Record = MeetingCaseView['record'];

interface Values {
  harms: string;
  contributingFactors: string;
  protectiveFactors: string;
  outcome: string;
}

const FIELDS = [
  { key: 'harms', path: 'riskAnalysis.harms', label: 'Harms', hint: 'What harm is feared, to whom, and how serious and imminent it is.' },
  { key: 'contributingFactors', path: 'riskAnalysis.contributingFactors', label: 'Contributing factors', hint: 'What makes the harm more likely.' },
  { key: 'protectiveFactors', path: 'riskAnalysis.protectiveFactors', label: 'Protective factors', hint: 'What makes the harm less likely or less serious.' },
  { key: 'outcome', path: 'outcome', label: 'Outcome', hint: 'What the meeting concluded for this case.' },
] as const;

const FIELD_IDS = Object.fromEntries(FIELDS.map((field) => [field.path, `record-${field.key}`]));

// Both the case view's record and the record a save sends back carry these two; their actions differ.
const valuesOf = (record: Pick<Record, 'riskAnalysis' | 'outcome'>): Values => ({
  harms: record.riskAnalysis?.harms ?? '',
  contributingFactors: record.riskAnalysis?.contributingFactors ?? '',
  protectiveFactors: record.riskAnalysis?.protectiveFactors ?? '',
  outcome: record.outcome ?? '',
});

const same = (a: Values, b: Values) => FIELDS.every(({ key }) => a[key].trim() === b[key].trim());

/**
 * The risk analysis and outcome, recorded by the chair or coordinator. The form follows the record while
 * nothing is typed in it, so a save on another screen appears here at once. Once something is typed it
 * stays: a save from elsewhere then shows beside it, and the person chooses to take that version or keep
 * theirs over it. Their save names the revision they started from, so the server refuses (409) a save
 * over a version they have not seen.
 */
export function CaseRecordForm({ meetingId, itemId, record }: { meetingId: string; itemId: string; record: Record }) {
  const save = useSaveCaseRecord();
  // What the person is working from: the record as it stood when they started typing.
  const [base, setBase] = useState<{ revision: number; values: Values }>({ revision: record.revision, values: valuesOf(record) });
  const [values, setValues] = useState<Values>(base.values);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const typing = !same(values, base.values);

  // A newer record while nothing is typed: the form takes it (the live follow on a recorder's screen).
  if (record.revision !== base.revision && !typing) {
    setBase({ revision: record.revision, values: valuesOf(record) });
    setValues(valuesOf(record));
  }
  const newer = record.revision !== base.revision ? record : null;

  const send = (revision: number) => {
    if (save.isPending) return;
    setSaved(false);
    const parsed = CaseRecordInput.safeParse({
      revision,
      riskAnalysis: {
        harms: values.harms.trim() || null,
        contributingFactors: values.contributingFactors.trim() || null,
        protectiveFactors: values.protectiveFactors.trim() || null,
      },
      outcome: values.outcome.trim() || null,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors([]);
    save.mutate(
      { meetingId, itemId, input: parsed.data },
      {
        onSuccess: (result) => {
          const now = valuesOf(result);
          setBase({ revision: result.revision, values: now });
          setValues(now);
          setSaved(true);
        },
        onError: (error) => {
          if (isApiRequestError(error) && error.status === 409) {
            setErrors([{ field: '', message: error.message }]);
            return;
          }
          setErrors(fieldErrorsFromFailure(error));
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(base.revision);
  };

  const takeTheirs = () => {
    if (!newer) return;
    setBase({ revision: newer.revision, values: valuesOf(newer) });
    setValues(valuesOf(newer));
    setErrors([]);
  };

  return (
    <section aria-labelledby="record-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="record-heading">
        Risk analysis and outcome
      </h3>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {saved && !typing ? <NotificationBanner type="success">The risk analysis and outcome are saved.</NotificationBanner> : null}
      {newer ? (
        <div className="govuk-inset-text" aria-labelledby="newer-heading">
          <h4 className="govuk-heading-s" id="newer-heading">
            Someone else saved this case while you were typing
          </h4>
          <p className="govuk-body">Their version is below; what you typed is kept in the form. Take their version, or add what they wrote to yours and keep yours.</p>
          <dl className="govuk-summary-list">
            {FIELDS.map(({ key, label }) => (
              <SummaryRow key={key} label={label}>{valuesOf(newer)[key] || 'Nothing recorded'}</SummaryRow>
            ))}
          </dl>
          <ButtonGroup>
            <Button variant="secondary" onClick={takeTheirs}>
              Take their version
            </Button>
            <Button variant="warning" onClick={() => send(newer.revision)} aria-disabled={save.isPending}>
              Keep mine and save it over theirs
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        {FIELDS.map(({ key, path, label, hint }) => (
          <Textarea
            key={key}
            id={FIELD_IDS[path] ?? key}
            label={label}
            hint={hint}
            rows={key === 'outcome' ? 3 : 4}
            value={values[key]}
            onChange={(event) => {
              const text = event.target.value;
              setValues((current) => ({ ...current, [key]: text }));
            }}
            error={errorFor(errors, path)}
          />
        ))}
        {newer ? null : (
          <Button type="submit" aria-disabled={save.isPending}>
            Save the risk analysis and outcome
          </Button>
        )}
      </form>
    </section>
  );
}
