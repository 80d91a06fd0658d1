/**
 * The repeat window. MARAC does not keep cases open: for a set period after the anchor date any
 * further incident between the same victim and perpetrator is a repeat referral, whatever its
 * severity; after it, a further incident is a new referral.
 */

import { addMonths, compareIsoDates, daysBetween } from './dates';
import type { IsoDate } from './dates';

/** Most areas count from the last referral; some from the last hearing. */
export const REPEAT_ANCHORS = ['last_referral', 'last_hearing'] as const;
export type RepeatAnchor = (typeof REPEAT_ANCHORS)[number];

export const DEFAULT_REPEAT_WINDOW_MONTHS = 12;

/** How close to lapsing (before or after) a window must be for coordinators to be alerted. */
export const REPEAT_WINDOW_NOTICE_DAYS = 30;

export const REPEAT_WINDOW_STATUSES = [
  'open',
  'lapsing_soon',
  'lapsed_recently',
  'lapsed',
  'none',
] as const;
export type RepeatWindowStatus = (typeof REPEAT_WINDOW_STATUSES)[number];

export interface RepeatHistory {
  readonly lastReferralDate: IsoDate | null;
  readonly lastHearingDate: IsoDate | null;
}

/** The window is `[anchorDate, lapsesOn)`: it is closed on `lapsesOn`, the anniversary. */
export interface RepeatWindow {
  anchorDate: IsoDate;
  lapsesOn: IsoDate;
}

export interface RepeatCheck {
  isRepeat: boolean;
  anchorDate: IsoDate | null;
  lapsesOn: IsoDate | null;
  /** Days from the new referral to the lapse date; only set when it is a repeat. */
  daysLeft: number | null;
}

function requireMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`Repeat window months must be a positive integer, got ${months}`);
  }
}

export function repeatAnchorDate(history: RepeatHistory, anchor: RepeatAnchor): IsoDate | null {
  const { lastReferralDate, lastHearingDate } = history;
  if (anchor === 'last_referral' || lastHearingDate === null) {
    // Counting from the hearing, a referral not heard yet still opens a window from its own date;
    // otherwise an incident while it waits for its meeting would be treated as a new referral.
    return lastReferralDate;
  }
  // Same reasoning when a later referral has arrived since the last hearing and awaits its own.
  if (lastReferralDate !== null && compareIsoDates(lastReferralDate, lastHearingDate) > 0) {
    return lastReferralDate;
  }
  return lastHearingDate;
}

export function repeatWindow(
  history: RepeatHistory,
  anchor: RepeatAnchor,
  months: number = DEFAULT_REPEAT_WINDOW_MONTHS,
): RepeatWindow | null {
  requireMonths(months);
  const anchorDate = repeatAnchorDate(history, anchor);
  if (anchorDate === null) return null;
  return { anchorDate, lapsesOn: addMonths(anchorDate, months) };
}

export function checkRepeat(
  newReferralDate: IsoDate,
  history: RepeatHistory,
  anchor: RepeatAnchor,
  months: number = DEFAULT_REPEAT_WINDOW_MONTHS,
): RepeatCheck {
  const window = repeatWindow(history, anchor, months);
  if (window === null) {
    return { isRepeat: false, anchorDate: null, lapsesOn: null, daysLeft: null };
  }
  // A referral dated before the anchor cannot repeat it; it is history being entered late.
  const isRepeat =
    compareIsoDates(newReferralDate, window.anchorDate) >= 0 &&
    compareIsoDates(newReferralDate, window.lapsesOn) < 0;
  return {
    isRepeat,
    anchorDate: window.anchorDate,
    lapsesOn: window.lapsesOn,
    daysLeft: isRepeat ? daysBetween(newReferralDate, window.lapsesOn) : null,
  };
}

/**
 * Where a case stands relative to its window on `today`, for the coordinator's lists: `lapsing_soon`
 * when it lapses within the next `REPEAT_WINDOW_NOTICE_DAYS` days, `lapsed_recently` when it
 * lapsed (on `lapsesOn`) no more than that many days ago.
 */
export function windowStatus(
  history: RepeatHistory,
  anchor: RepeatAnchor,
  today: IsoDate,
  months: number = DEFAULT_REPEAT_WINDOW_MONTHS,
): RepeatWindowStatus {
  const window = repeatWindow(history, anchor, months);
  if (window === null) return 'none';
  const daysUntilLapse = daysBetween(today, window.lapsesOn);
  if (daysUntilLapse > REPEAT_WINDOW_NOTICE_DAYS) return 'open';
  if (daysUntilLapse > 0) return 'lapsing_soon';
  if (daysUntilLapse >= -REPEAT_WINDOW_NOTICE_DAYS) return 'lapsed_recently';
  return 'lapsed';
}
