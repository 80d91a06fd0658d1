import { describe, expect, it } from 'vitest';
import {
  DASH_ANSWERS,
  DASH_QUESTION_COUNT,
  DASH_QUESTIONS,
  dashScore,
  isDashAnswerValue,
  isDashQuestionNumber,
} from '../../../shared/src/rules/dash';
import type { DashAnswerValue } from '../../../shared/src/rules/dash';

function answers(values: readonly DashAnswerValue[]) {
  return values.map((answer, index) => ({ question: index + 1, answer }));
}

describe('DASH_QUESTIONS', () => {
  it('lists the 24 topics in order', () => {
    expect(DASH_QUESTION_COUNT).toBe(24);
    expect(DASH_QUESTIONS).toHaveLength(24);
    expect(DASH_QUESTIONS.map((q) => q.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(DASH_QUESTIONS[0]?.topic).toBe('Injury in the current incident');
    expect(DASH_QUESTIONS[14]?.topic).toBe('Strangling, choking, suffocating or drowning');
    expect(DASH_QUESTIONS[23]?.topic).toBe('Abuser known to police or has a criminal record');
    for (const q of DASH_QUESTIONS) expect(q.topic.trim()).not.toBe('');
    expect(new Set(DASH_QUESTIONS.map((q) => q.topic)).size).toBe(24);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DASH_QUESTIONS)).toBe(true);
    expect(Object.isFrozen(DASH_QUESTIONS[0])).toBe(true);
  });

  it('has the three answers', () => {
    expect(DASH_ANSWERS).toEqual(['yes', 'no', 'not_known']);
    expect(isDashAnswerValue('not_known')).toBe(true);
    expect(isDashAnswerValue('Yes')).toBe(false);
    expect(isDashQuestionNumber(24)).toBe(true);
    expect(isDashQuestionNumber(0)).toBe(false);
    expect(isDashQuestionNumber(2.5)).toBe(false);
  });
});

describe('dashScore', () => {
  it('counts "yes" answers only', () => {
    expect(dashScore([])).toBe(0);
    expect(dashScore(answers(Array<DashAnswerValue>(24).fill('yes')))).toBe(24);
    expect(dashScore(answers(Array<DashAnswerValue>(24).fill('no')))).toBe(0);
    expect(dashScore(answers(['yes', 'no', 'yes', 'not_known', 'yes']))).toBe(3);
  });

  it('does not count "not known" as yes', () => {
    const thirteenYes = [
      ...Array<DashAnswerValue>(13).fill('yes'),
      ...Array<DashAnswerValue>(11).fill('not_known'),
    ];
    expect(dashScore(answers(thirteenYes))).toBe(13);
    expect(dashScore(answers(Array<DashAnswerValue>(24).fill('not_known')))).toBe(0);
  });

  it('does not depend on the order of answers', () => {
    expect(
      dashScore([
        { question: 24, answer: 'yes' },
        { question: 3, answer: 'yes' },
        { question: 10, answer: 'no' },
      ]),
    ).toBe(2);
  });

  it('rejects a question answered twice, even with the same answer', () => {
    expect(() =>
      dashScore([
        { question: 5, answer: 'yes' },
        { question: 5, answer: 'yes' },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      dashScore([
        { question: 5, answer: 'no' },
        { question: 6, answer: 'yes' },
        { question: 5, answer: 'yes' },
      ]),
    ).toThrow(/answered more than once/);
  });

  it('rejects question numbers outside 1..24', () => {
    for (const question of [0, 25, -1, 1.5, Number.NaN]) {
      expect(() => dashScore([{ question, answer: 'yes' }])).toThrow(RangeError);
    }
  });

  it('rejects an unknown answer value instead of treating it as "no"', () => {
    const bad = [{ question: 1, answer: 'YES' as unknown as DashAnswerValue }];
    expect(() => dashScore(bad)).toThrow(RangeError);
  });
});
