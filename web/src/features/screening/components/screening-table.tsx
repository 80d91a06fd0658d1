import { REFERRAL_CRITERION_LABELS, type ScreeningQuery } from '@marac/shared';
import { Link } from 'react-router';
import { FlagList } from '../../../components/ui/flag-list';
import { Loading } from '../../../components/ui/loading';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { ReferralStatusTag } from '../../../components/ui/referral-status-tag';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { paths } from '../../../config/paths';
import { formatCount, formatDate } from '../../../lib/format';
import { useScreeningQueue } from '../api/get-screening-queue';

interface ScreeningTableProps {
  query: ScreeningQuery;
  hrefForPage: (page: number) => string;
  /** Name each referral's area when the user screens for more than one. */
  showArea: boolean;
}

const COLUMNS = ['Reference', 'Victim', 'Referring agency', 'Referred', 'DASH score', 'Criteria met', 'Flags', 'Status'];

export function ScreeningTable({ query, hrefForPage, showArea }: ScreeningTableProps) {
  const queue = useScreeningQueue(query);

  if (queue.isPending) return <Loading label="Loading referrals…" />;
  if (queue.isError) return <QueryProblem error={queue.error} subject="the screening queue" />;

  const { items, total, limit, offset } = queue.data;
  if (items.length === 0) return <p className="govuk-body">No referrals match these filters.</p>;

  return (
    <>
      <ResultCount total={total} limit={limit} offset={offset} noun="referrals" singular="referral" />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Referrals to screen</caption>
        <TableHead columns={COLUMNS} />
        <tbody className="govuk-table__body">
          {items.map((item) => (
            <tr className="govuk-table__row" key={item.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={paths.referrals.detail(item.id)}>
                  {item.reference}
                </Link>
                {showArea ? (
                  <>
                    <br />
                    <span className="govuk-body-s">{item.area.name}</span>
                  </>
                ) : null}
                {item.urgent ? (
                  <>
                    <br />
                    <Tag colour="red">Urgent</Tag>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">
                {item.victim.displayName}
                <br />
                <span className="govuk-body-s">
                  {item.victim.yearOfBirth === null ? 'Year of birth not known' : `Born ${item.victim.yearOfBirth}`}
                </span>
              </td>
              <td className="govuk-table__cell">{item.referringAgencyName}</td>
              <td className="govuk-table__cell">
                {formatDate(item.referralDate)}
                <br />
                <span className="govuk-body-s">{item.ageDays === 0 ? 'Today' : `${formatCount(item.ageDays, 'day')} ago`}</span>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{item.dashScore}</td>
              <td className="govuk-table__cell">
                {item.criteriaMet.length === 0 ? 'None' : item.criteriaMet.map((criterion) => REFERRAL_CRITERION_LABELS[criterion]).join(', ')}
              </td>
              <td className="govuk-table__cell">
                <FlagList variant="tags" flags={item.flags} />
              </td>
              <td className="govuk-table__cell">
                <ReferralStatusTag status={item.status}>{item.statusLabel}</ReferralStatusTag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="referrals" />
    </>
  );
}
