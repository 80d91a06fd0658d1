import {
  PERSON_ROLE_LABELS,
  type FieldError,
  type MatchCandidate,
  type MatchDecisionInput,
  type SubjectMatches,
} from '@marac/shared';
import { useState } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Tag } from '../../../components/ui/tag';
import { WarningText } from '../../../components/ui/warning-text';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatCount, formatDate } from '../../../lib/format';
import { useDecideMatch } from '../api/decide-match';
import { useReferralMatches } from '../api/get-referral-matches';
import { SummaryList } from './summary-list';

const NO_FIELDS = {};

const cases = (n: number) => formatCount(n, 'case');

type Decide = (subject: SubjectMatches, candidate: MatchCandidate, decision: MatchDecisionInput['decision']) => void;

/**
 * People already held, in any area, who may be the people this referral names. The coordinator
 * confirms or rejects each suggestion; only confirmed links count towards flags, and a rejected
 * pair is not suggested again.
 */
export function IdentityMatches({ referralId }: { referralId: string }) {
  const matches = useReferralMatches(referralId);
  const decideMatch = useDecideMatch();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const decide: Decide = (subject, candidate, decision) => {
    if (decideMatch.isPending) return;
    setNotice(null);
    decideMatch.mutate(
      { referralId, subjectId: subject.subjectId, input: { personId: candidate.personId, decision } },
      {
        onSuccess: () => {
          setErrors([]);
          setNotice(
            decision === 'confirm'
              ? `Recorded that ${candidate.displayName} is the same person as ${subject.displayName}`
              : `Recorded that ${candidate.displayName} is not the same person as ${subject.displayName}`,
          );
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  return (
    <section aria-labelledby="matches-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="matches-heading">
        Identity matches
      </h2>
      <p className="govuk-body">
        People already held, in any area, who may be the people this referral names. Confirm a match only when you are sure: flags
        such as repeat are drawn from confirmed matches.
      </p>
      {matches.isPending ? <Loading label="Looking for people already held…" /> : null}
      {matches.isError ? <QueryProblem error={matches.error} subject="the identity matches" /> : null}
      {matches.data ? (
        <>
          <ErrorSummary errors={errors} fieldIds={NO_FIELDS} />
          {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
          {matches.data.decidable ? null : (
            <p className="govuk-inset-text">This referral was rejected or merged: its matches can no longer be decided.</p>
          )}
          {matches.data.subjects.map((subject) => (
            <SubjectMatchList
              key={subject.subjectId}
              subject={subject}
              decidable={matches.data.decidable}
              pending={decideMatch.isPending}
              onDecide={decide}
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

interface SubjectMatchListProps {
  subject: SubjectMatches;
  decidable: boolean;
  pending: boolean;
  onDecide: Decide;
}

function SubjectMatchList({ subject, decidable, pending, onDecide }: SubjectMatchListProps) {
  const headingId = `matches-${subject.subjectId}`;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={headingId}>
        {PERSON_ROLE_LABELS[subject.role]}: {subject.displayName}
      </h3>
      {subject.linkFixed ? (
        <p className="govuk-hint">
          The referral has been accepted, so this person is held. Confirming a match now records that two held records are the same
          person.
        </p>
      ) : null}
      {subject.candidates.length === 0 ? (
        <p className="govuk-body">No one held matches this person.</p>
      ) : (
        subject.candidates.map((candidate) => (
          <CandidateCard
            key={candidate.personId}
            subject={subject}
            candidate={candidate}
            decidable={decidable}
            pending={pending}
            onDecide={onDecide}
          />
        ))
      )}
    </section>
  );
}

function CandidateStatus({ subject, candidate }: { subject: SubjectMatches; candidate: MatchCandidate }) {
  if (candidate.personId === subject.linkedPersonId) return <Tag colour="green">Linked: same person</Tag>;
  if (candidate.decision === 'confirmed') return <Tag colour="green">Same person</Tag>;
  if (candidate.decision === 'rejected') return <Tag colour="grey">Not the same person</Tag>;
  return <Tag colour="blue">Suggested</Tag>;
}

interface CandidateCardProps {
  subject: SubjectMatches;
  candidate: MatchCandidate;
  decidable: boolean;
  pending: boolean;
  onDecide: Decide;
}

function CandidateCard({ subject, candidate, decidable, pending, onDecide }: CandidateCardProps) {
  const linked = candidate.personId === subject.linkedPersonId;
  const canConfirm = decidable && !linked && candidate.decision !== 'confirmed';
  // Once the referral is accepted its people are held, and the person it is linked to cannot be unlinked.
  const canReject = decidable && candidate.decision !== 'rejected' && !(linked && subject.linkFixed);
  const hidden = candidate.hiddenCaseCount;

  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">
          {candidate.displayName} <CandidateStatus subject={subject} candidate={candidate} />
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        {candidate.roleConflict ? <WarningText>{candidate.roleConflict}</WarningText> : null}
        <SummaryList
          rows={[
            { key: 'Match score', value: candidate.score === null ? 'Linked by hand' : `${candidate.score} out of 100` },
            {
              key: 'Why suggested',
              value:
                candidate.reasons.length === 0 ? null : (
                  <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                    {candidate.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                ),
            },
            { key: 'Other names', value: candidate.otherNames.join(', ') || 'None held' },
            { key: 'Dates of birth', value: candidate.datesOfBirth.map(formatDate).join(', ') || 'None held' },
            { key: 'Postcode districts', value: candidate.postcodeDistricts.join(', ') || 'None held' },
            {
              key: 'Roles held',
              value: candidate.roles.map((role) => `${PERSON_ROLE_LABELS[role.role]} in ${cases(role.caseCount)}, ${role.areaName}`).join('; '),
            },
            {
              key: 'Cases',
              value:
                candidate.visibleCases.length === 0 && hidden === 0 ? null : (
                  <>
                    {candidate.visibleCases.length > 0 ? (
                      <ul className="govuk-list govuk-!-margin-bottom-1">
                        {candidate.visibleCases.map((held) => (
                          <li key={`${held.id}-${held.role}`}>
                            <strong>{held.reference}</strong> ({held.areaName}): {PERSON_ROLE_LABELS[held.role].toLowerCase()}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {hidden > 0 ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-0">
                        {candidate.visibleCases.length > 0
                          ? `and ${hidden} other ${hidden === 1 ? 'case' : 'cases'} you cannot see`
                          : `${cases(hidden)} you cannot see`}
                      </p>
                    ) : null}
                  </>
                ),
            },
          ]}
        />
        {canConfirm || canReject ? (
          <ButtonGroup>
            {canConfirm ? (
              <Button variant="secondary" aria-disabled={pending} onClick={() => onDecide(subject, candidate, 'confirm')}>
                Same person<span className="govuk-visually-hidden">: {candidate.displayName}</span>
              </Button>
            ) : null}
            {canReject ? (
              <Button variant="secondary" aria-disabled={pending} onClick={() => onDecide(subject, candidate, 'reject')}>
                Not the same person<span className="govuk-visually-hidden">: {candidate.displayName}</span>
              </Button>
            ) : null}
          </ButtonGroup>
        ) : null}
      </div>
    </div>
  );
}
