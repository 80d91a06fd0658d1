/**
 * Fast calendar helpers for the generator. Dates are handled as day numbers (days since 1970-01-01) and
 * turned into `YYYY-MM-DD` strings through a cache: a million-referral run formats tens of millions of
 * dates, and parsing and formatting each one through the shared string helpers would dominate the run.
 * The conversions themselves still come from the shared rules, so both sides agree on every date.
 */

import { fromEpochDay, longDate as formatLongDate, toEpochDay } from '@marac/shared';

export { toEpochDay as toDay };

const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` for a day number. */
export function dayStr(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = fromEpochDay(day);
    dayStrings.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekendDay = (day: number): boolean => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

/** The Monday after a weekend day; weekdays are returned unchanged. */
export const weekdayOnOrAfter = (day: number): number => {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
};

export const yearOf = (day: number): number => Number(dayStr(day).slice(0, 4));

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** "HH:MM" for each minute of the day. */
const HHMM: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
const SS: readonly string[] = Array.from({ length: 60 }, (_, s) => pad2(s));

/** Minute of the day as "HH:MM", or null past midnight (an agenda too long to fit in one day). */
export const timeOfDay = (minute: number): string | null => HHMM[minute] ?? null;

/** Last Sunday of a month, as a day number. */
function lastSunday(year: number, month: number): number {
  const nextMonthFirst = toEpochDay(`${month === 12 ? year + 1 : year}-${pad2(month === 12 ? 1 : month + 1)}-01`);
  let day = nextMonthFirst - 1;
  while (weekday(day) !== 0) day -= 1;
  return day;
}

const summerTime = new Map<number, readonly [number, number]>();

/**
 * Whether UK clocks are on British Summer Time on that day (last Sunday of March to last Sunday of
 * October). Meetings and sign-ins happen in working hours, far from the 01:00 UTC changeover, so the
 * whole day is treated alike.
 */
export function isBritishSummerTime(day: number): boolean {
  const year = yearOf(day);
  let range = summerTime.get(year);
  if (range === undefined) {
    range = [lastSunday(year, 3), lastSunday(year, 10)];
    summerTime.set(year, range);
  }
  return day >= range[0] && day < range[1];
}

/**
 * The UTC instant of a wall-clock time in England on that day, as an ISO timestamp
 * (`2026-03-04T09:30:00.000Z`). Timestamps are stored in UTC; people think in local time.
 */
export function localTimestamp(day: number, localMinute: number, second = 0): string {
  let minute = localMinute - (isBritishSummerTime(day) ? 60 : 0);
  let d = day;
  if (minute < 0) {
    minute += 1440;
    d -= 1;
  } else if (minute >= 1440) {
    minute -= 1440;
    d += 1;
  }
  return `${dayStr(d)}T${HHMM[minute] as string}:${SS[second % 60] as string}.000Z`;
}

/** Parses "HH:MM" into minutes after midnight. */
export const minuteOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** "12 March 2026", for text meant to be read by people. */
export const longDate = (day: number): string => formatLongDate(dayStr(day));
