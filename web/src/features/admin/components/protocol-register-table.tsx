import { AGENCY_KIND_LABELS, PROTOCOL_STATUS_LABELS, type ProtocolRegister, type ProtocolRegisterRow, type ProtocolStatus } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';
import { Tag, type TagColour } from '../../../components/ui/tag';
import { formatDate } from '../../../lib/format';

const STATUS_COLOURS: Record<ProtocolStatus, TagColour> = { signed: 'green', withdrawn: 'orange', not_signed: 'grey' };

export const withdrawButtonId = (row: ProtocolRegisterRow) => `protocol-withdraw-${row.agencyId}`;

interface ProtocolRegisterTableProps {
  register: ProtocolRegister;
  onWithdraw: (row: ProtocolRegisterRow) => void;
}

/** Each agency serving the area and where it stands; a withdrawn agency shows the signature it withdrew. */
export function ProtocolRegisterTable({ register, onWithdraw }: ProtocolRegisterTableProps) {
  if (register.agencies.length === 0) {
    return <p className="govuk-body">No agencies serve {register.areaName} yet. Add the area to an agency to record its signature here.</p>;
  }
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Agencies serving {register.areaName}</caption>
      <TableHead columns={['Agency', 'Status', 'Signed on', 'Signed by', 'Recorded by', 'Withdrawn on', { label: 'Actions', hidden: true }]} />
      <tbody className="govuk-table__body">
        {register.agencies.map((row) => (
          <tr className="govuk-table__row" key={row.agencyId}>
            <td className="govuk-table__cell">
              <strong>{row.agencyName}</strong>
              <br />
              <span className="govuk-body-s">{AGENCY_KIND_LABELS[row.agencyKind]}</span>
              {row.agencyDisabled ? (
                <>
                  <br />
                  <Tag colour="grey">Agency disabled</Tag>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              <Tag colour={STATUS_COLOURS[row.status]}>{PROTOCOL_STATUS_LABELS[row.status]}</Tag>
            </td>
            {row.signature ? (
              <>
                <td className="govuk-table__cell">{formatDate(row.signature.signedOn)}</td>
                <td className="govuk-table__cell">{row.signature.signatory}</td>
                <td className="govuk-table__cell">{row.signature.recordedByName}</td>
                <td className="govuk-table__cell">{row.signature.withdrawnOn ? formatDate(row.signature.withdrawnOn) : 'Not withdrawn'}</td>
              </>
            ) : (
              <td className="govuk-table__cell" colSpan={4}>
                No signature recorded
              </td>
            )}
            <td className="govuk-table__cell app-table__actions">
              {row.status === 'signed' ? (
                <button type="button" id={withdrawButtonId(row)} className="app-link-button" onClick={() => onWithdraw(row)}>
                  Withdraw{' '}<span className="govuk-visually-hidden">{row.agencyName}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
