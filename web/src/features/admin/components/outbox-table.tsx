import type { OutboxMessage, OutboxQuery } from '@marac/shared';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatTimestamp } from '../../../lib/format';
import { useOutbox } from '../api/get-outbox';

function Status({ message }: { message: OutboxMessage }) {
  // Cancelled for good before it went: a bar on a case the notice concerns came to name the recipient.
  if (message.cancelledAt) {
    return (
      <>
        <Tag colour="grey">Not sent</Tag>
        <br />
        <span className="govuk-body-s">Cancelled {formatTimestamp(message.cancelledAt)}</span>
        {message.error ? (
          <>
            <br />
            <span className="govuk-body-s">{message.error}</span>
          </>
        ) : null}
      </>
    );
  }
  if (message.sentAt) {
    return (
      <>
        <Tag colour="green">Sent</Tag>
        <br />
        <span className="govuk-body-s">{formatTimestamp(message.sentAt)}</span>
      </>
    );
  }
  if (message.error) {
    return (
      <>
        <Tag colour="red">Failed</Tag>
        <br />
        <span className="govuk-body-s">{message.error}</span>
      </>
    );
  }
  return <Tag colour="yellow">Waiting</Tag>;
}

/** The notice as it was written, one line per line: plain text, never markup. */
function Body({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p className="govuk-body-s govuk-!-margin-bottom-0">
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </p>
  );
}

interface OutboxTableProps {
  query: OutboxQuery;
  hrefForPage: (page: number) => string;
}

/** Notices to agency mailboxes, newest first. They hold no personal data, so they can be listed whole. */
export function OutboxTable({ query, hrefForPage }: OutboxTableProps) {
  const outbox = useOutbox(query);
  if (outbox.isPending) return <Loading label="Loading notices…" />;
  if (outbox.isError) return <QueryProblem error={outbox.error} subject="the outbox" />;

  const { items, total, limit, offset, smtpConfigured } = outbox.data;
  return (
    <>
      {smtpConfigured ? (
        <p className="govuk-body">Notices are sent by e-mail as soon as they are queued; failed ones are tried again.</p>
      ) : (
        <NotificationBanner title="No mail server">
          Notices are waiting here because no SMTP server is set up. Set SMTP_HOST (and SMTP_USER and SMTP_PASSWORD if it needs them) and
          restart the platform to send them.
        </NotificationBanner>
      )}
      {items.length === 0 ? (
        <p className="govuk-body">No notices match this filter.</p>
      ) : (
        <>
          <ResultCount total={total} limit={limit} offset={offset} noun="notices" singular="notice" />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Notices, newest first</caption>
            <TableHead columns={['Created', 'Recipient', 'Subject', 'Status', { label: 'Attempts', numeric: true }]} />
            <tbody className="govuk-table__body">
              {items.map((message) => (
                <tr className="govuk-table__row" key={message.id}>
                  <td className="govuk-table__cell">
                    <time dateTime={message.createdAt}>{formatTimestamp(message.createdAt)}</time>
                  </td>
                  <td className="govuk-table__cell">{message.recipient}</td>
                  <td className="govuk-table__cell">
                    <details className="govuk-details govuk-!-margin-bottom-0">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">{message.subject}</span>
                      </summary>
                      <div className="govuk-details__text">
                        <Body text={message.body} />
                      </div>
                    </details>
                  </td>
                  <td className="govuk-table__cell">
                    <Status message={message} />
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{message.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="notices" />
        </>
      )}
    </>
  );
}
