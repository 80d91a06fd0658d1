import {
  Agency,
  ApiError,
  Area,
  AuditEvent,
  AuditList,
  AgencyDirectoryEntry,
  FLAG_LABELS,
  Flag,
  HomeSummary,
  Me,
  MyReferral,
  MyReferrals,
  ReferralDetail,
  ReferralDraft,
  PublicInfo,
  User,
  UserList,
  type AgencyKind,
  type AuditAction,
  type AuditEntity,
  type ErrorCode,
  type FieldError,
  type FlagKind,
  type Role,
} from '@marac/shared';

// Every object is parsed by the shared schema, so a test can never feed the app a shape the API cannot send.

const CREATED_AT = '2026-01-05T09:00:00.000Z';

export const newId = (): string => crypto.randomUUID();

export function buildArea(overrides: Partial<Area> = {}): Area {
  return Area.parse({
    id: newId(),
    name: 'Derby City',
    code: 'DERBY',
    description: null,
    postcodeDistricts: ['DE1', 'DE21'],
    adultFemalePopulation: 105_000,
    settings: { repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 },
    createdAt: CREATED_AT,
    disabledAt: null,
    version: 0,
    ...overrides,
  });
}

export function buildAgency(overrides: Partial<Agency> & { kind?: AgencyKind } = {}): Agency {
  return Agency.parse({
    id: newId(),
    name: 'Derbyshire Constabulary',
    kind: 'police',
    secureEmail: 'marac@police.example.org',
    areaIds: [],
    createdAt: CREATED_AT,
    disabledAt: null,
    version: 0,
    ...overrides,
  });
}

export function buildUser(overrides: Partial<User> = {}): User {
  return User.parse({
    id: newId(),
    email: 'sam.coordinator@council.example.org',
    name: 'Sam Coordinator',
    role: 'coordinator',
    agencyId: null,
    areaIds: [],
    createdAt: CREATED_AT,
    lastSignedInAt: null,
    disabledAt: null,
    version: 0,
    ...overrides,
  });
}

export function buildUserList(items: User[], page: { total?: number; limit?: number; offset?: number } = {}): UserList {
  return UserList.parse({ items, total: page.total ?? items.length, limit: page.limit ?? 25, offset: page.offset ?? 0 });
}

interface MeOptions {
  role?: Role;
  name?: string;
  email?: string;
  demo?: boolean;
  agency?: Me['agency'];
  areas?: Me['areas'];
  csrfToken?: string;
}

export function buildMe(options: MeOptions = {}): Me {
  return Me.parse({
    user: {
      id: newId(),
      email: options.email ?? 'alex.admin@council.example.org',
      name: options.name ?? 'Alex Administrator',
      role: options.role ?? 'administrator',
    },
    agency: options.agency ?? null,
    areas: options.areas ?? [{ id: newId(), name: 'Derby City', code: 'DERBY' }],
    csrfToken: options.csrfToken ?? `csrf-${newId()}`,
    session: { idleExpiresAt: '2026-01-15T10:30:00.000Z', absoluteExpiresAt: '2026-01-15T22:00:00.000Z' },
    demo: options.demo ?? false,
  });
}

export function buildPublicInfo(overrides: Partial<PublicInfo> = {}): PublicInfo {
  return PublicInfo.parse({ demo: false, name: 'Derbyshire MARAC', ...overrides });
}

export function buildHomeSummary(overrides: Partial<HomeSummary> = {}): HomeSummary {
  return HomeSummary.parse({
    role: 'coordinator',
    figures: [
      { key: 'referralsToScreen', label: 'Referrals to screen', value: 7, hint: 'Received and not yet screened' },
      { key: 'openActions', label: 'Open actions', value: 1234, hint: null },
    ],
    upcomingMeetings: [
      { id: newId(), areaName: 'Derby City', date: '2026-12-01', startTime: '09:30', status: 'agenda_published', cases: 16 },
    ],
    ...overrides,
  });
}

export function buildAuditEvent(overrides: Partial<AuditEvent> & { action?: AuditAction; entityType?: AuditEntity } = {}): AuditEvent {
  return AuditEvent.parse({
    id: newId(),
    at: '2026-01-15T14:03:09.000Z',
    userId: newId(),
    userEmail: 'alex.admin@council.example.org',
    action: 'sign_in',
    entityType: 'session',
    entityId: null,
    ip: '192.0.2.10',
    detail: null,
    ...overrides,
  });
}

export function buildAuditList(items: AuditEvent[], page: { total?: number; limit?: number; offset?: number } = {}): AuditList {
  return AuditList.parse({ items, total: page.total ?? items.length, limit: page.limit ?? 50, offset: page.offset ?? 0 });
}

export function buildApiError(code: ErrorCode, message: string, fields: FieldError[] = []): ApiError {
  return ApiError.parse({ code, message, fields, requestId: `req-${newId().slice(0, 8)}` });
}

export function buildAgencyDirectoryEntry(overrides: Partial<AgencyDirectoryEntry> = {}): AgencyDirectoryEntry {
  return AgencyDirectoryEntry.parse({ id: newId(), name: 'Derby Homes', kind: 'housing', areaIds: [], ...overrides });
}

export function buildReferralDraft(payload: Record<string, unknown>, overrides: Partial<ReferralDraft> = {}): ReferralDraft {
  return ReferralDraft.parse({ id: newId(), payload, createdAt: CREATED_AT, updatedAt: '2026-01-15T14:03:00.000Z', ...overrides });
}

export function buildMyReferral(overrides: Partial<MyReferral> = {}): MyReferral {
  return MyReferral.parse({
    id: newId(),
    reference: 'DERBY-R-2026-00001',
    status: 'submitted',
    statusLabel: 'Awaiting screening',
    areaName: 'Derby City',
    referralDate: '2026-01-14',
    submittedAt: '2026-01-14T10:00:00.000Z',
    victimName: 'Vicky Example',
    reason: null,
    ...overrides,
  });
}

export function buildMyReferrals(
  items: MyReferral[],
  rest: { drafts?: MyReferrals['drafts']; draftTotal?: number; total?: number; limit?: number; offset?: number } = {},
): MyReferrals {
  const drafts = rest.drafts ?? [];
  return MyReferrals.parse({
    items,
    total: rest.total ?? items.length,
    limit: rest.limit ?? 25,
    offset: rest.offset ?? 0,
    drafts,
    draftTotal: rest.draftTotal ?? drafts.length,
  });
}

/** All 24 DASH answers: the first `yes` are "yes", the rest "no". */
export const buildDashAnswers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < yes ? ('yes' as const) : ('no' as const), comment: null }));

const subject = (role: 'victim' | 'perpetrator' | 'child' | 'household_member', givenName: string, familyName: string) => ({
  id: newId(),
  role,
  givenName,
  familyName,
  aliases: [],
  datesOfBirth: [],
  gender: 'not_known',
  address: null,
  phone: null,
  relationshipToVictim: null,
  relationshipToPerpetrator: null,
  school: null,
  personId: null,
});

/** A submitted referral with invented people: 15 "yes" answers, one perpetrator, no children. */
export function buildReferralDetail(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  return ReferralDetail.parse({
    id: newId(),
    reference: 'DERBY-R-2026-00001',
    status: 'submitted',
    areaId: newId(),
    caseId: null,
    referringAgencyId: newId(),
    referrerUserId: newId(),
    referrerName: 'PC Robin Referrer',
    referrerContact: 'robin.referrer@police.example.org',
    enteredByUserId: newId(),
    referralDate: '2026-01-14',
    managerSignOff: null,
    urgent: false,
    assessments: [{ tool: 'dash', version: '2009', completedOn: '2026-01-13', answers: buildDashAnswers(15), score: 15 }],
    dashScore: 15,
    criteriaMet: ['visible_high_risk'],
    professionalJudgementReasons: null,
    incidentDates: [],
    victim: { ...subject('victim', 'Vicky', 'Example'), gender: 'female', datesOfBirth: ['1990-04-12'] },
    victimDetails: {
      language: null,
      interpreterNeeded: false,
      gp: null,
      contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null },
      diversity: { ethnicity: 'not_known', disability: 'not_known', lgbt: 'not_known' },
    },
    perpetrators: [{ ...subject('perpetrator', 'Paul', 'Sample'), gender: 'male', relationshipToVictim: 'Ex-partner' }],
    householdMembers: [],
    consent: { victimAware: true, consentGiven: 'yes', reason: null },
    victimFears: null,
    unsafeContacts: [],
    previousMaracElsewhere: null,
    narrative: { recentIncident: null, history: null, supportInPlace: null, risksAndTriggers: null },
    policeReferences: [],
    mergedIntoReferralId: null,
    submittedAt: '2026-01-14T10:00:00.000Z',
    createdAt: '2026-01-14T10:00:00.000Z',
    updatedAt: '2026-01-14T10:00:00.000Z',
    statusLabel: 'Awaiting screening',
    areaName: 'Derby City',
    referringAgencyName: 'Derbyshire Constabulary',
    history: [],
    flags: [],
    caseReference: null,
    ...overrides,
  });
}

/** A flag as the referral and screening answers carry it; the shared FlagList draws it. */
export function buildFlag(kind: FlagKind, overrides: Partial<Flag> = {}): Flag {
  return Flag.parse({
    kind,
    label: FLAG_LABELS[kind],
    detail: 'Flag detail',
    relatedCases: [],
    hiddenRelatedCount: 0,
    previousReferralDate: null,
    anchorDate: null,
    daysLeft: null,
    ...overrides,
  });
}
