/**
 * The 24-question DASH Risk Identification Checklist (RIC) and its score.
 */

export const DASH_ANSWERS = ['yes', 'no', 'not_known'] as const;
export type DashAnswerValue = (typeof DASH_ANSWERS)[number];

export const DASH_QUESTION_COUNT = 24;

export type DashQuestionNumber =
  | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12
  | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24;

export interface DashQuestion {
  readonly number: DashQuestionNumber;
  readonly topic: string;
}

// Short topics for lists and summaries; the full wording of each question is the published
// checklist's and is not reproduced here.
export const DASH_QUESTIONS: readonly DashQuestion[] = Object.freeze(
  (
    [
      [1, 'Injury in the current incident'],
      [2, 'Victim very frightened'],
      [3, 'What the victim fears (further injury, being killed, harm to children or others)'],
      [4, 'Isolation from family and friends'],
      [5, 'Depression or suicidal thoughts'],
      [6, 'Separation or attempted separation in the last year'],
      [7, 'Conflict over child contact'],
      [8, 'Constant contact, following, stalking, harassment'],
      [9, 'Pregnancy or a baby in the last 18 months'],
      [10, 'Abuse happening more often'],
      [11, 'Abuse getting worse'],
      [12, 'Controlling behaviour or excessive jealousy'],
      [13, 'Use of a weapon or object to hurt'],
      [14, 'Threats to kill the victim or someone else'],
      [15, 'Strangling, choking, suffocating or drowning'],
      [16, 'Sexual abuse'],
      [17, 'Other people who threaten or are feared'],
      [18, 'Abuser known to hurt others (children, relatives, ex-partners, strangers)'],
      [19, 'Cruelty to animals'],
      [20, 'Financial problems or dependence'],
      [21, "Abuser's problems with drugs, alcohol or mental health in the last year"],
      [22, 'Abuser threatened or attempted suicide'],
      [23, 'Breach of bail, injunction or contact agreement'],
      [24, 'Abuser known to police or has a criminal record'],
    ] as const
  ).map(([number, topic]) => Object.freeze({ number, topic })),
);

export function isDashAnswerValue(value: unknown): value is DashAnswerValue {
  return typeof value === 'string' && (DASH_ANSWERS as readonly string[]).includes(value);
}

export function isDashQuestionNumber(value: unknown): value is DashQuestionNumber {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= DASH_QUESTION_COUNT
  );
}

/**
 * Number of "yes" answers. "Not known" counts as not yes, as the checklist guidance says.
 *
 * Malformed input throws rather than being skipped: a dropped or doubled answer would silently
 * move a case across the referral threshold, and an unrecognised answer such as "Yes" must not be
 * read as "no".
 */
export function dashScore(
  answers: readonly { readonly question: number; readonly answer: DashAnswerValue }[],
): number {
  const seen = new Set<number>();
  let score = 0;
  for (const { question, answer } of answers) {
    if (!isDashQuestionNumber(question)) {
      throw new RangeError(`DASH question number must be 1..${DASH_QUESTION_COUNT}, got ${question}`);
    }
    if (seen.has(question)) {
      throw new RangeError(`DASH question ${question} is answered more than once`);
    }
    if (!isDashAnswerValue(answer)) {
      throw new RangeError(`DASH question ${question} has an unknown answer: ${String(answer)}`);
    }
    seen.add(question);
    if (answer === 'yes') score += 1;
  }
  return score;
}
