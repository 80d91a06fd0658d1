import { describe, expect, it } from 'vitest';
import { deadlineRule, deadlineStatus } from '../../../../web/src/features/minutes/components/minutes-deadline';

// Counted in England and Wales working days with the shared rules: the server set the due date with them.
const due = (dueDate: string, signedOffAt: string | null = null) => ({ meetingDate: '2026-03-17', dueDate, signedOffAt });

describe('the minutes deadline', () => {
  it('counts down the working days left, saying "today" on the day', () => {
    expect(deadlineStatus(due('2026-03-20'), '2026-03-18')).toEqual({ text: 'Due in 2 working days', colour: 'blue', note: null });
    expect(deadlineStatus(due('2026-03-20'), '2026-03-19').text).toBe('Due in 1 working day');
    expect(deadlineStatus(due('2026-03-20'), '2026-03-20').text).toBe('Due today');
    // A weekend is no working day: from Saturday a Monday deadline is one working day away.
    expect(deadlineStatus(due('2026-03-23'), '2026-03-21').text).toBe('Due in 1 working day');
  });

  it('skips bank holidays: Good Friday and Easter Monday 2026 are not working days', () => {
    expect(deadlineStatus(due('2026-04-07'), '2026-04-02').text).toBe('Due in 1 working day');
  });

  it('counts the working days past the deadline, and calls a weekend after it overdue', () => {
    expect(deadlineStatus(due('2026-03-20'), '2026-03-24')).toEqual({ text: 'Overdue by 2 working days', colour: 'red', note: null });
    expect(deadlineStatus(due('2026-03-20'), '2026-03-23').text).toBe('Overdue by 1 working day');
    expect(deadlineStatus(due('2026-03-20'), '2026-03-21').text).toBe('Overdue');
  });

  it('stops counting at the chair’s sign-off, on the day in London, saying whether the deadline was met', () => {
    expect(deadlineStatus(due('2026-03-20', '2026-03-19T16:00:00.000Z'), '2026-03-30')).toEqual({
      text: 'Signed off on 19 March 2026',
      colour: 'green',
      note: 'within the deadline',
    });
    // 23:30 UTC on 1 April is 00:30 on 2 April in London (summer time): a day late.
    expect(deadlineStatus(due('2026-04-01', '2026-04-01T23:30:00.000Z'), '2026-04-10')).toEqual({
      text: 'Signed off on 2 April 2026',
      colour: 'orange',
      note: '1 working day after the deadline',
    });
  });

  it('says how the deadline is set', () => {
    expect(deadlineRule(due('2026-03-20'))).toBe('3 working days after the meeting');
    expect(deadlineRule(due('2026-03-17'))).toBe('the day of the meeting');
  });
});
