import { MAX_DELIVERY_ATTEMPTS, type OutboxMessage, type OutboxQuery } from '@marac/shared';
import { useState } from 'react';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { formatTimestamp } from '../../../lib/format';
import { useOutbox } from '../api/get-outbox';
import { OutboxNoticeConfirmation, type NoticeChange } from './outbox-notice-confirmation';
import { OutboxStatus } from './outbox-status';

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

const actionButtonId = (message: OutboxMessage, change: NoticeChange) => `outbox-${change}-${message.id}`;

/** Resending and cancelling are for a notice that has not gone, will still go, and no sender holds. */
const changeable = (message: OutboxMessage) => (message.state === 'waiting' || message.state === 'failed') && !message.sending;

/**
 * Notices to agency mailboxes, newest first. They hold no personal data, so they can be listed whole.
 * A notice not yet sent can be sent again or cancelled, after a second step.
 */
export function OutboxTable({ query, hrefForPage }: OutboxTableProps) {
  const outbox = useOutbox(query);
  const [confirming, setConfirming] = useState<{ message: OutboxMessage; change: NoticeChange } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (outbox.isPending) return <Loading label="Loading notices…" />;
  if (outbox.isError) return <QueryProblem error={outbox.error} subject="the outbox" />;

  const back = () => {
    const trigger = confirming ? document.getElementById(actionButtonId(confirming.message, confirming.change)) : null;
    setConfirming(null);
    trigger?.focus();
  };
  const changed = (message: OutboxMessage, change: NoticeChange) => {
    setConfirming(null);
    setDone(change === 'resend' ? `The notice to ${message.recipient} will be sent again at the next delivery` : `The notice to ${message.recipient} has been cancelled`);
  };
  const choose = (message: OutboxMessage, change: NoticeChange) => {
    setDone(null);
    setConfirming({ message, change });
  };

  const { items, total, limit, offset, smtpConfigured } = outbox.data;
  return (
    <>
      {done ? <NotificationBanner type="success">{done}</NotificationBanner> : null}
      {confirming ? (
        <OutboxNoticeConfirmation
          key={`${confirming.message.id}:${confirming.change}`}
          notice={confirming.message}
          change={confirming.change}
          onDone={changed}
          onCancel={back}
        />
      ) : null}
      {smtpConfigured ? (
        <p className="govuk-body">
          Notices are sent by e-mail as soon as they are queued. A failed one is tried again after a growing wait, up to {MAX_DELIVERY_ATTEMPTS} times in all; then it
          waits here for you to resend or cancel it.
        </p>
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
            <TableHead columns={['Created', 'Recipient', 'Subject', 'Status', { label: 'Attempts', numeric: true }, { label: 'Actions', hidden: true }]} />
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
                    <OutboxStatus message={message} />
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{message.attempts}</td>
                  <td className="govuk-table__cell app-table__actions">
                    {changeable(message)
                      ? (['resend', 'cancel'] as const).map((change) => (
                          <button key={change} type="button" id={actionButtonId(message, change)} className="app-link-button" onClick={() => choose(message, change)}>
                            {change === 'resend' ? 'Resend' : 'Cancel'}
                            {' '}<span className="govuk-visually-hidden">notice to {message.recipient}</span>
                          </button>
                        ))
                      : null}
                  </td>
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
