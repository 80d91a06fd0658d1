import { Button } from '../../../components/ui/button';
import { Tag } from '../../../components/ui/tag';
import { useOpenCase } from '../api/open-case';

export interface RunningOrderEntry {
  /** The agenda item, for those who can move the meeting to it; representatives only see where it is. */
  itemId: string | null;
  caseId: string;
  position: number;
  slotStart: string | null;
  caseReference: string;
}

interface RunningOrderProps {
  meetingId: string;
  entries: readonly RunningOrderEntry[];
  /** The case the chair has opened. */
  currentCaseId: string | null;
  /** Whether this screen moves the meeting from case to case (chair and coordinator, meeting under way). */
  recording: boolean;
}

/**
 * The cases in agenda order, with the one under discussion marked. The chair or coordinator opens a
 * case, which moves every screen following the meeting to it; "Open the next case" is the usual way.
 */
export function RunningOrder({ meetingId, entries, currentCaseId, recording }: RunningOrderProps) {
  const open = useOpenCase();
  const at = entries.findIndex((entry) => entry.caseId === currentCaseId);
  const next = entries[at + 1];
  const go = (itemId: string | null) => {
    if (itemId && !open.isPending) open.mutate({ meetingId, itemId });
  };
  return (
    <nav aria-labelledby="running-order-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="running-order-heading">
        Cases
      </h2>
      {entries.length === 0 ? <p className="govuk-body">No cases on the agenda.</p> : null}
      {recording && next?.itemId ? (
        <Button onClick={() => go(next.itemId)} aria-disabled={open.isPending}>
          {at < 0 ? `Open the first case, ${next.caseReference}` : `Open the next case, ${next.caseReference}`}
        </Button>
      ) : null}
      {open.isError ? <p className="govuk-error-message">{open.error.message}</p> : null}
      <ol className="govuk-list">
        {entries.map((entry) => {
          const current = entry.caseId === currentCaseId;
          return (
            <li key={entry.caseId} aria-current={current ? 'step' : undefined} className="govuk-!-margin-bottom-2">
              <span className={current ? 'govuk-!-font-weight-bold' : undefined}>
                {entry.position}. {entry.caseReference}
                {entry.slotStart ? ` (${entry.slotStart})` : ''}
              </span>{' '}
              {current ? (
                <Tag colour="green">Under discussion</Tag>
              ) : recording && entry.itemId ? (
                <button type="button" className="app-link-button" onClick={() => go(entry.itemId)}>
                  Open{' '}<span className="govuk-visually-hidden">{entry.caseReference}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
