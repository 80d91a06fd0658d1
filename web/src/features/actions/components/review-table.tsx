import type { ActionFigure, ActionReview, ActionReviewRow } from '@marac/shared';
import { Link } from 'react-router';
import { TableHead } from '../../../components/ui/table-head';
import { paths } from '../../../config/paths';
import { formatNumber } from '../../../lib/format';

/** What each count is, for the words a link says beyond its number. */
const FIGURES = [
  { key: 'total', heading: 'Actions', one: 'action', many: 'actions' },
  { key: 'open', heading: 'Open', one: 'open action', many: 'open actions' },
  { key: 'overdue', heading: 'Overdue', one: 'overdue action', many: 'overdue actions' },
  { key: 'completed', heading: 'Completed', one: 'completed action', many: 'completed actions' },
  { key: 'notPossible', heading: 'Not possible (circumstances changed)', one: 'action not possible because circumstances changed', many: 'actions not possible because circumstances changed' },
  { key: 'notCompleted', heading: 'Not completed (agency failed)', one: 'action the agency did not complete', many: 'actions the agency did not complete' },
] as const satisfies readonly { key: keyof ActionReviewRow; heading: string; one: string; many: string }[];

/** A count, linked to the list of the actions behind it when the server says the viewer may see them. */
function Figure({ figure, words, agencyName }: { figure: ActionFigure; words: string; agencyName: string }) {
  const value = formatNumber(figure.value);
  if (figure.filter === null) return <>{value}</>;
  return (
    <Link className="govuk-link" to={paths.actions.filtered(figure.filter)}>
      {value}{' '}
      <span className="govuk-visually-hidden">
        {words}, {agencyName}
      </span>
    </Link>
  );
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Completed out of what should be done by now (closed, or open past its due date), linked to the
 * completed actions the rate counts.
 */
function Rate({ row }: { row: ActionReviewRow }) {
  if (row.completionRate === null) return <span className="govuk-body-s">Nothing due yet</span>;
  const words = `${percent(row.completionRate)}`;
  return (
    <>
      {row.completed.filter ? (
        <Link className="govuk-link" to={paths.actions.filtered(row.completed.filter)}>
          {words}{' '}
          <span className="govuk-visually-hidden">completion rate, {row.agencyName}: the completed actions</span>
        </Link>
      ) : (
        words
      )}
      <br />
      <span className="govuk-body-s">
        {formatNumber(row.completed.value)} of {formatNumber(row.due)} due
      </span>
    </>
  );
}

/** "12 days", "1 day", "3.5 days": a median of an even count can fall between two days. */
const formatMedian = (days: number) => {
  const text = Number.isInteger(days) ? String(days) : days.toFixed(1);
  return text === '1' ? '1 day' : `${text} days`;
};

function Median({ row }: { row: ActionReviewRow }) {
  if (row.medianDaysToComplete === null) return <span className="govuk-body-s">None completed</span>;
  return <>{formatMedian(row.medianDaysToComplete)}</>;
}

function Row({ row, total }: { row: ActionReviewRow; total?: boolean }) {
  const Cell = 'td';
  return (
    <tr className={total ? 'govuk-table__row app-review-table__totals' : 'govuk-table__row'}>
      <th scope="row" className="govuk-table__header">
        {row.agencyName}
      </th>
      {FIGURES.map((figure) => (
        <Cell key={figure.key} className="govuk-table__cell govuk-table__cell--numeric">
          <Figure figure={row[figure.key]} words={row[figure.key].value === 1 ? figure.one : figure.many} agencyName={row.agencyName} />
        </Cell>
      ))}
      <Cell className="govuk-table__cell govuk-table__cell--numeric">
        <Rate row={row} />
      </Cell>
      <Cell className="govuk-table__cell govuk-table__cell--numeric">
        <Median row={row} />
      </Cell>
    </tr>
  );
}

/**
 * The figures by agency and for all agencies. A number is a link to the actions behind it (the list
 * reads the same filter the server wrote), wherever the viewer may see those actions.
 */
export function ReviewTable({ review }: { review: ActionReview }) {
  return (
    <table className="govuk-table app-review-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Actions by agency</caption>
      <TableHead
        columns={[
          'Agency',
          ...FIGURES.map((figure) => ({ label: figure.heading, numeric: true })),
          { label: 'Completion rate', numeric: true },
          { label: 'Median time to complete', numeric: true },
        ]}
      />
      <tbody className="govuk-table__body">
        {review.agencies.map((row) => (
          <Row key={row.agencyId} row={row} />
        ))}
      </tbody>
      <tfoot>
        <Row row={review.totals} total />
      </tfoot>
    </table>
  );
}

/** The area's headline figures, for all agencies: each links to the actions behind it. */
export function ReviewHeadlines({ review }: { review: ActionReview }) {
  const { totals } = review;
  const headline = (label: string, value: string, filter: ActionFigure['filter'], hint: string | null = null) => (
    <li className="app-figure" key={label}>
      <h2 className="app-figure__label">{filter ? <Link className="govuk-link" to={paths.actions.filtered(filter)}>{label}</Link> : label}</h2>
      <span className="app-figure__value">{value}</span>
      {hint ? <p className="app-figure__hint">{hint}</p> : null}
    </li>
  );
  return (
    <ul className="app-figures" aria-label="All agencies">
      {headline(
        'Completion rate',
        totals.completionRate === null ? '—' : percent(totals.completionRate),
        totals.completed.filter,
        totals.completionRate === null ? 'Nothing is due yet' : `${formatNumber(totals.completed.value)} completed of ${formatNumber(totals.due)} due`,
      )}
      {headline('Overdue', formatNumber(totals.overdue.value), totals.overdue.filter, 'Open past their due date')}
      {headline('Not possible', formatNumber(totals.notPossible.value), totals.notPossible.filter, 'Circumstances changed')}
      {headline('Not completed', formatNumber(totals.notCompleted.value), totals.notCompleted.filter, 'The agency did not do it')}
      {headline(
        'Median time to complete',
        totals.medianDaysToComplete === null ? '—' : `${formatMedian(totals.medianDaysToComplete)}`,
        totals.completed.filter,
        'Calendar days from the meeting to completion',
      )}
    </ul>
  );
}
