import {
  Agency,
  ApiError,
  Area,
  AuditEvent,
  AuditList,
  HomeSummary,
  Me,
  PublicInfo,
  User,
  UserList,
  type AgencyKind,
  type AuditAction,
  type AuditEntity,
  type ErrorCode,
  type FieldError,
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
