import type { AgendaEntry } from '@marac/shared';
import type { ReactNode } from 'react';
import { FlagList } from '../../../components/ui/flag-list';
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
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            No.
          </th>
          <th scope="col" className="govuk-table__header">
            Case
          </th>
          <th scope="col" className="govuk-table__header">
            Victim
          </th>
          <th scope="col" className="govuk-table__header">
            Referred
          </th>
          <th scope="col" className="govuk-table__header">
            Flags
          </th>
          {actions ? (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Changes</span>
            </th>
          ) : null}
        </tr>
      </thead>
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
                <br />
                <span className="govuk-body-s">Referral {item.referralReference}</span>
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
                {linked ? <p className="govuk-body-s govuk-!-margin-bottom-0">{linked}</p> : null}
              </td>
              <td className="govuk-table__cell">{item.victimName}</td>
              <td className="govuk-table__cell">{formatDate(item.referralDate)}</td>
              <td className="govuk-table__cell">
                <FlagList variant="tags" flags={item.flags} />
              </td>
              {actions ? <td className="govuk-table__cell">{actions(item)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
