import { describe, expect, it } from 'vitest';
import {
  SERIES_DEFAULTS,
  agendaSlot,
  bankHolidayName,
  defaultMeetingDeadlines,
  meetingDateProblems,
  meetingDeadlines,
  seriesDates,
  seriesProblems,
  type SeriesPattern,
} from '../../../shared/src/rules/meeting-calendar';

const pattern = (changes: Partial<SeriesPattern>): SeriesPattern => ({
  recurrence: 'weekly',
  weekday: 'tuesday',
  weekOfMonth: null,
  firstDate: '2026-01-06',
  ...changes,
});

describe('seriesDates', () => {
  it('meets every week on the first date’s weekday, within the range and both ends included', () => {
    expect(seriesDates(pattern({}), '2026-03-03', '2026-03-24')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24']);
  });

  it('counts fortnights from the first date, whatever the range starts on', () => {
    const fortnightly = pattern({ recurrence: 'fortnightly' });
    // 6 Jan + 8 fortnights = 26 May; 2 June is an off week.
    expect(seriesDates(fortnightly, '2026-05-27', '2026-06-30')).toEqual(['2026-06-09', '2026-06-23']);
    expect(seriesDates(fortnightly, '2026-05-26', '2026-05-26')).toEqual(['2026-05-26']);
  });

  it('never meets before the first date', () => {
    expect(seriesDates(pattern({ firstDate: '2026-03-17' }), '2026-03-01', '2026-03-20')).toEqual(['2026-03-17']);
    expect(seriesDates(pattern({}), '2026-03-25', '2026-03-20')).toEqual([]);
  });

  it('meets on the nth or the last weekday of each month', () => {
    const second = pattern({ recurrence: 'monthly', weekday: 'thursday', weekOfMonth: 2, firstDate: '2026-01-01' });
    expect(seriesDates(second, '2026-01-01', '2026-04-30')).toEqual(['2026-01-08', '2026-02-12', '2026-03-12', '2026-04-09']);
    const last = pattern({ recurrence: 'monthly', weekday: 'friday', weekOfMonth: 5, firstDate: '2026-01-01' });
    expect(seriesDates(last, '2026-01-01', '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
    // Across the year end, and a month whose last Monday is the 31st.
    const lastMonday = pattern({ recurrence: 'monthly', weekday: 'monday', weekOfMonth: 5, firstDate: '2025-01-01' });
    expect(seriesDates(lastMonday, '2025-12-01', '2026-02-28')).toEqual(['2025-12-29', '2026-01-26', '2026-02-23']);
    expect(seriesDates(lastMonday, '2025-03-01', '2025-03-31')).toEqual(['2025-03-31']);
  });

  it('meets every weekday for a daily series, weekends skipped', () => {
    expect(seriesDates(pattern({ recurrence: 'daily' }), '2026-03-05', '2026-03-10')).toEqual(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']);
  });
});

describe('meetingDeadlines', () => {
  const rules = { referralCutoffWorkingDays: 8, circulationLeadWorkingDays: 5, researchDeadlineWorkingDays: 2, minutesDeadlineWorkingDays: 3 };

  it('counts working days back for cut-off, circulation and research, and forward for minutes', () => {
    // Tuesday 17 March 2026: no bank holidays near.
    expect(meetingDeadlines('2026-03-17', rules)).toEqual({
      referralCutoff: '2026-03-05',
      circulationDate: '2026-03-10',
      researchDeadline: '2026-03-13',
      minutesDueDate: '2026-03-20',
    });
  });

  it('skips Easter and the early May bank holiday', () => {
    // Tuesday 7 April 2026: Good Friday 3 April and Easter Monday 6 April are not working days.
    expect(meetingDeadlines('2026-04-07', rules)).toMatchObject({ researchDeadline: '2026-04-01', circulationDate: '2026-03-27' });
    // Friday 1 May 2026: minutes due three working days on, over the bank holiday on Monday 4 May.
    expect(meetingDeadlines('2026-05-01', rules).minutesDueDate).toBe('2026-05-07');
  });

  it('skips Christmas, Boxing Day and their substitute days', () => {
    // Christmas 2027 falls on a Saturday: the bank holidays are Monday 27 and Tuesday 28 December.
    expect(meetingDeadlines('2027-12-24', rules).minutesDueDate).toBe('2027-12-31');
    // Two working days before Thursday 30 December: Wednesday 29, then back over the holidays and the weekend to Friday 24.
    expect(meetingDeadlines('2027-12-30', rules).researchDeadline).toBe('2027-12-24');
  });
});

describe('defaultMeetingDeadlines', () => {
  it('puts an emergency meeting’s cut-off, circulation and research on the day, and its minutes over a bank holiday Monday', () => {
    // Friday 22 May 2026; Monday 25 May is the spring bank holiday, so minutes are due on Thursday 28.
    const deadlines = defaultMeetingDeadlines('emergency', '2026-05-22');
    expect(deadlines).toEqual({ referralCutoff: '2026-05-22', circulationDate: '2026-05-22', researchDeadline: '2026-05-22', minutesDueDate: '2026-05-28' });
    expect(meetingDateProblems('2026-05-22', deadlines)).toEqual([]);
  });

  it('counts a one-off meeting’s deadlines with the usual working days, over Easter', () => {
    // Thursday 9 April 2026, in Easter week: Good Friday 3 April and Easter Monday 6 April are not working days.
    const deadlines = defaultMeetingDeadlines('one_off', '2026-04-09');
    expect(deadlines).toEqual({ referralCutoff: '2026-03-26', circulationDate: '2026-03-31', researchDeadline: '2026-04-07', minutesDueDate: '2026-04-14' });
    expect(deadlines).toEqual(meetingDeadlines('2026-04-09', SERIES_DEFAULTS));
    expect(meetingDateProblems('2026-04-09', deadlines)).toEqual([]);
  });
});

describe('bankHolidayName', () => {
  it('names a bank holiday so a meeting on it can be moved, and nothing on other days', () => {
    expect(bankHolidayName('2026-12-28')).toMatch(/Boxing Day/);
    expect(bankHolidayName('2026-05-25')).toMatch(/Spring/);
    expect(bankHolidayName('2026-05-26')).toBeNull();
  });
});

describe('seriesProblems', () => {
  const rules = { referralCutoffWorkingDays: 8, circulationLeadWorkingDays: 5, researchDeadlineWorkingDays: 2, minutesDeadlineWorkingDays: 3 };

  it('accepts a consistent series', () => {
    expect(seriesProblems({ ...pattern({}), ...rules })).toEqual([]);
    expect(seriesProblems({ ...pattern({ recurrence: 'monthly', weekOfMonth: 5, firstDate: '2026-01-01' }), ...rules })).toEqual([]);
  });

  it('names each inconsistent field', () => {
    expect(seriesProblems({ ...pattern({ firstDate: '2026-01-07' }), ...rules })).toEqual([{ field: 'firstDate', message: 'The first meeting must be on a Tuesday' }]);
    expect(seriesProblems({ ...pattern({ recurrence: 'daily', firstDate: '2026-01-10' }), ...rules }).map((p) => p.field)).toEqual(['firstDate']);
    expect(seriesProblems({ ...pattern({ recurrence: 'monthly', weekOfMonth: null }), ...rules }).map((p) => p.field)).toEqual(['weekOfMonth']);
    expect(seriesProblems({ ...pattern({}), ...rules, referralCutoffWorkingDays: 4, researchDeadlineWorkingDays: 6 }).map((p) => p.field)).toEqual([
      'referralCutoffWorkingDays',
      'researchDeadlineWorkingDays',
    ]);
  });
});

describe('meetingDateProblems', () => {
  const fine = { referralCutoff: '2026-03-05', circulationDate: '2026-03-10', researchDeadline: '2026-03-13', minutesDueDate: '2026-03-20' };

  it('accepts deadlines in order, including an emergency meeting with everything on the day', () => {
    expect(meetingDateProblems('2026-03-17', fine)).toEqual([]);
    const day = '2026-03-17';
    expect(meetingDateProblems(day, { referralCutoff: day, circulationDate: day, researchDeadline: day, minutesDueDate: day })).toEqual([]);
  });

  it('refuses a cut-off after the meeting and research due before circulation', () => {
    expect(meetingDateProblems('2026-03-17', { ...fine, referralCutoff: '2026-03-18' })).toEqual([
      { field: 'referralCutoff', message: 'The referral cut-off must be on or before the meeting date' },
    ]);
    expect(meetingDateProblems('2026-03-17', { ...fine, researchDeadline: '2026-03-09' }).map((p) => p.field)).toEqual(['researchDeadline']);
    expect(meetingDateProblems('2026-03-17', { ...fine, minutesDueDate: '2026-03-16' }).map((p) => p.field)).toEqual(['minutesDueDate']);
  });
});

describe('agendaSlot', () => {
  it('gives each case its minutes from the start, and no slot past midnight', () => {
    expect(agendaSlot('09:30', 1, 12)).toBe('09:30');
    expect(agendaSlot('09:30', 3, 12)).toBe('09:54');
    expect(agendaSlot('09:30', 16, 12)).toBe('12:30');
    expect(agendaSlot('23:50', 2, 12)).toBeNull();
    expect(agendaSlot('09:30', 0, 12)).toBeNull();
  });
});
