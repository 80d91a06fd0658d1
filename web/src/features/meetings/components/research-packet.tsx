import { PERSON_ROLE_LABELS, type ResearchPacket } from '@marac/shared';
import type { ReactNode } from 'react';
import { FlagList } from '../../../components/ui/flag-list';
import { SummaryRow } from '../../../components/ui/summary-row';
import { formatDate, formatLongDate, formatTimestamp } from '../../../lib/format';
import { packetPdfUrl } from '../api/meeting-pdfs';

type PacketPerson = ResearchPacket['people'][number];

function Rows({ rows }: { rows: readonly { key: string; value: ReactNode }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <SummaryRow key={row.key} label={row.key}>{row.value}</SummaryRow>
      ))}
    </dl>
  );
}

const listOrNone = (values: readonly string[], none: string): ReactNode =>
  values.length === 0 ? (
    <span className="govuk-hint govuk-!-margin-bottom-0">{none}</span>
  ) : (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {values.map((value) => (
        <li key={value}>{value}</li>
      ))}
    </ul>
  );

function PersonCard({ person, index }: { person: PacketPerson; index: number }) {
  const headingId = `packet-person-${index}`;
  return (
    <section className="govuk-summary-card" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {PERSON_ROLE_LABELS[person.role]}: {person.name}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <Rows
          rows={[
            { key: 'Other names', value: listOrNone(person.otherNames, 'None known') },
            { key: 'Dates of birth', value: listOrNone(person.datesOfBirth.map(formatDate), 'Not known') },
            { key: 'Address', value: person.address ?? <span className="govuk-hint govuk-!-margin-bottom-0">Not known</span> },
            { key: 'Other addresses', value: listOrNone(person.otherAddresses, 'None known') },
          ]}
        />
      </div>
    </section>
  );
}

/** What is new in this version, so a representative who researched the last one knows what to look at again. */
function PacketChanges({ packet }: { packet: ResearchPacket }) {
  if (packet.changes.length === 0) return null;
  return (
    <section aria-labelledby="packet-changes-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="packet-changes-heading">
        Changed since version {packet.version - 1}
      </h2>
      <ul className="govuk-list govuk-list--bullet">
        {packet.changes.map((change, index) => (
          <li key={index}>{change}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What an invited agency searches its records for: the people, the flags, who referred the case.
 * Never the narrative, the risk answers or contact details; the server leaves them out.
 */
export function ResearchPacketView({ packet }: { packet: ResearchPacket }) {
  return (
    <>
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--red">OFFICIAL-SENSITIVE</strong>
      </p>
      <p className="govuk-body">Use this only to research your agency’s records for the meeting. Do not copy it or pass it on.</p>
      <Rows
        rows={[
          { key: 'Meeting', value: `${packet.areaName}, ${formatLongDate(packet.meetingDate)}` },
          { key: 'Place on the agenda', value: packet.slotStart ? `Case ${packet.position}, at ${packet.slotStart}` : `Case ${packet.position}` },
          { key: 'Referred by', value: packet.referringAgencyName },
          { key: 'Research due', value: <strong>{formatLongDate(packet.researchDeadline)}</strong> },
          { key: 'Agenda version', value: `Version ${packet.version}, published ${formatTimestamp(packet.publishedAt)}` },
          {
            key: 'Flags',
            value: packet.flags.length === 0 ? <span className="govuk-hint govuk-!-margin-bottom-0">No flags</span> : <FlagList variant="tags" flags={packet.flags} />,
          },
        ]}
      />
      <PacketChanges packet={packet} />
      <h2 className="govuk-heading-m">People to search for</h2>
      {packet.people.map((person, index) => (
        <PersonCard key={`${person.role}-${index}`} person={person} index={index} />
      ))}
      <a className="govuk-button govuk-button--secondary" href={packetPdfUrl(packet.meetingId, packet.caseId)} draggable={false}>
        Download PDF
      </a>
    </>
  );
}
