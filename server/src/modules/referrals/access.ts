import type { SessionUser } from '../auth/session-store';

/** The parts of a referral that decide who may see it. */
export interface ReferralOwnership {
  areaId: string | null;
  referrerUserId: string;
  enteredByUserId: string;
}

/** The person who made the referral or typed it in: they follow its progress and answer questions on it. */
export const isReferrerOf = (user: SessionUser, referral: ReferralOwnership): boolean =>
  referral.referrerUserId === user.id || referral.enteredByUserId === user.id;

/** Coordinators and chairs work across the referrals of their own areas, and no others. */
export const screensArea = (user: SessionUser, areaId: string | null): boolean =>
  (user.role === 'coordinator' || user.role === 'chair') && areaId !== null && user.areaIds.includes(areaId);

/**
 * Who may see a referral at all. Everyone else is told it does not exist (404, never 403), so an id
 * cannot be used to learn that a referral about someone is held.
 */
export const canSeeReferral = (user: SessionUser, referral: ReferralOwnership): boolean =>
  isReferrerOf(user, referral) || screensArea(user, referral.areaId);
