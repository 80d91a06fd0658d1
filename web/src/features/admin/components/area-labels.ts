import type { AreaSettings } from '@marac/shared';

export const REPEAT_ANCHOR_LABELS: Record<AreaSettings['repeatAnchor'], string> = {
  last_referral: 'From the last referral',
  last_hearing: 'From the last hearing',
};
