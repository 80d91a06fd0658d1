/**
 * When a series meets, and the working-day deadlines around each meeting: referral cut-off, agenda
 * circulation and research deadline before it, minutes after it. England & Wales bank holidays are not
 * working days; a meeting that falls on one is not moved automatically but flagged for the coordinator,
 * who knows whether the room and the chair are free on another day.
 */

import { addDays, compareIsoDates, dayOfWeek, daysBetween, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from './dates';
import { addWorkingDays, englandAndWalesBankHolidays, isBankHoliday } from './working-days';

export const SERIES_RECURRENCES = ['daily', 'weekly', 'fortnightly', 'monthly'] as const;
export type SeriesRecurrence = (typeof SERIES_RECURRENCES)[number];

export const MEETING_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type MeetingWeekday = (typeof MEETING_WEEKDAYS)[number];

/** 1 = Monday … 5 = Friday, as `dayOfWeek` numbers them. */
const WEEKDAY_NUMBER: Record<MeetingWeekday, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5 };

/** The "last" occurrence of a weekday in a month. */
export const LAST_WEEK_OF_MONTH = 5;

export interface SeriesPattern {
  recurrence: SeriesRecurrence;
  /** Ignored for daily series, which meet every Monday to Friday. */
  weekday: MeetingWeekday;
  /** Monthly only: the 1st–4th occurrence of the weekday, or 5 for the last. */
  weekOfMonth: number | null;
  /** The first meeting: weekly and fortnightly series count their weeks from it. */
  firstDate: IsoDate;
}

/** The `n`th (1–4) or last (5) `weekday` of a month. */
function weekdayOfMonth(year: number, month: number, weekday: MeetingWeekday, n: number): IsoDate {
  const target = WEEKDAY_NUMBER[weekday];
  if (n >= LAST_WEEK_OF_MONTH) {
    const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
    return addDays(last, -((dayOfWeek(last) - target + 7) % 7));
  }
  const first = formatIsoDate({ year, month, day: 1 });
  return addDays(first, ((target - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
}

const later = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);

/** The series' meeting dates from `from` to `to`, both included, never before its first date. */
export function seriesDates(pattern: SeriesPattern, from: IsoDate, to: IsoDate): IsoDate[] {
  const start = later(from, pattern.firstDate);
  const dates: IsoDate[] = [];
  if (compareIsoDates(start, to) > 0) return dates;
  switch (pattern.recurrence) {
    case 'daily':
      for (let d = start; compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
        const weekday = dayOfWeek(d);
        if (weekday >= 1 && weekday <= 5) dates.push(d);
      }
      return dates;
    case 'weekly':
    case 'fortnightly': {
      const step = pattern.recurrence === 'weekly' ? 7 : 14;
      // Whole steps from the first date to the first meeting on or after `start`.
      const behind = daysBetween(pattern.firstDate, start);
      let d = addDays(pattern.firstDate, Math.ceil(behind / step) * step);
      for (; compareIsoDates(d, to) <= 0; d = addDays(d, step)) dates.push(d);
      return dates;
    }
    case 'monthly': {
      const n = pattern.weekOfMonth ?? 1;
      let { year, month } = parseIsoDate(start);
      for (;;) {
        const d = weekdayOfMonth(year, month, pattern.weekday, n);
        if (compareIsoDates(d, to) > 0) return dates;
        if (compareIsoDates(d, start) >= 0) dates.push(d);
        month += 1;
        if (month > 12) {
          month = 1;
          year += 1;
        }
      }
    }
  }
}

export interface DeadlineRules {
  referralCutoffWorkingDays: number;
  circulationLeadWorkingDays: number;
  researchDeadlineWorkingDays: number;
  minutesDeadlineWorkingDays: number;
}

export interface MeetingDeadlines {
  /** Referrals accepted on or before this day are listed for the meeting. */
  referralCutoff: IsoDate;
  /** The agenda goes out to the invited agencies on this day. */
  circulationDate: IsoDate;
  /** Each agency's research is due by this day. */
  researchDeadline: IsoDate;
  /** Minutes and the action plan go out by this day. */
  minutesDueDate: IsoDate;
}

/**
 * What a new series starts with, and what a meeting outside any series (one-off or emergency) counts
 * its deadlines with.
 */
export const SERIES_DEFAULTS = {
  capacity: 20,
  minutesPerCase: 12,
  referralCutoffWorkingDays: 8,
  circulationLeadWorkingDays: 5,
  researchDeadlineWorkingDays: 2,
  minutesDeadlineWorkingDays: 3,
} as const satisfies DeadlineRules & { capacity: number; minutesPerCase: number };

/** Each deadline counted in working days from the meeting date, before it or (minutes) after it. */
export function meetingDeadlines(date: IsoDate, rules: DeadlineRules): MeetingDeadlines {
  return {
    referralCutoff: addWorkingDays(date, -rules.referralCutoffWorkingDays),
    circulationDate: addWorkingDays(date, -rules.circulationLeadWorkingDays),
    researchDeadline: addWorkingDays(date, -rules.researchDeadlineWorkingDays),
    minutesDueDate: addWorkingDays(date, rules.minutesDeadlineWorkingDays),
  };
}

/**
 * The deadlines of a meeting outside any series, for each one the coordinator leaves blank: the usual
 * working days for a one-off meeting; for an emergency one, cut-off, circulation and research on the
 * day itself, and minutes as usual. The server saves these and the meeting form shows them.
 */
export function defaultMeetingDeadlines(kind: 'one_off' | 'emergency', date: IsoDate): MeetingDeadlines {
  if (kind === 'one_off') return meetingDeadlines(date, SERIES_DEFAULTS);
  return {
    referralCutoff: date,
    circulationDate: date,
    researchDeadline: date,
    minutesDueDate: addWorkingDays(date, SERIES_DEFAULTS.minutesDeadlineWorkingDays),
  };
}

/** The bank holiday's name when a meeting would fall on one, so the coordinator can move it. */
export function bankHolidayName(date: IsoDate): string | null {
  if (!isBankHoliday(date)) return null;
  return englandAndWalesBankHolidays(parseIsoDate(date).year).find((h) => h.date === date)?.name ?? null;
}

interface Problem {
  field: string;
  message: string;
}

const WEEKDAY_LABEL: Record<MeetingWeekday, string> = { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday' };

/**
 * Checks on a series that need more than each field's shape; the form runs them as the coordinator
 * types and the server again before saving. All problems are reported at once.
 */
export function seriesProblems(series: SeriesPattern & DeadlineRules): Problem[] {
  const problems: Problem[] = [];
  if (series.recurrence === 'monthly' && series.weekOfMonth === null) {
    problems.push({ field: 'weekOfMonth', message: 'Choose which week of the month the meeting is held' });
  }
  const firstWeekday = dayOfWeek(series.firstDate);
  if (series.recurrence === 'daily' && (firstWeekday === 0 || firstWeekday === 6)) {
    problems.push({ field: 'firstDate', message: 'The first meeting must be on a weekday' });
  } else if ((series.recurrence === 'weekly' || series.recurrence === 'fortnightly') && firstWeekday !== WEEKDAY_NUMBER[series.weekday]) {
    problems.push({ field: 'firstDate', message: `The first meeting must be on a ${WEEKDAY_LABEL[series.weekday]}` });
  }
  if (series.referralCutoffWorkingDays < series.circulationLeadWorkingDays) {
    problems.push({ field: 'referralCutoffWorkingDays', message: 'The referral cut-off must come on or before the day the agenda is circulated' });
  }
  if (series.researchDeadlineWorkingDays > series.circulationLeadWorkingDays) {
    problems.push({ field: 'researchDeadlineWorkingDays', message: 'Research must be due after the agenda is circulated: use no more working days than the circulation lead time' });
  }
  return problems;
}

/** Checks on one meeting's own dates: every deadline before the meeting, minutes after it. */
export function meetingDateProblems(date: IsoDate, deadlines: MeetingDeadlines): Problem[] {
  const problems: Problem[] = [];
  if (compareIsoDates(deadlines.referralCutoff, date) > 0) problems.push({ field: 'referralCutoff', message: 'The referral cut-off must be on or before the meeting date' });
  if (compareIsoDates(deadlines.circulationDate, date) > 0) problems.push({ field: 'circulationDate', message: 'The agenda must be circulated on or before the meeting date' });
  if (compareIsoDates(deadlines.researchDeadline, date) > 0) {
    problems.push({ field: 'researchDeadline', message: 'Research must be due on or before the meeting date' });
  } else if (compareIsoDates(deadlines.researchDeadline, deadlines.circulationDate) < 0) {
    problems.push({ field: 'researchDeadline', message: 'Research must be due on or after the day the agenda is circulated' });
  }
  if (compareIsoDates(deadlines.minutesDueDate, date) < 0) problems.push({ field: 'minutesDueDate', message: 'Minutes must be due on or after the meeting date' });
  return problems;
}

const MINUTES_IN_DAY = 24 * 60;

/**
 * The start time of the case at `position` (1 for the first) on an agenda: cases follow each other
 * from the meeting's start, each given the meeting's minutes per case. Null past midnight, where an
 * agenda too long for one day would land.
 */
export function agendaSlot(startTime: string, position: number, minutesPerCase: number): string | null {
  const start = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5));
  const minute = start + (position - 1) * minutesPerCase;
  if (position < 1 || minute >= MINUTES_IN_DAY) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
