import {
  ACTION_CATEGORY_LABELS,
  ACTION_STATUS_LABELS,
  ATTENDANCE_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  longDate,
  type MinutesCase,
  type MinutesContent,
} from '@marac/shared';
import type { ReactNode } from 'react';
import { TextOrNone } from '../../../components/ui/paragraphs';
import { SummaryRow } from '../../../components/ui/summary-row';
import { TableHead } from '../../../components/ui/table-head';
import { formatTimestamp } from '../../../lib/format';
import { CaseFlags } from './case-flags';

export const caseHeadingId = (itemId: string) => `minutes-case-${itemId}-heading`;

interface MinutesDocumentProps {
  content: MinutesContent;
  /** Drawn in place of the notes: the coordinator's box while the minutes are a draft. */
  notes?: ReactNode;
  /** Drawn in place of a case's summary and its heading: the coordinator's box while the minutes are a draft. */
  summary?: (item: MinutesCase, index: number) => ReactNode;
  /** Said when there is no case: to an agency, that none was for it. */
  noCases: string;
}

/**
 * The minutes as they read: the meeting, the notes, attendance with each person's confidentiality
 * sign-off, the review of earlier actions, then each case in agenda order: flags, what every agency
 * shared (facts and professional opinion kept apart), the risk analysis, the actions and the outcome,
 * and the coordinator's summary. Everything is shown as the server sent it: an agency's minutes hold
 * only its own cases because the server sent only those.
 */
export function MinutesDocument({ content, notes, summary, noCases }: MinutesDocumentProps) {
  return (
    <>
      <section aria-labelledby="minutes-meeting-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-l" id="minutes-meeting-heading">
          Meeting details
        </h2>
        <dl className="govuk-summary-list">
          <SummaryRow label="Area">{content.areaName}</SummaryRow>
          <SummaryRow label="Date">{longDate(content.date)}</SummaryRow>
          <SummaryRow label="Start time">{content.startTime}</SummaryRow>
          <SummaryRow label="Place">{content.location ?? <span className="govuk-hint govuk-!-margin-bottom-0">No place given</span>}</SummaryRow>
        </dl>
      </section>

      <section aria-labelledby="minutes-notes-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-l" id="minutes-notes-heading">
          Notes
        </h2>
        {notes ?? <TextOrNone text={content.notes} none="No notes for the meeting." />}
      </section>

      <Attendance attendance={content.attendance} />
      <Reviews reviews={content.reviews} />

      <section aria-labelledby="minutes-cases-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-l" id="minutes-cases-heading">
          Cases
        </h2>
        {content.cases.length === 0 ? (
          <p className="govuk-body">{noCases}</p>
        ) : (
          content.cases.map((item, index) => <Case key={item.itemId} item={item} summary={summary?.(item, index)} />)
        )}
      </section>
    </>
  );
}

function Attendance({ attendance }: { attendance: MinutesContent['attendance'] }) {
  return (
    <section aria-labelledby="minutes-attendance-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="minutes-attendance-heading">
        Attendance
      </h2>
      {attendance.length === 0 ? (
        <p className="govuk-body">No one was recorded as attending, sending apologies or observing.</p>
      ) : (
        <table className="govuk-table govuk-table--small-text-until-tablet" aria-labelledby="minutes-attendance-heading">
          <TableHead columns={['Name', 'Agency', 'Attendance', 'Information sent instead', 'Confidentiality statement signed']} />
          <tbody className="govuk-table__body">
            {attendance.map((entry, index) => (
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{entry.name}</td>
                <td className="govuk-table__cell">{entry.agencyName ?? 'None'}</td>
                <td className="govuk-table__cell">{ATTENDANCE_KIND_LABELS[entry.kind]}</td>
                {/* Only apologies send information instead of attending. */}
                <td className="govuk-table__cell">{entry.kind === 'apology' ? (entry.informationSent ? 'Yes' : 'No') : 'Not applicable'}</td>
                <td className="govuk-table__cell">{entry.signedAt ? formatTimestamp(entry.signedAt) : 'Not signed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Reviews({ reviews }: { reviews: MinutesContent['reviews'] }) {
  return (
    <section aria-labelledby="minutes-reviews-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="minutes-reviews-heading">
        Review of earlier actions
      </h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">No actions from earlier meetings were due for review.</p>
      ) : (
        <table className="govuk-table govuk-table--small-text-until-tablet" aria-labelledby="minutes-reviews-heading">
          <TableHead columns={['Case', 'Agency', 'Action', 'Due', 'Status', 'Outcome of the review']} />
          <tbody className="govuk-table__body">
            {reviews.map((review, index) => (
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{review.caseReference}</td>
                <td className="govuk-table__cell">{review.agencyName}</td>
                <td className="govuk-table__cell">{review.description}</td>
                <td className="govuk-table__cell">{longDate(review.dueDate)}</td>
                <td className="govuk-table__cell">{ACTION_STATUS_LABELS[review.status]}</td>
                <td className="govuk-table__cell">{review.outcome ? REVIEW_OUTCOME_LABELS[review.outcome] : 'Not reviewed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const KNOWN_WORDS = (known: boolean | null) => (known === null ? 'Not answered' : known ? 'Yes' : 'No');

function Case({ item, summary }: { item: MinutesCase; summary: ReactNode }) {
  const heading = caseHeadingId(item.itemId);
  return (
    <section aria-labelledby={heading} className="govuk-!-margin-bottom-9">
      <h3 className="govuk-heading-m" id={heading}>
        {item.position}. {item.caseReference}
        <span className="govuk-caption-m">Victim: {item.victimName}</span>
      </h3>
      <CaseFlags flags={item.flags} />

      <h4 className="govuk-heading-s">What agencies shared</h4>
      {item.shared.length === 0 ? (
        <p className="govuk-body">No agency shared information for this case.</p>
      ) : (
        <>
          <p className="govuk-hint">Facts are what each agency’s records show; professional opinion is the agency’s view of them.</p>
          {item.shared.map((sharing) => (
            <div key={sharing.agencyName} className="govuk-!-margin-bottom-6" role="group" aria-label={`Shared by ${sharing.agencyName}`}>
              <h5 className="govuk-heading-s govuk-!-margin-bottom-2">{sharing.agencyName}</h5>
              <dl className="govuk-summary-list">
                <SummaryRow label="Known to the agency">{KNOWN_WORDS(sharing.knownToAgency)}</SummaryRow>
                <SummaryRow label="Facts">
                  <TextOrNone text={sharing.facts} none="No facts shared" />
                </SummaryRow>
                <SummaryRow label="Professional opinion">
                  <TextOrNone text={sharing.opinion} none="No opinion given" />
                </SummaryRow>
                <SummaryRow label="Risks identified">
                  <TextOrNone text={sharing.risksIdentified} none="None given" />
                </SummaryRow>
                <SummaryRow label="Protective factors">
                  <TextOrNone text={sharing.protectiveFactors} none="None given" />
                </SummaryRow>
              </dl>
            </div>
          ))}
        </>
      )}

      <h4 className="govuk-heading-s">Risk analysis</h4>
      {item.riskAnalysis ? (
        <dl className="govuk-summary-list">
          <SummaryRow label="Harms">
            <TextOrNone text={item.riskAnalysis.harms} none="None recorded" />
          </SummaryRow>
          <SummaryRow label="Contributing factors">
            <TextOrNone text={item.riskAnalysis.contributingFactors} none="None recorded" />
          </SummaryRow>
          <SummaryRow label="Protective factors">
            <TextOrNone text={item.riskAnalysis.protectiveFactors} none="None recorded" />
          </SummaryRow>
        </dl>
      ) : (
        <p className="govuk-body">No risk analysis was recorded.</p>
      )}

      <h4 className="govuk-heading-s">Actions agreed</h4>
      {item.actions.length === 0 ? (
        <p className="govuk-body">No actions were agreed.</p>
      ) : (
        <table className="govuk-table govuk-table--small-text-until-tablet" aria-label={`Actions agreed for ${item.caseReference}`}>
          <TableHead columns={['Agency', 'Owner', 'Action', 'Linked risk', 'Category', 'Due']} />
          <tbody className="govuk-table__body">
            {item.actions.map((action, index) => (
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{action.agencyName}</td>
                <td className="govuk-table__cell">{action.ownerName ?? 'Not named'}</td>
                <td className="govuk-table__cell">{action.description}</td>
                <td className="govuk-table__cell">{action.linkedRisk ?? 'None given'}</td>
                <td className="govuk-table__cell">{ACTION_CATEGORY_LABELS[action.category]}</td>
                <td className="govuk-table__cell">{longDate(action.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4 className="govuk-heading-s">Outcome</h4>
      <TextOrNone text={item.outcome} none="No outcome recorded." />

      <div className="govuk-!-margin-top-6">
        {summary ?? (
          <>
            <h4 className="govuk-heading-s">Summary</h4>
            <TextOrNone text={item.summary} none="No summary." />
          </>
        )}
      </div>
    </section>
  );
}
