import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  englandAndWalesBankHolidays,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../../shared/src/rules/working-days';
import { addDays, compareIsoDates } from '../../../shared/src/rules/dates';

const datesOf = (year: number) => englandAndWalesBankHolidays(year).map((h) => h.date);
const nameOn = (date: string) =>
  englandAndWalesBankHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name;

describe('easterSunday', () => {
  it('matches known Easter dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible
  });
});

describe('englandAndWalesBankHolidays', () => {
  it('matches the published list for 2026', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(nameOn('2026-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('matches the published list for 2027', () => {
    expect(datesOf(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
    expect(nameOn('2027-12-27')).toBe('Christmas Day (substitute day)');
    expect(nameOn('2027-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('moves the 2020 Early May bank holiday to VE Day', () => {
    expect(datesOf(2020)).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
    expect(isBankHoliday('2020-05-04')).toBe(false);
  });

  it('has the Platinum Jubilee, State Funeral and Sunday-Christmas substitutes in 2022', () => {
    expect(datesOf(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(isBankHoliday('2022-05-30')).toBe(false);
    expect(nameOn('2022-12-26')).toBe('Boxing Day');
    expect(nameOn('2022-12-27')).toBe('Christmas Day (substitute day)');
    expect(nameOn('2022-09-19')).toBe('State Funeral of Queen Elizabeth II');
  });

  it('adds the Coronation in 2023', () => {
    expect(datesOf(2023)).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
    expect(nameOn('2023-05-08')).toBe('Coronation of King Charles III');
  });

  it('handles the other moved and one-off days', () => {
    expect(datesOf(1995)).toContain('1995-05-08');
    expect(datesOf(1995)).not.toContain('1995-05-01');
    expect(datesOf(1999)).toEqual(expect.arrayContaining(['1999-12-27', '1999-12-28', '1999-12-31']));
    expect(datesOf(2000)[0]).toBe('2000-01-03');
    expect(datesOf(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(datesOf(2002)).not.toContain('2002-05-27');
    expect(datesOf(2011)).toContain('2011-04-29');
    expect(datesOf(2012)).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
    expect(datesOf(2012)).not.toContain('2012-05-28');
  });

  it('is sorted, within the year and free of weekends for every supported year', () => {
    for (let year = 1995; year <= 2100; year++) {
      const holidays = englandAndWalesBankHolidays(year);
      const dates = holidays.map((h) => h.date);
      expect([...dates].sort(compareIsoDates)).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const holiday of holidays) {
        expect(holiday.date.startsWith(`${year}-`)).toBe(true);
        expect(holiday.name).not.toBe('');
        expect(isWorkingDay(holiday.date)).toBe(false);
        const dow = new Date(`${holiday.date}T00:00:00Z`).getUTCDay();
        expect(dow).toBeGreaterThanOrEqual(1);
        expect(dow).toBeLessThanOrEqual(5);
      }
      expect(holidays.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('returns a copy that callers cannot use to corrupt later answers', () => {
    const first = englandAndWalesBankHolidays(2026);
    first.pop();
    const firstItem = first[0];
    if (firstItem) firstItem.date = '2026-01-02';
    expect(datesOf(2026)).toHaveLength(8);
    expect(isBankHoliday('2026-01-01')).toBe(true);
    expect(isBankHoliday('2026-01-02')).toBe(false);
  });

  it('refuses years it cannot vouch for', () => {
    expect(() => englandAndWalesBankHolidays(1994)).toThrow(RangeError);
    expect(() => englandAndWalesBankHolidays(2101)).toThrow(RangeError);
    expect(() => englandAndWalesBankHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('isBankHoliday / isWorkingDay', () => {
  it('classifies days', () => {
    expect(isBankHoliday('2026-04-03')).toBe(true);
    expect(isBankHoliday('2026-04-07')).toBe(false);
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    // A weekend Christmas Day is not itself counted as the bank holiday; the substitute is.
    expect(isBankHoliday('2027-12-25')).toBe(false);
    expect(isWorkingDay('2027-12-25')).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips Christmas and Boxing Day substitutes', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
  });

  it('skips Easter', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-01', 3)).toBe('2026-04-08');
  });

  it('counts from a non-working day', () => {
    expect(addWorkingDays('2026-04-04', 1)).toBe('2026-04-07'); // Saturday of Easter weekend
    expect(addWorkingDays('2026-06-13', 1)).toBe('2026-06-15'); // Saturday
  });

  it('returns the date itself for 0, even when it is not a working day', () => {
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
    expect(addWorkingDays('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('goes backwards for negative offsets', () => {
    expect(addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(addWorkingDays('2026-06-15', -1)).toBe('2026-06-12'); // Monday back to Friday
    expect(addWorkingDays('2026-06-13', -1)).toBe('2026-06-12'); // Saturday back to Friday
    expect(addWorkingDays('2026-06-17', -5)).toBe('2026-06-10');
  });

  it('crosses the year end', () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -1)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('gives the three-working-days deadline for minutes', () => {
    // Meeting on Thursday before Easter 2026.
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
  });

  it('rejects a fractional offset', () => {
    expect(() => addWorkingDays('2026-06-10', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(workingDaysBetween('2026-06-08', '2026-06-12')).toBe(4); // Mon to Fri
    expect(workingDaysBetween('2026-06-12', '2026-06-15')).toBe(1); // Fri to Mon
    expect(workingDaysBetween('2026-06-12', '2026-06-14')).toBe(0); // Fri to Sun
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-06-10', '2026-06-10')).toBe(0);
    // 261 weekdays in 2026 less its 8 bank holidays.
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(253);
  });

  it('is negative when to is before from', () => {
    expect(workingDaysBetween('2026-06-12', '2026-06-08')).toBe(-4);
    expect(workingDaysBetween('2026-12-29', '2026-12-24')).toBe(-1);
  });

  it('undoes addWorkingDays for any offset and start day', () => {
    for (let i = 0; i < 21; i++) {
      const start = addDays('2026-12-20', i);
      for (const n of [-7, -3, -1, 0, 1, 2, 5, 10]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it('agrees with counting the days one by one, over spans of days to years, across new year and moved holidays', () => {
    // Ground truth walks the calendar asking isWorkingDay of each day; the count under test does not.
    const walked = (from: string, to: string) => {
      let count = 0;
      for (let day = addDays(from, 1); compareIsoDates(day, to) <= 0; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
      return count;
    };
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const from = addDays('2019-01-01', Math.floor(next() * 3000));
      const to = addDays(from, Math.floor(next() * (i % 3 === 0 ? 900 : 40)));
      expect(workingDaysBetween(from, to), `${from} to ${to}`).toBe(walked(from, to));
      // Backwards it counts from the earlier day up to but not including the later one.
      expect(workingDaysBetween(to, from), `${to} to ${from}`).toBe(0 - walked(addDays(from, -1), addDays(to, -1)));
    }
  });
});

describe('nextWorkingDay / previousWorkingDay', () => {
  it('keeps a working day', () => {
    expect(nextWorkingDay('2026-06-10')).toBe('2026-06-10');
    expect(previousWorkingDay('2026-06-10')).toBe('2026-06-10');
  });

  it('moves off weekends and bank holidays', () => {
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07');
    expect(previousWorkingDay('2026-04-06')).toBe('2026-04-02');
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
    expect(previousWorkingDay('2026-12-28')).toBe('2026-12-24');
    expect(nextWorkingDay('2026-06-13')).toBe('2026-06-15');
    expect(previousWorkingDay('2026-06-14')).toBe('2026-06-12');
  });
});
