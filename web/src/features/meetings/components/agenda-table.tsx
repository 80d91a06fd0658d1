import type { AgendaEntry } from '@marac/shared';
import type { ReactNode } from 'react';
import { FlagList } from '../../../components/ui/flag-list';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatDate } from '../../../lib/format';

/** "Linked with case 3", "Linked with cases 3 and 5": other cases on this agenda sharing a person. */
function linkedNote(entry: AgendaEntry, positions: ReadonlyMap<string, number>): string | null {
  const linked = entry.linkedItemIds.flatMap((id) => {
    const position = positions.get(id);
    return position === undefined ? [] : [position];
  });
  if (linked.length === 0) return null;
  const sorted = linked.sort((a, b) => a - b).map(String);
  if (sorted.length === 1) return `Linked with case ${sorted[0]}`;
  return `Linked with cases ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

/** Every referral the case is heard for: those accepted onto it since its last hearing, and any merged into them. */
function CaseReferrals({ entry }: { entry: AgendaEntry }) {
  if (entry.referrals.length === 0) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-1" aria-label={`Referrals for ${entry.caseReference}`}>
      {entry.referrals.map((referral) => (
        <li key={referral.id} className="govuk-!-margin-bottom-0">
          Referral {referral.reference}, {formatDate(referral.referralDate)}
          {referral.status === 'merged' ? ' (merged)' : ''}
          {referral.urgent ? ', urgent' : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * Agencies the meeting invited that a bar keeps from this case, each with why: the chair must not
 * expect their research, and nobody may pass the case to them.
 */
function BarredAgencies({ entry }: { entry: AgendaEntry }) {
  if (entry.barredAgencies.length === 0) return null;
  return (
    <div className="govuk-!-margin-top-2">
      <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">Do not share this case with</p>
      <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0" aria-label={`Agencies barred from ${entry.caseReference}`}>
        {entry.barredAgencies.map((barred) => (
          <li key={barred.agencyId} className="govuk-!-margin-bottom-1">
            {barred.withdrawnAt
              ? `${barred.agencyName} withdrawn on ${formatDate(barred.withdrawnAt)}: ${barred.because}`
              : `${barred.agencyName} not sent this case: ${barred.because}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The flags as the meeting was told them, and apart from them any raised since it started: what was
 * learned later must not read as if the meeting had known it.
 */
function CaseFlags({ entry }: { entry: AgendaEntry }) {
  return (
    <>
      <FlagList variant="tags" flags={entry.flags} />
      {entry.flagsSince.length > 0 ? (
        <>
          <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">Raised since this meeting started</p>
          <FlagList variant="tags" flags={entry.flagsSince} label={`Flags raised since this meeting started for ${entry.caseReference}`} />
        </>
      ) : null}
    </>
  );
}

interface AgendaTableProps {
  items: readonly AgendaEntry[];
  /** The coordinator's changes for each case; left out for a read-only agenda. */
  actions?: (entry: AgendaEntry) => ReactNode;
}

/** The cases in the order they will be heard, with what the chair needs to know about each. */
export function AgendaTable({ items, actions }: AgendaTableProps) {
  const positions = new Map(items.map((item) => [item.id, item.position]));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Cases in the order they will be heard</caption>
      <TableHead columns={['No.', 'Case', 'Victim', 'Referred', 'Flags', actions ? { label: 'Changes', hidden: true } : null]} />
      <tbody className="govuk-table__body">
        {items.map((item) => {
          const linked = linkedNote(item, positions);
          return (
            <tr className="govuk-table__row" key={item.id}>
              <td className="govuk-table__cell">
                <strong>{item.position}</strong>
                {item.slotStart ? (
                  <>
                    <br />
                    <span className="govuk-body-s">{item.slotStart}</span>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">
                <strong>{item.caseReference}</strong>
                <CaseReferrals entry={item} />
                {item.urgent || item.pinned ? (
                  <ul className="govuk-list govuk-!-margin-bottom-1 govuk-!-margin-top-1">
                    {item.urgent ? (
                      <li className="govuk-!-margin-bottom-1">
                        <Tag colour="red">Urgent</Tag>
                      </li>
                    ) : null}
                    {item.pinned ? (
                      <li className="govuk-!-margin-bottom-1">
                        <Tag colour="grey">Pinned</Tag>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
                {item.transferredFrom ? <p className="govuk-body-s govuk-!-margin-bottom-1">Transferred from {item.transferredFrom}</p> : null}
                {linked ? <p className="govuk-body-s govuk-!-margin-bottom-1">{linked}</p> : null}
                <BarredAgencies entry={item} />
              </td>
              <td className="govuk-table__cell">{item.victimName}</td>
              <td className="govuk-table__cell">{formatDate(item.referralDate)}</td>
              <td className="govuk-table__cell">
                <CaseFlags entry={item} />
              </td>
              {actions ? <td className="govuk-table__cell">{actions(item)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
