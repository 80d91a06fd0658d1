import type { AgendaEntry } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';

interface RemovedCasesProps {
  removed: readonly AgendaEntry[];
  /** Restores a case; left out for a read-only agenda. */
  onRestore?: (entry: AgendaEntry) => void;
}

/** Cases taken off this agenda, with the reason, so a removal can be undone. */
export function RemovedCases({ removed, onRestore }: RemovedCasesProps) {
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="removed-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="removed-heading">
        Taken off the agenda
      </h2>
      <table className="govuk-table" aria-labelledby="removed-heading">
        <TableHead columns={['Case', 'Victim', 'Reason', onRestore ? { label: 'Changes', hidden: true } : null]} />
        <tbody className="govuk-table__body">
          {removed.map((entry) => (
            <tr className="govuk-table__row" key={entry.id}>
              <td className="govuk-table__cell">{entry.caseReference}</td>
              <td className="govuk-table__cell">{entry.victimName}</td>
              <td className="govuk-table__cell">{entry.removedReason ?? 'No reason recorded'}</td>
              {onRestore ? (
                <td className="govuk-table__cell app-table__actions">
                  <button type="button" className="app-link-button" onClick={() => onRestore(entry)}>
                    Restore <span className="govuk-visually-hidden">{entry.caseReference} to the agenda</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
