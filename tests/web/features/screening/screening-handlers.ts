import type { ReferralDetail, ReferralMatches } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { apiErrorResponse } from '../../handlers';

/** The referral as the server holds it; `current` is read on every request so a test can change it. */
export const referralDetail = (current: () => ReferralDetail) =>
  http.get('/api/referrals/:id', ({ params }) => {
    const detail = current();
    return params.id === detail.id ? HttpResponse.json(detail) : apiErrorResponse(404, 'not_found', 'The referral was not found');
  });

export const referralMatches = (current: () => ReferralMatches) =>
  http.get('/api/referrals/:id/matches', () => HttpResponse.json(current()));
