/**
 * The route table as the sweep walks it: which kind of id each path parameter takes, every id of that
 * kind the world holds, and for changes a plausible body where one is cheap to make.
 *
 * A parameter's kind comes from its name (`:itemId`, `:caseId`…) or, for `:id`, from the path segment
 * before it (`/meetings/:id`). A route with a parameter named otherwise makes the sweep fail, naming
 * the route, so a new route is never skipped: add its kind to `NAMED` or `AFTER_SEGMENT` below.
 * A change without a body here is sent an empty one: it is still called, as everyone, with every id.
 */

import { CONFIDENTIALITY_STATEMENT_VERSION } from '@marac/shared';
import type { Database_ } from '../../../server/src/db/client';
import { PASSWORD } from '../helper';
import type { UserInfo } from './oracle';

export const ID_KINDS = [
  'meeting',
  'item',
  'case',
  'referral',
  'subject',
  'action',
  'bar',
  'invitation',
  'attendance',
  'signature',
  'user',
  'agency',
  'area',
  'notification',
  'draft',
  'notice',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

const NAMED: Record<string, IdKind> = {
  itemId: 'item',
  caseId: 'case',
  actionId: 'action',
  subjectId: 'subject',
  barId: 'bar',
  invitationId: 'invitation',
  entryId: 'attendance',
  signatureId: 'signature',
};

const AFTER_SEGMENT: Record<string, IdKind> = {
  meetings: 'meeting',
  referrals: 'referral',
  'referral-drafts': 'draft',
  actions: 'action',
  notifications: 'notification',
  cases: 'case',
  areas: 'area',
  agencies: 'agency',
  users: 'user',
  outbox: 'notice',
};

export interface Param {
  name: string;
  kind: IdKind;
}

export class UnknownParameter extends Error {}

export function paramsOf(method: string, url: string): Param[] {
  const segments = url.split('/');
  return segments.flatMap((segment, i) => {
    if (!segment.startsWith(':')) return [];
    const name = segment.slice(1);
    const before = segments[i - 1] ?? '';
    const kind = name === 'id' ? AFTER_SEGMENT[before] : NAMED[name];
    if (!kind) {
      throw new UnknownParameter(
        `${method} ${url}: the sweep does not know what kind of id :${name} (after /${before}/) takes. ` +
          'Name its kind in NAMED or AFTER_SEGMENT in tests/server/authorization/routes.ts, so the route is called with every id of that kind.',
      );
    }
    return [{ name, kind }];
  });
}

/** Stands for an id nobody holds: a route must answer it as it answers one the caller may not see. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export interface Catalogue {
  ids: Record<IdKind, string[]>;
  /** For ids that belong to another (an agenda item to its meeting…): child id → parent id. */
  parent: Partial<Record<IdKind, Map<string, string>>>;
  /** The cases each meeting lists. */
  meetingCases: Map<string, string[]>;
  itemRevision: Map<string, number>;
  /**
   * The version of every record a change names its version for, so each change is sent from the record
   * as it stands and can succeed (research is keyed `meeting:case:agency`, minutes by their meeting).
   */
  versions: Record<'meetings' | 'actions' | 'minutes' | 'research' | 'areas' | 'agencies' | 'users', Map<string, number>>;
  /** Held people, for match decisions. */
  victimPeople: string[];
}

/** Every id of the world, read from its tables once it is built. */
export function catalogue(database: Database_): Catalogue {
  const rows = <T>(sql: string) => database.sqlite.prepare(sql).all() as T[];
  const ids = (sql: string) => rows<{ id: string }>(sql).map((r) => r.id);
  const pairs = (sql: string) => new Map(rows<{ id: string; parent: string }>(sql).map((r) => [r.id, r.parent]));
  const items = rows<{ id: string; meetingId: string; caseId: string; revision: number }>('select id, meeting_id as meetingId, case_id as caseId, revision from agenda_items order by rowid');
  const meetingCases = new Map<string, string[]>();
  for (const item of items) meetingCases.set(item.meetingId, [...(meetingCases.get(item.meetingId) ?? []), item.caseId]);
  const versions = (sql: string) => new Map(rows<{ key: string; version: number }>(sql).map((r) => [r.key, r.version]));
  return {
    ids: {
      meeting: ids('select id from meetings order by rowid'),
      item: items.map((i) => i.id),
      case: ids('select id from cases order by rowid'),
      referral: ids('select id from referrals order by rowid'),
      subject: ids('select id from referral_subjects order by rowid'),
      action: ids('select id from actions order by rowid'),
      bar: ids('select id from case_bars order by rowid'),
      invitation: ids('select id from meeting_invitations order by rowid'),
      attendance: ids('select id from attendance order by rowid'),
      signature: ids('select id from protocol_signatures order by rowid'),
      user: ids('select id from users order by rowid'),
      agency: ids('select id from agencies order by rowid'),
      area: ids('select id from areas order by rowid'),
      notification: ids('select id from notifications order by rowid'),
      draft: ids('select id from referral_drafts order by rowid'),
      notice: ids('select id from outbox order by rowid'),
    },
    parent: {
      item: new Map(items.map((i) => [i.id, i.meetingId])),
      invitation: pairs('select id, meeting_id as parent from meeting_invitations'),
      attendance: pairs('select id, meeting_id as parent from attendance'),
      subject: pairs('select id, referral_id as parent from referral_subjects'),
      bar: pairs('select id, case_id as parent from case_bars'),
      signature: pairs('select id, area_id as parent from protocol_signatures'),
    },
    meetingCases,
    itemRevision: new Map(items.map((i) => [i.id, i.revision])),
    versions: {
      meetings: versions('select id as key, version from meetings'),
      actions: versions('select id as key, version from actions'),
      minutes: versions('select meeting_id as key, version from minutes'),
      research: versions("select meeting_id || ':' || case_id || ':' || agency_id as key, version from research"),
      areas: versions('select id as key, version from areas'),
      agencies: versions('select id as key, version from agencies'),
      users: versions('select id as key, version from users'),
    },
    victimPeople: ids('select distinct victim_person_id as id from cases'),
  };
}

/**
 * The id combinations to try. Reads: every id of each parameter's kind with every other (and one
 * nobody holds). Changes: a child with its own parent, one of another parent and one nobody holds
 * (every pair would be a change per pair; what a change can reach through a foreign child is the same).
 */
export function combinations(params: Param[], cat: Catalogue, reads: boolean): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  params.forEach((param, i) => {
    const all = [...cat.ids[param.kind], UNKNOWN_ID];
    const previous = params[i - 1];
    const parents = cat.parent[param.kind];
    const related = (combo: Record<string, string>): string[] => {
      if (reads || !previous) return all;
      const parentId = combo[previous.name] as string;
      if (param.kind === 'case' && previous.kind === 'meeting') {
        const own = cat.meetingCases.get(parentId) ?? [];
        return [...own, cat.ids.case.find((c) => !own.includes(c)), UNKNOWN_ID].filter((x): x is string => x !== undefined);
      }
      if (!parents) return all;
      const own = all.filter((id) => parents.get(id) === parentId);
      const foreign = all.find((id) => parents.has(id) && parents.get(id) !== parentId);
      return [...own, ...(foreign ? [foreign] : []), UNKNOWN_ID];
    };
    combos = combos.flatMap((combo) => related(combo).map((id) => ({ ...combo, [param.name]: id })));
  });
  return combos;
}

export const fill = (url: string, combo: Record<string, string>) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => combo[name] ?? UNKNOWN_ID);

export interface CallContext {
  params: Record<string, string>;
  user: UserInfo | null;
  cat: Catalogue;
  users: UserInfo[];
  areaIds: string[];
  today: string;
}

const SWEEP_TEXT = 'Written by the authorisation sweep';

/** The version of the record a path's `:id` names, as a screen that has just read it sends it. */
const versionOf = (c: CallContext, table: keyof Catalogue['versions'], key = c.params['id'] ?? '') => ({ version: c.cat.versions[table].get(key) ?? 0 });

/** Query strings for changes that carry no body (a DELETE names the version it started from here). */
export const CHANGE_QUERIES: Record<string, (c: CallContext) => string> = {
  'DELETE /api/meetings/:id/invitations/:invitationId': (c) => `?version=${versionOf(c, 'meetings').version}`,
};

/** Query strings for lists: the default, and those that widen what comes back. */
export const QUERIES: Record<string, (c: CallContext) => string[]> = {
  '/api/notifications': () => ['?limit=200'],
  '/api/referrals/mine': () => ['?limit=200'],
  '/api/screening': () => ['', '?status=submitted,more_information_requested,accepted,rejected,merged,withdrawn&limit=200'],
  '/api/meetings': () => ['', '?from=2025-01-01&to=2027-12-31'],
  '/api/actions': (c) => ['?limit=200', '?state=closed&limit=200', ...c.cat.ids.case.map((id) => `?caseId=${id}&limit=200`)],
  '/api/actions/review': (c) => c.areaIds.map((id) => `?areaId=${id}`),
  '/api/repeat-windows': (c) => ['', ...c.areaIds.map((id) => `?areaId=${id}`)],
  '/api/admin/outbox': () => ['?limit=200'],
  '/api/audit': () => ['?limit=200'],
};

const referralBody = (c: CallContext) => ({
  areaId: c.user?.areaIds[0] ?? c.areaIds[0],
  referringAgencyId: c.user?.role === 'coordinator' ? (c.cat.ids.agency[0] ?? null) : null,
  referrerName: 'Sweep Referrer',
  referrerContact: 'sweep@test.invalid',
  referralDate: c.today,
  assessment: { tool: 'dash', version: '2009', completedOn: c.today, answers: Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < 15 ? 'yes' : 'no', comment: null })) },
  dashScore: 15,
  victim: { givenName: 'Sweep', familyName: 'Victim', datesOfBirth: ['1980-01-01'], gender: 'female' },
  victimDetails: { contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null }, diversity: {} },
  perpetrators: [{ givenName: 'Sweep', familyName: 'Perpetrator' }],
  consent: { victimAware: true, consentGiven: 'yes', reason: null },
  narrative: { recentIncident: SWEEP_TEXT, history: null, supportInPlace: null, risksAndTriggers: null },
});

/**
 * Bodies for changes, by route. Each answer is a list: the route is called once per body. `undefined`
 * sends no body.
 */
export const BODIES: Record<string, (c: CallContext) => unknown[]> = {
  'POST /api/auth/login': (c) => [{ email: c.user?.email ?? 'nobody@test.invalid', password: PASSWORD }],
  'POST /api/auth/logout': () => [undefined],
  'POST /api/referral-drafts': () => [{ payload: { note: SWEEP_TEXT } }],
  'PUT /api/referral-drafts/:id': () => [{ payload: { note: SWEEP_TEXT } }],
  'POST /api/referrals': (c) => [referralBody(c)],
  'PUT /api/referrals/:id': (c) => [referralBody(c)],
  'POST /api/referrals/:id/decisions': (c) => [
    { decision: 'accept' },
    ...c.areaIds.map((areaId) => ({ decision: 'accept', areaId })),
    { decision: 'reject', reason: SWEEP_TEXT },
    { decision: 'request_information', reason: SWEEP_TEXT },
    ...c.cat.ids.referral.map((intoReferralId) => ({ decision: 'merge', intoReferralId })),
  ],
  'POST /api/referrals/:id/subjects/:subjectId/matches': (c) => [
    ...c.cat.victimPeople.map((personId) => ({ personId, decision: 'confirm' })),
    ...c.cat.victimPeople.slice(0, 1).map((personId) => ({ personId, decision: 'reject' })),
  ],
  'POST /api/meetings': (c) => c.areaIds.map((areaId) => ({ areaId, kind: 'emergency', date: c.today, startTime: '16:00' })),
  'PATCH /api/meetings/:id': (c) => [{ ...versionOf(c, 'meetings'), location: 'Room 2' }],
  'POST /api/meetings/:id/invitations': (c) =>
    (c.cat.meetingCases.get(c.params['id'] ?? '') ?? []).flatMap((caseId) => c.cat.ids.agency.map((agencyId) => ({ ...versionOf(c, 'meetings'), agencyId, caseId }))),
  'POST /api/meetings/:id/status': (c) => ['in_progress', 'minuted', 'closed'].map((status) => ({ ...versionOf(c, 'meetings'), status })),
  'POST /api/meetings/:id/agenda/generate': (c) => [versionOf(c, 'meetings')],
  'POST /api/meetings/:id/agenda/publish': (c) => [versionOf(c, 'meetings')],
  'POST /api/meetings/:id/agenda/changes': (c) =>
    c.cat.ids.item
      .filter((id) => c.cat.parent.item?.get(id) === c.params['id'])
      .flatMap((itemId) => [{ change: 'remove', itemId, reason: SWEEP_TEXT }, { change: 'pin', itemId, pinned: true }, { change: 'restore', itemId }].map((change) => ({ ...versionOf(c, 'meetings'), ...change }))),
  'PUT /api/meetings/:id/research/:caseId': (c) => [
    { ...versionOf(c, 'research', `${c.params['id']}:${c.params['caseId']}:${c.user?.agencyId ?? ''}`), knownToAgency: true, facts: SWEEP_TEXT, researchedBy: 'Sweep', submit: true },
  ],
  'POST /api/meetings/:id/attendance': (c) => c.users.map((u) => ({ kind: 'attendee', userId: u.id })),
  'POST /api/meetings/:id/confidentiality': () => [{ statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true }],
  'PUT /api/meetings/:id/cases/:itemId/record': (c) => [{ revision: c.cat.itemRevision.get(c.params['itemId'] ?? '') ?? 0, riskAnalysis: { harms: SWEEP_TEXT }, outcome: SWEEP_TEXT }],
  'POST /api/meetings/:id/cases/:itemId/actions': (c) => c.cat.ids.agency.map((agencyId) => ({ agencyId, description: SWEEP_TEXT, dueDate: c.today })),
  'POST /api/meetings/:id/reviews/:actionId': () => [{ outcome: 'completed', note: SWEEP_TEXT }],
  'PUT /api/meetings/:id/minutes': (c) => [
    { ...versionOf(c, 'minutes'), notes: null, cases: c.cat.ids.item.filter((id) => c.cat.parent.item?.get(id) === c.params['id']).map((itemId) => ({ itemId, summary: SWEEP_TEXT })) },
  ],
  'POST /api/meetings/:id/minutes/generate': (c) => [versionOf(c, 'minutes')],
  'POST /api/meetings/:id/minutes/sign-off': (c) => [versionOf(c, 'minutes')],
  'POST /api/meetings/:id/minutes/distribute': (c) => [versionOf(c, 'minutes')],
  'POST /api/actions/:id/updates': (c) => [
    { ...versionOf(c, 'actions'), status: 'in_progress', note: SWEEP_TEXT },
    { ...versionOf(c, 'actions'), status: 'completed', note: SWEEP_TEXT },
  ],
  'POST /api/actions/:id/reassign': (c) => c.cat.ids.agency.map((agencyId) => ({ ...versionOf(c, 'actions'), agencyId, note: SWEEP_TEXT })),
  'POST /api/cases/:caseId/outcome-reviews': () => [{ outcome: SWEEP_TEXT, closeInvolvement: false }],
  'POST /api/cases/:caseId/bars': (c) => [
    ...c.cat.ids.agency.map((agencyId) => ({ name: 'Sweep', agencyId, reason: SWEEP_TEXT })),
    ...c.users.map((u) => ({ name: 'Sweep', email: u.email, reason: SWEEP_TEXT })),
  ],
  'POST /api/cases/:caseId/bars/:barId/lift': () => [{ reason: SWEEP_TEXT }],
  'POST /api/admin/areas/:id/protocol': (c) => c.cat.ids.agency.map((agencyId) => ({ agencyId, signedOn: c.today, signatory: 'Sweep Signatory' })),
  'POST /api/admin/areas/:id/protocol/:signatureId/withdraw': (c) => [{ withdrawnOn: c.today }],
  // Changes that leave the record as it was: what is reached is the same, and the world stays as built.
  'PATCH /api/admin/areas/:id': (c) => [versionOf(c, 'areas')],
  'PATCH /api/admin/agencies/:id': (c) => [versionOf(c, 'agencies')],
  'PATCH /api/admin/users/:id': (c) => [versionOf(c, 'users')],
  'POST /api/admin/users/:id/disable': (c) => [versionOf(c, 'users')],
  'POST /api/admin/users/:id/enable': (c) => [versionOf(c, 'users')],
};
