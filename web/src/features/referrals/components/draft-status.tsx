import { formatTime } from '../../../lib/format';
import type { SaveStatus } from '../hooks/use-draft-autosave';

interface DraftStatusProps {
  status: SaveStatus;
  onRetry: () => void;
}

/** Where the draft stands, announced politely so typing is not interrupted. */
export function DraftStatus({ status, onRetry }: DraftStatusProps) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-!-margin-bottom-1" role="status">
        {status.state === 'idle' ? 'Your answers will be saved as a draft as you go.' : null}
        {status.state === 'saving' ? 'Saving…' : null}
        {status.state === 'saved' ? `Saved at ${formatTime(status.at)}` : null}
        {status.state === 'failed' ? 'Could not save. What you have typed is still on this page.' : null}
      </p>
      {status.state === 'failed' ? (
        <button type="button" className="app-link-button" onClick={onRetry}>
          Try saving again
        </button>
      ) : null}
    </div>
  );
}
