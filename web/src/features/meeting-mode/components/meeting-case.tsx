import { ACTION_STATUS_LABELS, type MeetingCaseView } from '@marac/shared';
import { FlagList } from '../../../components/ui/flag-list';
import { TextOrNone } from '../../../components/ui/paragraphs';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';
import { SummaryRow } from '../../../components/ui/summary-row';
import { TableHead } from '../../../components/ui/table-head';
import { formatDate } from '../../../lib/format';

type Shared = MeetingCaseView['shared'][number];
type Referral = MeetingCaseView['referrals'][number];

/** One referral in brief: who made it and when, the risk it gave, and the incident that led to it. */
function CaseReferral({ referral }: { referral: Referral }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">
          {referral.reference} from {referral.referringAgencyName} on {formatDate(referral.referralDate)}
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="DASH score">{referral.dashScore} of 24</SummaryRow>
          <SummaryRow label="Criteria met">{referral.criteriaMet.length ? referral.criteriaMet.join('; ') : 'None recorded'}</SummaryRow>
          <SummaryRow label="Most recent incident">
            <TextOrNone text={referral.recentIncident} none="Not given." />
          </SummaryRow>
        </dl>
      </div>
    </div>
  );
}

/** What one agency brought: facts and professional opinion under their own headings, as the minutes keep them. */
function AgencyResearch({ entry }: { entry: Shared }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">{entry.agencyName}</h4>
        <ResearchStatusTag status={entry.status} />
      </div>
      <div className="govuk-summary-card__content">
        {entry.knownToAgency === false || entry.status === 'not_known' ? (
          <p className="govuk-body">Not known to {entry.agencyName}.</p>
        ) : (
          <dl className="govuk-summary-list">
            {(
              [
                ['Facts', entry.facts],
                ['Professional opinion', entry.opinion],
                ['Risks identified', entry.risksIdentified],
                ['Protective factors', entry.protectiveFactors],
              ] as const
            ).map(([label, text]) => (
              <SummaryRow key={label} label={label}>
                <TextOrNone text={text} none="Nothing recorded." />
              </SummaryRow>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}

/**
 * The case as the meeting discusses it: each referral in brief, its flags, the victim's earlier
 * hearings and actions, and what each invited agency shared. Everything here is read only; what the
 * meeting decides is recorded beneath it.
 */
export function MeetingCase({ view }: { view: MeetingCaseView }) {
  // A draft is not shared (the server sends none of it): its agency is named with those that did not start.
  const unshared = (entry: Shared) => entry.status === 'not_started' || entry.status === 'draft';
  const silent = view.shared.filter(unshared).map((entry) => entry.agencyName);
  return (
    <>
      <h3 className="govuk-heading-s">{view.referrals.length === 1 ? 'Referral' : 'Referrals'}</h3>
      {view.referrals.length === 0 ? <p className="govuk-body">No referral is listed for this case.</p> : null}
      {view.referrals.map((referral) => (
        <CaseReferral key={referral.reference} referral={referral} />
      ))}

      <h3 className="govuk-heading-s">Flags</h3>
      {view.flags.length === 0 ? (
        <p className="govuk-body">No flags.</p>
      ) : (
        <>
          <FlagList variant="tags" flags={view.flags} />
          <ul className="govuk-list govuk-list--bullet">
            {view.flags
              .filter((flag) => flag.detail)
              .map((flag) => (
                <li key={flag.kind}>
                  {flag.label}: {flag.detail}
                </li>
              ))}
          </ul>
        </>
      )}

      <h3 className="govuk-heading-s">Earlier MARAC hearings</h3>
      {view.earlierHearings.length === 0 ? (
        <p className="govuk-body">This is the first hearing for this victim.</p>
      ) : (
        <ul className="govuk-list">
          {view.earlierHearings.map((hearing) => (
            <li key={hearing.date}>
              {formatDate(hearing.date)}
              {hearing.outcome ? `: ${hearing.outcome}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h3 className="govuk-heading-s">Actions from earlier meetings</h3>
      {view.earlierActions.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Actions from earlier meetings</caption>
          <TableHead columns={['Agency', 'Action', 'Due', 'Status']} />
          <tbody className="govuk-table__body">
            {view.earlierActions.map((action, index) => (
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{action.agencyName}</td>
                <td className="govuk-table__cell">{action.description}</td>
                <td className="govuk-table__cell">{formatDate(action.dueDate)}</td>
                <td className="govuk-table__cell">{ACTION_STATUS_LABELS[action.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="govuk-heading-s">What agencies shared</h3>
      {view.shared.length === 0 ? <p className="govuk-body">No agency had research to share for this case.</p> : null}
      {view.shared.filter((entry) => !unshared(entry)).map((entry) => (
        <AgencyResearch key={entry.agencyName} entry={entry} />
      ))}
      {silent.length > 0 ? (
        // Agencies that shared nothing are named together, so what was shared is not lost among them.
        <p className="govuk-body">
          <span className="govuk-!-font-weight-bold">No research shared before the meeting by</span> {silent.join(', ')}.
        </p>
      ) : null}
    </>
  );
}
