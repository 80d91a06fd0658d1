import { MEETING_STATUS_LABELS, type MeetingQuery } from '@marac/shared';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { paths } from '../../../config/paths';
import { formatCount, formatDate, formatLongDate } from '../../../lib/format';
import { useMeetings } from '../api/get-meetings';
import { BankHolidayWarning } from './bank-holiday-warning';
import { KIND_COLOURS, KIND_LABELS, STATUS_COLOURS } from './meeting-labels';
import { isOpenForChanges } from './meeting-status';

interface MeetingsTableProps {
  query: MeetingQuery;
  /** Name each meeting's area when the list covers more than one. */
  showArea: boolean;
  /** What to say when no meeting is in range: a representative only sees published agendas. */
  empty: string;
  /** A coordinator is offered to move a meeting that falls on a bank holiday. */
  coordinator: boolean;
}

export function MeetingsTable({ query, showArea, empty, coordinator }: MeetingsTableProps) {
  const meetings = useMeetings(query);

  if (meetings.isPending) return <Loading label="Loading meetings…" />;
  if (meetings.isError) return <QueryProblem error={meetings.error} subject="the meetings" />;
  if (meetings.data.length === 0) return <p className="govuk-body">{empty}</p>;

  return (
    <>
      <p className="govuk-body" role="status">
        Showing {formatCount(meetings.data.length, 'meeting')}
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Meetings, soonest first</caption>
        <TableHead columns={['Date', 'Time', showArea ? 'Area' : null, 'Kind', 'Status', { label: 'Cases', numeric: true }, 'Referral cut-off', 'Research due']} />
        <tbody className="govuk-table__body">
          {meetings.data.map((meeting) => (
            <tr className="govuk-table__row" key={meeting.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={paths.meetings.detail(meeting.id)}>
                  {formatLongDate(meeting.date)}
                </Link>
                <BankHolidayWarning
                  holiday={meeting.bankHoliday}
                  moveTo={coordinator && isOpenForChanges(meeting.status) ? paths.meetings.edit(meeting.id) : undefined}
                  meetingName={formatLongDate(meeting.date)}
                />
              </td>
              <td className="govuk-table__cell">{meeting.startTime}</td>
              {showArea ? <td className="govuk-table__cell">{meeting.areaName}</td> : null}
              <td className="govuk-table__cell">
                <Tag colour={KIND_COLOURS[meeting.kind]}>{KIND_LABELS[meeting.kind]}</Tag>
              </td>
              <td className="govuk-table__cell">
                <Tag colour={STATUS_COLOURS[meeting.status]}>{MEETING_STATUS_LABELS[meeting.status]}</Tag>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {meeting.listedCount} of {meeting.capacity}
              </td>
              <td className="govuk-table__cell">{formatDate(meeting.referralCutoff)}</td>
              <td className="govuk-table__cell">{formatDate(meeting.researchDeadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
