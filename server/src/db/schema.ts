/**
 * The whole MARAC data model. Keys are UUID text, instants ISO-8601 UTC text and calendar dates
 * `YYYY-MM-DD` text, so the same tables can be expressed in PostgreSQL when a deployment outgrows SQLite.
 * Lists that are only ever read with their parent are JSON columns; anything searched or joined on is
 * a table of its own.
 */

import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  ActionCategory,
  ActionReminderKind,
  ActionStatus,
  Address,
  AgencyKind,
  AreaSettings,
  AuditAction,
  AuditEntity,
  CaseStatus,
  DashAnswer,
  FlagKind,
  Gender,
  MeetingStatus,
  Narrative,
  PersonRole,
  PoliceReference,
  ReferralCriterion,
  ReferralStatus,
  RiskTool,
  Role,
  VictimDetails,
} from '@marac/shared';

const id = () => text('id').primaryKey();
const createdAt = () => text('created_at').notNull();
const bool = (name: string) => integer(name, { mode: 'boolean' });
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
/**
 * How many times the record has been changed. A change names the version it started from and is
 * refused, with the record as it now stands, when someone else's change came first: nobody's update
 * silently puts back what another person had just changed.
 */
const version = () => integer('version').notNull().default(0);

/** Deployment-wide facts (schema owner, demo mode) that are not per area. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const areas = sqliteTable('areas', {
  id: id(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  description: text('description'),
  postcodeDistricts: json<string[]>('postcode_districts').notNull(),
  adultFemalePopulation: integer('adult_female_population'),
  settings: json<AreaSettings>('settings').notNull(),
  createdAt: createdAt(),
  disabledAt: text('disabled_at'),
  version: version(),
});

export const agencies = sqliteTable('agencies', {
  id: id(),
  name: text('name').notNull().unique(),
  kind: text('kind').$type<AgencyKind>().notNull(),
  secureEmail: text('secure_email'),
  createdAt: createdAt(),
  disabledAt: text('disabled_at'),
  version: version(),
});

export const agencyAreas = sqliteTable(
  'agency_areas',
  {
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    areaId: text('area_id').notNull().references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.areaId] }), index('agency_areas_area_idx').on(t.areaId)],
);

export const protocolSignatures = sqliteTable(
  'protocol_signatures',
  {
    id: id(),
    areaId: text('area_id').notNull().references(() => areas.id),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    signedOn: text('signed_on').notNull(),
    signatory: text('signatory').notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    withdrawnOn: text('withdrawn_on'),
  },
  (t) => [index('protocol_signatures_area_agency_idx').on(t.areaId, t.agencyId)],
);

export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    agencyId: text('agency_id').references(() => agencies.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    lastSignedInAt: text('last_signed_in_at'),
    disabledAt: text('disabled_at'),
    version: version(),
  },
  (t) => [index('users_agency_idx').on(t.agencyId)],
);

export const userAreas = sqliteTable(
  'user_areas',
  {
    userId: text('user_id').notNull().references(() => users.id),
    areaId: text('area_id').notNull().references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaId] }), index('user_areas_area_idx').on(t.areaId)],
);

/**
 * Server-side sessions. Only a SHA-256 of the session id is stored, so a copy of the database cannot be
 * used to hijack a session.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    absoluteExpiresAt: text('absolute_expires_at').notNull(),
    revokedAt: text('revoked_at'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, keyed by account and by address, for the 10-in-5-minutes limit. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

export const people = sqliteTable(
  'people',
  {
    id: id(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('people_family_name_idx').on(t.familyName)],
);

export const personNames = sqliteTable(
  'person_names',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => people.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    kind: text('kind').$type<'alias' | 'previous_name' | 'spelling_variant' | 'nickname'>().notNull(),
  },
  (t) => [index('person_names_person_idx').on(t.personId)],
);

export const personBirthDates = sqliteTable(
  'person_birth_dates',
  {
    personId: text('person_id').notNull().references(() => people.id),
    dateOfBirth: text('date_of_birth').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.dateOfBirth] }), index('person_birth_dates_dob_idx').on(t.dateOfBirth)],
);

export const personAddresses = sqliteTable(
  'person_addresses',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => people.id),
    line1: text('line1').notNull(),
    line2: text('line2'),
    town: text('town'),
    postcode: text('postcode'),
    current: bool('current').notNull(),
  },
  (t) => [index('person_addresses_person_idx').on(t.personId), index('person_addresses_postcode_idx').on(t.postcode)],
);

export const personPhones = sqliteTable(
  'person_phones',
  {
    personId: text('person_id').notNull().references(() => people.id),
    phone: text('phone').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.phone] }), index('person_phones_phone_idx').on(t.phone)],
);

/**
 * Blocking keys for identity matching: short codes (phonetic name keys, dates of birth with day and
 * month in either order, postcodes, phones) under which a person can be found quickly among millions.
 * Derived from the person's names, dates of birth, addresses and phones; rebuilt whenever those change.
 */
export const personMatchKeys = sqliteTable(
  'person_match_keys',
  {
    key: text('key').notNull(),
    personId: text('person_id').notNull().references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index('person_match_keys_person_idx').on(t.personId)],
);

export const identityDecisions = sqliteTable(
  'identity_decisions',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => people.id),
    otherPersonId: text('other_person_id').notNull().references(() => people.id),
    decision: text('decision').$type<'confirmed' | 'rejected'>().notNull(),
    decidedBy: text('decided_by').notNull().references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('identity_decisions_pair_idx').on(t.personId, t.otherPersonId), index('identity_decisions_other_idx').on(t.otherPersonId)],
);

/**
 * A coordinator's decision on a suggested person for someone a referral names, taken while the
 * referral is screened and the subject is not a held person yet. Confirming links the subject to the
 * person (`referral_subjects.person_id`); a rejection becomes an `identity_decisions` row once the
 * subject is a held person, so the pair is never suggested again.
 */
export const subjectMatchDecisions = sqliteTable(
  'subject_match_decisions',
  {
    id: id(),
    subjectId: text('subject_id').notNull().references(() => referralSubjects.id),
    personId: text('person_id').notNull().references(() => people.id),
    decision: text('decision').$type<'confirmed' | 'rejected'>().notNull(),
    decidedBy: text('decided_by').notNull().references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('subject_match_decisions_pair_idx').on(t.subjectId, t.personId)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    reference: text('reference').notNull().unique(),
    areaId: text('area_id').notNull().references(() => areas.id),
    victimPersonId: text('victim_person_id').notNull().references(() => people.id),
    status: text('status').$type<CaseStatus>().notNull(),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    lastReferralDate: text('last_referral_date').notNull(),
    lastHearingDate: text('last_hearing_date'),
    transferredFromAreaId: text('transferred_from_area_id').references(() => areas.id),
    transferredToAreaId: text('transferred_to_area_id').references(() => areas.id),
  },
  (t) => [
    index('cases_area_status_idx').on(t.areaId, t.status),
    index('cases_victim_idx').on(t.victimPersonId),
    // Repeat windows lapsing in a range are found from these dates, not by reading every case of the area.
    index('cases_last_referral_idx').on(t.lastReferralDate),
    index('cases_last_hearing_idx').on(t.lastHearingDate),
    // Cases heard in the last 12 months, and repeat windows lapsing, counted from these indexes alone.
    index('cases_area_hearing_idx').on(t.areaId, t.lastHearingDate, t.status, t.lastReferralDate, t.reference),
    index('cases_area_referral_idx').on(t.areaId, t.lastReferralDate, t.status, t.lastHearingDate, t.reference),
  ],
);

/** The explicit role each person holds in each case. */
export const casePeople = sqliteTable(
  'case_people',
  {
    id: id(),
    personId: text('person_id').notNull().references(() => people.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    role: text('role').$type<PersonRole>().notNull(),
    relationshipToVictim: text('relationship_to_victim'),
    relationshipToPerpetrator: text('relationship_to_perpetrator'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('case_people_unique_idx').on(t.caseId, t.personId, t.role),
    index('case_people_person_idx').on(t.personId),
  ],
);

export const referrals = sqliteTable(
  'referrals',
  {
    id: id(),
    reference: text('reference').notNull().unique(),
    status: text('status').$type<ReferralStatus>().notNull(),
    areaId: text('area_id').references(() => areas.id),
    caseId: text('case_id').references(() => cases.id),
    referringAgencyId: text('referring_agency_id').notNull().references(() => agencies.id),
    referrerUserId: text('referrer_user_id').notNull().references(() => users.id),
    referrerName: text('referrer_name').notNull(),
    referrerContact: text('referrer_contact').notNull(),
    enteredByUserId: text('entered_by_user_id').notNull().references(() => users.id),
    referralDate: text('referral_date').notNull(),
    managerSignOff: json<{ name: string; signedOn: string } | null>('manager_sign_off'),
    urgent: bool('urgent').notNull(),
    dashScore: integer('dash_score').notNull(),
    criteriaMet: json<ReferralCriterion[]>('criteria_met').notNull(),
    professionalJudgementReasons: text('professional_judgement_reasons'),
    incidentDates: json<string[]>('incident_dates').notNull(),
    victimDetails: json<VictimDetails>('victim_details').notNull(),
    consent: json<{ victimAware: boolean; consentGiven: 'yes' | 'no' | 'not_asked'; reason: string | null }>('consent').notNull(),
    victimFears: text('victim_fears'),
    previousMaracElsewhere: json<{ area: string; date: string | null } | null>('previous_marac_elsewhere'),
    narrative: json<Narrative>('narrative').notNull(),
    policeReferences: json<PoliceReference[]>('police_references').notNull(),
    mergedIntoReferralId: text('merged_into_referral_id'),
    /**
     * The meeting whose agenda lists this accepted referral; null while it waits to be listed. Kept on
     * the referral so the referrals awaiting listing are one index range even among millions heard.
     */
    agendaMeetingId: text('agenda_meeting_id'),
    submittedAt: text('submitted_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('referrals_area_status_idx').on(t.areaId, t.status, t.referralDate),
    index('referrals_awaiting_listing_idx').on(t.areaId, t.status, t.agendaMeetingId, t.referralDate),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_agency_idx').on(t.referringAgencyId),
    index('referrals_referrer_idx').on(t.referrerUserId, t.status),
    // Merges are followed from the referral merged into; without it, every bar check scans every referral.
    index('referrals_merged_into_idx').on(t.mergedIntoReferralId),
  ],
);

/**
 * A referral still being written. Kept as the form's own JSON, so a half-finished referral is never
 * lost and never has to be valid; it becomes a referral only when submitted and fully checked.
 */
export const referralDrafts = sqliteTable(
  'referral_drafts',
  {
    id: id(),
    createdBy: text('created_by').notNull().references(() => users.id),
    agencyId: text('agency_id').references(() => agencies.id),
    payload: json<Record<string, unknown>>('payload').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('referral_drafts_created_by_idx').on(t.createdBy)],
);

/** People as a referral names them; `person_id` is set once identity matching links them. */
export const referralSubjects = sqliteTable(
  'referral_subjects',
  {
    id: id(),
    referralId: text('referral_id').notNull().references(() => referrals.id),
    position: integer('position').notNull(),
    role: text('role').$type<PersonRole>().notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    aliases: json<{ givenName: string; familyName: string }[]>('aliases').notNull(),
    datesOfBirth: json<string[]>('dates_of_birth').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    address: json<Address | null>('address'),
    phone: text('phone'),
    relationshipToVictim: text('relationship_to_victim'),
    relationshipToPerpetrator: text('relationship_to_perpetrator'),
    school: text('school'),
    personId: text('person_id').references(() => people.id),
  },
  (t) => [index('referral_subjects_referral_idx').on(t.referralId), index('referral_subjects_person_idx').on(t.personId)],
);

export const riskAssessments = sqliteTable(
  'risk_assessments',
  {
    id: id(),
    referralId: text('referral_id').notNull().references(() => referrals.id),
    tool: text('tool').$type<RiskTool>().notNull(),
    version: text('version').notNull(),
    completedOn: text('completed_on').notNull(),
    answers: json<DashAnswer[]>('answers').notNull(),
    score: integer('score').notNull(),
  },
  (t) => [index('risk_assessments_referral_idx').on(t.referralId)],
);

/** People named as unsafe to contact: checked before anything about the case is sent anywhere. */
export const unsafeContacts = sqliteTable(
  'unsafe_contacts',
  {
    id: id(),
    referralId: text('referral_id').notNull().references(() => referrals.id),
    name: text('name').notNull(),
    relationship: text('relationship'),
    email: text('email'),
    agencyId: text('agency_id').references(() => agencies.id),
    reason: text('reason'),
  },
  (t) => [index('unsafe_contacts_referral_idx').on(t.referralId), index('unsafe_contacts_email_idx').on(t.email)],
);

/**
 * Who must never receive anything about a case: each agency, and each person by e-mail, that a referral
 * on the case (merged ones included), or any referral about the same victim, names as unsafe to contact,
 * or that a coordinator recorded on the case. A bar holds from the moment it is recorded until a
 * coordinator lifts it with a reason; nothing else removes it. `source_key` names where it came from,
 * so a lifted bar is not brought back by the same referral.
 */
export const caseBars = sqliteTable(
  'case_bars',
  {
    id: id(),
    caseId: text('case_id').notNull().references(() => cases.id),
    agencyId: text('agency_id').references(() => agencies.id),
    /** Lower-cased. */
    email: text('email'),
    name: text('name').notNull(),
    reason: text('reason'),
    referralId: text('referral_id').references(() => referrals.id),
    sourceKey: text('source_key').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
    liftedAt: text('lifted_at'),
    liftedBy: text('lifted_by').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    uniqueIndex('case_bars_source_idx').on(t.caseId, t.sourceKey),
    index('case_bars_agency_idx').on(t.agencyId, t.caseId),
    index('case_bars_email_idx').on(t.email, t.caseId),
  ],
);

export const screeningDecisions = sqliteTable(
  'screening_decisions',
  {
    id: id(),
    referralId: text('referral_id').notNull().references(() => referrals.id),
    decision: text('decision').$type<'accepted' | 'rejected' | 'merged' | 'more_information_requested'>().notNull(),
    reason: text('reason'),
    areaId: text('area_id').references(() => areas.id),
    mergedIntoReferralId: text('merged_into_referral_id').references(() => referrals.id),
    decidedBy: text('decided_by').notNull().references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [index('screening_decisions_referral_idx').on(t.referralId)],
);

export const flags = sqliteTable(
  'flags',
  {
    id: id(),
    caseId: text('case_id').notNull().references(() => cases.id),
    referralId: text('referral_id').references(() => referrals.id),
    kind: text('kind').$type<FlagKind>().notNull(),
    detail: text('detail').notNull(),
    relatedCaseIds: json<string[]>('related_case_ids').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [index('flags_case_idx').on(t.caseId), index('flags_referral_idx').on(t.referralId)],
);

export const meetingSeries = sqliteTable(
  'meeting_series',
  {
    id: id(),
    areaId: text('area_id').notNull().references(() => areas.id),
    name: text('name').notNull(),
    recurrence: text('recurrence').$type<'daily' | 'weekly' | 'fortnightly' | 'monthly'>().notNull(),
    weekday: text('weekday').$type<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday'>().notNull(),
    weekOfMonth: integer('week_of_month'),
    firstDate: text('first_date').notNull(),
    startTime: text('start_time').notNull(),
    location: text('location'),
    onlineLink: text('online_link'),
    capacity: integer('capacity').notNull(),
    minutesPerCase: integer('minutes_per_case').notNull(),
    referralCutoffWorkingDays: integer('referral_cutoff_working_days').notNull(),
    circulationLeadWorkingDays: integer('circulation_lead_working_days').notNull(),
    researchDeadlineWorkingDays: integer('research_deadline_working_days').notNull(),
    minutesDeadlineWorkingDays: integer('minutes_deadline_working_days').notNull(),
    active: bool('active').notNull(),
  },
  (t) => [index('meeting_series_area_idx').on(t.areaId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    areaId: text('area_id').notNull().references(() => areas.id),
    seriesId: text('series_id').references(() => meetingSeries.id),
    kind: text('kind').$type<'scheduled' | 'one_off' | 'emergency'>().notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    location: text('location'),
    onlineLink: text('online_link'),
    capacity: integer('capacity').notNull(),
    minutesPerCase: integer('minutes_per_case').notNull(),
    status: text('status').$type<MeetingStatus>().notNull(),
    referralCutoff: text('referral_cutoff').notNull(),
    circulationDate: text('circulation_date').notNull(),
    researchDeadline: text('research_deadline').notNull(),
    minutesDueDate: text('minutes_due_date').notNull(),
    agendaVersion: integer('agenda_version').notNull().default(0),
    chairUserId: text('chair_user_id').references(() => users.id),
    createdAt: createdAt(),
    /** Counts changes to the meeting and to its agenda alike: both are edited from the meeting page. */
    version: version(),
  },
  (t) => [index('meetings_area_date_idx').on(t.areaId, t.date)],
);

export const meetingInvitations = sqliteTable(
  'meeting_invitations',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    caseId: text('case_id').references(() => cases.id),
  },
  (t) => [index('meeting_invitations_meeting_idx').on(t.meetingId), index('meeting_invitations_agency_idx').on(t.agencyId)],
);

/**
 * One entry per case per meeting. The referrals it lists are in `agenda_item_referrals`: every referral
 * on the case since its last hearing. `frozen_flags` keeps the flags as the meeting saw them, from the
 * moment it starts, so a later referral never rewrites what a past hearing was told.
 */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    position: integer('position').notNull(),
    slotStart: text('slot_start'),
    pinned: bool('pinned').notNull().default(false),
    manuallyPlaced: bool('manually_placed').notNull().default(false),
    status: text('status').$type<'listed' | 'heard' | 'deferred' | 'removed'>().notNull(),
    removedReason: text('removed_reason'),
    transferredFromAreaId: text('transferred_from_area_id').references(() => areas.id),
    riskAnalysis: json<{ harms: string | null; contributingFactors: string | null; protectiveFactors: string | null } | null>(
      'risk_analysis',
    ),
    outcome: text('outcome'),
    revision: integer('revision').notNull().default(0),
    frozenFlags: json<{ kind: FlagKind; label: string; detail: string }[] | null>('frozen_flags'),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    uniqueIndex('agenda_items_meeting_case_idx').on(t.meetingId, t.caseId),
    index('agenda_items_case_idx').on(t.caseId),
  ],
);

/** The referrals an agenda entry lists: kept for heard entries too, as the record of what was heard. */
export const agendaItemReferrals = sqliteTable(
  'agenda_item_referrals',
  {
    itemId: text('item_id').notNull().references(() => agendaItems.id),
    referralId: text('referral_id').notNull().references(() => referrals.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.referralId] }), index('agenda_item_referrals_referral_idx').on(t.referralId)],
);

/**
 * Each research packet as it was sent: frozen at every publication of the agenda, so what an agency was
 * given can always be shown again, and what changed from one version to the next can be told.
 */
export const packetVersions = sqliteTable(
  'packet_versions',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    version: integer('version').notNull(),
    caseId: text('case_id').notNull().references(() => cases.id),
    content: json<unknown>('content').notNull(),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [uniqueIndex('packet_versions_meeting_version_case_idx').on(t.meetingId, t.version, t.caseId), index('packet_versions_case_idx').on(t.caseId)],
);

/** A frozen copy of each published agenda version, so what was circulated can always be shown again. */
export const agendaVersions = sqliteTable(
  'agenda_versions',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    version: integer('version').notNull(),
    publishedAt: text('published_at').notNull(),
    publishedBy: text('published_by').notNull().references(() => users.id),
    content: json<unknown>('content').notNull(),
  },
  (t) => [uniqueIndex('agenda_versions_meeting_version_idx').on(t.meetingId, t.version)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    userId: text('user_id').references(() => users.id),
    name: text('name').notNull(),
    agencyId: text('agency_id').references(() => agencies.id),
    kind: text('kind').$type<'attendee' | 'apology' | 'observer'>().notNull(),
    informationSent: bool('information_sent').notNull().default(false),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('attendance_meeting_idx').on(t.meetingId)],
);

export const confidentialityAttestations = sqliteTable(
  'confidentiality_attestations',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    userId: text('user_id').notNull().references(() => users.id),
    statementVersion: text('statement_version').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [uniqueIndex('confidentiality_attestations_unique_idx').on(t.meetingId, t.userId)],
);

export const research = sqliteTable(
  'research',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    status: text('status').$type<'not_started' | 'draft' | 'submitted' | 'not_known'>().notNull(),
    knownToAgency: bool('known_to_agency'),
    facts: text('facts'),
    opinion: text('opinion'),
    risksIdentified: text('risks_identified'),
    protectiveFactors: text('protective_factors'),
    withheld: text('withheld'),
    withheldReason: text('withheld_reason'),
    researchedBy: text('researched_by'),
    dueDate: text('due_date').notNull(),
    submittedAt: text('submitted_at'),
    updatedAt: text('updated_at').notNull(),
    /** Set when the agency is barred from the case: the task and what it holds are no longer its to read. */
    withdrawnAt: text('withdrawn_at'),
    withdrawnBarId: text('withdrawn_bar_id').references(() => caseBars.id),
    version: version(),
  },
  (t) => [
    uniqueIndex('research_task_idx').on(t.meetingId, t.caseId, t.agencyId),
    // An agency's tasks at the meetings to come, found from the few meetings rather than all its tasks.
    index('research_agency_idx').on(t.agencyId, t.meetingId, t.status),
    // The mail worker's pass each minute asks for the tasks due on one day: without it, every task ever set.
    index('research_due_idx').on(t.dueDate, t.status),
  ],
);

/** Every saved version of a research task, so what an agency said and when is never lost. */
export const researchRevisions = sqliteTable(
  'research_revisions',
  {
    id: id(),
    researchId: text('research_id').notNull().references(() => research.id),
    status: text('status').$type<'not_started' | 'draft' | 'submitted' | 'not_known'>().notNull(),
    content: json<Record<string, unknown>>('content').notNull(),
    savedBy: text('saved_by').notNull().references(() => users.id),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [index('research_revisions_research_idx').on(t.researchId, t.savedAt)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: id(),
    caseId: text('case_id').notNull().references(() => cases.id),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    ownerName: text('owner_name'),
    description: text('description').notNull(),
    linkedRisk: text('linked_risk'),
    category: text('category').$type<ActionCategory>().notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').$type<ActionStatus>().notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    version: version(),
    /**
     * The date given with the update that last completed it, kept by a trigger on `action_updates`
     * (migration 0015); meaningful while the status is "completed".
     */
    completedOn: text('completed_on'),
  },
  (t) => [
    index('actions_agency_status_idx').on(t.agencyId, t.status, t.dueDate),
    index('actions_case_idx').on(t.caseId),
    index('actions_meeting_idx').on(t.meetingId),
    // The daily chase reads open actions page by page in due-date order, from this index alone.
    index('actions_due_idx').on(t.dueDate, t.id, t.status),
    // Lists read a page at a time in the order shown (soonest due first; finished ones latest first),
    // for an area's staff and for one agency, without sorting every action of the area.
    index('actions_due_order_idx').on(t.dueDate, t.createdAt, t.id),
    index('actions_updated_idx').on(t.updatedAt, t.id),
    index('actions_agency_due_idx').on(t.agencyId, t.dueDate, t.createdAt, t.id),
    index('actions_agency_updated_idx').on(t.agencyId, t.updatedAt, t.id),
  ],
);

/**
 * How many actions each area's agencies hold in each status and due date, kept by triggers on
 * `actions` (migration 0014) in the same transaction as every change to an action. Counts of an area's
 * actions (its list, its home page) sum these few rows instead of reading every action it ever agreed.
 */
export const actionTallies = sqliteTable(
  'action_tallies',
  {
    areaId: text('area_id').notNull(),
    agencyId: text('agency_id').notNull(),
    status: text('status').$type<ActionStatus>().notNull(),
    dueDate: text('due_date').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.agencyId, t.status, t.dueDate] })],
);

/**
 * How many completed actions each area's agencies completed how many days after the meeting that
 * agreed them, per due date, kept by triggers on `actions` (migration 0015): the review's median time to
 * completion is read from these few rows.
 */
export const actionCompletions = sqliteTable(
  'action_completions',
  {
    areaId: text('area_id').notNull(),
    agencyId: text('agency_id').notNull(),
    dueDate: text('due_date').notNull(),
    days: integer('days').notNull(),
    n: integer('n').notNull(),
  },
  // In the order the review adds them up (per agency, per number of days); a table WITHOUT ROWID in
  // the migration, so the counts are read with their keys.
  (t) => [primaryKey({ columns: [t.areaId, t.agencyId, t.days, t.dueDate] })],
);

/**
 * How many of each area's cases had their last hearing on each date, kept by triggers on `cases`
 * (migration 0015): "cases heard in the last 12 months" adds up a year of these rather than counting
 * the area's cases.
 */
export const caseHearingTallies = sqliteTable(
  'case_hearing_tallies',
  {
    areaId: text('area_id').notNull(),
    lastHearingDate: text('last_hearing_date').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.lastHearingDate] })],
);

/**
 * Every change to an action, kept: a status (the same one for a progress note), what was done and
 * when, by whom (null: the platform escalated it), and for a reassignment the agencies it moved between
 * and any new due date.
 */
export const actionUpdates = sqliteTable(
  'action_updates',
  {
    id: id(),
    actionId: text('action_id').notNull().references(() => actions.id),
    status: text('status').$type<ActionStatus>().notNull(),
    note: text('note'),
    occurredOn: text('occurred_on').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    fromAgencyId: text('from_agency_id').references(() => agencies.id),
    toAgencyId: text('to_agency_id').references(() => agencies.id),
    dueDate: text('due_date'),
  },
  (t) => [index('action_updates_action_idx').on(t.actionId)],
);

/**
 * The daily job's memory: each stage of chasing (due soon, overdue, escalated to the coordinator, to
 * the chair) reached by an action for its agency and due date. The unique key is what makes running
 * the job twice harmless; a new agency or due date starts the chase again.
 */
export const actionReminders = sqliteTable(
  'action_reminders',
  {
    id: id(),
    actionId: text('action_id').notNull().references(() => actions.id),
    kind: text('kind').$type<ActionReminderKind>().notNull(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    dueDate: text('due_date').notNull(),
    sentOn: text('sent_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('action_reminders_stage_idx').on(t.actionId, t.kind, t.agencyId, t.dueDate)],
);

/** The chair's review of a case's outcome, which may close its MARAC involvement (`cases.closed_at`). */
export const caseReviews = sqliteTable(
  'case_reviews',
  {
    id: id(),
    caseId: text('case_id').notNull().references(() => cases.id),
    outcome: text('outcome').notNull(),
    closedInvolvement: bool('closed_involvement').notNull(),
    reviewedBy: text('reviewed_by').notNull().references(() => users.id),
    reviewedAt: text('reviewed_at').notNull(),
  },
  (t) => [index('case_reviews_case_idx').on(t.caseId, t.reviewedAt)],
);

/** Notices in the platform for one user; each is written once per key, like the outbox. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    /** The case it tells of, if any: read again through the disclosure policy whenever it is listed. */
    caseId: text('case_id').references(() => cases.id),
    createdAt: createdAt(),
    readAt: text('read_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe_idx').on(t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * What happens at a meeting, in order, for every screen following it live: a screen that reconnects
 * asks for everything after the last event it saw.
 */
export const meetingEvents = sqliteTable(
  'meeting_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    /** The case the event is about; null for the meeting as a whole. */
    caseId: text('case_id').references(() => cases.id),
    kind: text('kind').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('meeting_events_meeting_idx').on(t.meetingId, t.seq)],
);

/** The meeting's review of an action from an earlier meeting, with the reason category the minutes report. */
export const actionReviews = sqliteTable(
  'action_reviews',
  {
    id: id(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    actionId: text('action_id').notNull().references(() => actions.id),
    outcome: text('outcome').$type<'completed' | 'not_possible' | 'not_completed' | 'carried_forward'>().notNull(),
    note: text('note'),
    reviewedBy: text('reviewed_by').notNull().references(() => users.id),
    reviewedAt: text('reviewed_at').notNull(),
  },
  (t) => [uniqueIndex('action_reviews_meeting_action_idx').on(t.meetingId, t.actionId)],
);

export const minutes = sqliteTable('minutes', {
  id: id(),
  meetingId: text('meeting_id').notNull().unique().references(() => meetings.id),
  status: text('status').$type<'draft' | 'signed_off' | 'distributed'>().notNull(),
  content: json<unknown>('content').notNull(),
  editedBy: text('edited_by').references(() => users.id),
  signedOffBy: text('signed_off_by').references(() => users.id),
  signedOffAt: text('signed_off_at'),
  distributedAt: text('distributed_at'),
  updatedAt: text('updated_at').notNull(),
  version: version(),
});

/** Notifications waiting for, or kept without, an SMTP server. Bodies carry only links and counts. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key'),
    /** The cases the notice counts or tells of: the recipient is checked against them again when it is sent. */
    caseIds: json<string[]>('case_ids').notNull().default([]),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
    /** Set when it will never be sent: the recipient was barred from a case it concerns, or an administrator cancelled it. */
    cancelledAt: text('cancelled_at'),
    /** The administrator who cancelled it; null when the platform did. */
    cancelledBy: text('cancelled_by').references(() => users.id),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * A sender's claim on the notice, taken in the database before it is sent: no other process sends it
     * while the claim holds, and a claim left by a process that died lapses at `claimed_until`.
     */
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    /** After a failure, not tried again before this instant: the wait grows with each attempt. */
    nextAttemptAt: text('next_attempt_at'),
  },
  (t) => [uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey), index('outbox_waiting_idx').on(t.sentAt, t.createdAt)],
);

/** Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    at: text('at').notNull(),
    userId: text('user_id'),
    userEmail: text('user_email'),
    action: text('action').$type<AuditAction>().notNull(),
    entityType: text('entity_type').$type<AuditEntity>().notNull(),
    entityId: text('entity_id'),
    ip: text('ip'),
    detail: json<Record<string, unknown> | null>('detail'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    // With the action, a record's history (its resubmissions, say) is read from the index alone, however
    // many views of the record the trail holds.
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.action),
    index('audit_events_user_idx').on(t.userId, t.at),
  ],
);

