import type { ResearchTask } from '@marac/shared';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatLongDate, formatTimestamp } from '../../../lib/format';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';
import { SummaryRow } from '../../../components/ui/summary-row';

/** Where one task stands, and the packet that says who to search for. */
export function ResearchTaskSummary({ meetingId, task }: { meetingId: string; task: ResearchTask }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <SummaryRow label="Status">
          <ResearchStatusTag status={task.status} />
          {task.submittedAt ? <span className="govuk-body-s"> Last submitted {formatTimestamp(task.submittedAt)}</span> : null}
        </SummaryRow>
        <SummaryRow label="Due by">{formatLongDate(task.dueDate)}</SummaryRow>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to={paths.meetings.packet(meetingId, task.caseId)}>
          Read the research packet for {task.caseReference}
        </Link>{' '}
        for who to search for: names, other names, dates of birth and addresses.
      </p>
    </>
  );
}
