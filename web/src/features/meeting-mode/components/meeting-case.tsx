import { ACTION_STATUS_LABELS, type MeetingCaseView } from '@marac/shared';
import { FlagList } from '../../../components/ui/flag-list';
import { TextOrNone } from '../../../components/ui/paragraphs';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';
import { formatDate } from '../../../lib/format';

type Shared = MeetingCaseView['shared'][number];

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
              <div className="govuk-summary-list__row" key={label}>
                <dt className="govuk-summary-list__key">{label}</dt>
                <dd className="govuk-summary-list__value">
                  <TextOrNone text={text} none="Nothing recorded." />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}

/**
 * The case as the meeting discusses it: the referral in brief, its flags, the victim's earlier
 * hearings and actions, and what each invited agency shared. Everything here is read only; what the
 * meeting decides is recorded beneath it.
 */
export function MeetingCase({ view }: { view: MeetingCaseView }) {
  const { referral } = view;
  // A draft is not shared (the server sends none of it): its agency is named with those that did not start.
  const unshared = (entry: Shared) => entry.status === 'not_started' || entry.status === 'draft';
  const silent = view.shared.filter(unshared).map((entry) => entry.agencyName);
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Referral</dt>
          <dd className="govuk-summary-list__value">
            {referral.reference} from {referral.referringAgencyName} on {formatDate(referral.referralDate)}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">DASH score</dt>
          <dd className="govuk-summary-list__value">{referral.dashScore} of 24</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Criteria met</dt>
          <dd className="govuk-summary-list__value">{referral.criteriaMet.length ? referral.criteriaMet.join('; ') : 'None recorded'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Most recent incident</dt>
          <dd className="govuk-summary-list__value">
            <TextOrNone text={referral.recentIncident} none="Not given." />
          </dd>
        </div>
      </dl>

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
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Agency
              </th>
              <th scope="col" className="govuk-table__header">
                Action
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
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
