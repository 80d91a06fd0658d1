import { Id, type MeetingSummary } from '@marac/shared';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { ButtonLink } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { AttendanceSection } from '../../../features/attendance/components/attendance-section';
import { ConfidentialityPanel } from '../../../features/attendance/components/confidentiality-panel';
import { useSession } from '../../../features/auth/components/require-session';
import { useAgenda } from '../../../features/meetings/api/get-agenda';
import { useMeeting } from '../../../features/meetings/api/get-meeting';
import { AgendaWorkspace } from '../../../features/meetings/components/agenda-workspace';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { MeetingDetails } from '../../../features/meetings/components/meeting-details';
import { isOpenForChanges } from '../../../features/meetings/components/meeting-status';
import { PacketList } from '../../../features/meetings/components/packet-list';
import { MinutesLink } from '../../../features/minutes/components/minutes-link';
import { ResearchGridSection } from '../../../features/research/components/research-grid-section';
import { ResearchTasks } from '../../../features/research/components/research-tasks';
import { useFlashNotice } from '../../../lib/flash-notice';
import { formatLongDate } from '../../../lib/format';
import { NotFoundRoute } from '../not-found';

const titleOf = (meeting: MeetingSummary) => `${KIND_TITLES[meeting.kind]} on ${formatLongDate(meeting.date)}`;

/**
 * One meeting. Its coordinators and chairs see the whole agenda and the agencies invited (coordinators
 * change both, and the meeting itself) and take the meeting's steps after publication (start, mark as
 * minuted, close); an agency's representative sees the meeting and the research packets for their
 * agency's cases, and no step.
 */
export function MeetingRoute() {
  const me = useSession();
  const { meetingId = '' } = useParams();
  // Anything but an id is an address that cannot name a meeting: asking the server would only be refused.
  if (!Id.safeParse(meetingId).success) return <NotFoundRoute />;
  switch (me.user.role) {
    case 'coordinator':
    case 'chair':
      return <AgendaPage key={meetingId} meetingId={meetingId} coordinator={me.user.role === 'coordinator'} userId={me.user.id} />;
    case 'agency_representative':
    case 'observer':
      return <RepresentativePage key={meetingId} meetingId={meetingId} observer={me.user.role === 'observer'} />;
    default:
      return (
        <>
          <PageHeading title="You do not have access to this page" />
          <p className="govuk-body">Meetings are for MARAC coordinators, chairs, agency representatives and the observers recorded at them.</p>
        </>
      );
  }
}

/** The way into meeting mode, once the agenda is out and until the meeting ends. */
function MeetingModeLink({ meeting }: { meeting: MeetingSummary }) {
  if (meeting.status !== 'agenda_published' && meeting.status !== 'in_progress') return null;
  return (
    <ButtonLink to={paths.meetings.live(meeting.id)} variant={meeting.status === 'in_progress' ? 'primary' : 'secondary'}>
      {meeting.status === 'in_progress' ? 'Join the meeting' : 'Open meeting mode'}
    </ButtonLink>
  );
}

function Notice() {
  const notice = useFlashNotice();
  return notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null;
}

function AgendaPage({ meetingId, coordinator, userId }: { meetingId: string; coordinator: boolean; userId: string }) {
  const agenda = useAgenda(meetingId);
  if (agenda.isPending || agenda.isError) {
    return (
      <>
        <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
        <PageHeading title="Meeting" />
        {agenda.isPending ? <Loading label="Loading the meeting and its agenda…" /> : <QueryProblem error={agenda.error} subject="the meeting" />}
      </>
    );
  }
  const { meeting } = agenda.data;
  return (
    <>
      <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
      <Notice />
      <PageHeading title={titleOf(meeting)} caption={meeting.areaName} />
      <MeetingDetails meeting={meeting} changeTo={coordinator && isOpenForChanges(meeting.status) ? paths.meetings.edit(meeting.id) : undefined} />
      <MeetingModeLink meeting={meeting} />
      <MinutesLink to={paths.meetings.minutes(meeting.id)} meetingStatus={meeting.status} reader={coordinator ? 'coordinator' : 'chair'} />
      <AgendaWorkspace agenda={agenda.data} coordinator={coordinator} />
      <ResearchGridSection meeting={meeting} coordinator={coordinator} />
      <AttendanceSection meeting={meeting} coordinator={coordinator} userId={userId} />
    </>
  );
}

/** A representative's view of a meeting; an observer's is the same without packets or research, which are their agency's. */
function RepresentativePage({ meetingId, observer }: { meetingId: string; observer: boolean }) {
  const meeting = useMeeting(meetingId);
  if (meeting.isPending || meeting.isError) {
    return (
      <>
        <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
        <PageHeading title="Meeting" />
        {meeting.isPending ? <Loading label="Loading the meeting…" /> : <QueryProblem error={meeting.error} subject="the meeting" />}
      </>
    );
  }
  return (
    <>
      <BackLink to={paths.meetings.list}>Back to meetings</BackLink>
      <PageHeading title={titleOf(meeting.data)} caption={meeting.data.areaName} />
      <MeetingDetails meeting={meeting.data} />
      <MeetingModeLink meeting={meeting.data} />
      <MinutesLink to={paths.meetings.minutes(meeting.data.id)} meetingStatus={meeting.data.status} reader="agency" />
      <ConfidentialityPanel meeting={meeting.data} />
      {observer ? null : (
        <>
          <PacketList meeting={meeting.data} />
          <ResearchTasks meeting={meeting.data} />
        </>
      )}
    </>
  );
}
