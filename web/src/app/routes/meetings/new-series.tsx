import type { CreatedMeetingSeries } from '@marac/shared';
import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { SeriesForm } from '../../../features/meetings/components/series-form';
import { flashNotice } from '../../../lib/flash-notice';
import { formatCount, formatLongDate } from '../../../lib/format';
import { CoordinatorsOnly } from '../../../features/meetings/components/coordinators-only';

/** "12 meetings added to the calendar", with the bank holidays among them for the coordinator to move. */
function seriesNotice({ meetingsCreated, onBankHolidays }: CreatedMeetingSeries): string {
  const added = `${formatCount(meetingsCreated, 'meeting')} added to the calendar`;
  if (onBankHolidays.length === 0) return added;
  const dates = onBankHolidays.map(({ date, holiday }) => `${formatLongDate(date)} (${holiday})`);
  const listed = dates.length === 1 ? dates[0] : `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}`;
  return `${added}. ${onBankHolidays.length === 1 ? 'One falls' : `${onBankHolidays.length} fall`} on a bank holiday and need${onBankHolidays.length === 1 ? 's' : ''} moving: ${listed}`;
}

export function NewSeriesRoute() {
  const me = useSession();
  const navigate = useNavigate();
  if (me.user.role !== 'coordinator') return <CoordinatorsOnly />;
  return (
    <>
      <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Set up a meeting series" caption="Meetings" />
          <p className="govuk-body">The series’ meetings for the next 26 weeks are put in the calendar, each with its deadlines.</p>
          <SeriesForm
            areas={me.areas}
            cancelTo={paths.meetings.list}
            onSuccess={(created) => void navigate(paths.meetings.list, { state: flashNotice(seriesNotice(created)) })}
          />
        </div>
      </div>
    </>
  );
}
