import { GENDER_LABELS, PERSON_ROLE_LABELS, type ReferralSubjectRecord } from '@marac/shared';
import { formatDate } from '../../../lib/format';
import { SummaryList, type SummaryListRow } from './summary-list';

export const subjectName = (subject: Pick<ReferralSubjectRecord, 'givenName' | 'familyName'>) => `${subject.givenName} ${subject.familyName}`;

function addressLines(address: ReferralSubjectRecord['address']) {
  if (!address) return null;
  const lines = [address.line1, address.line2, address.town, address.postcode].filter((line): line is string => Boolean(line));
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** The identifying rows every person a referral names has; callers add the rows particular to a role. */
export function subjectRows(subject: ReferralSubjectRecord): SummaryListRow[] {
  return [
    { key: 'Name', value: subjectName(subject) },
    { key: 'Other names', value: subject.aliases.map(subjectName).join(', ') },
    { key: subject.datesOfBirth.length > 1 ? 'Dates of birth' : 'Date of birth', value: subject.datesOfBirth.map(formatDate).join(', ') },
    { key: 'Gender', value: GENDER_LABELS[subject.gender] },
    { key: 'Address', value: addressLines(subject.address) },
  ];
}

interface SubjectSummaryProps {
  subject: ReferralSubjectRecord;
  /** Heading of this person's card, e.g. "Perpetrator 1". */
  title: string;
}

/** A perpetrator or household member, with the relationships that matter for the role. */
export function SubjectSummary({ subject, title }: SubjectSummaryProps) {
  const household = subject.role === 'child' || subject.role === 'household_member';
  const rows: SummaryListRow[] = [
    ...subjectRows(subject),
    ...(household ? [{ key: 'Role', value: PERSON_ROLE_LABELS[subject.role] }] : []),
    { key: 'Phone', value: subject.phone },
    { key: 'Relationship to the victim', value: subject.relationshipToVictim },
    ...(household
      ? [
          { key: 'Relationship to the perpetrator', value: subject.relationshipToPerpetrator },
          { key: 'School', value: subject.school },
        ]
      : []),
  ];
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
      </div>
    </div>
  );
}
