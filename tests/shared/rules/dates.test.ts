import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  longDate,
  fromUtcDate,
  isIsoDate,
  isLeapYear,
  isWeekend,
  maxDate,
  minDate,
  parseIsoDate,
  toEpochDay,
  toUtcDate,
} from '../../../shared/src/rules/dates';

describe('isIsoDate / parseIsoDate / formatIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-1-5')).toBe(false);
    expect(isIsoDate('2025-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2025-01-05')).toBe(false);
    expect(isIsoDate(20250105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('parses into parts and formats back with zero padding', () => {
    expect(parseIsoDate('2026-03-07')).toEqual({ year: 2026, month: 3, day: 7 });
    expect(formatIsoDate({ year: 2026, month: 3, day: 7 })).toBe('2026-03-07');
    expect(formatIsoDate({ year: 99, month: 1, day: 1 })).toBe('0099-01-01');
  });

  it('throws a RangeError for invalid input', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('yesterday')).toThrow(RangeError);
    expect(() => formatIsoDate({ year: 2025, month: 2, day: 30 })).toThrow(RangeError);
  });
});

describe('calendar facts', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });

  it('gives the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-12-25')).toBe(5);
    expect(dayOfWeek('2022-12-25')).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(isWeekend('2026-12-26')).toBe(true);
    expect(isWeekend('2026-12-28')).toBe(false);
  });

  it('round-trips day numbers, including before 1970', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    for (const date of ['1900-02-28', '1900-03-01', '2000-02-29', '2024-12-31', '2100-03-01']) {
      expect(fromEpochDay(toEpochDay(date))).toBe(date);
    }
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-06-15', -12)).toBe('2024-06-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts signed days between dates', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2025-12-25')).toBe(-7);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('compares dates', () => {
    expect(compareIsoDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIsoDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareIsoDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(['2025-03-01', '1999-12-31', '2025-01-10'].sort(compareIsoDates)).toEqual([
      '1999-12-31',
      '2025-01-10',
      '2025-03-01',
    ]);
    expect(minDate('2025-03-01', '2025-01-10')).toBe('2025-01-10');
    expect(maxDate('2025-03-01', '2025-01-10')).toBe('2025-03-01');
    expect(() => compareIsoDates('2025-02-30', '2025-01-01')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts completed years around a birthday', () => {
    expect(ageOn('2009-06-15', '2025-06-14')).toBe(15);
    expect(ageOn('2009-06-15', '2025-06-15')).toBe(16);
    expect(ageOn('2009-06-15', '2025-06-16')).toBe(16);
    expect(ageOn('2009-06-15', '2009-06-15')).toBe(0);
    expect(ageOn('1980-12-31', '2026-01-01')).toBe(45);
  });

  it('treats a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('rejects a date before birth', () => {
    expect(() => ageOn('2009-06-15', '2009-06-14')).toThrow(RangeError);
  });
});

describe('time zone independence', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('uses the UTC day of an instant whatever the host zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
      process.env.TZ = tz;
      expect(fromUtcDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-29');
      expect(fromUtcDate(new Date('2026-03-29T00:30:00+01:00'))).toBe('2026-03-28');
      expect(toUtcDate('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => fromUtcDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('longDate', () => {
  it('writes the day without a leading zero and the month in full', () => {
    expect(longDate('2026-03-03')).toBe('3 March 2026');
    expect(longDate('2024-02-29')).toBe('29 February 2024');
    expect(longDate('1999-12-31')).toBe('31 December 1999');
  });

  it('refuses text that is not a date', () => {
    expect(() => longDate('2026-02-30')).toThrow(RangeError);
  });
});
