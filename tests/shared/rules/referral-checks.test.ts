import { describe, expect, it } from 'vitest';
import { ReferralSubmission, type DashAnswer } from '@marac/shared';
import { referralCriteria, referralProblems } from '../../../shared/src/rules/referral-checks';

const TODAY = '2026-11-23';

function answers(yes: number): DashAnswer[] {
  return Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < yes ? 'yes' : i % 2 ? 'no' : 'not_known', comment: null }));
}

function referral(overrides: Record<string, unknown> = {}, yes = 15): ReferralSubmission {
  return ReferralSubmission.parse({
    areaId: '7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
    referrerName: 'Pat Referrer',
    referrerContact: 'pat.referrer@police.example',
    referralDate: '2026-11-20',
    assessment: { completedOn: '2026-11-19', answers: answers(yes) },
    dashScore: yes,
    victim: { givenName: 'Alex', familyName: 'Example', datesOfBirth: ['1990-04-02'] },
    victimDetails: { contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null }, diversity: {} },
    perpetrators: [{ givenName: 'Sam', familyName: 'Example', datesOfBirth: ['1988-01-30'] }],
    consent: { victimAware: true, consentGiven: 'yes', reason: null },
    narrative: { recentIncident: null, history: null, supportInPlace: null, risksAndTriggers: null },
    ...overrides,
  });
}

const fields = (r: ReferralSubmission) => referralProblems(r, TODAY).map((p) => p.field);

describe('referralProblems', () => {
  it('accepts a complete referral at visible high risk', () => {
    expect(referralProblems(referral(), TODAY)).toEqual([]);
  });

  it('refuses a date of birth in the future for the victim and for a perpetrator, naming each field', () => {
    const r = referral({
      victim: { givenName: 'Alex', familyName: 'Example', datesOfBirth: ['1990-04-02', '2027-01-01'] },
      perpetrators: [{ givenName: 'Sam', familyName: 'Example', datesOfBirth: ['2026-11-24'] }],
    });
    expect(fields(r)).toEqual(['victim.datesOfBirth.1', 'perpetrators.0.datesOfBirth.0']);
  });

  it('accepts a date of birth of today for a baby in the household', () => {
    const r = referral({ householdMembers: [{ role: 'child', givenName: 'Baby', familyName: 'Example', datesOfBirth: [TODAY] }] });
    expect(fields(r)).toEqual([]);
  });

  it('refuses a victim under 16 on the day before their 16th birthday and accepts them on it', () => {
    const under = referral({ victim: { givenName: 'Alex', familyName: 'Example', datesOfBirth: ['2010-11-24'] } });
    expect(fields(under)).toEqual(['victim.datesOfBirth.0']);
    const sixteen = referral({ victim: { givenName: 'Alex', familyName: 'Example', datesOfBirth: ['2010-11-23'] } });
    expect(fields(sixteen)).toEqual([]);
  });

  it('refuses a score that disagrees with the answers sent', () => {
    const r = referral({ dashScore: 18 });
    const problems = referralProblems(r, TODAY);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'dashScore' });
    expect(problems[0]?.message).toContain('(18)');
    expect(problems[0]?.message).toContain('(15');
  });

  it('asks for every unanswered DASH question', () => {
    const r = referral({ assessment: { completedOn: '2026-11-19', answers: answers(15).slice(0, 22) } });
    expect(fields(r)).toEqual(['assessment.answers.q23', 'assessment.answers.q24']);
  });

  it('below the threshold needs professional-judgement reasons, or an escalation or repeat basis', () => {
    expect(fields(referral({ dashScore: 13 }, 13))).toEqual(['professionalJudgementReasons']);
    expect(fields(referral({ dashScore: 13, professionalJudgementReasons: 'Recent threats with a weapon' }, 13))).toEqual([]);
    expect(fields(referral({ dashScore: 13, knownRepeat: true }, 13))).toEqual([]);
    expect(fields(referral({ dashScore: 13, incidentDates: ['2026-01-10', '2026-06-01', '2026-11-01'] }, 13))).toEqual([]);
  });

  it('needs a reason when the victim has not been told or has not consented', () => {
    expect(fields(referral({ consent: { victimAware: false, consentGiven: 'not_asked', reason: null } }))).toEqual(['consent.reason']);
    expect(fields(referral({ consent: { victimAware: true, consentGiven: 'no', reason: null } }))).toEqual(['consent.reason']);
    expect(fields(referral({ consent: { victimAware: true, consentGiven: 'no', reason: 'Risk too high to wait' } }))).toEqual([]);
  });

  it('refuses a referral date or incident date in the future', () => {
    expect(fields(referral({ referralDate: '2026-11-24' }))).toEqual(['referralDate']);
    expect(fields(referral({ incidentDates: ['2026-12-01'] }))).toEqual(['incidentDates.0']);
  });
});

describe('referralCriteria', () => {
  it('reports the score and criteria live from the answers, honouring the area threshold', () => {
    const r = referral({ dashScore: 12 }, 12);
    expect(referralCriteria(r)).toMatchObject({ score: 12, met: [], meetsAny: false });
    expect(referralCriteria(r, { visibleHighRiskThreshold: 10, escalationIncidents: 3, escalationMonths: 12 })).toMatchObject({
      met: ['visible_high_risk'],
      meetsAny: true,
    });
  });
});

describe('ReferralSubmission', () => {
  it('refuses a referral with no perpetrator and one with no victim, naming the field', () => {
    const noPerpetrator = ReferralSubmission.safeParse({ ...referral(), perpetrators: [] });
    expect(noPerpetrator.success).toBe(false);
    expect(noPerpetrator.error?.issues.map((i) => i.path.join('.'))).toEqual(['perpetrators']);
    const { victim: _victim, ...withoutVictim } = referral();
    const noVictim = ReferralSubmission.safeParse(withoutVictim);
    expect(noVictim.error?.issues.map((i) => i.path.join('.'))).toEqual(['victim']);
  });
});
