import type { AuditQuery } from '@marac/shared';
import { Loading } from '../../../components/ui/loading';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { formatTimestampWithSeconds } from '../../../lib/format';
import { useAuditEvents } from '../api/get-audit-events';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './audit-labels';

interface AuditTableProps {
  query: AuditQuery;
  hrefForPage: (page: number) => string;
}

export function AuditTable({ query, hrefForPage }: AuditTableProps) {
  const events = useAuditEvents(query);
  if (events.isPending) return <Loading label="Loading the audit log…" />;
  if (events.isError) return <QueryProblem error={events.error} subject="the audit log" />;

  const { items, total, limit, offset } = events.data;
  if (items.length === 0) return <p className="govuk-body">No events match these filters.</p>;

  return (
    <>
      <ResultCount total={total} limit={limit} offset={offset} noun="events" singular="event" />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Audit events, newest first</caption>
        <TableHead columns={['Time', 'User', 'Action', 'Record', 'Record id', 'Network address']} />
        <tbody className="govuk-table__body">
          {items.map((event) => (
            <tr className="govuk-table__row" key={event.id}>
              <td className="govuk-table__cell">
                <time dateTime={event.at}>{formatTimestampWithSeconds(event.at)}</time>
              </td>
              <td className="govuk-table__cell">{event.userEmail ?? 'Unknown'}</td>
              <td className="govuk-table__cell">{AUDIT_ACTION_LABELS[event.action]}</td>
              <td className="govuk-table__cell">{AUDIT_ENTITY_LABELS[event.entityType]}</td>
              <td className="govuk-table__cell app-table__id">{event.entityId ?? '—'}</td>
              <td className="govuk-table__cell">{event.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="events" />
    </>
  );
}
