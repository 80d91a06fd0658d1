import { ACTION_CATEGORY_LABELS, ACTION_REMINDER_KIND_LABELS, type ActionDetail } from '@marac/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatDate, formatLongDate } from '../../../lib/format';
import { ActionDue, ActionStatusTag } from './action-status-tag';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The action as agreed and where it stands; the case is named by its reference only. */
export function ActionSummaryList({ action }: { action: ActionDetail }) {
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-8">
      <Row label="Action">{action.description}</Row>
      <Row label="Risk it answers">{action.linkedRisk ?? 'Not recorded'}</Row>
      <Row label="Category">{ACTION_CATEGORY_LABELS[action.category]}</Row>
      <Row label="Case">
        <Link className="govuk-link" to={paths.cases.actions(action.caseId)}>
          {action.caseReference}
        </Link>
        <span className="govuk-body-s"> ({action.areaName})</span>
      </Row>
      <Row label="Agreed at">
        <Link className="govuk-link" to={paths.meetings.detail(action.meetingId)}>
          The meeting on {formatLongDate(action.meetingDate)}
        </Link>
      </Row>
      <Row label="Agency">{action.agencyName}</Row>
      <Row label="Named owner">{action.ownerName ?? 'Not named'}</Row>
      <Row label="Due">
        <ActionDue action={action} />
      </Row>
      <Row label="Status">
        <ActionStatusTag status={action.status} />
        {action.closedOn ? <span className="govuk-body-s"> on {formatDate(action.closedOn)}</span> : null}
      </Row>
      {action.reminders.length > 0 ? (
        <Row label="Reminders sent">
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {action.reminders.map((reminder, index) => (
              <li key={`${reminder.kind}:${reminder.dueDate}:${index}`}>
                {ACTION_REMINDER_KIND_LABELS[reminder.kind]}, {formatDate(reminder.sentOn)}
                {reminder.dueDate !== action.dueDate ? ` (when it was due ${formatDate(reminder.dueDate)})` : null}
              </li>
            ))}
          </ul>
        </Row>
      ) : null}
    </dl>
  );
}
