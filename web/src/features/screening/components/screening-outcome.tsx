import type { ReferralDetail } from '@marac/shared';
import { ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { paths } from '../../../config/paths';

/** The reason screening gave with the decision the referral is now in, if that decision has one. */
function currentReason(referral: ReferralDetail): string | null {
  const decision = [...referral.history].reverse().find((entry) => entry.kind === referral.status);
  return decision?.reason ?? null;
}

/**
 * What the referrer needs to know about screening: why it was rejected, or what more is wanted and
 * where to give it.
 */
export function ScreeningOutcome({ referral }: { referral: ReferralDetail }) {
  if (referral.status === 'more_information_requested') {
    const reason = currentReason(referral);
    return (
      <>
        <NotificationBanner title="More information requested">
          {reason ? `Screening asked: ${reason}` : 'Screening asked for more information about this referral.'}
        </NotificationBanner>
        <ButtonLink to={paths.referrals.resubmit(referral.id)}>Provide more information</ButtonLink>
      </>
    );
  }
  if (referral.status === 'rejected') {
    const reason = currentReason(referral);
    return (
      <NotificationBanner title="Referral rejected">
        {reason ? `Reason given by screening: ${reason}` : 'Screening rejected this referral.'}
      </NotificationBanner>
    );
  }
  return null;
}
