/**
 * Working days in England and Wales, for deadlines such as circulating the agenda before a meeting
 * and sending the minutes after it.
 *
 * Bank holidays are computed from the rules rather than read from a table, so the platform keeps
 * working in future years; the one-off and moved days that the rules cannot predict are listed
 * explicitly. New one-off days announced by the government must be added to `ONE_OFF_HOLIDAYS`
 * or `MOVED_HOLIDAYS`.
 */

import {
  addDays,
  compareIsoDates,
  daysInMonth,
  dayOfWeek,
  formatIsoDate,
  isWeekend,
  parseIsoDate,
  toEpochDay,
} from './dates';
import type { IsoDate } from './dates';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** Years the rules below (including the moved and one-off days) are known to be right for. */
export const BANK_HOLIDAY_FIRST_YEAR = 1995;
export const BANK_HOLIDAY_LAST_YEAR = 2100;

const SUBSTITUTE_SUFFIX = ' (substitute day)';

/** Regular holidays moved by proclamation, keyed by year. */
const MOVED_HOLIDAYS: Readonly<
  Record<number, { earlyMay?: BankHoliday; spring?: BankHoliday }>
> = {
  1995: { earlyMay: { date: '1995-05-08', name: 'Early May bank holiday (VE Day)' } },
  2002: { spring: { date: '2002-06-04', name: 'Spring bank holiday' } },
  2012: { spring: { date: '2012-06-04', name: 'Spring bank holiday' } },
  2020: { earlyMay: { date: '2020-05-08', name: 'Early May bank holiday (VE Day)' } },
  2022: { spring: { date: '2022-06-02', name: 'Spring bank holiday' } },
};

const ONE_OFF_HOLIDAYS: readonly BankHoliday[] = [
  { date: '1999-12-31', name: 'Millennium Celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee of Queen Elizabeth II' },
  { date: '2011-04-29', name: 'Wedding of Prince William and Catherine Middleton' },
  { date: '2012-06-05', name: 'Diamond Jubilee of Queen Elizabeth II' },
  { date: '2022-06-03', name: 'Platinum Jubilee of Queen Elizabeth II' },
  { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
];

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < BANK_HOLIDAY_FIRST_YEAR || year > BANK_HOLIDAY_LAST_YEAR) {
    throw new RangeError(
      `Bank holidays are only known for ${BANK_HOLIDAY_FIRST_YEAR}..${BANK_HOLIDAY_LAST_YEAR}, got ${year}`,
    );
  }
}

/** Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`Easter is computed for Gregorian years from 1583, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate({ year, month, day: 1 });
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * New Year's Day, Christmas Day and Boxing Day move to the next free weekday when they fall at a
 * weekend. A holiday that falls on a weekday keeps its own date and name, and the weekend one takes
 * the next weekday left: Christmas on a Sunday gives Boxing Day on Monday 26 and the Christmas
 * substitute on Tuesday 27, as the published lists show.
 */
function withSubstitutes(fixed: readonly BankHoliday[]): BankHoliday[] {
  const taken = new Set<IsoDate>();
  const result: BankHoliday[] = [];
  for (const holiday of fixed) {
    if (!isWeekend(holiday.date)) {
      taken.add(holiday.date);
      result.push(holiday);
    }
  }
  for (const holiday of fixed) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    result.push({ date, name: holiday.name + SUBSTITUTE_SUFFIX });
  }
  return result;
}

function computeBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const moved = MOVED_HOLIDAYS[year] ?? {};
  const holidays: BankHoliday[] = [
    ...withSubstitutes([{ date: formatIsoDate({ year, month: 1, day: 1 }), name: "New Year's Day" }]),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    moved.earlyMay ?? { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    moved.spring ?? { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...withSubstitutes([
      { date: formatIsoDate({ year, month: 12, day: 25 }), name: 'Christmas Day' },
      { date: formatIsoDate({ year, month: 12, day: 26 }), name: 'Boxing Day' },
    ]),
    ...ONE_OFF_HOLIDAYS.filter((holiday) => parseIsoDate(holiday.date).year === year),
  ];
  return holidays.sort((a, b) => compareIsoDates(a.date, b.date));
}

interface YearHolidays {
  readonly list: readonly Readonly<BankHoliday>[];
  readonly dates: ReadonlySet<IsoDate>;
}

// Working-day arithmetic asks about the same few years over and over.
const cache = new Map<number, YearHolidays>();

function holidaysFor(year: number): YearHolidays {
  let entry = cache.get(year);
  if (entry === undefined) {
    requireYear(year);
    const list = computeBankHolidays(year).map((holiday) => Object.freeze(holiday));
    entry = { list, dates: new Set(list.map((holiday) => holiday.date)) };
    cache.set(year, entry);
  }
  return entry;
}

/** Sorted by date. Throws a RangeError outside 1995..2100. */
export function englandAndWalesBankHolidays(year: number): BankHoliday[] {
  // A fresh copy, so a caller changing the result cannot corrupt the cache.
  return holidaysFor(year).list.map((holiday) => ({ ...holiday }));
}

export function isBankHoliday(date: IsoDate): boolean {
  return holidaysFor(parseIsoDate(date).year).dates.has(date);
}

/** Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * Moves `n` working days on from `date` (back when `n` is negative), not counting `date` itself,
 * so it does not matter whether `date` is a working day. `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer, got ${n}`);
  parseIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days after `from` up to and including `to`. When `to` is earlier the count runs the other
 * way (working days from `to` up to but not including `from`) and is negative, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every `n`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const order = compareIsoDates(from, to);
  if (order === 0) return 0;
  // Backwards, the days counted are those from `to` up to but not including `from`.
  return order < 0 ? workingDaysAfterUpTo(from, to) : 0 - workingDaysAfterUpTo(addDays(to, -1), addDays(from, -1));
}

/**
 * Mondays to Fridays from a fixed Monday up to and including `epochDay`: the difference of two of
 * these counts the weekdays between them without walking the days, which matters for an action
 * overdue for a year, counted for every open action every day.
 */
function weekdaysThrough(epochDay: number): number {
  // Epoch day 0 (1 January 1970) was a Thursday, so epoch day -3 was a Monday.
  const fromMonday = epochDay + 3;
  const weeks = Math.floor(fromMonday / 7);
  return weeks * 5 + Math.min(fromMonday - weeks * 7 + 1, 5);
}

/** Working days after `from` up to and including `to`, where `from` is before `to`. */
function workingDaysAfterUpTo(from: IsoDate, to: IsoDate): number {
  let count = weekdaysThrough(toEpochDay(to)) - weekdaysThrough(toEpochDay(from));
  for (let year = parseIsoDate(from).year; year <= parseIsoDate(to).year; year += 1) {
    for (const date of holidaysFor(year).dates) {
      if (compareIsoDates(date, from) > 0 && compareIsoDates(date, to) <= 0 && !isWeekend(date)) count -= 1;
    }
  }
  return count;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDay(date: IsoDate): IsoDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, -1);
  return current;
}
