import { ACTION_STATUS_LABELS, ESCALATION_STAGE_LABELS, type ActionStatus, type ActionSummary } from '@marac/shared';
import { Tag, type TagColour } from '../../../components/ui/tag';
import { formatDate } from '../../../lib/format';

/** Grey for not started, blue for in hand, green for done, and the two ways an action ends undone apart. */
const STATUS_COLOURS: Record<ActionStatus, TagColour> = {
  open: 'grey',
  in_progress: 'blue',
  completed: 'green',
  not_possible: 'purple',
  not_completed: 'red',
  escalated: 'orange',
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{ACTION_STATUS_LABELS[status]}</Tag>;
}

/** The due date, with where an open action stands against it: overdue, due soon, escalated by the platform. */
export function ActionDue({ action }: { action: Pick<ActionSummary, 'dueDate' | 'overdue' | 'dueSoon' | 'escalation'> }) {
  return (
    <>
      {formatDate(action.dueDate)}
      {action.overdue ? (
        <>
          <br />
          <Tag colour="red">Overdue</Tag>
        </>
      ) : action.dueSoon ? (
        <>
          <br />
          <Tag colour="yellow">Due soon</Tag>
        </>
      ) : null}
      {action.escalation ? (
        <>
          <br />
          <span className="govuk-body-s">{ESCALATION_STAGE_LABELS[action.escalation]}</span>
        </>
      ) : null}
    </>
  );
}
