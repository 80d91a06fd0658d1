import { describe, expect, it } from 'vitest';
import { formatCount, formatLongDate, formatNumber, formatTimestampWithSeconds, humanise } from '../../../web/src/lib/format';

describe('format', () => {
  it('writes calendar dates the UK way, with the weekday', () => {
    expect(formatLongDate('2026-12-01')).toBe('Tuesday 1 December 2026');
  });

  it('shows instants in UK time with seconds', () => {
    expect(formatTimestampWithSeconds('2026-01-15T14:03:09.000Z')).toBe('15 January 2026, 14:03:09');
    expect(formatTimestampWithSeconds('2026-06-15T23:30:00.000Z')).toBe('16 June 2026, 00:30:00');
  });

  it('leaves a value it cannot read as it was rather than showing "Invalid Date"', () => {
    expect(formatLongDate('not a date')).toBe('not a date');
  });

  it('separates thousands and turns codes into words', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(humanise('agenda_published')).toBe('Agenda published');
  });

  it('counts with the noun in the singular only for one, either side of zero', () => {
    expect(formatCount(1, 'day')).toBe('1 day');
    expect(formatCount(-1, 'day')).toBe('-1 day');
    expect(formatCount(0, 'case')).toBe('0 cases');
    expect(formatCount(12, 'day')).toBe('12 days');
    expect(formatCount(2, 'person', 'people')).toBe('2 people');
  });
});
