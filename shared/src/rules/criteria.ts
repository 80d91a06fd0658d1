/**
 * MARAC referral criteria. Any one criterion is enough for a referral to be heard.
 */

import { DASH_QUESTION_COUNT } from './dash';
import { addMonths, compareIsoDates } from './dates';
import type { IsoDate } from './dates';

export const REFERRAL_CRITERIA = [
  'visible_high_risk',
  'professional_judgement',
  'potential_escalation',
  'repeat',
] as const;
export type ReferralCriterion = (typeof REFERRAL_CRITERIA)[number];

export interface CriteriaSettings {
  /** Minimum number of DASH "yes" answers for visible high risk. */
  readonly visibleHighRiskThreshold: number;
  /** Minimum number of incidents within `escalationMonths` for potential escalation. */
  readonly escalationIncidents: number;
  readonly escalationMonths: number;
}

// The national defaults (14 "yes" answers; 3 incidents in 12 months). Areas may differ, e.g. some
// use 3 incidents in 6 months.
export const DEFAULT_CRITERIA_SETTINGS: Readonly<CriteriaSettings> = Object.freeze({
  visibleHighRiskThreshold: 14,
  escalationIncidents: 3,
  escalationMonths: 12,
});

export interface ReferralCriteriaInput {
  readonly dashScore: number;
  readonly professionalJudgementReasons?: string | null;
  /** Dates of known domestic-abuse incidents from any agency, not only police call-outs. */
  readonly incidentDates?: readonly IsoDate[];
  readonly referralDate: IsoDate;
  readonly isRepeat?: boolean;
}

export interface CriteriaProblem {
  readonly field: string;
  readonly message: string;
}

export interface ReferralCriteriaResult {
  /** In the order of `REFERRAL_CRITERIA`. */
  met: ReferralCriterion[];
  meetsAny: boolean;
  incidentsInWindow: number;
  problems: CriteriaProblem[];
}

function requireIntegerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export function validateCriteriaSettings(settings: CriteriaSettings): void {
  requireIntegerIn(
    'visibleHighRiskThreshold',
    settings.visibleHighRiskThreshold,
    1,
    DASH_QUESTION_COUNT,
  );
  requireIntegerIn('escalationIncidents', settings.escalationIncidents, 1, Number.MAX_SAFE_INTEGER);
  requireIntegerIn('escalationMonths', settings.escalationMonths, 1, 24);
}

/**
 * Incidents in the `months` months up to and including the referral date. The window excludes
 * the day exactly `months` months earlier, so it spans exactly that many calendar months, the
 * same way the repeat window lapses on its anniversary. Incidents dated after the referral are
 * ignored: they cannot have been the basis for it.
 */
export function countIncidentsInWindow(
  incidentDates: readonly IsoDate[],
  referralDate: IsoDate,
  months: number,
): number {
  requireIntegerIn('months', months, 1, Number.MAX_SAFE_INTEGER);
  const windowOpensAfter = addMonths(referralDate, -months);
  let count = 0;
  for (const date of incidentDates) {
    if (compareIsoDates(date, windowOpensAfter) > 0 && compareIsoDates(date, referralDate) <= 0) {
      count += 1;
    }
  }
  return count;
}

export function evaluateReferralCriteria(
  input: ReferralCriteriaInput,
  settings: CriteriaSettings = DEFAULT_CRITERIA_SETTINGS,
): ReferralCriteriaResult {
  validateCriteriaSettings(settings);
  requireIntegerIn('dashScore', input.dashScore, 0, DASH_QUESTION_COUNT);

  const threshold = settings.visibleHighRiskThreshold;
  const incidentsInWindow = countIncidentsInWindow(
    input.incidentDates ?? [],
    input.referralDate,
    settings.escalationMonths,
  );

  const metSet = new Set<ReferralCriterion>();
  if (input.dashScore >= threshold) metSet.add('visible_high_risk');
  // Recorded even when the score already meets the threshold: the reasoning stays on file, and
  // professional judgement can only add a basis for referral, never take one away.
  if ((input.professionalJudgementReasons ?? '').trim() !== '') metSet.add('professional_judgement');
  if (incidentsInWindow >= settings.escalationIncidents) metSet.add('potential_escalation');
  if (input.isRepeat === true) metSet.add('repeat');

  const met = REFERRAL_CRITERIA.filter((criterion) => metSet.has(criterion));
  const problems: CriteriaProblem[] = [];
  if (met.length === 0) {
    problems.push({
      field: 'professionalJudgementReasons',
      message: `Below the threshold of ${threshold}: give professional-judgement reasons, or an escalation or repeat basis`,
    });
  }

  return { met, meetsAny: met.length > 0, incidentsInWindow, problems };
}
