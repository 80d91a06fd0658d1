import type { HeldBack } from '@marac/shared';
import { Paragraphs, TextOrNone } from './paragraphs';
import { TableHead } from './table-head';
import { WarningText } from './warning-text';

interface HeldBackSectionProps {
  /** Said the way the page where it is read needs it (before the meeting, at the meeting). */
  heading: string;
  /** Who sees it and what never to do with it, in the same terms. */
  warning: string;
  entries: readonly (HeldBack & { caseReference?: string })[];
  /** The entries are about several cases, so each row names its case. */
  byCase?: boolean;
  /** Said when nothing is held back; without it the section is left out altogether. */
  none?: string;
}

/**
 * What agencies hold about a case but will not share, and why (a live investigation, say): for the
 * chair and coordinator to weigh. The research grid shows it for the whole agenda and meeting mode for
 * the case under discussion; the server sends it to them alone, and it never reaches packets or minutes.
 */
export function HeldBackSection({ heading, warning, entries, byCase = false, none }: HeldBackSectionProps) {
  if (entries.length === 0 && none === undefined) return null;
  return (
    <section aria-labelledby="held-back-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="held-back-heading">
        {heading}
      </h3>
      <WarningText>{warning}</WarningText>
      {entries.length === 0 ? (
        <p className="govuk-body">{none}</p>
      ) : (
        <table className="govuk-table govuk-table--small-text-until-tablet" aria-labelledby="held-back-heading">
          <TableHead columns={[byCase && 'Case', 'Agency', 'What it holds back', 'Why']} />
          <tbody className="govuk-table__body">
            {entries.map((entry, index) => (
              <tr className="govuk-table__row" key={index}>
                {byCase ? <td className="govuk-table__cell">{entry.caseReference}</td> : null}
                <td className="govuk-table__cell">{entry.agencyName}</td>
                <td className="govuk-table__cell">
                  <Paragraphs text={entry.withheld} />
                </td>
                <td className="govuk-table__cell">
                  <TextOrNone text={entry.reason} none="No reason given" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
