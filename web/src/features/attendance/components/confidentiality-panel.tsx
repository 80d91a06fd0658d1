import { SignStatement, type ConfidentialityStatus, type FieldError, type MeetingSummary } from '@marac/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { isApiRequestError } from '../../../lib/api-client';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { useConfidentiality } from '../api/get-confidentiality';
import { useSignStatement } from '../api/sign-statement';
import { isSigning, signedWhen } from './attendance-rules';

const HEADING = 'confidentiality-heading';
const ACCEPTED = 'confidentiality-accepted';
const FIELD_IDS = { accepted: ACCEPTED } as const;

const CHANGED = 'The statement has changed since you opened it. Read it again, then sign it.';
const NOT_RECORDED = 'You are not recorded as attending this meeting. Ask the coordinator to record you as attending, then sign the statement.';
const NOT_RECORDED_YOURSELF = 'You are not recorded as attending this meeting. Record yourself as attending with “Add myself” under Attendance, then sign the statement.';

interface ConfidentialityPanelProps {
  meeting: MeetingSummary;
  /** The reader records attendance themselves (a coordinator), so is told to add themselves rather than ask. */
  selfRecording?: boolean;
}

/**
 * The confidentiality statement for the signed-in user, signed on their own account, while the
 * meeting is about to start or under way. Anyone recorded as attending or observing signs it; the
 * server refuses anyone else (409), which the panel turns into what to do about it.
 */
export function ConfidentialityPanel({ meeting, selfRecording = false }: ConfidentialityPanelProps) {
  const signing = isSigning(meeting.status);
  const status = useConfidentiality(meeting.id, signing);
  if (!signing) return null;
  return (
    <section aria-labelledby={HEADING} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={HEADING} tabIndex={-1}>
        Confidentiality statement
      </h2>
      {status.isPending ? (
        <Loading label="Loading the confidentiality statement…" />
      ) : status.isError ? (
        <QueryProblem error={status.error} subject="the confidentiality statement" />
      ) : status.data.signedAt ? (
        <Signed status={status.data} signedAt={status.data.signedAt} />
      ) : (
        <SignForm meetingId={meeting.id} status={status.data} selfRecording={selfRecording} />
      )}
    </section>
  );
}

function Paragraphs({ statement }: { statement: readonly string[] }) {
  return (
    <div className="govuk-inset-text">
      {statement.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
    </div>
  );
}

function Signed({ status, signedAt }: { status: ConfidentialityStatus; signedAt: string }) {
  return (
    <>
      <p className="govuk-body">You signed the confidentiality statement at {signedWhen(signedAt)}.</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Read the statement again</span>
        </summary>
        <div className="govuk-details__text">
          <Paragraphs statement={status.statement} />
        </div>
      </details>
    </>
  );
}

function SignForm({ meetingId, status, selfRecording }: { meetingId: string; status: ConfidentialityStatus; selfRecording: boolean }) {
  const [accepted, setAccepted] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // The version a signature was refused for (409): whether the statement read again differs says why.
  const [refusedVersion, setRefusedVersion] = useState<string | null>(null);
  const sign = useSignStatement();

  const summary = useMemo<FieldError[]>(() => {
    if (refusedVersion === null) return errors;
    const message = refusedVersion !== status.statementVersion ? CHANGED : selfRecording ? NOT_RECORDED_YOURSELF : NOT_RECORDED;
    return [{ field: '', message }];
  }, [errors, refusedVersion, status.statementVersion, selfRecording]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sign.isPending) return;
    setRefusedVersion(null);
    const parsed = SignStatement.safeParse({ statementVersion: status.statementVersion, accepted });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors([]);
    sign.mutate(
      { meetingId, signature: parsed.data },
      {
        // The form goes with the signature: the heading takes focus, followed by when it was signed.
        onSuccess: () => document.getElementById(HEADING)?.focus(),
        onError: (error) => {
          if (isApiRequestError(error) && error.status === 409) setRefusedVersion(parsed.data.statementVersion);
          else setErrors(fieldErrorsFromFailure(error));
        },
      },
    );
  };

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={FIELD_IDS} />
      <p className="govuk-body">Everyone attending or observing signs this statement on their own account before any case is discussed.</p>
      <Paragraphs statement={status.statement} />
      <form onSubmit={submit} noValidate>
        <Checkboxes
          idPrefix={ACCEPTED}
          name="accepted"
          legend="Declaration"
          items={[{ value: 'accepted', label: 'I have read this statement and accept it' }]}
          values={accepted ? ['accepted'] : []}
          onChange={(values) => setAccepted(values.includes('accepted'))}
          error={errorFor(errors, 'accepted')}
        />
        <Button type="submit" aria-disabled={sign.isPending}>
          Sign the statement
        </Button>
      </form>
    </>
  );
}
