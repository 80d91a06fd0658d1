import type { ReferralMatches } from '@marac/shared';
import { http, HttpResponse } from 'msw';

// The referral itself is served by `referralDetail` in ../../handlers, shared with the referrer's pages.

export const referralMatches = (current: () => ReferralMatches) =>
  http.get('/api/referrals/:id/matches', () => HttpResponse.json(current()));
