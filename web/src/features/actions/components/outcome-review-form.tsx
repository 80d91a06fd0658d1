import { CaseOutcomeReviewInput, isClosedActionStatus, type CaseActions, type FieldError } from '@marac/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { StepActions } from '../../../components/ui/step';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { formatCount, formatLongDate } from '../../../lib/format';
import { useRecordOutcomeReview } from '../api/record-outcome-review';

const FIELD_IDS = {
  outcome: 'review-outcome',
  closeInvolvement: 'review-close',
} as const;

const SUBMIT = 'review-submit';

const openActions = (view: CaseActions) => view.actions.filter((action) => !isClosedActionStatus(action.status)).length;

/** What closing means, said before it is done: the repeat window is not closed with the case. */
function RepeatWindowWords({ view }: { view: CaseActions }) {
  const { lastReferralDate, lastHearingDate } = view.case;
  return (
    <p className="govuk-body">
      Closing ends the MARAC’s involvement in case {view.case.reference}: its actions can no longer be changed. The 12-month repeat window keeps running from
      the last referral ({formatLongDate(lastReferralDate)}){lastHearingDate ? ` or hearing (${formatLongDate(lastHearingDate)}), as the area counts it` : ''}: a
      further incident in that time is still a repeat referral, and a new referral for the victim reopens this case.
    </p>
  );
}

interface OutcomeReviewFormProps {
  view: CaseActions;
  onRecorded: (view: CaseActions, closed: boolean) => void;
}

/**
 * The chair's review of the case's outcome. Closing the MARAC involvement is offered once every action
 * is closed (the server's `canClose`), and is confirmed in a second step that says the repeat window
 * keeps running. A refusal keeps everything typed.
 */
export function OutcomeReviewForm({ view, onRecorded }: OutcomeReviewFormProps) {
  const [outcome, setOutcome] = useState('');
  const [close, setClose] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const record = useRecordOutcomeReview();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // Cancel gives the focus back to the submit button, once it is drawn again.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      document.getElementById(SUBMIT)?.focus();
    }
  }, [confirming]);

  const read = (): CaseOutcomeReviewInput | null => {
    const parsed = CaseOutcomeReviewInput.safeParse({ outcome, closeInvolvement: close && view.canClose });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return null;
    }
    setErrors([]);
    return parsed.data;
  };

  const send = (input: CaseOutcomeReviewInput) => {
    if (record.isPending) return;
    record.mutate(
      { caseId: view.case.id, input },
      {
        onSuccess: (next) => {
          setOutcome('');
          setClose(false);
          setConfirming(false);
          onRecorded(next, input.closeInvolvement);
        },
        onError: (error) => {
          setConfirming(false);
          setErrors(fieldErrorsFromFailure(error));
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const input = read();
    if (input === null) return;
    // Closing is a second step, like every command that cannot be taken back.
    if (input.closeInvolvement) setConfirming(true);
    else send(input);
  };

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  const open = openActions(view);
  return (
    <section aria-labelledby="outcome-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="outcome-heading">
        Record the outcome of the review
      </h2>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Textarea
          id={FIELD_IDS.outcome}
          name="outcome"
          label="Outcome"
          hint="What the actions achieved for the victim’s safety, and what happens next."
          rows={6}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
          error={errorFor(errors, 'outcome')}
        />
        {view.case.status !== 'open' ? null : view.canClose ? (
          <Checkboxes
            idPrefix={FIELD_IDS.closeInvolvement}
            name="closeInvolvement"
            legend="MARAC involvement"
            items={[{ value: 'close', label: 'Close the case’s MARAC involvement', hint: 'Every action is closed. The 12-month repeat window keeps running.' }]}
            values={close ? ['close'] : []}
            onChange={(values) => setClose(values.includes('close'))}
            error={errorFor(errors, 'closeInvolvement')}
            small
          />
        ) : (
          <p className="govuk-body">
            The case’s MARAC involvement can be closed once every action is completed, not possible or not completed
            {open > 0 ? `: ${formatCount(open, 'action is', 'actions are')} still open` : ''}.
          </p>
        )}
        {confirming ? (
          <section className="app-confirmation" aria-labelledby="close-confirm-heading">
            <h3 className="govuk-heading-m app-confirmation__heading" id="close-confirm-heading" tabIndex={-1} ref={confirmHeading}>
              Close the MARAC involvement in {view.case.reference}?
            </h3>
            <RepeatWindowWords view={view} />
            <StepActions
              confirm="Yes, record the outcome and close the case"
              variant="warning"
              pending={record.isPending}
              onConfirm={() => {
                const input = read();
                if (input) send(input);
              }}
              onCancel={cancel}
            />
          </section>
        ) : (
          <ButtonGroup>
            <Button id={SUBMIT} type="submit" aria-disabled={record.isPending}>
              Record the outcome
            </Button>
          </ButtonGroup>
        )}
      </form>
    </section>
  );
}
