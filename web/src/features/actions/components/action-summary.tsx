import { ACTION_CATEGORY_LABELS, ACTION_REMINDER_KIND_LABELS, type ActionDetail, type ActionSummary } from '@marac/shared';
import { Link } from 'react-router';
import { SummaryRow } from '../../../components/ui/summary-row';
import { paths } from '../../../config/paths';
import { formatDate, formatLongDate } from '../../../lib/format';
import { ActionDue, ActionStatusTag } from './action-status-tag';

/** When the action is due and where it stands, with the day a closed one was closed: the same wherever an action is summed up. */
export function DueAndStatusRows({ action }: { action: ActionSummary }) {
  return (
    <>
      <SummaryRow label="Due">
        <ActionDue action={action} />
      </SummaryRow>
      <SummaryRow label="Status">
        <ActionStatusTag status={action.status} />
        {action.closedOn ? <span className="govuk-body-s"> on {formatDate(action.closedOn)}</span> : null}
      </SummaryRow>
    </>
  );
}

/** The action as agreed and where it stands; the case is named by its reference only. */
export function ActionSummaryList({ action }: { action: ActionDetail }) {
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-8">
      <SummaryRow label="Action">{action.description}</SummaryRow>
      <SummaryRow label="Risk it answers">{action.linkedRisk ?? 'Not recorded'}</SummaryRow>
      <SummaryRow label="Category">{ACTION_CATEGORY_LABELS[action.category]}</SummaryRow>
      <SummaryRow label="Case">
        <Link className="govuk-link" to={paths.cases.actions(action.caseId)}>
          {action.caseReference}
        </Link>
        <span className="govuk-body-s"> ({action.areaName})</span>
      </SummaryRow>
      <SummaryRow label="Agreed at">
        <Link className="govuk-link" to={paths.meetings.detail(action.meetingId)}>
          The meeting on {formatLongDate(action.meetingDate)}
        </Link>
      </SummaryRow>
      <SummaryRow label="Agency">{action.agencyName}</SummaryRow>
      <SummaryRow label="Named owner">{action.ownerName ?? 'Not named'}</SummaryRow>
      <DueAndStatusRows action={action} />
      {action.reminders.length > 0 ? (
        <SummaryRow label="Reminders sent">
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {action.reminders.map((reminder, index) => (
              <li key={`${reminder.kind}:${reminder.dueDate}:${index}`}>
                {ACTION_REMINDER_KIND_LABELS[reminder.kind]}, {formatDate(reminder.sentOn)}
                {reminder.dueDate !== action.dueDate ? ` (when it was due ${formatDate(reminder.dueDate)})` : null}
              </li>
            ))}
          </ul>
        </SummaryRow>
      ) : null}
    </dl>
  );
}
