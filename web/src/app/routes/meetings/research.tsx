import { Id, type ResearchTask } from '@marac/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useMeeting } from '../../../features/meetings/api/get-meeting';
import { KIND_TITLES } from '../../../features/meetings/components/meeting-labels';
import { useResearchTasks } from '../../../features/research/api/get-research-tasks';
import { ResearchForm } from '../../../features/research/components/research-form';
import { ResearchHistoryList } from '../../../features/research/components/research-history';
import { ResearchReadOnly } from '../../../features/research/components/research-read-only';
import { ResearchTaskSummary } from '../../../features/research/components/research-task-summary';
import { flashNotice } from '../../../lib/flash-notice';
import { formatLongDate } from '../../../lib/format';
import { NotFoundRoute } from '../not-found';

/** What the meeting page says once the research is saved. */
function savedNotice(task: ResearchTask): string {
  switch (task.status) {
    case 'submitted':
      return `Your research for ${task.caseReference} has been submitted. You can change it until the meeting starts.`;
    case 'not_known':
      return `${task.caseReference} has been recorded as not known to your agency. You can change this until the meeting starts.`;
    default:
      return `Your research for ${task.caseReference} has been saved as a draft. Submit it by ${formatLongDate(task.dueDate)}.`;
  }
}

/** One case's research, for the representative of an agency with a task for it. */
export function ResearchRoute() {
  const me = useSession();
  const { meetingId = '', caseId = '' } = useParams();
  if (!Id.safeParse(meetingId).success || !Id.safeParse(caseId).success) return <NotFoundRoute />;
  if (me.user.role !== 'agency_representative') {
    return (
      <>
        <PageHeading title="You do not have access to this page" />
        <p className="govuk-body">Research is recorded by the representatives of the agencies invited to a meeting.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={paths.meetings.detail(meetingId)}>
            Go to the meeting
          </Link>
        </p>
      </>
    );
  }
  return <ResearchPage key={`${meetingId}/${caseId}`} meetingId={meetingId} caseId={caseId} />;
}

function ResearchPage({ meetingId, caseId }: { meetingId: string; caseId: string }) {
  const navigate = useNavigate();
  const meeting = useMeeting(meetingId);
  const tasks = useResearchTasks(meetingId);
  const back = <BackLink to={paths.meetings.detail(meetingId)}>Back to the meeting</BackLink>;

  if (meeting.isPending || tasks.isPending || meeting.isError || tasks.isError) {
    return (
      <>
        {back}
        <PageHeading title="Research" />
        {meeting.isError ? (
          <QueryProblem error={meeting.error} subject="the meeting" />
        ) : tasks.isError ? (
          <QueryProblem error={tasks.error} subject="your research" />
        ) : (
          <Loading label="Loading your research…" />
        )}
      </>
    );
  }

  const caption = `${KIND_TITLES[meeting.data.kind]} on ${formatLongDate(meeting.data.date)}`;
  const task = tasks.data.find((candidate) => candidate.caseId === caseId);
  if (!task) {
    return (
      <>
        {back}
        <PageHeading title="Research" caption={caption} />
        <p className="govuk-body">Your agency has no research to record for this case at this meeting.</p>
      </>
    );
  }

  return (
    <>
      {back}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={`Research for ${task.caseReference}`} caption={caption} />
          <ResearchTaskSummary meetingId={meetingId} task={task} />
          {task.editable ? (
            <ResearchForm
              meetingId={meetingId}
              task={task}
              cancelTo={paths.meetings.detail(meetingId)}
              onSaved={(saved) => void navigate(paths.meetings.detail(meetingId), { state: flashNotice(savedNotice(saved)) })}
            />
          ) : (
            <ResearchReadOnly task={task} />
          )}
          <ResearchHistoryList meetingId={meetingId} caseId={caseId} />
        </div>
      </div>
    </>
  );
}
