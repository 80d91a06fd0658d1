/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings.
 *
 * Dates here are calendar days, not instants: a date of birth or a meeting date must read the same
 * in every time zone and on both sides of a clock change. Everything is therefore computed on a
 * plain day count (days since 1970-01-01) rather than through `Date`, whose local-time methods and
 * two-digit-year handling would leak the host's settings into the results.
 */

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export type IsoDate = string;

export interface DateParts {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be 1..12, got ${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 0 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True only for a well-formed string naming a real day (so `2025-02-29` is rejected). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  return validParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function parseIsoDate(value: IsoDate): DateParts {
  const match = typeof value === 'string' ? ISO_DATE_PATTERN.exec(value) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (validParts(year, month, day)) return { year, month, day };
  }
  throw new RangeError(`Not a valid YYYY-MM-DD date: ${String(value)}`);
}

export function formatIsoDate(parts: DateParts): IsoDate {
  const { year, month, day } = parts;
  if (!validParts(year, month, day)) {
    throw new RangeError(`Not a valid calendar date: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (negative before it). Uses the proleptic Gregorian "days from civil"
 * algorithm, shifted so that March is the first month and the leap day falls at the year's end.
 */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) {
    throw new RangeError(`Day number must be an integer, got ${epochDay}`);
  }
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** Midnight UTC of the date, for handing to code that needs a `Date`. */
export function toUtcDate(date: IsoDate): Date {
  return new Date(toEpochDay(date) * 86_400_000);
}

/** The UTC calendar day of an instant; the host's time zone plays no part. */
export function fromUtcDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromEpochDay(Math.floor(ms / 86_400_000));
}

export function dayOfWeek(date: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function requireInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger('days', days);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Calendar months, keeping the day of the month where it exists and otherwise using the month's
 * last day (31 Jan + 1 month = 28 or 29 Feb; 29 Feb + 12 months = 28 Feb). This is how a period of
 * "N months" is read in UK law and how date-fns behaves, so windows agree with other tools.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  requireInteger('months', months);
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 0 || newYear > 9999) {
    throw new RangeError(`Date out of range: ${date} + ${months} months`);
  }
  return formatIsoDate({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

export function addYears(date: IsoDate, years: number): IsoDate {
  requireInteger('years', years);
  return addMonths(date, years * 12);
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1, suitable for `Array.prototype.sort`; validates both dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toEpochDay(a) - toEpochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/**
 * Age in completed years. Someone born on 29 February turns a year older on 1 March in common
 * years, which is the rule used in England and Wales (an age is attained at the start of the
 * anniversary, and a common year has no 29 February).
 */
export function ageOn(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(onDate);
  if (compareIsoDates(onDate, dateOfBirth) < 0) {
    throw new RangeError(`${onDate} is before the date of birth ${dateOfBirth}`);
  }
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "3 March 2026": dates in text meant to be read by people (flag details, e-mails, PDFs). */
export function longDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTH_NAMES[month - 1] as string} ${year}`;
}
