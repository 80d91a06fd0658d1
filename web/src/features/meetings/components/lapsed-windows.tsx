import type { RepeatWindowItem } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';
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
          <TableHead columns={['Case', 'Victim', 'Counted from', 'Lapsed on']} />
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
