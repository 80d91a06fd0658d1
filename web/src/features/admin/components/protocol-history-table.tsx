import type { ProtocolRegister } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';
import { formatDate } from '../../../lib/format';

/** Every signature recorded for the area, latest first, including agencies that no longer serve it. */
export function ProtocolHistoryTable({ register }: { register: ProtocolRegister }) {
  if (register.history.length === 0) return <p className="govuk-body">No signatures have been recorded for {register.areaName}.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Every signature recorded</caption>
      <TableHead columns={['Agency', 'Signed on', 'Signed by', 'Recorded by', 'Withdrawn on']} />
      <tbody className="govuk-table__body">
        {register.history.map((signature) => (
          <tr className="govuk-table__row" key={signature.id}>
            <td className="govuk-table__cell">{signature.agencyName}</td>
            <td className="govuk-table__cell">{formatDate(signature.signedOn)}</td>
            <td className="govuk-table__cell">{signature.signatory}</td>
            <td className="govuk-table__cell">{signature.recordedByName}</td>
            <td className="govuk-table__cell">{signature.withdrawnOn ? formatDate(signature.withdrawnOn) : 'Not withdrawn'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
