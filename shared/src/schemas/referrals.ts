import { z } from 'zod';
import { DASH_ANSWERS, type DashAnswerValue } from '../rules/dash';
import { REFERRAL_CRITERIA } from '../rules/criteria';
import { Address, Email, Gender, Id, IsoDate, OptionalText, RequiredText, Timestamp } from './common';
import { PersonRole } from './people';

export const ReferralCriterion = z.enum(REFERRAL_CRITERIA);
export type ReferralCriterion = z.infer<typeof ReferralCriterion>;

/** The criteria's names; the referral form explains each with the area's numbers after the name. */
export const REFERRAL_CRITERION_LABELS: Record<ReferralCriterion, string> = {
  visible_high_risk: 'Visible high risk',
  professional_judgement: 'Professional judgement',
  potential_escalation: 'Potential escalation',
  repeat: 'Repeat',
};

export const RISK_TOOLS = ['dash', 'dara', 's_dash', 'hbv_fm'] as const;
export const RiskTool = z.enum(RISK_TOOLS);
export type RiskTool = z.infer<typeof RiskTool>;

export const RISK_TOOL_LABELS: Record<RiskTool, string> = {
  dash: 'DASH risk identification checklist',
  dara: 'Domestic abuse risk assessment (DARA)',
  s_dash: 'Stalking screening (S-DASH)',
  hbv_fm: 'Honour-based abuse and forced marriage screening',
};

/**
 * "Yes", "No", "Not known": the answers to the DASH questions, and to the victim's disability and LGBT+
 * questions, which take the same three values.
 */
export const YES_NO_NOT_KNOWN_LABELS: Record<DashAnswerValue, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

export const DashAnswer = z.object({
  question: z.number().int().min(1).max(24),
  answer: z.enum(DASH_ANSWERS),
  comment: OptionalText(1000),
});
export type DashAnswer = z.infer<typeof DashAnswer>;

/** One risk assessment: the DASH RIC, a police DARA, or an add-on screen; the tool and version are kept. */
export const RiskAssessment = z.object({
  tool: RiskTool,
  version: RequiredText(40),
  completedOn: IsoDate,
  answers: z.array(DashAnswer).max(40),
  score: z.number().int().min(0),
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const ReferralSubjectName = z.object({ givenName: RequiredText(80), familyName: RequiredText(80) });

/** A person as the referral names them, before and after identity matching links them to a held person. */
export const ReferralSubject = z.object({
  id: Id,
  role: PersonRole,
  givenName: z.string(),
  familyName: z.string(),
  aliases: z.array(ReferralSubjectName),
  datesOfBirth: z.array(IsoDate),
  gender: Gender,
  address: Address.nullable(),
  phone: z.string().nullable(),
  relationshipToVictim: z.string().nullable(),
  relationshipToPerpetrator: z.string().nullable(),
  school: z.string().nullable(),
  personId: Id.nullable(),
});
export type ReferralSubject = z.infer<typeof ReferralSubject>;

export const ETHNICITY_GROUPS = [
  'white_british',
  'white_other',
  'mixed',
  'asian',
  'black',
  'arab',
  'other',
  'not_known',
] as const;

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

/** What the national data return needs about the victim; every field may be "not known". */
export const VictimDiversity = z.object({
  ethnicity: z.enum(ETHNICITY_GROUPS).default('not_known'),
  disability: z.enum(['yes', 'no', 'not_known']).default('not_known'),
  lgbt: z.enum(['yes', 'no', 'not_known']).default('not_known'),
});
export type VictimDiversity = z.infer<typeof VictimDiversity>;

export const ContactSafety = z.object({
  safeToCall: z.boolean(),
  safeTimes: OptionalText(200),
  safeMethods: OptionalText(200),
});

export const VictimDetails = z.object({
  language: OptionalText(60),
  interpreterNeeded: z.boolean().default(false),
  gp: OptionalText(200),
  contactSafety: ContactSafety,
  diversity: VictimDiversity,
});
export type VictimDetails = z.infer<typeof VictimDetails>;

/** Someone it is not safe to contact about the case: they must never receive anything about it. */
export const UnsafeContact = z.object({
  name: RequiredText(120),
  relationship: OptionalText(120),
  email: Email.nullable().default(null),
  agencyId: Id.nullable().default(null),
  reason: OptionalText(500),
});
export type UnsafeContact = z.infer<typeof UnsafeContact>;

export const PoliceReference = z.object({
  kind: z.enum(['crime', 'incident', 'order', 'bail', 'court_date', 'other']),
  reference: RequiredText(60),
  detail: OptionalText(500),
  date: IsoDate.nullable().default(null),
});
export type PoliceReference = z.infer<typeof PoliceReference>;

export const POLICE_REFERENCE_KIND_LABELS: Record<PoliceReference['kind'], string> = {
  crime: 'Crime number',
  incident: 'Incident number',
  order: 'Order (for example a DVPO or non-molestation order)',
  bail: 'Bail conditions',
  court_date: 'Court date',
  other: 'Other',
};

export const Narrative = z.object({
  recentIncident: OptionalText(10_000),
  history: OptionalText(10_000),
  supportInPlace: OptionalText(5000),
  risksAndTriggers: OptionalText(5000),
});
export type Narrative = z.infer<typeof Narrative>;

export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'more_information_requested',
  'accepted',
  'rejected',
  'merged',
  'withdrawn',
] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting screening',
  more_information_requested: 'More information requested',
  accepted: 'Accepted',
  rejected: 'Rejected',
  merged: 'Merged',
  withdrawn: 'Withdrawn',
};

export const Consent = z.object({
  victimAware: z.boolean(),
  consentGiven: z.enum(['yes', 'no', 'not_asked']),
  /** Required when the victim was not informed or did not consent: consent is preferred, not required. */
  reason: OptionalText(1000),
});

export const CONSENT_GIVEN_LABELS: Record<z.infer<typeof Consent>['consentGiven'], string> = {
  yes: 'Yes',
  no: 'No',
  not_asked: 'Not asked',
};

/** Everything a referral carries (MARAC-DOMAIN.md "What a referral carries"). */
export const Referral = z.object({
  id: Id,
  reference: z.string(),
  status: ReferralStatus,
  areaId: Id.nullable(),
  caseId: Id.nullable(),
  referringAgencyId: Id,
  referrerUserId: Id,
  referrerName: z.string(),
  referrerContact: z.string(),
  enteredByUserId: Id,
  referralDate: IsoDate,
  managerSignOff: z.object({ name: z.string(), signedOn: IsoDate }).nullable(),
  urgent: z.boolean(),
  assessments: z.array(RiskAssessment),
  dashScore: z.number().int().min(0).max(24),
  criteriaMet: z.array(ReferralCriterion),
  professionalJudgementReasons: z.string().nullable(),
  incidentDates: z.array(IsoDate),
  victim: ReferralSubject,
  victimDetails: VictimDetails,
  perpetrators: z.array(ReferralSubject),
  householdMembers: z.array(ReferralSubject),
  consent: Consent,
  victimFears: z.string().nullable(),
  unsafeContacts: z.array(UnsafeContact),
  previousMaracElsewhere: z.object({ area: z.string(), date: IsoDate.nullable() }).nullable(),
  narrative: Narrative,
  policeReferences: z.array(PoliceReference),
  mergedIntoReferralId: Id.nullable(),
  submittedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Referral = z.infer<typeof Referral>;

export const SCREENING_DECISIONS = ['accepted', 'rejected', 'merged', 'more_information_requested'] as const;

/** Every screening decision, kept with who made it and when. */
export const ScreeningDecision = z.object({
  id: Id,
  referralId: Id,
  decision: z.enum(SCREENING_DECISIONS),
  reason: z.string().nullable(),
  areaId: Id.nullable(),
  mergedIntoReferralId: Id.nullable(),
  decidedBy: Id,
  decidedAt: Timestamp,
});
export type ScreeningDecision = z.infer<typeof ScreeningDecision>;

/** A person as typed into the referral form. */
export const SubjectInput = z.object({
  givenName: RequiredText(80),
  familyName: RequiredText(80),
  aliases: z.array(ReferralSubjectName).max(10, 'Add 10 aliases or fewer').default([]),
  /** Every date of birth the referrer knows of; none when unknown. */
  datesOfBirth: z.array(IsoDate).max(4, 'Add 4 dates of birth or fewer').default([]),
  gender: Gender.default('not_known'),
  address: Address.nullable().default(null),
  phone: OptionalText(40),
  relationshipToVictim: OptionalText(120),
  relationshipToPerpetrator: OptionalText(120),
  school: OptionalText(120),
});
export type SubjectInput = z.infer<typeof SubjectInput>;

export const HouseholdMemberInput = SubjectInput.extend({ role: z.enum(['child', 'household_member']) });
export type HouseholdMemberInput = z.infer<typeof HouseholdMemberInput>;

export const AssessmentInput = z.object({
  tool: z.enum(['dash', 'dara']).default('dash'),
  version: RequiredText(40).default('2009'),
  completedOn: IsoDate,
  answers: z.array(DashAnswer).max(24),
});

/**
 * A referral as submitted. Shape and types are checked here; the rules that need today's date or the
 * area's settings (dates of birth in the future, the score agreeing with the answers, a criterion met)
 * are in `referralProblems`, which the form runs live and the server runs again on submission.
 */
export const ReferralSubmission = z.object({
  areaId: Id,
  /** Set by a coordinator entering a referral on someone's behalf; a representative refers for their own agency. */
  referringAgencyId: Id.nullable().default(null),
  referrerName: RequiredText(120),
  referrerContact: RequiredText(200),
  referralDate: IsoDate,
  managerSignOff: z.object({ name: RequiredText(120), signedOn: IsoDate }).nullable().default(null),
  urgent: z.boolean().default(false),
  assessment: AssessmentInput,
  /** The score the form showed the referrer; it must agree with the answers. */
  dashScore: z.number().int().min(0).max(24),
  professionalJudgementReasons: OptionalText(5000),
  incidentDates: z.array(IsoDate).max(50).default([]),
  /** The referrer knows of a MARAC referral for this victim in the last 12 months. */
  knownRepeat: z.boolean().default(false),
  victim: SubjectInput,
  victimDetails: VictimDetails,
  perpetrators: z.array(SubjectInput).min(1, 'Add at least one perpetrator').max(5, 'Add 5 perpetrators or fewer'),
  householdMembers: z.array(HouseholdMemberInput).max(15).default([]),
  consent: Consent,
  victimFears: OptionalText(2000),
  unsafeContacts: z.array(UnsafeContact).max(10).default([]),
  previousMaracElsewhere: z.object({ area: RequiredText(120), date: IsoDate.nullable().default(null) }).nullable().default(null),
  narrative: Narrative,
  policeReferences: z.array(PoliceReference).max(20).default([]),
});
export type ReferralSubmission = z.infer<typeof ReferralSubmission>;
