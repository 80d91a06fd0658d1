import { MEETING_STATUS_LABELS, MeetingStatus, type HomeSummary } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatLongDate, humanise } from '../../../lib/format';

type UpcomingMeeting = HomeSummary['upcomingMeetings'][number];

function statusLabel(status: string): string {
  const known = MeetingStatus.safeParse(status);
  return known.success ? MEETING_STATUS_LABELS[known.data] : humanise(status);
}

export function UpcomingMeetings({ meetings }: { meetings: readonly UpcomingMeeting[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Upcoming meetings</h2>
      {meetings.length === 0 ? (
        <p className="govuk-body">There are no meetings planned in your areas.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Upcoming meetings in your areas</caption>
          <TableHead columns={['Date', 'Time', 'Area', 'Status', { label: 'Cases', numeric: true }]} />
          <tbody className="govuk-table__body">
            {meetings.map((meeting) => (
              <tr className="govuk-table__row" key={meeting.id}>
                <td className="govuk-table__cell">{formatLongDate(meeting.date)}</td>
                <td className="govuk-table__cell">{meeting.startTime}</td>
                <td className="govuk-table__cell">{meeting.areaName}</td>
                <td className="govuk-table__cell">
                  <Tag colour="blue">{statusLabel(meeting.status)}</Tag>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{meeting.cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
