/**
 * The case disclosure policy: the one place that decides, for a person (or an agency's mailbox) and a
 * case, what they may see, do and be sent. It is asked at the moment of every read and every send, and
 * it looks at the whole case: every referral on it (merged ones included), the bars they and any
 * referral about the same victim recorded (`bars.ts`), the case's area, the meetings that listed it and
 * the research each agency was given, and the person's role, areas and agency.
 *
 * - Anyone a bar names — the agency, or the person by e-mail — reaches nothing about the case: not as
 *   its coordinator or chair, not as the referrer of one of its referrals, not through an action.
 * - Coordinators and chairs of the case's area see the whole case ("staff").
 * - An agency representative sees the case once a published agenda of their areas gave their agency
 *   research for it ("agency"), and at a meeting only the cases their agency was given there.
 * - The person who made or typed in a referral follows that referral, and only it.
 * - Nobody else: administrators and observers reach no case.
 *
 * Everything granted here is recorded on the request (`SessionUser.disclosed`), and the response guard
 * (`plugins/disclosure-guard.ts`) refuses any response naming a case the policy did not grant: a route
 * that reads case data without asking here fails rather than leaks.
 */

import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { asList, inList, prepared } from '../../db/prepared';
import { agencies, caseBars, cases, meetings, referralSubjects, referrals, research, unsafeContacts, users } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { samePeople } from '../history/identity';

type CaseRow = typeof cases.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;

/** Whoever is to read or receive something: a person by their agency and e-mail, or an agency's mailbox. */
export interface Party {
  agencyId: string | null;
  email: string | null;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const partyOf = (user: Pick<SessionUser, 'agencyId' | 'email'>): Party => ({ agencyId: user.agencyId, email: user.email });

/** The condition, in SQL, that an active bar names the party. */
function namesParty(party: Party): SQL | undefined {
  const named = [
    ...(party.agencyId ? [eq(caseBars.agencyId, party.agencyId)] : []),
    ...(party.email ? [eq(caseBars.email, normaliseEmail(party.email))] : []),
  ];
  return named.length ? or(...named) : undefined;
}

/** For lists read in SQL: no active bar on the case in `caseColumn` names the party. */
export function notBarred(party: Party, caseColumn: SQLiteColumn | SQL): SQL {
  const named = namesParty(party);
  if (!named) return sql`1 = 1`;
  return sql`not exists (select 1 from ${caseBars} where ${caseBars.caseId} = ${caseColumn} and ${caseBars.liftedAt} is null and ${named})`;
}

// An absent agency or e-mail is given as null, which equals nothing in SQL: only what is known is matched.
const barsNaming = prepared((db) =>
  db
    .select({ caseId: caseBars.caseId })
    .from(caseBars)
    .where(
      and(
        inArray(caseBars.caseId, inList('caseIds')),
        isNull(caseBars.liftedAt),
        or(eq(caseBars.agencyId, sql.placeholder('agencyId')), eq(caseBars.email, sql.placeholder('email'))),
      ),
    )
    .prepare(),
);

/** The cases among `caseIds` whose active bars name the party. */
export function barredCases(db: Db, party: Party, caseIds: readonly string[]): Set<string> {
  const unique = [...new Set(caseIds)];
  if ((!party.agencyId && !party.email) || unique.length === 0) return new Set();
  const email = party.email ? normaliseEmail(party.email) : null;
  return new Set(barsNaming(db).all({ caseIds: asList(unique), agencyId: party.agencyId, email }).map((b) => b.caseId));
}

const casesNaming = prepared((db) =>
  db
    .selectDistinct({ caseId: caseBars.caseId })
    .from(caseBars)
    .where(and(isNull(caseBars.liftedAt), or(eq(caseBars.agencyId, sql.placeholder('agencyId')), eq(caseBars.email, sql.placeholder('email')))))
    .prepare(),
);

/**
 * Every case an active bar names the party on: few for anyone. Counts over a whole area take these
 * off a total read from an index or a tally, rather than asking about each row.
 */
export function casesBarring(db: Db, party: Party): string[] {
  if (!party.agencyId && !party.email) return [];
  return casesNaming(db)
    .all({ agencyId: party.agencyId, email: party.email ? normaliseEmail(party.email) : null })
    .map((b) => b.caseId);
}

export const isBarred = (db: Db, party: Party, caseId: string): boolean => barredCases(db, party, [caseId]).size > 0;

/** Coordinators and chairs work across the cases and referrals of their own areas, and no others. */
export const staffOf = (user: SessionUser, areaId: string | null): boolean =>
  (user.role === 'coordinator' || user.role === 'chair') && areaId !== null && user.areaIds.includes(areaId);

/** The person who made the referral or typed it in: they follow its progress and answer questions on it. */
export const isReferrerOf = (user: SessionUser, referral: Pick<ReferralRow, 'referrerUserId' | 'enteredByUserId'>): boolean =>
  referral.referrerUserId === user.id || referral.enteredByUserId === user.id;

declare const granted: unique symbol;

/**
 * Proof that the policy let this person see this case, at this level, during this request. Only this
 * module makes one; readers of a case's personal data take one, so they cannot be called without asking.
 */
export interface CaseGrant {
  readonly [granted]: true;
  readonly case: CaseRow;
  readonly level: 'staff' | 'agency';
}

/** Records what leaves with this request, for the response guard. */
function disclose(user: SessionUser, caseIds: Iterable<string>): void {
  for (const id of caseIds) user.disclosed.add(id);
}

function grantOf(user: SessionUser, row: CaseRow, level: CaseGrant['level']): CaseGrant {
  disclose(user, [row.id]);
  return { case: row, level } as unknown as CaseGrant;
}

/**
 * The meetings (published, of the user's areas) at which the user's agency was given research for the
 * case and still holds it: a task withdrawn when the agency was barred no longer counts.
 */
function givenAt(db: Db, user: SessionUser, caseIds: readonly string[], meetingId?: string): { caseId: string; meetingId: string }[] {
  if (user.role !== 'agency_representative' || !user.agencyId || user.areaIds.length === 0 || caseIds.length === 0) return [];
  return researchGiven(db).all({ caseIds: asList([...new Set(caseIds)]), agencyId: user.agencyId, areaIds: asList(user.areaIds), meetingId: meetingId ?? null });
}

// A null meeting asks about every meeting.
const researchGiven = prepared((db) =>
  db
    .selectDistinct({ caseId: research.caseId, meetingId: research.meetingId })
    .from(research)
    .innerJoin(meetings, eq(meetings.id, research.meetingId))
    .where(
      and(
        inArray(research.caseId, inList('caseIds')),
        eq(research.agencyId, sql.placeholder('agencyId')),
        isNull(research.withdrawnAt),
        inArray(meetings.areaId, inList('areaIds')),
        ne(meetings.status, 'planned'),
        sql`(${sql.placeholder('meetingId')} is null or ${research.meetingId} = ${sql.placeholder('meetingId')})`,
      ),
    )
    .prepare(),
);

export type CaseNeed =
  /** Coordinators and chairs of the case's area. */
  | 'staff'
  /** Staff, or an agency given research for the case at any meeting. */
  | 'staff_or_agency'
  /** Staff, or an agency given research for the case at this meeting. */
  | { atMeeting: string };

/** What this person may do with the case, or null when they may not see it at all. */
export function caseLevel(db: Db, user: SessionUser, row: CaseRow, need: CaseNeed): CaseGrant['level'] | null {
  if (isBarred(db, partyOf(user), row.id)) return null;
  if (staffOf(user, row.areaId)) return 'staff';
  if (need === 'staff') return null;
  const at = typeof need === 'object' ? need.atMeeting : undefined;
  return givenAt(db, user, [row.id], at).length > 0 ? 'agency' : null;
}

const caseById = prepared((db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare());
/** The case as held, whoever asks: `requireCase` is the way a request reads one. */
export const findCase = (db: Db, id: string): CaseRow | undefined => caseById(db).get({ id });

const casesByIds = prepared((db) => db.select().from(cases).where(inArray(cases.id, inList('ids'))).prepare());

/** The case, if this person may see it as needed; otherwise it reads as not existing (404). */
export function requireCase(db: Db, user: SessionUser, caseId: string, need: CaseNeed, what = 'case'): CaseGrant {
  const row = findCase(db, caseId);
  const level = row ? caseLevel(db, user, row, need) : null;
  if (!row || !level) throw notFound(what);
  return grantOf(user, row, level);
}

/**
 * Of these cases, those this person may see as needed, each with a grant. Lists use it to keep only
 * what may be shown; everything kept is recorded as disclosed.
 */
export function grantCases(db: Db, user: SessionUser, caseIds: readonly string[], need: CaseNeed): Map<string, CaseGrant> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return new Map();
  const barred = barredCases(db, partyOf(user), unique);
  const rows = casesByIds(db)
    .all({ ids: asList(unique) })
    .filter((r) => !barred.has(r.id));
  const agencyCases = need === 'staff' ? new Set<string>() : new Set(givenAt(db, user, rows.filter((r) => !staffOf(user, r.areaId)).map((r) => r.id), typeof need === 'object' ? need.atMeeting : undefined).map((g) => g.caseId));
  const grants = new Map<string, CaseGrant>();
  for (const row of rows) {
    if (staffOf(user, row.areaId)) grants.set(row.id, grantOf(user, row, 'staff'));
    else if (agencyCases.has(row.id)) grants.set(row.id, grantOf(user, row, 'agency'));
  }
  return grants;
}

/**
 * Cases a list read in SQL already narrowed with the policy's own conditions (`notBarred` and the
 * caller's scope): recorded as disclosed so the response guard lets them leave.
 */
export function admitListed(user: SessionUser, caseIds: Iterable<string>): void {
  disclose(user, caseIds);
}

/**
 * Whether this party may be sent anything about each case (a notice, an e-mail): never while a bar on
 * the case names them. Who the party is (the agency given the case, its coordinator) is the caller's
 * choice; this is the last check before anything goes.
 */
export function mayReceive(db: Db, party: Party, caseIds: readonly string[]): boolean {
  return barredCases(db, party, caseIds).size === 0;
}

/**
 * Whether an e-mail address may be sent something about these cases: as a person, and as the mailbox
 * of any agency it belongs to, no bar on any of them may name it.
 */
export function mayReceiveAddress(db: Db, address: string, caseIds: readonly string[]): boolean {
  if (caseIds.length === 0) return true;
  const email = normaliseEmail(address);
  const parties: Party[] = [
    { agencyId: null, email },
    ...db.select({ id: agencies.id }).from(agencies).where(sql`lower(${agencies.secureEmail}) = ${email}`).all().map((a) => ({ agencyId: a.id, email })),
    ...db.select({ agencyId: users.agencyId }).from(users).where(sql`lower(${users.email}) = ${email}`).all().map((u) => ({ agencyId: u.agencyId, email })),
  ];
  return parties.every((party) => mayReceive(db, party, caseIds));
}

// ---- Referrals ------------------------------------------------------------------------------------

const referralById = prepared((db) => db.select().from(referrals).where(eq(referrals.id, sql.placeholder('id'))).prepare());

/** The referral as held, whoever asks: `requireReferral` is the way a request reads one. */
export const findReferral = (db: Db, id: string): ReferralRow | undefined => referralById(db).get({ id });

const referralLink = prepared((db) =>
  db.select({ id: referrals.id, caseId: referrals.caseId, mergedIntoReferralId: referrals.mergedIntoReferralId }).from(referrals).where(eq(referrals.id, sql.placeholder('id'))).prepare(),
);
const casesOfPeople = prepared((db) => db.select({ id: cases.id }).from(cases).where(inArray(cases.victimPersonId, inList('personIds'))).prepare());
const victimsNamed = prepared((db) =>
  db
    .select({ personId: referralSubjects.personId })
    .from(referralSubjects)
    .where(and(inArray(referralSubjects.referralId, inList('referralIds')), eq(referralSubjects.role, 'victim')))
    .prepare(),
);
const mergedInto = prepared((db) => db.select({ id: referrals.id }).from(referrals).where(inArray(referrals.mergedIntoReferralId, inList('ids'))).prepare());
const contactsOf = prepared((db) =>
  db.select({ agencyId: unsafeContacts.agencyId, email: unsafeContacts.email }).from(unsafeContacts).where(inArray(unsafeContacts.referralId, inList('referralIds'))).prepare(),
);
const activeBarsOf = prepared((db) =>
  db.select({ agencyId: caseBars.agencyId, email: caseBars.email }).from(caseBars).where(and(inArray(caseBars.caseId, inList('caseIds')), isNull(caseBars.liftedAt))).prepare(),
);

/** The case a referral is on: its own, or that of the referral it was merged into (followed to the end). */
export function caseOfReferral(db: Db, referral: Pick<ReferralRow, 'id' | 'caseId' | 'mergedIntoReferralId'>): string | null {
  let current: Pick<ReferralRow, 'id' | 'caseId' | 'mergedIntoReferralId'> | undefined = referral;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    if (current.caseId) return current.caseId;
    seen.add(current.id);
    current = current.mergedIntoReferralId ? referralLink(db).get({ id: current.mergedIntoReferralId }) : undefined;
  }
  return null;
}

/** The cases of every victim confirmed to be one of these people. */
export function casesOfVictims(db: Db, personIds: readonly string[]): string[] {
  if (personIds.length === 0) return [];
  return casesOfPeople(db)
    .all({ personIds: asList(samePeople(db, personIds)) })
    .map((c) => c.id);
}

/** The cases of the victim these referrals name, once she is a held person (linked or confirmed). */
export function victimCasesOf(db: Db, referralIds: readonly string[]): string[] {
  if (referralIds.length === 0) return [];
  const victims = victimsNamed(db)
    .all({ referralIds: asList(referralIds) })
    .flatMap((s) => (s.personId ? [s.personId] : []));
  return casesOfVictims(db, victims);
}

/** The referral every merge from this one leads to: itself when it was never merged. */
export function mergeRoot(db: Db, referral: ReferralRow): ReferralRow {
  let root = referral;
  const seen = new Set([root.id]);
  while (root.mergedIntoReferralId && !seen.has(root.mergedIntoReferralId)) {
    const up = findReferral(db, root.mergedIntoReferralId);
    if (!up) break;
    seen.add(up.id);
    root = up;
  }
  return root;
}

/** The referral and every referral merged into it, directly or through others. */
export function withMerged(db: Db, referralIds: readonly string[]): string[] {
  const all = new Set(referralIds);
  let frontier = [...all];
  while (frontier.length) {
    const next = mergedInto(db)
      .all({ ids: asList(frontier) })
      .map((r) => r.id)
      .filter((id) => !all.has(id));
    for (const id of next) all.add(id);
    frontier = next;
  }
  return [...all];
}

/**
 * Whether a bar reaches this party for a referral. On a case, the case's bars decide. Before it is on a
 * case, the referral's own unsafe contacts and those of the referrals merged into it decide, and so do
 * the bars of any case whose victim it has been confirmed to name.
 */
export function referralBarsParty(db: Db, party: Party, referral: ReferralRow): boolean {
  if (!party.agencyId && !party.email) return false;
  const bars = referralBars(db, referral);
  return (party.agencyId !== null && bars.has(`agency:${party.agencyId}`)) || (party.email !== null && bars.has(`email:${normaliseEmail(party.email)}`));
}

/** Everyone a bar keeps from the referral, as keys `agency:<id>` and `email:<normalised address>`. */
export function referralBars(db: Db, referral: ReferralRow): Set<string> {
  const keys = new Set<string>();
  const add = (agencyId: string | null, email: string | null) => {
    if (agencyId) keys.add(`agency:${agencyId}`);
    if (email && email.trim() !== '') keys.add(`email:${normaliseEmail(email)}`);
  };
  const caseId = caseOfReferral(db, referral);
  const group = caseId ? [] : withMerged(db, [mergeRoot(db, referral).id]);
  const caseIds = caseId ? [caseId] : victimCasesOf(db, group);
  if (group.length) {
    for (const c of contactsOf(db).all({ referralIds: asList(group) })) add(c.agencyId, c.email);
  }
  if (caseIds.length) {
    for (const b of activeBarsOf(db).all({ caseIds: asList(caseIds) })) add(b.agencyId, b.email);
  }
  return keys;
}

/**
 * Bars stay once they apply. A screening change — a merge, a victim confirmed as someone else or no
 * longer confirmed — that would leave anyone barred from the referral before it able to open it after
 * is refused, and its transaction with it: the coordinator lifts a bar recorded in error on its case
 * (saying why) before correcting who the referral is about.
 */
export function assertBarsKept(db: Db, referral: ReferralRow, before: ReadonlySet<string>, field: string): void {
  const after = referralBars(db, findReferral(db, referral.id) ?? referral);
  if ([...before].some((key) => !after.has(key))) {
    throw conflict('This would let someone barred from this referral see it: bars stay once they apply. If a bar was recorded in error, lift it on its case first', [
      { field, message: 'Someone barred from this referral would no longer be barred' },
    ]);
  }
}

/**
 * For lists of referrals read in SQL: no bar on the referral's case, nor any unsafe contact on the
 * referral itself, names the party. Bars reaching a referral through a merge or a confirmed identity
 * are checked on each row shown (`referralBarsParty`).
 */
export function referralNotBarred(party: Party): SQL {
  const own = sql`not exists (select 1 from ${unsafeContacts} where ${unsafeContacts.referralId} = ${referrals.id} and (${unsafeContacts.agencyId} = ${party.agencyId ?? ''} or lower(${unsafeContacts.email}) = ${party.email ? normaliseEmail(party.email) : ''}))`;
  return and(or(isNull(referrals.caseId), notBarred(party, referrals.caseId)), own) as SQL;
}

export type ReferralNeed = 'read' | 'screen';

/**
 * A referral this person may read (its referrer, or the coordinators and chairs of its area) or screen
 * (the coordinators of its area); never one a bar reaches them through. Anyone else is told it does
 * not exist (404, never 403), so an id cannot be used to learn that a referral about someone is held.
 */
export function mayOpenReferral(db: Db, user: SessionUser, referral: ReferralRow, need: ReferralNeed): boolean {
  const allowed = need === 'screen' ? user.role === 'coordinator' && staffOf(user, referral.areaId) : isReferrerOf(user, referral) || staffOf(user, referral.areaId);
  if (!allowed || referralBarsParty(db, partyOf(user), referral)) return false;
  const caseId = caseOfReferral(db, referral);
  if (caseId) disclose(user, [caseId]);
  return true;
}

export function requireReferral(db: Db, user: SessionUser, referralId: string, need: ReferralNeed): ReferralRow {
  const referral = findReferral(db, referralId);
  if (!referral || !mayOpenReferral(db, user, referral, need)) throw notFound('referral');
  return referral;
}
