import { ACTION_CATEGORY_LABELS, type ActionList } from '@marac/shared';
import { Link } from 'react-router';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { TableHead } from '../../../components/ui/table-head';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { ActionDue, ActionStatusTag } from './action-status-tag';

interface ActionsTableProps {
  list: ActionList;
  hrefForPage: (page: number) => string;
  /** Coordinators and chairs see every agency's actions; a representative's are all their own agency's. */
  showAgency: boolean;
  /** Name each action's area when the user works in more than one. */
  showArea: boolean;
  empty: string;
}

const COLUMNS = ['Action', 'Case', 'Agency', 'Agreed', 'Due', 'Status'] as const;

export function ActionsTable({ list, hrefForPage, showAgency, showArea, empty }: ActionsTableProps) {
  const { items, total, limit, offset } = list;
  if (items.length === 0) return <p className="govuk-body">{empty}</p>;
  const columns = COLUMNS.filter((column) => showAgency || column !== 'Agency');
  return (
    <>
      <ResultCount total={total} limit={limit} offset={offset} noun="actions" singular="action" />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Actions</caption>
        <TableHead columns={columns} />
        <tbody className="govuk-table__body">
          {items.map((action) => (
            <tr className="govuk-table__row" key={action.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={paths.actions.detail(action.id)}>
                  {action.description}
                </Link>
                <br />
                <span className="govuk-body-s">{ACTION_CATEGORY_LABELS[action.category]}</span>
              </td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={paths.cases.actions(action.caseId)}>
                  {action.caseReference}
                </Link>
                {showArea ? (
                  <>
                    <br />
                    <span className="govuk-body-s">{action.areaName}</span>
                  </>
                ) : null}
              </td>
              {showAgency ? (
                <td className="govuk-table__cell">
                  {action.agencyName}
                  {action.ownerName ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{action.ownerName}</span>
                    </>
                  ) : null}
                </td>
              ) : null}
              <td className="govuk-table__cell">{formatDate(action.meetingDate)}</td>
              <td className="govuk-table__cell">
                <ActionDue action={action} />
              </td>
              <td className="govuk-table__cell">
                <ActionStatusTag status={action.status} />
                {action.closedOn ? (
                  <>
                    <br />
                    <span className="govuk-body-s">on {formatDate(action.closedOn)}</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="actions" />
    </>
  );
}
