import { Id, type MeetingSummary } from '@marac/shared';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useMeeting } from '../../../features/meetings/api/get-meeting';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { MinutesSection, type MinutesReader } from '../../../features/minutes/components/minutes-section';
import { formatLongDate } from '../../../lib/format';
import { NotFoundRoute } from '../not-found';

const titleOf = (meeting: MeetingSummary) => `Minutes of the ${KIND_TITLES[meeting.kind].toLowerCase()} on ${formatLongDate(meeting.date)}`;

/**
 * A meeting's minutes. The area's coordinators generate, edit and distribute them and its chairs sign
 * them off; an agency's representative reads, once distributed, the cases their agency was invited
 * for. Observers have no data rights beyond the meeting itself, so the server gives them no minutes.
 */
export function MinutesRoute() {
  const me = useSession();
  const { meetingId = '' } = useParams();
  // Anything but an id is an address that cannot name a meeting: asking the server would only be refused.
  if (!Id.safeParse(meetingId).success) return <NotFoundRoute />;
  switch (me.user.role) {
    case 'coordinator':
    case 'chair':
      return <MinutesPage key={meetingId} meetingId={meetingId} reader={{ role: me.user.role }} />;
    case 'agency_representative':
      return <MinutesPage key={meetingId} meetingId={meetingId} reader={{ role: 'agency', agencyName: me.agency?.name ?? null }} />;
    default:
      return (
        <>
          <PageHeading title="You do not have access to this page" />
          <p className="govuk-body">Minutes are for MARAC coordinators, chairs and the representatives of the agencies they are distributed to.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={paths.home}>
              Go to your home page
            </Link>
          </p>
        </>
      );
  }
}

function MinutesPage({ meetingId, reader }: { meetingId: string; reader: MinutesReader }) {
  const meeting = useMeeting(meetingId);
  const back = <BackLink to={paths.meetings.detail(meetingId)}>Back to the meeting</BackLink>;
  if (meeting.isPending || meeting.isError) {
    return (
      <>
        {back}
        <PageHeading title="Minutes" />
        {meeting.isPending ? <Loading label="Loading the meeting…" /> : <QueryProblem error={meeting.error} subject="the meeting" />}
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title={titleOf(meeting.data)} caption={meeting.data.areaName} />
      <MinutesSection meeting={meeting.data} reader={reader} />
    </>
  );
}
