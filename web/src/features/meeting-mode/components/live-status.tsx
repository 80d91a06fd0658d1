import { Button } from '../../../components/ui/button';
import { Tag } from '../../../components/ui/tag';
import type { LiveConnection } from '../hooks/use-meeting-stream';

const WORDS: Record<LiveConnection, { colour: 'green' | 'yellow' | 'red' | 'grey'; label: string }> = {
  connecting: { colour: 'grey', label: 'Connecting' },
  live: { colour: 'green', label: 'Live' },
  reconnecting: { colour: 'yellow', label: 'Reconnecting' },
  stopped: { colour: 'red', label: 'Not following' },
};

/** Whether this screen is following the meeting, said where everyone looks, and what to do when it is not. */
export function LiveStatus({ connection, onReconnect }: { connection: LiveConnection; onReconnect: () => void }) {
  const { colour, label } = WORDS[connection];
  return (
    <div className="govuk-!-margin-bottom-4" role="status">
      <Tag colour={colour}>{label}</Tag>
      {connection === 'reconnecting' ? <p className="govuk-body govuk-!-margin-top-2">The connection dropped. This screen catches up on everything recorded meanwhile as soon as it is back.</p> : null}
      {connection === 'stopped' ? (
        <>
          <p className="govuk-body govuk-!-margin-top-2">This screen has stopped following the meeting. What is recorded now will not appear here until it follows again.</p>
          <Button variant="secondary" onClick={onReconnect}>
            Follow the meeting again
          </Button>
        </>
      ) : null}
    </div>
  );
}
