import { MAX_DELIVERY_ATTEMPTS, type OutboxMessage } from '@marac/shared';
import { Tag } from '../../../components/ui/tag';
import { formatTimestamp } from '../../../lib/format';

/** Small lines under the tag; the ones that do not apply are null. */
function Notes({ lines }: { lines: (string | null)[] }) {
  return (
    <>
      {lines.flatMap((line, index) =>
        line === null
          ? []
          : [
              <span key={index}>
                <br />
                <span className="govuk-body-s">{line}</span>
              </span>,
            ],
      )}
    </>
  );
}

/** Where a notice stands, and what happens to it next. */
export function OutboxStatus({ message }: { message: OutboxMessage }) {
  switch (message.state) {
    case 'cancelled': {
      const by = message.cancelledBy ? ` by ${message.cancelledBy.name}` : '';
      return (
        <>
          <Tag colour="grey">Not sent</Tag>
          <Notes lines={[message.cancelledAt ? `Cancelled ${formatTimestamp(message.cancelledAt)}${by}` : null, message.error]} />
        </>
      );
    }
    case 'sent':
      return (
        <>
          <Tag colour="green">Sent</Tag>
          <Notes lines={[message.sentAt ? formatTimestamp(message.sentAt) : null]} />
        </>
      );
    case 'failed':
      if (message.sending) return <Tag colour="blue">Sending</Tag>;
      return (
        <>
          <Tag colour="red">Failed</Tag>
          <Notes
            lines={[
              // No error yet no attempt left: the process sending it stopped before it could record how it went.
              message.error ?? 'The last attempt did not finish',
              message.nextAttemptAt ? `Tried again after ${formatTimestamp(message.nextAttemptAt)}` : null,
              message.attempts >= MAX_DELIVERY_ATTEMPTS ? 'Not tried again unless it is resent' : null,
            ]}
          />
        </>
      );
    case 'waiting':
      return message.sending ? <Tag colour="blue">Sending</Tag> : <Tag colour="yellow">Waiting</Tag>;
  }
}
