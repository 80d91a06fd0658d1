import { ACTION_STATUS_LABELS, type ActionHistoryEntry } from '@marac/shared';
import { Paragraphs } from '../../../components/ui/paragraphs';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { ActionStatusTag } from './action-status-tag';

/** What an entry records: a reassignment between agencies, or a status (the same one for a progress note). */
function entryTitle(entry: ActionHistoryEntry, previous: ActionHistoryEntry | undefined): string {
  if (entry.toAgencyId !== null) {
    const due = entry.dueDate ? `, due ${formatDate(entry.dueDate)}` : '';
    return `Reassigned from ${entry.fromAgencyName ?? 'another agency'} to ${entry.toAgencyName ?? 'another agency'}${due}`;
  }
  if (previous && previous.status === entry.status) return 'Progress note';
  return ACTION_STATUS_LABELS[entry.status];
}

interface ActionHistoryProps {
  history: readonly ActionHistoryEntry[];
  /** Heading level: 2 on the action's page, 3 under each action of a case. */
  level?: 2 | 3;
  headingId: string;
}

/**
 * Every update kept, newest first: what it recorded, the date it happened, who recorded it and when
 * (the platform, with no person, when it escalated an overdue action itself), and the note.
 */
export function ActionHistory({ history, level = 2, headingId }: ActionHistoryProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const newestFirst = history.map((entry, index) => ({ entry, previous: history[index - 1] })).reverse();
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <Heading className={level === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} id={headingId}>
        History
      </Heading>
      {history.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded since the meeting agreed the action.</p>
      ) : (
        <ol className="govuk-list app-timeline" aria-label="Updates, newest first">
          {newestFirst.map(({ entry, previous }) => (
            <li key={entry.id} className="app-timeline__item">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {entryTitle(entry, previous)} <ActionStatusTag status={entry.status} />
              </p>
              <p className="govuk-body-s app-timeline__meta">
                On {formatDate(entry.occurredOn)}. Recorded by {entry.updatedByName ?? 'the platform'} on {formatTimestamp(entry.updatedAt)}.
              </p>
              {entry.note ? <Paragraphs text={entry.note} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
