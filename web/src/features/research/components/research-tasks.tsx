import { compareIsoDates, type MeetingSummary, type ResearchTask } from '@marac/shared';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useFlashNotice } from '../../../lib/flash-notice';
import { formatDate } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';
import { useResearchTasks } from '../api/get-research-tasks';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';
import { TableHead } from '../../../components/ui/table-head';
import { isOutstanding } from './research-status';

function actionLabel(task: ResearchTask): string {
  if (!task.editable) return 'View research';
  return task.status === 'not_started' ? 'Record research' : 'Change research';
}

/**
 * The representative's research tasks on their meeting page, under their packets: one row per case
 * their agency researches, in agenda order, with where each stands and the way into its form. The
 * notice of research just saved shows here, as the form returns to this page.
 */
export function ResearchTasks({ meeting }: { meeting: MeetingSummary }) {
  // Tasks are created when the agenda is published: a planned meeting has none to ask for.
  const planned = meeting.status === 'planned';
  const tasks = useResearchTasks(meeting.id, !planned);
  const notice = useFlashNotice();
  if (planned) return null;

  const today = todayInLondon();
  const editable = tasks.data?.some((task) => task.editable) ?? false;

  return (
    <section aria-labelledby="research-heading" className="govuk-!-margin-bottom-8">
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <h2 className="govuk-heading-l" id="research-heading">
        Your research
      </h2>
      {tasks.isPending ? (
        <Loading label="Loading your research…" />
      ) : tasks.isError ? (
        <QueryProblem error={tasks.error} subject="your research" />
      ) : tasks.data.length === 0 ? (
        <p className="govuk-body">Your agency has no research to record for this meeting.</p>
      ) : (
        <>
          {editable ? (
            <p className="govuk-body">
              Record what your agency will share for each case: save a draft as often as you like, and submit it by its due date. You can change
              it until the meeting starts.
            </p>
          ) : (
            <p className="govuk-body">Your research is not editable: the meeting has started. Share anything new at the meeting.</p>
          )}
          <table className="govuk-table" aria-labelledby="research-heading">
            <TableHead columns={['No.', 'Case', 'Status', 'Due', { label: 'Research', hidden: true }]} />
            <tbody className="govuk-table__body">
              {tasks.data.map((task) => {
                const overdue = task.editable && isOutstanding(task.status) && compareIsoDates(today, task.dueDate) > 0;
                return (
                  <tr className="govuk-table__row" key={task.id}>
                    <td className="govuk-table__cell">{task.position ?? '—'}</td>
                    <th scope="row" className="govuk-table__header">
                      {task.caseReference}
                    </th>
                    <td className="govuk-table__cell">
                      <ResearchStatusTag status={task.status} />
                    </td>
                    <td className="govuk-table__cell">
                      {formatDate(task.dueDate)}
                      {overdue ? (
                        <>
                          <br />
                          <strong className="govuk-body-s govuk-!-font-weight-bold">Overdue</strong>
                        </>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={paths.meetings.research(meeting.id, task.caseId)}>
                        {actionLabel(task)} <span className="govuk-visually-hidden">for {task.caseReference}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
