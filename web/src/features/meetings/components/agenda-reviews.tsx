import { ACTION_STATUS_LABELS, type AgendaReview } from '@marac/shared';
import { Tag } from '../../../components/ui/tag';
import { formatDate } from '../../../lib/format';

/** Open actions from the area's earlier meetings that were due by this one: reviewed before the cases. */
export function AgendaReviews({ reviews }: { reviews: readonly AgendaReview[] }) {
  return (
    <section aria-labelledby="reviews-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="reviews-heading">
        Actions to review
      </h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">No open actions from earlier meetings are due for review.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="reviews-heading">
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
                Status
              </th>
            </tr>
          </thead>
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
                <td className="govuk-table__cell">{ACTION_STATUS_LABELS[review.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
