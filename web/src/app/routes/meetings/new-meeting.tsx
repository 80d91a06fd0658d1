import type { MeetingSummary } from '@marac/shared';
import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { MeetingForm } from '../../../features/meetings/components/meeting-form';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { flashNotice } from '../../../lib/flash-notice';
import { formatLongDate } from '../../../lib/format';
import { CoordinatorsOnly } from '../../../features/meetings/components/coordinators-only';

const arranged = (meeting: MeetingSummary) => `${KIND_TITLES[meeting.kind]} arranged for ${formatLongDate(meeting.date)} at ${meeting.startTime}`;

export function NewMeetingRoute() {
  const me = useSession();
  const navigate = useNavigate();
  if (me.user.role !== 'coordinator') return <CoordinatorsOnly />;
  return (
    <>
      <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Arrange a one-off or emergency meeting" caption="Meetings" />
          <MeetingForm
            areas={me.areas}
            cancelTo={paths.meetings.list}
            // The meeting's own page is where its agenda is built next.
            onSuccess={(meeting) => void navigate(paths.meetings.detail(meeting.id), { state: flashNotice(arranged(meeting)) })}
          />
        </div>
      </div>
    </>
  );
}
