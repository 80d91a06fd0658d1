import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CRITERIA_SETTINGS,
  REFERRAL_CRITERIA,
  countIncidentsInWindow,
  evaluateReferralCriteria,
  validateCriteriaSettings,
} from '../../../shared/src/rules/criteria';

const referralDate = '2026-06-15';

describe('defaults', () => {
  it('uses the national criteria', () => {
    expect(REFERRAL_CRITERIA).toEqual([
      'visible_high_risk',
      'professional_judgement',
      'potential_escalation',
      'repeat',
    ]);
    expect(DEFAULT_CRITERIA_SETTINGS).toEqual({
      visibleHighRiskThreshold: 14,
      escalationIncidents: 3,
      escalationMonths: 12,
    });
    expect(Object.isFrozen(DEFAULT_CRITERIA_SETTINGS)).toBe(true);
  });
});

describe('visible high risk', () => {
  it('is met at 14 and above, not at 13', () => {
    const at13 = evaluateReferralCriteria({ dashScore: 13, referralDate });
    expect(at13.met).toEqual([]);
    expect(at13.meetsAny).toBe(false);

    const at14 = evaluateReferralCriteria({ dashScore: 14, referralDate });
    expect(at14.met).toEqual(['visible_high_risk']);
    expect(at14.meetsAny).toBe(true);
    expect(at14.problems).toEqual([]);

    const at15 = evaluateReferralCriteria({ dashScore: 15, referralDate });
    expect(at15.met).toEqual(['visible_high_risk']);
    expect(at15.problems).toEqual([]);
  });

  it('follows a configured threshold', () => {
    const settings = { ...DEFAULT_CRITERIA_SETTINGS, visibleHighRiskThreshold: 10 };
    expect(evaluateReferralCriteria({ dashScore: 9, referralDate }, settings).met).toEqual([]);
    expect(evaluateReferralCriteria({ dashScore: 10, referralDate }, settings).met).toEqual([
      'visible_high_risk',
    ]);
    expect(evaluateReferralCriteria({ dashScore: 13, referralDate }, settings).met).toEqual([
      'visible_high_risk',
    ]);
  });

  it('explains what is missing below the threshold, naming the threshold', () => {
    const result = evaluateReferralCriteria({ dashScore: 13, referralDate });
    expect(result.problems).toEqual([
      {
        field: 'professionalJudgementReasons',
        message:
          'Below the threshold of 14: give professional-judgement reasons, or an escalation or repeat basis',
      },
    ]);
    const custom = evaluateReferralCriteria(
      { dashScore: 3, referralDate },
      { ...DEFAULT_CRITERIA_SETTINGS, visibleHighRiskThreshold: 10 },
    );
    expect(custom.problems[0]?.message).toContain('threshold of 10');
  });
});

describe('professional judgement', () => {
  it('lifts a case below the threshold when reasons are given', () => {
    const result = evaluateReferralCriteria({
      dashScore: 13,
      professionalJudgementReasons: 'Recent strangulation; victim minimises; escalating stalking.',
      referralDate,
    });
    expect(result.met).toEqual(['professional_judgement']);
    expect(result.meetsAny).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('does not count empty or whitespace-only reasons', () => {
    for (const reasons of ['', '   ', '\n\t ', null, undefined]) {
      const result = evaluateReferralCriteria({
        dashScore: 13,
        professionalJudgementReasons: reasons,
        referralDate,
      });
      expect(result.met).toEqual([]);
      expect(result.meetsAny).toBe(false);
      expect(result.problems).toHaveLength(1);
    }
  });

  it('never lowers a case at or above the threshold', () => {
    const result = evaluateReferralCriteria({
      dashScore: 14,
      professionalJudgementReasons: 'Referrer thinks the risk is lower than the score suggests.',
      referralDate,
    });
    expect(result.met).toEqual(['visible_high_risk', 'professional_judgement']);
    expect(result.meetsAny).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('works even with a score of 0', () => {
    const result = evaluateReferralCriteria({
      dashScore: 0,
      professionalJudgementReasons: 'Victim unable to answer; police concern.',
      referralDate,
    });
    expect(result.met).toEqual(['professional_judgement']);
  });
});

describe('potential escalation', () => {
  it('needs 3 incidents in the 12 months, not 2', () => {
    const two = evaluateReferralCriteria({
      dashScore: 5,
      incidentDates: ['2026-01-10', '2026-05-02'],
      referralDate,
    });
    expect(two.incidentsInWindow).toBe(2);
    expect(two.met).toEqual([]);
    expect(two.problems).toHaveLength(1);

    const three = evaluateReferralCriteria({
      dashScore: 5,
      incidentDates: ['2025-07-01', '2026-01-10', '2026-05-02'],
      referralDate,
    });
    expect(three.incidentsInWindow).toBe(3);
    expect(three.met).toEqual(['potential_escalation']);
    expect(three.problems).toEqual([]);
  });

  it('ignores incidents before the window and after the referral', () => {
    const result = evaluateReferralCriteria({
      dashScore: 5,
      incidentDates: ['2024-12-01', '2025-06-15', '2026-01-10', '2026-06-15', '2026-06-16'],
      referralDate,
    });
    // 2025-06-15 is exactly 12 months before: outside. 2026-06-15 (the referral date) counts.
    // 2026-06-16 is after the referral.
    expect(result.incidentsInWindow).toBe(2);
    expect(result.met).toEqual([]);
  });

  it('counts an incident on the day after the window opens', () => {
    expect(countIncidentsInWindow(['2025-06-16', '2025-06-15'], referralDate, 12)).toBe(1);
    expect(countIncidentsInWindow([], referralDate, 12)).toBe(0);
  });

  it('supports the 3-in-6-months setting', () => {
    const settings = { ...DEFAULT_CRITERIA_SETTINGS, escalationMonths: 6 };
    const incidentDates = ['2025-12-20', '2026-03-01', '2026-06-01'];
    expect(
      evaluateReferralCriteria({ dashScore: 5, incidentDates, referralDate }, settings).met,
    ).toEqual(['potential_escalation']);
    // Moving the first incident to exactly six months before drops it out of the window.
    const older = ['2025-12-15', '2026-03-01', '2026-06-01'];
    const result = evaluateReferralCriteria(
      { dashScore: 5, incidentDates: older, referralDate },
      settings,
    );
    expect(result.incidentsInWindow).toBe(2);
    expect(result.met).toEqual([]);
    // The same incidents do qualify under the 12-month default.
    expect(
      evaluateReferralCriteria({ dashScore: 5, incidentDates: older, referralDate }).met,
    ).toEqual(['potential_escalation']);
  });

  it('counts repeated dates as separate incidents', () => {
    const result = evaluateReferralCriteria({
      dashScore: 5,
      incidentDates: ['2026-06-01', '2026-06-01', '2026-06-01'],
      referralDate,
    });
    expect(result.met).toEqual(['potential_escalation']);
  });
});

describe('repeat', () => {
  it('is met when flagged, whatever the score', () => {
    const result = evaluateReferralCriteria({ dashScore: 2, isRepeat: true, referralDate });
    expect(result.met).toEqual(['repeat']);
    expect(result.problems).toEqual([]);
    expect(evaluateReferralCriteria({ dashScore: 2, isRepeat: false, referralDate }).met).toEqual(
      [],
    );
  });

  it('lists every criterion met, in the standard order', () => {
    const result = evaluateReferralCriteria({
      dashScore: 20,
      isRepeat: true,
      professionalJudgementReasons: 'Threats to kill.',
      incidentDates: ['2026-02-01', '2026-04-01', '2026-06-01'],
      referralDate,
    });
    expect(result.met).toEqual([...REFERRAL_CRITERIA]);
  });
});

describe('validation', () => {
  it('rejects settings out of range', () => {
    const bad = [
      { visibleHighRiskThreshold: 0 },
      { visibleHighRiskThreshold: 25 },
      { visibleHighRiskThreshold: 13.5 },
      { escalationIncidents: 0 },
      { escalationMonths: 0 },
      { escalationMonths: 25 },
    ];
    for (const change of bad) {
      const settings = { ...DEFAULT_CRITERIA_SETTINGS, ...change };
      expect(() => validateCriteriaSettings(settings)).toThrow(RangeError);
      expect(() => evaluateReferralCriteria({ dashScore: 14, referralDate }, settings)).toThrow(
        RangeError,
      );
    }
    expect(() =>
      validateCriteriaSettings({
        visibleHighRiskThreshold: 24,
        escalationIncidents: 1,
        escalationMonths: 24,
      }),
    ).not.toThrow();
  });

  it('rejects an impossible score or an invalid date', () => {
    expect(() => evaluateReferralCriteria({ dashScore: 25, referralDate })).toThrow(RangeError);
    expect(() => evaluateReferralCriteria({ dashScore: -1, referralDate })).toThrow(RangeError);
    expect(() => evaluateReferralCriteria({ dashScore: 14, referralDate: '2026-02-30' })).toThrow(
      RangeError,
    );
    expect(() =>
      evaluateReferralCriteria({ dashScore: 1, referralDate, incidentDates: ['not a date'] }),
    ).toThrow(RangeError);
  });
});
