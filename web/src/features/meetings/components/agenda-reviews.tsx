import { ACTION_STATUS_LABELS, REVIEW_OUTCOME_LABELS, type AgendaReview } from '@marac/shared';
import type { ReactNode } from 'react';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatDate } from '../../../lib/format';

interface AgendaReviewsProps {
  reviews: readonly AgendaReview[];
  title?: string;
  /**
   * What the meeting decides about one action, under its status: the meeting-mode form while the
   * meeting is under way. Left out where the reviews are only read (the agenda before the meeting).
   */
  decide?: (review: AgendaReview) => ReactNode;
}

/**
 * Open actions from the area's earlier meetings, reviewed before the cases: each with the meeting's
 * decision once taken (completed, not possible, not completed by the agency, carried forward).
 */
export function AgendaReviews({ reviews, title = 'Actions to review', decide }: AgendaReviewsProps) {
  const decided = reviews.filter((review) => review.outcome !== null).length;
  return (
    <section aria-labelledby="reviews-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="reviews-heading">
        {title}
      </h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">No open actions from earlier meetings are due for review.</p>
      ) : (
        <>
          {decide ? (
            <p className="govuk-body">
              {decided} of {reviews.length} decided.
            </p>
          ) : null}
          <table className="govuk-table" aria-labelledby="reviews-heading">
            <TableHead columns={['Case', 'Agency', 'Action', 'Due', decide ? 'Decision' : 'Status']} />
            <tbody className="govuk-table__body">
              {reviews.map((review) => (
                <tr className="govuk-table__row" key={review.actionId}>
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
                    {decide?.(review)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
