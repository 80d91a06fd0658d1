import type { ETHNICITY_GROUPS, FlagKind, Gender, PoliceReference, ReferralCriterion, ReferralStatus, RepeatWindowItem, RiskTool } from '@marac/shared';
import type { ComponentProps } from 'react';
import type { Tag } from '../../../components/ui/tag';

export type TagColour = NonNullable<ComponentProps<typeof Tag>['colour']>;

// Words for codes the shared package has no label for. The referral form (features/referrals) words the
// same codes identically: keep the two in step until the labels move into shared.

export const CRITERION_LABELS: Record<ReferralCriterion, string> = {
  visible_high_risk: 'Visible high risk',
  professional_judgement: 'Professional judgement',
  potential_escalation: 'Potential escalation',
  repeat: 'Repeat',
};

export const STATUS_COLOURS: Record<ReferralStatus, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  more_information_requested: 'yellow',
  accepted: 'green',
  rejected: 'red',
  merged: 'purple',
  withdrawn: 'grey',
};

/** Red for what puts someone in danger, orange for what changes how the case is handled, blue for context. */
export const FLAG_COLOURS: Record<FlagKind, TagColour> = {
  repeat: 'red',
  repeat_perpetrator: 'red',
  serial_perpetrator: 'red',
  role_conflict: 'red',
  children_in_household: 'blue',
  pregnancy_or_baby: 'orange',
  victim_aged_16_17: 'orange',
  perpetrator_under_18: 'orange',
  transferred_in: 'purple',
  cross_area_history: 'purple',
  window_lapsing: 'yellow',
};

export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  other: 'Other',
  not_known: 'Not known',
};

export const ETHNICITY_LABELS: Record<(typeof ETHNICITY_GROUPS)[number], string> = {
  white_british: 'White British',
  white_other: 'White other',
  mixed: 'Mixed or multiple ethnic groups',
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  arab: 'Arab',
  other: 'Another ethnic group',
  not_known: 'Not known',
};

export const RISK_TOOL_LABELS: Record<RiskTool, string> = {
  dash: 'DASH risk identification checklist',
  dara: 'Domestic abuse risk assessment (DARA)',
  s_dash: 'Stalking screening (S-DASH)',
  hbv_fm: 'Honour-based abuse and forced marriage screening',
};

export const POLICE_REFERENCE_LABELS: Record<PoliceReference['kind'], string> = {
  crime: 'Crime number',
  incident: 'Incident number',
  order: 'Order (for example a DVPO or non-molestation order)',
  bail: 'Bail conditions',
  court_date: 'Court date',
  other: 'Other',
};

export const ANCHOR_LABELS: Record<RepeatWindowItem['anchor'], string> = {
  last_referral: 'Last referral',
  last_hearing: 'Last hearing',
};

export const yesNoNotKnown = (value: 'yes' | 'no' | 'not_known'): string =>
  value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Not known';

/** "1 day", "12 days" */
export const days = (n: number): string => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
