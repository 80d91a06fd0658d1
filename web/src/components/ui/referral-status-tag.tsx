import type { ReferralStatus } from '@marac/shared';
import type { ReactNode } from 'react';
import { Tag, type TagColour } from './tag';

const REFERRAL_STATUS_COLOURS: Record<ReferralStatus, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  more_information_requested: 'yellow',
  accepted: 'green',
  rejected: 'red',
  merged: 'purple',
  withdrawn: 'grey',
};

/** A referral's status, in the same colour on every page that shows it; the words are the server's `statusLabel`. */
export function ReferralStatusTag({ status, children }: { status: ReferralStatus; children: ReactNode }) {
  return <Tag colour={REFERRAL_STATUS_COLOURS[status]}>{children}</Tag>;
}
