import type { ActionHistoryEntry } from '@marac/shared';
import { Paragraphs } from '../../../components/ui/paragraphs';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { ActionStatusTag } from './action-status-tag';

/**
 * What an entry records beyond its status: a reassignment between agencies, or a progress note (the
 * status kept); null for a change of status, which its tag says.
 */
function entryTitle(entry: ActionHistoryEntry, previous: ActionHistoryEntry | undefined): string | null {
  if (entry.toAgencyId !== null) {
    const due = entry.dueDate ? `, due ${formatDate(entry.dueDate)}` : '';
    return `Reassigned from ${entry.fromAgencyName ?? 'another agency'} to ${entry.toAgencyName ?? 'another agency'}${due}`;
  }
  if (previous && previous.status === entry.status) return 'Progress note';
  return null;
}

interface ActionHistoryProps {
  history: readonly ActionHistoryEntry[];
  /** The section's heading on the action's page; left out under a case's action, whose details summary says "History". */
  headingId?: string;
}

/**
 * Every update kept, newest first: what it recorded, the date it happened, who recorded it and when
 * (the platform, with no person, when it escalated an overdue action itself), and the note.
 */
export function ActionHistory({ history, headingId }: ActionHistoryProps) {
  const newestFirst = history.map((entry, index) => ({ entry, previous: history[index - 1] })).reverse();
  const entries =
    history.length === 0 ? (
      <p className="govuk-body">Nothing has been recorded since the meeting agreed the action.</p>
    ) : (
      <ol className="govuk-list app-timeline" aria-label="Updates, newest first">
        {newestFirst.map(({ entry, previous }) => (
          <li key={entry.id} className="app-timeline__item">
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {entryTitle(entry, previous) ? <>{entryTitle(entry, previous)} </> : null}
              <ActionStatusTag status={entry.status} />
            </p>
            <p className="govuk-body-s app-timeline__meta">
              On {formatDate(entry.occurredOn)}. Recorded by {entry.updatedByName ?? 'the platform'} on {formatTimestamp(entry.updatedAt)}.
            </p>
            {entry.note ? <Paragraphs text={entry.note} /> : null}
          </li>
        ))}
      </ol>
    );
  if (headingId === undefined) return entries;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={headingId}>
        History
      </h2>
      {entries}
    </section>
  );
}
