import { ACTION_CATEGORY_LABELS, CASE_STATUS_LABELS, type CaseActionItem, type CaseActions } from '@marac/shared';
import { Link } from 'react-router';
import { Paragraphs } from '../../../components/ui/paragraphs';
import { SummaryRow } from '../../../components/ui/summary-row';
import { Tag } from '../../../components/ui/tag';
import { paths } from '../../../config/paths';
import { formatCount, formatLongDate, formatTimestamp } from '../../../lib/format';
import { ActionHistory } from './action-history';
import { DueAndStatusRows } from './action-summary';

const LISTING_LABELS: Record<CaseActions['meetings'][number]['status'], string> = {
  listed: 'Listed',
  heard: 'Heard',
  deferred: 'Deferred',
};

/** The case's status, dates and meetings; the case is named by its reference only. */
export function CaseSummary({ view }: { view: CaseActions }) {
  const { case: item, meetings } = view;
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-8">
      <SummaryRow label="MARAC involvement">
        <Tag colour={item.status === 'open' ? 'blue' : 'grey'}>{CASE_STATUS_LABELS[item.status]}</Tag>
        {item.closedAt ? <span className="govuk-body-s"> on {formatTimestamp(item.closedAt)}</span> : null}
      </SummaryRow>
      <SummaryRow label="Last referral">{formatLongDate(item.lastReferralDate)}</SummaryRow>
      <SummaryRow label="Last heard">{item.lastHearingDate ? formatLongDate(item.lastHearingDate) : 'Not heard yet'}</SummaryRow>
      <SummaryRow label="Meetings">
        {meetings.length === 0 ? (
          'None you can see'
        ) : (
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link className="govuk-link" to={paths.meetings.detail(meeting.id)}>
                  {formatLongDate(meeting.date)}
                </Link>{' '}
                <span className="govuk-body-s">({LISTING_LABELS[meeting.status].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        )}
      </SummaryRow>
    </dl>
  );
}

function CaseAction({ action }: { action: CaseActionItem }) {
  const headingId = `action-${action.id}`;
  return (
    <li className="app-case-action">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={headingId}>
        <Link className="govuk-link" to={paths.actions.detail(action.id)}>
          {action.description}
        </Link>
      </h3>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        <SummaryRow label="Agency">
          {action.agencyName}
          {action.ownerName ? `, ${action.ownerName}` : null}
        </SummaryRow>
        <SummaryRow label="Category">{ACTION_CATEGORY_LABELS[action.category]}</SummaryRow>
        <DueAndStatusRows action={action} />
      </dl>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            History ({formatCount(action.history.length, 'update')}){' '}
            <span className="govuk-visually-hidden">of the action {action.description}</span>
          </span>
        </summary>
        <div className="govuk-details__text">
          <ActionHistory history={action.history} />
        </div>
      </details>
    </li>
  );
}

/**
 * Every action of the case across its meetings, by the meeting that agreed it, each with its status and
 * history. A representative is sent only their agency's: the others are counted, never described.
 */
export function CaseActionsByMeeting({ view }: { view: CaseActions }) {
  const meetingDates = [...new Map(view.actions.map((action) => [action.meetingId, action.meetingDate])).entries()];
  return (
    <section aria-labelledby="case-actions-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="case-actions-heading">
        Actions
      </h2>
      {view.actions.length === 0 ? <p className="govuk-body">{view.hiddenActionCount > 0 ? 'None of this case’s actions is your agency’s.' : 'No actions have been agreed for this case.'}</p> : null}
      {meetingDates.map(([meetingId, date]) => (
        <section key={meetingId} aria-labelledby={`meeting-${meetingId}`}>
          <h3 className="govuk-heading-s" id={`meeting-${meetingId}`}>
            Agreed at the meeting on {formatLongDate(date)}
          </h3>
          <ul className="govuk-list">
            {view.actions
              .filter((action) => action.meetingId === meetingId)
              .map((action) => (
                <CaseAction key={action.id} action={action} />
              ))}
          </ul>
        </section>
      ))}
      {view.hiddenActionCount > 0 ? (
        <p className="govuk-body">
          The case has {formatCount(view.hiddenActionCount, 'other action')} owned by other agencies. Only the MARAC coordinator and chair see every agency’s actions.
        </p>
      ) : null}
    </section>
  );
}

/** The chair's outcome reviews, newest first, as the server sends them. */
export function OutcomeReviews({ reviews }: { reviews: CaseActions['reviews'] }) {
  return (
    <section aria-labelledby="reviews-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="reviews-heading">
        Outcome reviews
      </h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">The chair has not recorded an outcome review for this case.</p>
      ) : (
        <ol className="govuk-list app-timeline" aria-label="Outcome reviews, newest first">
          {reviews.map((review) => (
            <li key={review.id} className="app-timeline__item">
              <p className="govuk-body-s app-timeline__meta">
                Recorded by {review.reviewedByName} on {formatTimestamp(review.reviewedAt)}
                {review.closedInvolvement ? '. The case’s MARAC involvement was closed.' : '.'}
              </p>
              <Paragraphs text={review.outcome} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
