import { Id, type MeetingSummary } from '@marac/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useMeeting } from '../../../features/meetings/api/get-meeting';
import { ChangeMeetingForm } from '../../../features/meetings/components/change-meeting-form';
import { CoordinatorsOnly } from '../../../features/meetings/components/coordinators-only';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { isOpenForChanges } from '../../../features/meetings/components/meeting-status';
import { flashNotice } from '../../../lib/flash-notice';
import { formatLongDate } from '../../../lib/format';
import { NotFoundRoute } from '../not-found';

/** How the notice names each field besides the date that changed: "with a new start time and place". */
const CHANGED_WORDS = {
  startTime: 'start time',
  location: 'place',
  onlineLink: 'online link',
  capacity: 'capacity',
  minutesPerCase: 'time for each case',
  referralCutoff: 'referral cut-off',
  circulationDate: 'circulation date',
  researchDeadline: 'research deadline',
  minutesDueDate: 'minutes deadline',
} as const satisfies Partial<Record<keyof MeetingSummary, string>>;

const listed = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`);

/** "The meeting has been moved to Thursday 19 March 2026, with a new referral cut-off and …". */
function changedNotice(before: MeetingSummary, after: MeetingSummary): string {
  const changed = (Object.keys(CHANGED_WORDS) as (keyof typeof CHANGED_WORDS)[]).filter((field) => before[field] !== after[field]).map((field) => CHANGED_WORDS[field]);
  if (before.date !== after.date) {
    const moved = `The meeting has been moved to ${formatLongDate(after.date)}`;
    return changed.length === 0 ? moved : `${moved}, with a new ${listed(changed)}`;
  }
  return changed.length === 0 ? 'Nothing about the meeting has changed' : `The meeting has a new ${listed(changed)}`;
}

/** Moving a meeting or changing its details: its coordinators, while it has not started. */
export function EditMeetingRoute() {
  const me = useSession();
  const { meetingId = '' } = useParams();
  if (!Id.safeParse(meetingId).success) return <NotFoundRoute />;
  if (me.user.role !== 'coordinator') return <CoordinatorsOnly />;
  return <EditMeetingPage key={meetingId} meetingId={meetingId} />;
}

function EditMeetingPage({ meetingId }: { meetingId: string }) {
  const navigate = useNavigate();
  const meeting = useMeeting(meetingId);
  const back = <BackLink to={paths.meetings.detail(meetingId)}>Back to the meeting</BackLink>;

  if (meeting.isPending || meeting.isError) {
    return (
      <>
        {back}
        <PageHeading title="Change the meeting" />
        {meeting.isPending ? <Loading label="Loading the meeting…" /> : <QueryProblem error={meeting.error} subject="the meeting" />}
      </>
    );
  }
  const before = meeting.data;
  const caption = `${KIND_TITLES[before.kind]} on ${formatLongDate(before.date)}`;
  return (
    <>
      {back}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Change the meeting" caption={caption} />
          {isOpenForChanges(before.status) ? (
            <ChangeMeetingForm
              meeting={before}
              cancelTo={paths.meetings.detail(before.id)}
              onSuccess={(after) => void navigate(paths.meetings.detail(after.id), { state: flashNotice(changedNotice(before, after)) })}
            />
          ) : (
            <>
              <p className="govuk-body">This meeting has started or finished: it can no longer be changed.</p>
              <p className="govuk-body">
                <Link className="govuk-link" to={paths.meetings.detail(before.id)}>
                  Go to the meeting
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
