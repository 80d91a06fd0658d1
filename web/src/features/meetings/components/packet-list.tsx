import type { MeetingSummary } from '@marac/shared';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { paths } from '../../../config/paths';
import { formatLongDate } from '../../../lib/format';
import { agendaPdfUrl, packetPdfUrl } from '../api/meeting-pdfs';
import { usePackets } from '../api/get-packets';

/** The research packets an agency's representative may read for a published agenda, with the agenda PDF. */
export function PacketList({ meeting }: { meeting: MeetingSummary }) {
  const packets = usePackets(meeting.id);

  return (
    <section aria-labelledby="packets-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="packets-heading">
        Your research packets
      </h2>
      {packets.isPending ? (
        <Loading label="Loading your research packets…" />
      ) : packets.isError ? (
        <QueryProblem error={packets.error} subject="your research packets" />
      ) : packets.data.length === 0 ? (
        <p className="govuk-body">There are no cases for your agency to research on this agenda.</p>
      ) : (
        <>
          <p className="govuk-body">
            Search your agency’s records for the people in each case and have your research ready by{' '}
            <strong>{formatLongDate(meeting.researchDeadline)}</strong>.
          </p>
          <table className="govuk-table" aria-labelledby="packets-heading">
            <TableHead columns={['No.', 'Case', { label: 'Download', hidden: true }]} />
            <tbody className="govuk-table__body">
              {packets.data.map((packet) => (
                <tr className="govuk-table__row" key={packet.caseId}>
                  <td className="govuk-table__cell">
                    <strong>{packet.position}</strong>
                    {packet.slotStart ? (
                      <>
                        <br />
                        <span className="govuk-body-s">{packet.slotStart}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={paths.meetings.packet(meeting.id, packet.caseId)}>
                      {packet.caseReference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={packetPdfUrl(meeting.id, packet.caseId)}>
                      Download PDF <span className="govuk-visually-hidden">of the packet for {packet.caseReference}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">
            <a className="govuk-link" href={agendaPdfUrl(meeting.id)}>
              Download agenda (PDF)
            </a>{' '}
            – your agency’s cases only
          </p>
        </>
      )}
    </section>
  );
}
