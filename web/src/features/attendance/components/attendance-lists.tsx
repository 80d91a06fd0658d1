import { ATTENDANCE_KIND_LABELS, ATTENDANCE_KINDS, type AttendanceEntry } from '@marac/shared';
import type { ReactNode } from 'react';
import { TableHead } from '../../../components/ui/table-head';
import { signedWhen } from './attendance-rules';

type Kind = AttendanceEntry['kind'];

const NOBODY: Record<Kind, string> = {
  attendee: 'No one is recorded as attending yet.',
  apology: 'No apologies are recorded.',
  observer: 'No one is recorded as observing.',
};

/** The Remove button of an entry: Cancel gives it the focus back. */
export const removeTriggerId = (entry: AttendanceEntry) => `attendance-remove-${entry.id}`;

/** Whether and when someone signed the statement; only someone with an account can sign it here. */
function statementWords(entry: AttendanceEntry): string {
  if (entry.signedAt) return `Signed at ${signedWhen(entry.signedAt)}`;
  return entry.userId === null ? 'No account on the platform, so not signed here' : 'Not signed yet';
}

interface AttendanceListsProps {
  entries: readonly AttendanceEntry[];
  /** Opens the removal of an entry; left out when the attendance is read only. */
  onRemove?: ((entry: AttendanceEntry) => void) | undefined;
  /** Shown under one kind's list (the confirmation of a removal from it). */
  after?: (kind: Kind) => ReactNode;
}

/**
 * Attending, Apologies and Observing, each with the agency. Apologies say whether the agency sent its
 * information instead; the others whether and when each person signed the confidentiality statement.
 */
export function AttendanceLists({ entries, onRemove, after }: AttendanceListsProps) {
  return (
    <>
      {ATTENDANCE_KINDS.map((kind) => (
        <KindList key={kind} kind={kind} entries={entries.filter((entry) => entry.kind === kind)} onRemove={onRemove}>
          {after?.(kind)}
        </KindList>
      ))}
    </>
  );
}

interface KindListProps {
  kind: Kind;
  entries: readonly AttendanceEntry[];
  onRemove?: ((entry: AttendanceEntry) => void) | undefined;
  children?: ReactNode;
}

function KindList({ kind, entries, onRemove, children }: KindListProps) {
  const headingId = `attendance-${kind}-heading`;
  return (
    <>
      <h3 className="govuk-heading-s" id={headingId}>
        {ATTENDANCE_KIND_LABELS[kind]}
      </h3>
      {entries.length === 0 ? (
        <p className="govuk-body">{NOBODY[kind]}</p>
      ) : (
        <table className="govuk-table" aria-labelledby={headingId}>
          <TableHead
            columns={['Name', 'Agency', kind === 'apology' ? 'Information sent instead' : 'Confidentiality statement', onRemove ? { label: 'Change', hidden: true } : null]}
          />
          <tbody className="govuk-table__body">
            {entries.map((entry) => (
              <tr className="govuk-table__row" key={entry.id}>
                <td className="govuk-table__cell">{entry.name}</td>
                <td className="govuk-table__cell">{entry.agencyName ?? 'None'}</td>
                <td className="govuk-table__cell">{kind === 'apology' ? (entry.informationSent ? 'Yes' : 'No') : statementWords(entry)}</td>
                {onRemove ? (
                  <td className="govuk-table__cell">
                    <button type="button" id={removeTriggerId(entry)} className="app-link-button" onClick={() => onRemove(entry)}>
                      Remove{' '}
                      <span className="govuk-visually-hidden">
                        {entry.name} from {ATTENDANCE_KIND_LABELS[kind]}
                      </span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </>
  );
}
