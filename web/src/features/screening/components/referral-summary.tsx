import {
  CONSENT_GIVEN_LABELS,
  ETHNICITY_LABELS,
  POLICE_REFERENCE_KIND_LABELS,
  REFERRAL_CRITERION_LABELS,
  YES_NO_NOT_KNOWN_LABELS,
  type ReferralDetail,
} from '@marac/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ReferralStatusTag } from '../../../components/ui/referral-status-tag';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { WarningText } from '../../../components/ui/warning-text';
import { paths } from '../../../config/paths';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { DashAnswers } from './dash-answers';
import { subjectRows, SubjectSummary } from './subject-summary';
import { multiline, SummaryList, yesNo } from './summary-list';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function ReferralFacts({ referral }: { referral: ReferralDetail }) {
  return (
    <SummaryList
      rows={[
        { key: 'Status', value: <ReferralStatusTag status={referral.status}>{referral.statusLabel}</ReferralStatusTag> },
        { key: 'MARAC area', value: referral.areaName },
        ...(referral.caseReference ? [{ key: 'Case', value: referral.caseReference }] : []),
        ...(referral.mergedIntoReferralId
          ? [
              {
                key: 'Merged into',
                value: (
                  <Link className="govuk-link" to={paths.referrals.detail(referral.mergedIntoReferralId)}>
                    The referral it was merged into
                  </Link>
                ),
              },
            ]
          : []),
        { key: 'Referring agency', value: referral.referringAgencyName },
        { key: 'Referrer', value: referral.referrerName },
        { key: 'Referrer’s secure contact', value: referral.referrerContact },
        { key: 'Referral date', value: formatDate(referral.referralDate) },
        { key: 'Submitted', value: referral.submittedAt ? formatTimestamp(referral.submittedAt) : 'Not yet' },
        {
          key: 'Manager sign-off',
          value: referral.managerSignOff ? `${referral.managerSignOff.name}, ${formatDate(referral.managerSignOff.signedOn)}` : 'None',
        },
        { key: 'Urgent', value: referral.urgent ? <Tag colour="red">Urgent</Tag> : 'No' },
        { key: 'DASH score', value: `${referral.dashScore} of 24` },
        { key: 'Criteria met', value: referral.criteriaMet.map((criterion) => REFERRAL_CRITERION_LABELS[criterion]).join(', ') || 'None' },
        { key: 'Professional judgement', value: multiline(referral.professionalJudgementReasons) },
        { key: 'Incidents known to any agency', value: referral.incidentDates.map(formatDate).join(', ') },
        {
          key: 'Previous MARAC in another area',
          value: referral.previousMaracElsewhere
            ? `${referral.previousMaracElsewhere.area}${referral.previousMaracElsewhere.date ? `, ${formatDate(referral.previousMaracElsewhere.date)}` : ''}`
            : 'None known',
        },
      ]}
    />
  );
}

function VictimSummary({ referral }: { referral: ReferralDetail }) {
  const { victim, victimDetails: details } = referral;
  const { contactSafety } = details;
  return (
    <>
      {victim.phone && !contactSafety.safeToCall ? <WarningText>It is not safe to call the victim.</WarningText> : null}
      <SummaryList
        rows={[
          ...subjectRows(victim),
          { key: 'Phone', value: victim.phone },
          { key: 'Safe to call', value: yesNo(contactSafety.safeToCall) },
          { key: 'Safe times', value: contactSafety.safeTimes },
          { key: 'Safe ways to make contact', value: contactSafety.safeMethods },
          { key: 'Language', value: details.language },
          { key: 'Interpreter needed', value: yesNo(details.interpreterNeeded) },
          { key: 'GP', value: details.gp },
          { key: 'Ethnicity', value: ETHNICITY_LABELS[details.diversity.ethnicity] },
          { key: 'Disability', value: YES_NO_NOT_KNOWN_LABELS[details.diversity.disability] },
          { key: 'LGBT+', value: YES_NO_NOT_KNOWN_LABELS[details.diversity.lgbt] },
          { key: 'Who the victim fears', value: multiline(referral.victimFears) },
        ]}
      />
    </>
  );
}

/** Everything a referral carries, section by section, in the order the referral form asks for it. */
export function ReferralSummary({ referral }: { referral: ReferralDetail }) {
  const { narrative, consent } = referral;
  return (
    <>
      <Section id="referral-heading" title="Referral">
        <ReferralFacts referral={referral} />
      </Section>

      <Section id="risk-heading" title="Risk assessment">
        {referral.assessments.length === 0 ? (
          <p className="govuk-body">No risk assessment was attached.</p>
        ) : (
          referral.assessments.map((assessment, index) => <DashAnswers key={`${assessment.tool}-${index}`} assessment={assessment} />)
        )}
      </Section>

      <Section id="victim-heading" title="Victim">
        <VictimSummary referral={referral} />
      </Section>

      <Section id="perpetrators-heading" title={referral.perpetrators.length === 1 ? 'Perpetrator' : 'Perpetrators'}>
        {referral.perpetrators.map((perpetrator, index) => (
          <SubjectSummary key={perpetrator.id} subject={perpetrator} title={`Perpetrator ${index + 1}`} />
        ))}
      </Section>

      <Section id="household-heading" title="Children and other household members">
        {referral.householdMembers.length === 0 ? (
          <p className="govuk-body">None named.</p>
        ) : (
          referral.householdMembers.map((member, index) => (
            <SubjectSummary key={member.id} subject={member} title={`Household member ${index + 1}`} />
          ))
        )}
      </Section>

      <Section id="consent-heading" title="Consent">
        <SummaryList
          rows={[
            { key: 'Victim aware of the referral', value: yesNo(consent.victimAware) },
            { key: 'Consent given', value: CONSENT_GIVEN_LABELS[consent.consentGiven] },
            { key: 'Reason', value: multiline(consent.reason) },
          ]}
        />
      </Section>

      <Section id="narrative-heading" title="What happened">
        <SummaryList
          rows={[
            { key: 'Recent incident', value: multiline(narrative.recentIncident) },
            { key: 'History', value: multiline(narrative.history) },
            { key: 'Support in place', value: multiline(narrative.supportInPlace) },
            { key: 'Risks and triggers', value: multiline(narrative.risksAndTriggers) },
          ]}
        />
      </Section>

      <Section id="police-heading" title="Police references, orders and court dates">
        {referral.policeReferences.length === 0 ? (
          <p className="govuk-body">None given.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Police references, orders and court dates</caption>
            <TableHead columns={['Kind', 'Reference', 'Date', 'Detail']} />
            <tbody className="govuk-table__body">
              {referral.policeReferences.map((reference, index) => (
                <tr className="govuk-table__row" key={index}>
                  <td className="govuk-table__cell">{POLICE_REFERENCE_KIND_LABELS[reference.kind]}</td>
                  <td className="govuk-table__cell">{reference.reference}</td>
                  <td className="govuk-table__cell">{reference.date ? formatDate(reference.date) : ''}</td>
                  <td className="govuk-table__cell">{reference.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
