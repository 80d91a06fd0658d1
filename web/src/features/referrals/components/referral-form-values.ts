import {
  DASH_ANSWERS,
  DASH_QUESTION_COUNT,
  ETHNICITY_GROUPS,
  Gender,
  PoliceReference,
  type Me,
  type ReferralDetail,
  type ReferralSubjectRecord,
} from '@marac/shared';
import { z } from 'zod';
import { datePartsFrom, emptyDate, type DateParts } from '../../../components/ui/date-input';
import { todayInLondon } from '../../../lib/today';

/*
 * The referral form's own state: text as typed, dates as their three boxes, choices not yet made as "".
 * It is also what a draft holds, so the schema reads a saved draft back defensively: anything missing
 * or of the wrong type (an older draft, a hand-edited one) falls back to an empty field rather than
 * breaking the form. It is deliberately not the submission type; `referral-submission.ts` turns it
 * into a ReferralSubmission and says what is wrong.
 */

const text = () => z.string().catch('');
const choice = <const T extends readonly string[]>(values: T, fallback: T[number] | '') =>
  z.union([z.enum(values), z.literal('')]).catch(fallback);
const yesNo = (fallback: 'yes' | 'no' | '' = '') => choice(['yes', 'no'] as const, fallback);
const newKey = () => crypto.randomUUID();
/** Keys keep React's rows apart when people add and remove list items; they mean nothing else. */
const key = () => z.string().min(1).catch(() => newKey());

function group<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}), z.object(shape));
}

function list<T extends z.ZodType>(item: T, initial: () => unknown[] = () => []) {
  return z.preprocess((value) => (Array.isArray(value) ? value : initial()), z.array(item));
}

const DateValue = group({ day: text(), month: text(), year: text() });
const DatedRow = group({ key: key(), date: DateValue });
const NameRow = group({ key: key(), givenName: text(), familyName: text() });
const AddressValues = group({ line1: text(), line2: text(), town: text(), postcode: text() });

const personShape = {
  key: key(),
  givenName: text(),
  familyName: text(),
  aliases: list(NameRow),
  datesOfBirth: list(DatedRow),
  gender: choice(Gender.options, 'not_known'),
  address: AddressValues,
  phone: text(),
  relationshipToVictim: text(),
  relationshipToPerpetrator: text(),
  school: text(),
};
const PersonValues = group(personShape);
const HouseholdMemberValues = group({ ...personShape, role: choice(['child', 'household_member'] as const, 'child') });

const DashAnswerValues = group({ answer: choice(DASH_ANSWERS, ''), comment: text() });

export const POLICE_REFERENCE_KINDS = PoliceReference.shape.kind.options;

export const ReferralFormValues = z.object({
  areaId: text(),
  referringAgencyId: text(),
  referrerName: text(),
  referrerContact: text(),
  referralDate: DateValue,
  urgent: yesNo('no'),
  managerSignOff: group({ given: yesNo(), name: text(), signedOn: DateValue }),
  victim: PersonValues,
  victimDetails: group({
    safeToCall: yesNo(),
    safeTimes: text(),
    safeMethods: text(),
    language: text(),
    interpreterNeeded: yesNo(),
    gp: text(),
    ethnicity: choice(ETHNICITY_GROUPS, 'not_known'),
    disability: choice(['yes', 'no', 'not_known'] as const, 'not_known'),
    lgbt: choice(['yes', 'no', 'not_known'] as const, 'not_known'),
  }),
  perpetrators: list(PersonValues, () => [{}]),
  householdMembers: list(HouseholdMemberValues),
  consent: group({ victimAware: yesNo(), consentGiven: choice(['yes', 'no', 'not_asked'] as const, ''), reason: text() }),
  victimFears: text(),
  unsafeContacts: list(group({ key: key(), name: text(), relationship: text(), email: text(), agencyId: text(), reason: text() })),
  previousMarac: group({ known: yesNo(), area: text(), date: DateValue }),
  assessment: group({
    completedOn: DateValue,
    // Always one entry per DASH question, in question order.
    answers: z.preprocess((value) => {
      const given = Array.isArray(value) ? value : [];
      return Array.from({ length: DASH_QUESTION_COUNT }, (_, i) => given[i] ?? {});
    }, z.array(DashAnswerValues)),
  }),
  professionalJudgementReasons: text(),
  incidentDates: list(DatedRow),
  knownRepeat: z.boolean().catch(false),
  narrative: group({ recentIncident: text(), history: text(), supportInPlace: text(), risksAndTriggers: text() }),
  policeReferences: list(
    group({ key: key(), kind: choice(POLICE_REFERENCE_KINDS, 'crime'), reference: text(), detail: text(), date: DateValue }),
  ),
});
export type ReferralFormValues = z.infer<typeof ReferralFormValues>;
export type PersonValues = z.infer<typeof PersonValues>;
export type HouseholdMemberValues = z.infer<typeof HouseholdMemberValues>;
export type DatedRow = z.infer<typeof DatedRow>;
export type NameRow = z.infer<typeof NameRow>;
export type UnsafeContactValues = ReferralFormValues['unsafeContacts'][number];
export type PoliceReferenceValues = ReferralFormValues['policeReferences'][number];
export type DashAnswerValues = z.infer<typeof DashAnswerValues>;

/** Fresh rows for the lists people add to. */
export const emptyRows = {
  date: (): DatedRow => ({ key: newKey(), date: emptyDate }),
  name: (): NameRow => ({ key: newKey(), givenName: '', familyName: '' }),
  person: (): PersonValues => PersonValues.parse({}),
  householdMember: (): HouseholdMemberValues => HouseholdMemberValues.parse({}),
  unsafeContact: (): UnsafeContactValues => ReferralFormValues.shape.unsafeContacts.parse([{}])[0] as UnsafeContactValues,
  policeReference: (): PoliceReferenceValues => ReferralFormValues.shape.policeReferences.parse([{}])[0] as PoliceReferenceValues,
};

/**
 * A new, empty referral. A representative refers for themselves, so their name and address are
 * filled in; a coordinator usually enters someone else's referral and types the referrer's details.
 */
export function newReferralValues(me: Me, today = todayInLondon()): ReferralFormValues {
  const values = ReferralFormValues.parse({});
  const representative = me.user.role === 'agency_representative';
  return {
    ...values,
    areaId: me.areas.length === 1 ? (me.areas[0]?.id ?? '') : '',
    referrerName: representative ? me.user.name : '',
    referrerContact: representative ? me.user.email : '',
    referralDate: datePartsFrom(today),
    victim: { ...values.victim, datesOfBirth: [emptyRows.date()] },
  };
}

/** What a draft holds: the form as it stands, marked so a future form can tell old drafts apart. */
export const DRAFT_FORMAT = 'referral-form/1';

/** What a draft holds; `resubmits` names the referral a draft of more information is for. */
export const draftPayload = (values: ReferralFormValues, resubmits: string | null = null): Record<string, unknown> =>
  resubmits ? { format: DRAFT_FORMAT, resubmits, values } : { format: DRAFT_FORMAT, values };

/** The referral a draft answers a request for more information about, if it does. */
export function draftResubmits(payload: Record<string, unknown>): string | null {
  const parsed = z.uuid().safeParse(payload.resubmits);
  return parsed.success ? parsed.data : null;
}

/** The form from a saved draft; whatever cannot be read is left empty rather than refused. */
export function valuesFromDraft(payload: Record<string, unknown>): ReferralFormValues {
  return ReferralFormValues.parse(payload.values ?? {});
}

const dateRows = (dates: readonly string[]): DatedRow[] => dates.map((date) => ({ key: newKey(), date: datePartsFrom(date) }));
const dateOrEmpty = (date: string | null | undefined): DateParts => (date ? datePartsFrom(date) : emptyDate);

function personFrom(subject: ReferralSubjectRecord): PersonValues {
  return {
    key: newKey(),
    givenName: subject.givenName,
    familyName: subject.familyName,
    aliases: subject.aliases.map((alias) => ({ key: newKey(), ...alias })),
    datesOfBirth: dateRows(subject.datesOfBirth),
    gender: subject.gender,
    address: {
      line1: subject.address?.line1 ?? '',
      line2: subject.address?.line2 ?? '',
      town: subject.address?.town ?? '',
      postcode: subject.address?.postcode ?? '',
    },
    phone: subject.phone ?? '',
    relationshipToVictim: subject.relationshipToVictim ?? '',
    relationshipToPerpetrator: subject.relationshipToPerpetrator ?? '',
    school: subject.school ?? '',
  };
}

const yesNoOf = (value: boolean): 'yes' | 'no' => (value ? 'yes' : 'no');

/** The form filled from a referral as it was sent, for answering a request for more information. */
export function valuesFromReferral(referral: ReferralDetail, me: Me): ReferralFormValues {
  const dash = referral.assessments.find((assessment) => assessment.tool === 'dash');
  const answers = Array.from({ length: DASH_QUESTION_COUNT }, (_, i) => {
    const given = dash?.answers.find((answer) => answer.question === i + 1);
    return { answer: given?.answer ?? '', comment: given?.comment ?? '' } as DashAnswerValues;
  });
  const details = referral.victimDetails;
  const victim = personFrom(referral.victim);
  return {
    areaId: referral.areaId ?? '',
    // A representative always refers for their own agency, which the server fills in.
    referringAgencyId: me.user.role === 'agency_representative' ? '' : referral.referringAgencyId,
    referrerName: referral.referrerName,
    referrerContact: referral.referrerContact,
    referralDate: datePartsFrom(referral.referralDate),
    urgent: yesNoOf(referral.urgent),
    managerSignOff: referral.managerSignOff
      ? { given: 'yes', name: referral.managerSignOff.name, signedOn: datePartsFrom(referral.managerSignOff.signedOn) }
      : { given: 'no', name: '', signedOn: emptyDate },
    victim: victim.datesOfBirth.length > 0 ? victim : { ...victim, datesOfBirth: [emptyRows.date()] },
    victimDetails: {
      safeToCall: yesNoOf(details.contactSafety.safeToCall),
      safeTimes: details.contactSafety.safeTimes ?? '',
      safeMethods: details.contactSafety.safeMethods ?? '',
      language: details.language ?? '',
      interpreterNeeded: yesNoOf(details.interpreterNeeded),
      gp: details.gp ?? '',
      ethnicity: details.diversity.ethnicity,
      disability: details.diversity.disability,
      lgbt: details.diversity.lgbt,
    },
    perpetrators: referral.perpetrators.length > 0 ? referral.perpetrators.map(personFrom) : [emptyRows.person()],
    householdMembers: referral.householdMembers.map((member) => ({
      ...personFrom(member),
      role: member.role === 'household_member' ? 'household_member' : 'child',
    })),
    consent: { victimAware: yesNoOf(referral.consent.victimAware), consentGiven: referral.consent.consentGiven, reason: referral.consent.reason ?? '' },
    victimFears: referral.victimFears ?? '',
    unsafeContacts: referral.unsafeContacts.map((contact) => ({
      key: newKey(),
      name: contact.name,
      relationship: contact.relationship ?? '',
      email: contact.email ?? '',
      agencyId: contact.agencyId ?? '',
      reason: contact.reason ?? '',
    })),
    previousMarac: referral.previousMaracElsewhere
      ? { known: 'yes', area: referral.previousMaracElsewhere.area, date: dateOrEmpty(referral.previousMaracElsewhere.date) }
      : { known: 'no', area: '', date: emptyDate },
    assessment: { completedOn: dateOrEmpty(dash?.completedOn), answers },
    professionalJudgementReasons: referral.professionalJudgementReasons ?? '',
    incidentDates: dateRows(referral.incidentDates),
    // The referral keeps the criteria met, not the referrer's answer; "repeat" is only ever met that way.
    knownRepeat: referral.criteriaMet.includes('repeat'),
    narrative: {
      recentIncident: referral.narrative.recentIncident ?? '',
      history: referral.narrative.history ?? '',
      supportInPlace: referral.narrative.supportInPlace ?? '',
      risksAndTriggers: referral.narrative.risksAndTriggers ?? '',
    },
    policeReferences: referral.policeReferences.map((ref) => ({
      key: newKey(),
      kind: ref.kind,
      reference: ref.reference,
      detail: ref.detail ?? '',
      date: dateOrEmpty(ref.date),
    })),
  };
}
