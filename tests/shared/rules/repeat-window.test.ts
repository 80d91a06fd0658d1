import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPEAT_WINDOW_MONTHS,
  REPEAT_ANCHORS,
  REPEAT_WINDOW_NOTICE_DAYS,
  checkRepeat,
  repeatAnchorDate,
  repeatWindow,
  windowStatus,
} from '../../../shared/src/rules/repeat-window';

const referredOnly = { lastReferralDate: '2025-06-15', lastHearingDate: null };
const heard = { lastReferralDate: '2025-06-15', lastHearingDate: '2025-07-02' };
const never = { lastReferralDate: null, lastHearingDate: null };

describe('constants', () => {
  it('exposes the anchors and defaults', () => {
    expect(REPEAT_ANCHORS).toEqual(['last_referral', 'last_hearing']);
    expect(DEFAULT_REPEAT_WINDOW_MONTHS).toBe(12);
    expect(REPEAT_WINDOW_NOTICE_DAYS).toBe(30);
  });
});

describe('repeatWindow', () => {
  it('counts from the last referral', () => {
    expect(repeatWindow(heard, 'last_referral')).toEqual({
      anchorDate: '2025-06-15',
      lapsesOn: '2026-06-15',
    });
  });

  it('counts from the last hearing', () => {
    expect(repeatWindow(heard, 'last_hearing')).toEqual({
      anchorDate: '2025-07-02',
      lapsesOn: '2026-07-02',
    });
  });

  it('falls back to the referral date when the referral has not been heard yet', () => {
    expect(repeatWindow(referredOnly, 'last_hearing')).toEqual({
      anchorDate: '2025-06-15',
      lapsesOn: '2026-06-15',
    });
  });

  it('uses a referral made since the last hearing that is still waiting to be heard', () => {
    const history = { lastReferralDate: '2025-11-01', lastHearingDate: '2025-01-10' };
    expect(repeatAnchorDate(history, 'last_hearing')).toBe('2025-11-01');
    expect(repeatAnchorDate(history, 'last_referral')).toBe('2025-11-01');
  });

  it('is null with no history', () => {
    expect(repeatWindow(never, 'last_referral')).toBeNull();
    expect(repeatWindow(never, 'last_hearing')).toBeNull();
    expect(repeatWindow({ lastReferralDate: null, lastHearingDate: '2025-07-02' }, 'last_referral')).toBeNull();
  });

  it('honours a configured length and rejects a bad one', () => {
    expect(repeatWindow(heard, 'last_referral', 6)?.lapsesOn).toBe('2025-12-15');
    expect(() => repeatWindow(heard, 'last_referral', 0)).toThrow(RangeError);
    expect(() => repeatWindow(heard, 'last_referral', 1.5)).toThrow(RangeError);
  });
});

describe('checkRepeat', () => {
  it('is a repeat the day before the anniversary, with one day left', () => {
    expect(checkRepeat('2026-06-14', referredOnly, 'last_referral')).toEqual({
      isRepeat: true,
      anchorDate: '2025-06-15',
      lapsesOn: '2026-06-15',
      daysLeft: 1,
    });
  });

  it('is not a repeat on the anniversary itself', () => {
    expect(checkRepeat('2026-06-15', referredOnly, 'last_referral')).toEqual({
      isRepeat: false,
      anchorDate: '2025-06-15',
      lapsesOn: '2026-06-15',
      daysLeft: null,
    });
  });

  it('is a repeat on the anchor date itself', () => {
    const result = checkRepeat('2025-06-15', referredOnly, 'last_referral');
    expect(result.isRepeat).toBe(true);
    expect(result.daysLeft).toBe(365);
  });

  it('is not a repeat of an anchor dated after the new referral', () => {
    const result = checkRepeat('2025-06-14', referredOnly, 'last_referral');
    expect(result.isRepeat).toBe(false);
    expect(result.anchorDate).toBe('2025-06-15');
    expect(result.daysLeft).toBeNull();
  });

  it('depends on the anchor chosen', () => {
    // 2026-06-20: after the referral anniversary, before the hearing anniversary.
    expect(checkRepeat('2026-06-20', heard, 'last_referral').isRepeat).toBe(false);
    const byHearing = checkRepeat('2026-06-20', heard, 'last_hearing');
    expect(byHearing).toEqual({
      isRepeat: true,
      anchorDate: '2025-07-02',
      lapsesOn: '2026-07-02',
      daysLeft: 12,
    });
  });

  it('treats a never-heard referral as opening the window when anchored on hearings', () => {
    const result = checkRepeat('2026-01-05', referredOnly, 'last_hearing');
    expect(result.isRepeat).toBe(true);
    expect(result.anchorDate).toBe('2025-06-15');
  });

  it('lapses on 28 February for a 29 February anchor', () => {
    const leap = { lastReferralDate: '2024-02-29', lastHearingDate: null };
    expect(checkRepeat('2025-02-27', leap, 'last_referral')).toMatchObject({
      isRepeat: true,
      lapsesOn: '2025-02-28',
      daysLeft: 1,
    });
    expect(checkRepeat('2025-02-28', leap, 'last_referral').isRepeat).toBe(false);
    expect(checkRepeat('2025-03-01', leap, 'last_referral').isRepeat).toBe(false);
  });

  it('is never a repeat without history', () => {
    expect(checkRepeat('2026-01-01', never, 'last_hearing')).toEqual({
      isRepeat: false,
      anchorDate: null,
      lapsesOn: null,
      daysLeft: null,
    });
  });

  it('follows a configured window length', () => {
    expect(checkRepeat('2025-12-14', referredOnly, 'last_referral', 6).isRepeat).toBe(true);
    expect(checkRepeat('2025-12-15', referredOnly, 'last_referral', 6).isRepeat).toBe(false);
  });
});

describe('windowStatus', () => {
  // Lapses on 2026-06-15.
  const cases: [string, string][] = [
    ['2025-06-15', 'open'],
    ['2026-05-15', 'open'], // 31 days before the lapse
    ['2026-05-16', 'lapsing_soon'], // 30 days before
    ['2026-06-14', 'lapsing_soon'],
    ['2026-06-15', 'lapsed_recently'], // lapses today
    ['2026-07-15', 'lapsed_recently'], // 30 days after
    ['2026-07-16', 'lapsed'],
    ['2028-01-01', 'lapsed'],
  ];
  for (const [today, status] of cases) {
    it(`is ${status} on ${today}`, () => {
      expect(windowStatus(referredOnly, 'last_referral', today)).toBe(status);
    });
  }

  it('is none with no history', () => {
    expect(windowStatus(never, 'last_hearing', '2026-01-01')).toBe('none');
  });

  it('uses the chosen anchor', () => {
    expect(windowStatus(heard, 'last_referral', '2026-06-20')).toBe('lapsed_recently');
    expect(windowStatus(heard, 'last_hearing', '2026-06-20')).toBe('lapsing_soon');
  });

  it('uses the configured length', () => {
    expect(windowStatus(referredOnly, 'last_referral', '2025-12-01', 6)).toBe('lapsing_soon');
    expect(windowStatus(referredOnly, 'last_referral', '2025-12-01', 12)).toBe('open');
  });
});
