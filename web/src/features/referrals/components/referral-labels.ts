import type { CriteriaSettings, DashAnswerValue, ETHNICITY_GROUPS, Gender, PoliceReference, ReferralCriterion, ReferralStatus } from '@marac/shared';
import type { Tag } from '../../../components/ui/tag';

type Colour = NonNullable<Parameters<typeof Tag>[0]['colour']>;

export const REFERRAL_STATUS_COLOURS: Record<ReferralStatus, Colour> = {
  draft: 'grey',
  submitted: 'blue',
  more_information_requested: 'yellow',
  accepted: 'green',
  rejected: 'red',
  merged: 'purple',
  withdrawn: 'grey',
};

/** The criteria in the referrer's words, with the area's numbers. */
export function criterionLabels(settings: CriteriaSettings): Record<ReferralCriterion, string> {
  return {
    visible_high_risk: `Visible high risk: ${settings.visibleHighRiskThreshold} or more “yes” answers on the DASH checklist`,
    professional_judgement: 'Professional judgement: you have explained why the case is high risk',
    potential_escalation: `Potential escalation: ${settings.escalationIncidents} or more incidents in ${settings.escalationMonths} months`,
    repeat: 'Repeat: the victim was referred to a MARAC in the last 12 months',
  };
}

export const DASH_ANSWER_LABELS: Record<DashAnswerValue, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

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

export const YES_NO_NOT_KNOWN_LABELS = { yes: 'Yes', no: 'No', not_known: 'Not known' } as const;

export const POLICE_REFERENCE_KIND_LABELS: Record<PoliceReference['kind'], string> = {
  crime: 'Crime number',
  incident: 'Incident number',
  order: 'Order (for example a DVPO or non-molestation order)',
  bail: 'Bail conditions',
  court_date: 'Court date',
  other: 'Other',
};
