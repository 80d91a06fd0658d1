import { ACTION_STATUS_LABELS, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES, ReviewActionInput, type AgendaReview, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/select';
import { Tag } from '../../../components/ui/tag';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { formatDate } from '../../../lib/format';
import { useReviewAction } from '../api/review-action';

const OUTCOME_OPTIONS = [{ value: '', label: 'Choose what happened' }, ...REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: REVIEW_OUTCOME_LABELS[outcome] }))];

function ReviewRow({ meetingId, review, recording }: { meetingId: string; review: AgendaReview; recording: boolean }) {
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
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{review.caseReference}</td>
      <td className="govuk-table__cell">{review.agencyName}</td>
      <td className="govuk-table__cell">{review.description}</td>
      <td className="govuk-table__cell">
        {formatDate(review.dueDate)}
        {review.overdue ? (
          <>
            <br />
            <Tag colour="red">Overdue</Tag>
          </>
        ) : null}
      </td>
      <td className="govuk-table__cell">
        {review.outcome ? <Tag colour="green">{REVIEW_OUTCOME_LABELS[review.outcome]}</Tag> : ACTION_STATUS_LABELS[review.status]}
        {recording ? (
          <form onSubmit={submit} noValidate className="govuk-!-margin-top-2" aria-label={`Review of the action for ${review.caseReference}`}>
            {general ? <p className="govuk-error-message">{general.message}</p> : null}
            <Select id={id('outcome')} label={<>Decision{' '}<span className="govuk-visually-hidden">on the action for {review.caseReference}</span></>} options={OUTCOME_OPTIONS} value={outcome} onChange={(event) => setOutcome(event.target.value)} error={errorFor(errors, 'outcome')} />
            <TextInput id={id('note')} label={<>Note{' '}<span className="govuk-visually-hidden">on the action for {review.caseReference}</span> (optional)</>} value={note} onChange={(event) => setNote(event.target.value)} error={errorFor(errors, 'note')} />
            <Button type="submit" variant="secondary" aria-disabled={mutation.isPending}>
              {review.outcome ? 'Change the decision' : 'Record the decision'}
            </Button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Actions from earlier meetings still outstanding, each decided at the start of the meeting: completed,
 * not possible because circumstances changed, not completed by the agency, or carried forward. The
 * minutes report the reason categories; a decision can be changed until the meeting is minuted.
 */
export function ActionReviews({ meetingId, reviews, recording }: { meetingId: string; reviews: readonly AgendaReview[]; recording: boolean }) {
  const decided = reviews.filter((review) => review.outcome !== null).length;
  return (
    <section aria-labelledby="action-reviews-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="action-reviews-heading">
        Actions outstanding from earlier meetings
      </h3>
      {reviews.length === 0 ? (
        <p className="govuk-body">No actions from earlier meetings are outstanding.</p>
      ) : (
        <>
          <p className="govuk-body">
            {decided} of {reviews.length} decided.
          </p>
          <table className="govuk-table" aria-labelledby="action-reviews-heading">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Case
                </th>
                <th scope="col" className="govuk-table__header">
                  Agency
                </th>
                <th scope="col" className="govuk-table__header">
                  Action
                </th>
                <th scope="col" className="govuk-table__header">
                  Due
                </th>
                <th scope="col" className="govuk-table__header">
                  Decision
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {reviews.map((review) => (
                <ReviewRow key={review.actionId} meetingId={meetingId} review={review} recording={recording} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
