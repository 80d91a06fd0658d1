import { REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES, ReviewActionInput, type AgendaReview, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { useReviewAction } from '../api/review-action';

const OUTCOME_OPTIONS = [{ value: '', label: 'Choose what happened' }, ...REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: REVIEW_OUTCOME_LABELS[outcome] }))];

/**
 * The meeting's decision on an action from an earlier meeting: completed, not possible because
 * circumstances changed, not completed by the agency, or carried forward, with a note. The minutes
 * report the reason categories; a decision can be changed until the meeting is minuted.
 */
export function ReviewDecision({ meetingId, review }: { meetingId: string; review: AgendaReview }) {
  const mutation = useReviewAction();
  const [outcome, setOutcome] = useState<string>(review.outcome ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = (field: string) => `review-${review.actionId}-${field}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = ReviewActionInput.safeParse({ outcome: outcome || undefined, note: note.trim() || null });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors([]);
    mutation.mutate({ meetingId, actionId: review.actionId, review: parsed.data }, { onSuccess: () => setNote(''), onError: (error) => setErrors(fieldErrorsFromFailure(error)) });
  };
  const general = errors.find((error) => error.field === '');

  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-2" aria-label={`Review of the action for ${review.caseReference}`}>
      {general ? <p className="govuk-error-message">{general.message}</p> : null}
      <Select
        id={id('outcome')}
        label={
          <>
            Decision <span className="govuk-visually-hidden">on the action for {review.caseReference}</span>
          </>
        }
        options={OUTCOME_OPTIONS}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        error={errorFor(errors, 'outcome')}
      />
      <TextInput
        id={id('note')}
        label={
          <>
            Note <span className="govuk-visually-hidden">on the action for {review.caseReference}</span> (optional)
          </>
        }
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errorFor(errors, 'note')}
      />
      <Button type="submit" variant="secondary" aria-disabled={mutation.isPending}>
        {review.outcome ? 'Change the decision' : 'Record the decision'}
      </Button>
    </form>
  );
}
