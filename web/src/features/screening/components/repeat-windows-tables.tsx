import { REPEAT_ANCHOR_LABELS, type RepeatWindowItem, type RepeatWindowQuery } from '@marac/shared';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { paths } from '../../../config/paths';
import { formatCount, formatDate } from '../../../lib/format';
import { useRepeatWindows } from '../api/get-repeat-windows';

const whenItLapses = (daysUntilLapse: number): string => {
  if (daysUntilLapse === 0) return 'Today';
  return daysUntilLapse > 0 ? `In ${formatCount(daysUntilLapse, 'day')}` : `${formatCount(-daysUntilLapse, 'day')} ago`;
};

interface WindowTableProps {
  id: string;
  title: string;
  empty: string;
  items: readonly RepeatWindowItem[];
  /** How many there are in all: the list shows the first of them. */
  total: number;
  /** What the first shown are, for the sentence when not all are shown ("soonest to lapse"). */
  order: string;
  showArea: boolean;
}

function WindowTable({ id, title, empty, items, total, order, showArea }: WindowTableProps) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {items.length < total ? (
        <p className="govuk-body">
          {formatCount(total, 'case')} in all; the {formatCount(items.length, 'case')} {order} are shown.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <table className="govuk-table" aria-labelledby={id}>
          <TableHead columns={['Case', 'Victim', showArea ? 'Area' : null, 'Counted from', 'Window lapses']} />
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <tr className="govuk-table__row" key={item.caseId}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={paths.cases.actions(item.caseId)}>
                    {item.caseReference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{item.victimName}</td>
                {showArea ? <td className="govuk-table__cell">{item.area.name}</td> : null}
                <td className="govuk-table__cell">
                  {REPEAT_ANCHOR_LABELS[item.anchor]}
                  <br />
                  <span className="govuk-body-s">{formatDate(item.anchorDate)}</span>
                </td>
                <td className="govuk-table__cell">
                  {formatDate(item.lapsesOn)}
                  <br />
                  <span className="govuk-body-s">{whenItLapses(item.daysUntilLapse)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface RepeatWindowsTablesProps {
  query: RepeatWindowQuery;
  /** Name each case's area when the list covers more than one. */
  showArea: boolean;
}

/** Cases whose 12-month repeat window is about to lapse, and those whose window has just lapsed. */
export function RepeatWindowsTables({ query, showArea }: RepeatWindowsTablesProps) {
  const windows = useRepeatWindows(query);
  if (windows.isPending) return <Loading label="Loading repeat windows…" />;
  if (windows.isError) return <QueryProblem error={windows.error} subject="the repeat windows" />;
  const { noticeDays, today, lapsingSoon, lapsingSoonTotal, lapsedRecently, lapsedRecentlyTotal } = windows.data;
  return (
    <>
      <p className="govuk-body">
        As of {formatDate(today)}. A further incident within a case’s window makes a repeat referral, whatever its severity; after the
        window lapses it is a new referral.
      </p>
      <WindowTable
        id="lapsing-soon-heading"
        title={`Lapsing in the next ${noticeDays} days`}
        empty={`No case’s window lapses in the next ${noticeDays} days.`}
        items={lapsingSoon}
        total={lapsingSoonTotal}
        order="soonest to lapse"
        showArea={showArea}
      />
      <WindowTable
        id="lapsed-recently-heading"
        title={`Lapsed in the last ${noticeDays} days`}
        empty={`No case’s window has lapsed in the last ${noticeDays} days.`}
        items={lapsedRecently}
        total={lapsedRecentlyTotal}
        order="most recently lapsed"
        showArea={showArea}
      />
    </>
  );
}
