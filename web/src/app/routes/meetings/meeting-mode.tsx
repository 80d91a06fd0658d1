import { CONFIDENTIALITY_STATEMENT, Id, type AgendaReview, type MeetingSummary } from '@marac/shared';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useAttendance } from '../../../features/attendance/api/get-attendance';
import { useConfidentiality } from '../../../features/attendance/api/get-confidentiality';
import { AttendanceLists } from '../../../features/attendance/components/attendance-lists';
import { ConfidentialityPanel } from '../../../features/attendance/components/confidentiality-panel';
import { useSession } from '../../../features/auth/components/require-session';
import { CurrentCase } from '../../../features/meeting-mode/components/current-case';
import { LiveStatus } from '../../../features/meeting-mode/components/live-status';
import { ReviewDecision } from '../../../features/meeting-mode/components/review-decision';
import { RunningOrder, type RunningOrderEntry } from '../../../features/meeting-mode/components/running-order';
import { useMeetingStream, type MeetingStream } from '../../../features/meeting-mode/hooks/use-meeting-stream';
import { useChangeMeetingStatus } from '../../../features/meetings/api/change-meeting-status';
import { useAgenda } from '../../../features/meetings/api/get-agenda';
import { useMeeting } from '../../../features/meetings/api/get-meeting';
import { usePackets } from '../../../features/meetings/api/get-packets';
import { AgendaReviews } from '../../../features/meetings/components/agenda-reviews';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { hasDateCome } from '../../../features/meetings/components/meeting-status';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { formatLongDate } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';
import { NotFoundRoute } from '../not-found';

const titleOf = (meeting: MeetingSummary) => `${KIND_TITLES[meeting.kind]} on ${formatLongDate(meeting.date)}`;

/**
 * The meeting as it happens, on every attendee's screen. The chair and coordinator start it, decide
 * the actions outstanding from earlier meetings, open each case in turn and record it; everyone else
 * follows: each screen shows the case the chair has opened, as far as their agency is invited for it,
 * and what is recorded appears on it as it is saved. Nothing about a case is shown to anyone who has
 * not signed the confidentiality statement for the meeting on their own account.
 */
export function MeetingModeRoute() {
  const me = useSession();
  const { meetingId = '' } = useParams();
  if (!Id.safeParse(meetingId).success) return <NotFoundRoute />;
  const role = me.user.role;
  if (role === 'administrator') {
    return (
      <>
        <PageHeading title="You do not have access to this page" />
        <p className="govuk-body">The meeting is followed by its chair, its coordinator, the representatives of the agencies invited and its observers.</p>
      </>
    );
  }
  return <MeetingModePage key={meetingId} meetingId={meetingId} staff={role === 'coordinator' || role === 'chair'} coordinator={role === 'coordinator'} observer={role === 'observer'} />;
}

interface Seat {
  /** The chair or coordinator, who record the meeting. */
  staff: boolean;
  coordinator: boolean;
  observer: boolean;
}

function MeetingModePage({ meetingId, ...seat }: { meetingId: string } & Seat) {
  const meeting = useMeeting(meetingId);
  const back = <BackLink to={paths.meetings.detail(meetingId)}>Back to the meeting</BackLink>;
  if (meeting.isPending || meeting.isError) {
    return (
      <>
        {back}
        <PageHeading title="Meeting mode" />
        {meeting.isPending ? <Loading label="Loading the meeting…" /> : <QueryProblem error={meeting.error} subject="the meeting" />}
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title="Meeting mode" caption={`${titleOf(meeting.data)}, ${meeting.data.areaName}`} />
      <Stage meeting={meeting.data} seat={seat} />
    </>
  );
}

/** Where the meeting stands decides what the page can show: nothing of a case before it starts or after it ends. */
function Stage({ meeting, seat }: { meeting: MeetingSummary; seat: Seat }) {
  switch (meeting.status) {
    case 'planned':
      return <p className="govuk-body">The agenda for this meeting has not been published yet. Meeting mode opens once it is.</p>;
    case 'minuted':
    case 'closed':
      return (
        <p className="govuk-body">
          The meeting is over. What it recorded is in its minutes, from the <Link className="govuk-link" to={paths.meetings.detail(meeting.id)}>meeting page</Link>.
        </p>
      );
    default:
      return <Signed meeting={meeting} seat={seat} />;
  }
}

/** The statement first: the live stream and every case wait for the signature. */
function Signed({ meeting, seat }: { meeting: MeetingSummary; seat: Seat }) {
  const statement = useConfidentiality(meeting.id);
  const signed = Boolean(statement.data?.signedAt);
  const stream = useMeetingStream(meeting.id, signed);
  if (!signed) {
    return (
      <>
        <ConfidentialityPanel meeting={meeting} selfRecording={seat.coordinator} />
        {seat.coordinator ? (
          <p className="govuk-body">
            Record yourself as attending on the <Link className="govuk-link" to={paths.meetings.detail(meeting.id)}>meeting page</Link> first if you are not listed.
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <LiveStatus connection={stream.connection} onReconnect={stream.reconnect} />
      {seat.staff ? <StaffScreen meeting={meeting} stream={stream} /> : seat.observer ? <ObserverScreen meeting={meeting} /> : <AttendeeScreen meeting={meeting} stream={stream} />}
    </>
  );
}

function StartMeeting({ meeting }: { meeting: MeetingSummary }) {
  const change = useChangeMeetingStatus();
  const today = todayInLondon();
  if (!hasDateCome(meeting.date, today)) return <p className="govuk-body">The meeting can be started on its day, {formatLongDate(meeting.date)}.</p>;
  return (
    <>
      <p className="govuk-body">Start the meeting when everyone is here. Its agenda and the agencies invited can then no longer be changed.</p>
      {change.isError ? <p className="govuk-error-message">{change.error.message}</p> : null}
      <Button onClick={() => change.mutate({ meetingId: meeting.id, change: { status: 'in_progress', version: meeting.version } })} aria-disabled={change.isPending}>
        Start the meeting
      </Button>
    </>
  );
}

/**
 * The start of the meeting: the confidentiality reminder, who is here, and the actions outstanding from
 * earlier meetings. Folded away once the first case is open, a click away for the rest of the meeting.
 */
function StartOfMeeting({ meeting, reviews, folded }: { meeting: MeetingSummary; reviews: readonly AgendaReview[]; folded: boolean }) {
  const attendance = useAttendance(meeting.id);
  const content = (
    <>
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-font-weight-bold">Confidentiality</p>
        <p className="govuk-body">{CONFIDENTIALITY_STATEMENT[0]}</p>
      </div>
      <h3 className="govuk-heading-m">Attendance</h3>
      {attendance.isPending ? <Loading label="Loading the attendance…" /> : attendance.isError ? <QueryProblem error={attendance.error} subject="the attendance" /> : <AttendanceLists entries={attendance.data} />}
      <AgendaReviews
        title="Actions outstanding from earlier meetings"
        reviews={reviews}
        decide={meeting.status === 'in_progress' ? (review) => <ReviewDecision key={review.actionId} meetingId={meeting.id} review={review} /> : undefined}
      />
    </>
  );
  if (folded) {
    return (
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Start of the meeting: confidentiality, attendance, earlier actions</span>
        </summary>
        <div className="govuk-details__text">{content}</div>
      </details>
    );
  }
  return (
    <section aria-labelledby="start-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="start-heading">
        Start of the meeting
      </h2>
      {meeting.status === 'agenda_published' ? <StartMeeting meeting={meeting} /> : null}
      {content}
    </section>
  );
}

function StaffScreen({ meeting, stream }: { meeting: MeetingSummary; stream: MeetingStream }) {
  const agenda = useAgenda(meeting.id);
  const directory = useAgencyDirectory();
  const agencies = useMemo(
    () => (directory.data ?? []).filter((agency) => agency.areaIds.includes(meeting.areaId)).map((agency) => ({ value: agency.id, label: agency.name })),
    [directory.data, meeting.areaId],
  );
  if (agenda.isPending) return <Loading label="Loading the agenda…" />;
  if (agenda.isError) return <QueryProblem error={agenda.error} subject="the agenda" />;
  const entries: RunningOrderEntry[] = agenda.data.items.map((item) => ({ itemId: item.id, caseId: item.caseId, position: item.position, slotStart: item.slotStart, caseReference: item.caseReference }));
  const underWay = meeting.status === 'in_progress';
  const current = underWay ? stream.current : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-quarter">
        <RunningOrder meetingId={meeting.id} entries={entries} currentCaseId={current?.caseId ?? null} recording={underWay} />
      </div>
      <div className="govuk-grid-column-three-quarters">
        <StartOfMeeting meeting={meeting} reviews={agenda.data.reviews} folded={current !== null} />
        {current ? <CurrentCase meetingId={meeting.id} current={current} minutesPerCase={meeting.minutesPerCase} recording agencies={agencies} today={todayInLondon()} /> : null}
      </div>
    </div>
  );
}

function AttendeeScreen({ meeting, stream }: { meeting: MeetingSummary; stream: MeetingStream }) {
  const packets = usePackets(meeting.id);
  const underWay = meeting.status === 'in_progress';
  const current = underWay ? stream.current : null;
  const entries: RunningOrderEntry[] = (packets.data ?? []).map((packet) => ({ itemId: null, caseId: packet.caseId, position: packet.position, slotStart: packet.slotStart, caseReference: packet.caseReference }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-quarter">
        {packets.isError ? <QueryProblem error={packets.error} subject="your agency’s cases" /> : <RunningOrder meetingId={meeting.id} entries={entries} currentCaseId={current?.caseId ?? null} recording={false} />}
      </div>
      <div className="govuk-grid-column-three-quarters">
        {!underWay ? (
          <p className="govuk-body">The meeting has not started. This screen follows it once the chair starts it: each case your agency is invited for appears here when the chair opens it.</p>
        ) : current ? (
          <CurrentCase meetingId={meeting.id} current={current} minutesPerCase={meeting.minutesPerCase} recording={false} agencies={[]} today={todayInLondon()} />
        ) : (
          <p className="govuk-body">The meeting is under way. The case the chair opens appears here when it is one your agency is invited for.</p>
        )}
      </div>
    </div>
  );
}

/**
 * An observer signs the statement like everyone else but has no agency, so no case is invited for them:
 * they follow the discussion in the room, and the screen says where the meeting stands.
 */
function ObserverScreen({ meeting }: { meeting: MeetingSummary }) {
  return (
    <p className="govuk-body">
      {meeting.status === 'in_progress' ? 'The meeting is under way.' : 'The meeting has not started.'} As an observer you follow the discussion in the meeting; case
      records are shown only to the agencies invited for each case.
    </p>
  );
}
