/**
 * Checks on a referral that need more than its shape: today's date, the DASH answers, the area's
 * criteria settings. The form runs them as the referrer types; the server runs them again on submission.
 */
import type { ReferralSubmission } from '../schemas/referrals';
import { dashScore, DASH_QUESTION_COUNT } from './dash';
import { evaluateReferralCriteria, DEFAULT_CRITERIA_SETTINGS, type CriteriaSettings, type ReferralCriteriaResult } from './criteria';
import { ageOn, isAfter } from './dates';

export interface ReferralProblem {
  field: string;
  message: string;
}

export const MINIMUM_VICTIM_AGE = 16;

type Subject = Pick<ReferralSubmission['victim'], 'datesOfBirth'>;

function futureBirthDates(subject: Subject, path: string, today: string): ReferralProblem[] {
  return subject.datesOfBirth.flatMap((dob, i) =>
    isAfter(dob, today) ? [{ field: `${path}.datesOfBirth.${i}`, message: 'Date of birth must be in the past' }] : [],
  );
}

/** The criteria this referral meets, from the same rule the server uses. */
export function referralCriteria(
  referral: Pick<ReferralSubmission, 'assessment' | 'professionalJudgementReasons' | 'incidentDates' | 'referralDate' | 'knownRepeat'>,
  settings: CriteriaSettings = DEFAULT_CRITERIA_SETTINGS,
): ReferralCriteriaResult & { score: number } {
  const score = dashScore(referral.assessment.answers);
  const result = evaluateReferralCriteria(
    {
      dashScore: score,
      professionalJudgementReasons: referral.professionalJudgementReasons,
      incidentDates: referral.incidentDates,
      referralDate: referral.referralDate,
      isRepeat: referral.knownRepeat,
    },
    settings,
  );
  return { ...result, score };
}

export function referralProblems(referral: ReferralSubmission, today: string, settings: CriteriaSettings = DEFAULT_CRITERIA_SETTINGS): ReferralProblem[] {
  const problems: ReferralProblem[] = [];
  if (isAfter(referral.referralDate, today)) problems.push({ field: 'referralDate', message: 'Referral date must be today or in the past' });
  if (isAfter(referral.assessment.completedOn, today)) {
    problems.push({ field: 'assessment.completedOn', message: 'The date the checklist was completed must be today or in the past' });
  }
  referral.incidentDates.forEach((d, i) => {
    if (isAfter(d, today)) problems.push({ field: `incidentDates.${i}`, message: 'Incident dates must be in the past' });
  });

  problems.push(...futureBirthDates(referral.victim, 'victim', today));
  referral.perpetrators.forEach((p, i) => problems.push(...futureBirthDates(p, `perpetrators.${i}`, today)));
  referral.householdMembers.forEach((m, i) => problems.push(...futureBirthDates(m, `householdMembers.${i}`, today)));

  // MARAC hears victims aged 16 or over; a younger victim goes to children's safeguarding instead.
  referral.victim.datesOfBirth.forEach((dob, i) => {
    if (!isAfter(dob, today) && ageOn(dob, today) < MINIMUM_VICTIM_AGE) {
      problems.push({ field: `victim.datesOfBirth.${i}`, message: `The victim must be ${MINIMUM_VICTIM_AGE} or over to be referred to MARAC` });
    }
  });

  const questions = new Set<number>();
  referral.assessment.answers.forEach((a, i) => {
    if (questions.has(a.question)) problems.push({ field: `assessment.answers.${i}`, message: `Question ${a.question} is answered twice` });
    questions.add(a.question);
  });
  if (referral.assessment.tool === 'dash') {
    for (let q = 1; q <= DASH_QUESTION_COUNT; q++) {
      if (!questions.has(q)) problems.push({ field: `assessment.answers.q${q}`, message: `Answer question ${q}: yes, no or not known` });
    }
  }
  if (problems.some((p) => p.field.startsWith('assessment.answers'))) return problems;

  const criteria = referralCriteria(referral, settings);
  if (criteria.score !== referral.dashScore) {
    problems.push({
      field: 'dashScore',
      message: `The score sent (${referral.dashScore}) does not match the answers (${criteria.score} “yes”): reload the form and check the answers`,
    });
  }
  problems.push(...criteria.problems);

  const { consent } = referral;
  if ((!consent.victimAware || consent.consentGiven !== 'yes') && !consent.reason) {
    problems.push({
      field: 'consent.reason',
      message: consent.victimAware ? 'Say why the referral is going ahead without consent' : 'Say why the victim has not been told of the referral',
    });
  }
  return problems;
}
