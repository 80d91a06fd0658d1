import type { RepeatWindowItem } from '@marac/shared';
import { formatDate } from '../../../lib/format';

/** Cases whose 12-month repeat window lapsed since the area's previous meeting: a further incident is now a new referral. */
export function LapsedWindows({ windows }: { windows: readonly RepeatWindowItem[] }) {
  return (
    <section aria-labelledby="lapsed-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="lapsed-heading">
        12-month windows lapsed since the last meeting
      </h2>
      {windows.length === 0 ? (
        <p className="govuk-body">No case’s 12-month window has lapsed since the last meeting.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="lapsed-heading">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Case
              </th>
              <th scope="col" className="govuk-table__header">
                Victim
              </th>
              <th scope="col" className="govuk-table__header">
                Counted from
              </th>
              <th scope="col" className="govuk-table__header">
                Lapsed on
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {windows.map((window) => (
              <tr className="govuk-table__row" key={window.caseId}>
                <td className="govuk-table__cell">{window.caseReference}</td>
                <td className="govuk-table__cell">{window.victimName}</td>
                <td className="govuk-table__cell">{formatDate(window.anchorDate)}</td>
                <td className="govuk-table__cell">{formatDate(window.lapsesOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
