import { MEETING_STATUS_LABELS, type MeetingSummary } from '@marac/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SummaryRow } from '../../../components/ui/summary-row';
import { Tag } from '../../../components/ui/tag';
import { formatDate, formatLongDate } from '../../../lib/format';
import { BankHolidayWarning } from './bank-holiday-warning';
import { KIND_COLOURS, KIND_LABELS, STATUS_COLOURS } from './meeting-labels';

function versionText(meeting: MeetingSummary): string {
  if (meeting.agendaVersion === 0) return 'Not published yet';
  return `Version ${meeting.agendaVersion}`;
}

interface MeetingDetailsProps {
  meeting: MeetingSummary;
  /** The form that moves or changes the meeting: for its coordinators, while it has not started. */
  changeTo?: string;
}

/** When and where a meeting is held, and the working-day deadlines around it. */
export function MeetingDetails({ meeting, changeTo }: MeetingDetailsProps) {
  const rows: { key: string; value: ReactNode }[] = [
    { key: 'Date', value: formatLongDate(meeting.date) },
    { key: 'Start time', value: meeting.startTime },
    { key: 'Place', value: meeting.location ?? 'No room given' },
    {
      key: 'Online',
      value: meeting.onlineLink ? (
        <a className="govuk-link" href={meeting.onlineLink} rel="noreferrer noopener" target="_blank">
          Join online (opens in a new tab)
        </a>
      ) : (
        'No online link'
      ),
    },
    {
      key: 'Kind and status',
      value: (
        <>
          <Tag colour={KIND_COLOURS[meeting.kind]}>{KIND_LABELS[meeting.kind]}</Tag>{' '}
          <Tag colour={STATUS_COLOURS[meeting.status]}>{MEETING_STATUS_LABELS[meeting.status]}</Tag>
        </>
      ),
    },
    { key: 'Agenda', value: versionText(meeting) },
    { key: 'Referral cut-off', value: formatDate(meeting.referralCutoff) },
    { key: 'Agenda circulated', value: formatDate(meeting.circulationDate) },
    { key: 'Research due', value: formatDate(meeting.researchDeadline) },
    { key: 'Minutes due', value: formatDate(meeting.minutesDueDate) },
  ];
  return (
    <>
      <BankHolidayWarning holiday={meeting.bankHoliday} moveTo={changeTo} />
      <dl className="govuk-summary-list">
        {rows.map((row) => (
          <SummaryRow key={row.key} label={row.key}>{row.value}</SummaryRow>
        ))}
      </dl>
      {changeTo ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={changeTo}>
            Change the meeting
          </Link>
        </p>
      ) : null}
    </>
  );
}
