/**
 * Bars: who must never receive anything about a case. Each comes from an unsafe contact named by a
 * referral about the case's victim — on the case, merged into one on it, or on any referral naming a
 * person confirmed to be the victim — or from a coordinator recording one on the case. They are kept
 * in `case_bars`, so every read and send can ask about them in one query (`policy.ts`).
 *
 * A bar takes effect at once and for good: when a case gains one (a referral accepted or merged, an
 * identity confirmed, a coordinator's record), the barred agency's research for the case is withdrawn at
 * every meeting not yet minuted, its invitations for the case go, and the coordinators and chairs of
 * the area are told in plain words what was withdrawn and why. Only a coordinator lifts a bar, saying
 * why it was recorded in error; nothing else removes one, so taking back an identity confirmation
 * leaves the bars it brought.
 */

import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, longDate, type BarEffect, type CaseBar, type CaseBars, type RecordCaseBar } from '@marac/shared';
import type { Db } from '../../db/client';
import { actions, agencies, caseBars, cases, meetingInvitations, meetings, referralSubjects, referrals, research, unsafeContacts, userAreas, users } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { recordAudit, type Actor } from '../audit/repository';
import { samePeople } from '../history/identity';
import { notifyUsers } from '../notifications/repository';
import { caseOfReferral, isBarred, mergeRoot, normaliseEmail, partyOf, referralBarsParty, victimCasesOf, type CaseGrant, type Party, withMerged } from './policy';
import { agencyNameOf } from '../../db/names';

type BarRow = typeof caseBars.$inferSelect;
type CaseRow = typeof cases.$inferSelect;

/** Meetings whose research can still be withdrawn: what a minuted meeting heard stays its record. */
const OPEN_MEETINGS: readonly (typeof meetings.$inferSelect)['status'][] = ['planned', 'agenda_published', 'in_progress'];

/** Every referral about the case's victim: on the case, naming a person confirmed to be the victim, or merged into either. */
function sourceReferrals(db: Db, row: CaseRow): string[] {
  const own = db.select({ id: referrals.id }).from(referrals).where(eq(referrals.caseId, row.id)).all().map((r) => r.id);
  const sameVictim = db
    .selectDistinct({ id: referralSubjects.referralId })
    .from(referralSubjects)
    .where(and(eq(referralSubjects.role, 'victim'), inArray(referralSubjects.personId, samePeople(db, [row.victimPersonId]))))
    .all()
    .map((r) => r.id);
  return withMerged(db, [...own, ...sameVictim]);
}

const sourceKey = (referralId: string, agencyId: string | null, email: string | null) => `referral:${referralId}:${agencyId ?? ''}:${email ?? ''}`;

/** Records the bars the case's sources name and it does not hold yet (active or lifted); returns the new ones. */
function refresh(db: Db, row: CaseRow, at: string): BarRow[] {
  const sources = sourceReferrals(db, row);
  if (sources.length === 0) return [];
  const contacts = db.select().from(unsafeContacts).where(inArray(unsafeContacts.referralId, sources)).all();
  const held = new Set(db.select({ key: caseBars.sourceKey }).from(caseBars).where(eq(caseBars.caseId, row.id)).all().map((b) => b.key));
  const added: BarRow[] = [];
  for (const contact of contacts) {
    const email = contact.email && contact.email.trim() !== '' ? normaliseEmail(contact.email) : null;
    if (!contact.agencyId && !email) continue;
    const key = sourceKey(contact.referralId, contact.agencyId, email);
    if (held.has(key)) continue;
    held.add(key);
    const bar: BarRow = {
      id: newId(),
      caseId: row.id,
      agencyId: contact.agencyId,
      email,
      name: contact.name,
      reason: contact.reason,
      referralId: contact.referralId,
      sourceKey: key,
      recordedBy: null,
      recordedAt: at,
      liftedAt: null,
      liftedBy: null,
      liftReason: null,
    };
    db.insert(caseBars).values(bar).run();
    added.push(bar);
  }
  return added;
}

/**
 * Where a bar came from, as one reader may be told it: a referral of the case's area by its reference
 * (one they may open); one of another area, or one a bar keeps from the reader (a referral about the
 * same victim naming them, or confirmed to be about a victim whose other case bars them), only as
 * such — bars follow the victim, but who that referral named and why stay with those who may open it.
 */
export interface BarSource {
  referralId: string | null;
  reference: string | null;
  withheld: 'elsewhere' | 'barred' | null;
  recordedByName: string | null;
}

export function barSources(db: Db, bars: readonly Pick<BarRow, 'id' | 'referralId' | 'recordedBy'>[], areaId: string, reader: Party): Map<string, BarSource> {
  const referralIds = [...new Set(bars.flatMap((b) => (b.referralId ? [b.referralId] : [])))];
  const referred = new Map(referralIds.length ? db.select().from(referrals).where(inArray(referrals.id, referralIds)).all().map((r) => [r.id, r]) : []);
  const keptFrom = new Set([...referred.values()].filter((r) => r.areaId === areaId && referralBarsParty(db, reader, r)).map((r) => r.id));
  const userIds = [...new Set(bars.flatMap((b) => (b.recordedBy ? [b.recordedBy] : [])))];
  const names = new Map(userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.name]) : []);
  return new Map(
    bars.map((b) => {
      const referral = b.referralId ? referred.get(b.referralId) : undefined;
      const withheld = referral === undefined ? null : referral.areaId !== areaId ? 'elsewhere' : keptFrom.has(referral.id) ? 'barred' : null;
      const shown = referral !== undefined && withheld === null;
      return [b.id, { referralId: shown ? referral.id : null, reference: shown ? referral.reference : null, withheld, recordedByName: b.recordedBy ? (names.get(b.recordedBy) ?? null) : null }];
    }),
  );
}

/** Why a bar names them, in words: `subject` is how the sentence refers to who is barred. */
export function becauseOf(source: BarSource | undefined, subject: 'it' | 'them' | 'their e-mail'): string {
  if (source?.reference) return `referral ${source.reference} names ${subject} as unsafe to contact`;
  if (source?.withheld === 'elsewhere') return `a referral about the same victim in another area names ${subject} as unsafe to contact`;
  if (source?.withheld === 'barred') return `a referral about the same victim names ${subject} as unsafe to contact`;
  return `${source?.recordedByName ?? 'a coordinator'} recorded ${subject} as unsafe to contact`;
}

/** The coordinators and chairs of the area, enabled and not themselves barred from the case. */
function staffToTell(db: Db, caseId: string, areaId: string): { id: string; email: string; agencyId: string | null }[] {
  return db
    .select({ id: users.id, email: users.email, agencyId: users.agencyId })
    .from(users)
    .innerJoin(userAreas, and(eq(userAreas.userId, users.id), eq(userAreas.areaId, areaId)))
    .where(and(inArray(users.role, ['coordinator', 'chair']), isNull(users.disabledAt)))
    .all()
    .filter((u) => !isBarred(db, { agencyId: u.agencyId, email: u.email }, caseId));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a bar takes away at once, applied and told. */
function applyBar(db: Db, bar: BarRow, row: CaseRow, now: Date, actor: Actor): BarEffect {
  const agencyName = bar.agencyId ? agencyNameOf(db, bar.agencyId) : undefined;
  const withdrawnFrom: BarEffect['withdrawnFrom'] = [];
  let openActions = 0;
  if (bar.agencyId) {
    const tasks = db
      .select({ id: research.id, meetingId: meetings.id, date: meetings.date })
      .from(research)
      .innerJoin(meetings, eq(meetings.id, research.meetingId))
      .where(and(eq(research.caseId, row.id), eq(research.agencyId, bar.agencyId), isNull(research.withdrawnAt), inArray(meetings.status, [...OPEN_MEETINGS])))
      .orderBy(asc(meetings.date))
      .all();
    // A new version: research invited back later must not take a save from a screen read before the bar.
    if (tasks.length) db.update(research).set({ withdrawnAt: now.toISOString(), withdrawnBarId: bar.id, version: sql`${research.version} + 1` }).where(inArray(research.id, tasks.map((t) => t.id))).run();
    for (const t of tasks) withdrawnFrom.push({ meetingId: t.meetingId, date: t.date });
    const open = db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.status, [...OPEN_MEETINGS]));
    db.delete(meetingInvitations)
      .where(and(eq(meetingInvitations.caseId, row.id), eq(meetingInvitations.agencyId, bar.agencyId), inArray(meetingInvitations.meetingId, open)))
      .run();
    openActions = db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.caseId, row.id), eq(actions.agencyId, bar.agencyId), notInArray(actions.status, [...CLOSED_ACTION_STATUSES])))
      .all().length;
  }
  const barredUsers = bar.email ? db.select({ name: users.name }).from(users).where(eq(users.email, bar.email)).all() : [];
  // Each reader is told where the bar came from as far as they may know it (`barSources`). A notice
  // is read long after it is written, when the referral may since have gone to another area's case:
  // it names no referral, and the case's bars, read at the time, say which one as far as the reader may know.
  const explain = (reader: Party, lasting: boolean) => {
    const source = barSources(db, [bar], row.areaId, reader).get(bar.id);
    const reason = (subject: 'it' | 'them' | 'their e-mail') =>
      lasting && bar.referralId ? `a referral about the victim names ${subject} as unsafe to contact` : becauseOf(source, subject);
    const because = reason(bar.agencyId ? 'it' : 'them');
    const lines: string[] = [];
    if (agencyName !== undefined) {
      lines.push(
        withdrawnFrom.length
          ? `${agencyName} was withdrawn from case ${row.reference} on the agenda of the MARAC on ${withdrawnFrom.map((w) => longDate(w.date)).join(' and ')}, because ${because}.`
          : `${agencyName} is barred from case ${row.reference}, because ${because}.`,
        'It can no longer see the case, and nothing more about it will be sent to it.',
      );
      if (openActions) lines.push(`It owns ${plural(openActions, 'open action', 'open actions')} on the case: reassign ${openActions === 1 ? 'it' : 'them'} to another agency.`);
    }
    for (const person of barredUsers) {
      lines.push(`${person.name} is barred from case ${row.reference}, because ${reason('their e-mail')}: they can no longer see it.`);
    }
    return { because, body: lines.join(' ') };
  };

  const byBody = new Map<string, string[]>();
  for (const u of staffToTell(db, row.id, row.areaId)) {
    const { body } = explain(partyOf(u), true);
    if (body) byBody.set(body, [...(byBody.get(body) ?? []), u.id]);
  }
  for (const [body, userIds] of byBody) {
    notifyUsers(
      db,
      userIds,
      {
        subject: agencyName !== undefined ? `${agencyName} withdrawn from case ${row.reference}` : `Someone barred from case ${row.reference}`,
        body,
        link: `/cases/${row.id}/actions`,
        dedupeKey: `case-bar:${bar.id}`,
        caseId: row.id,
      },
      now,
    );
  }
  const actorRow = actor.userId ? db.select({ agencyId: users.agencyId, email: users.email }).from(users).where(eq(users.id, actor.userId)).get() : undefined;
  const effect: BarEffect = {
    caseId: row.id,
    caseReference: row.reference,
    agencyName: agencyName ?? null,
    personName: barredUsers[0]?.name ?? null,
    withdrawnFrom,
    openActions,
    because: explain(actorRow ? partyOf(actorRow) : { agencyId: null, email: null }, false).because,
  };
  recordAudit(
    db,
    actor,
    { action: 'create', entityType: 'case', entityId: row.id, detail: { barId: bar.id, agencyId: bar.agencyId, byEmail: bar.email !== null, withdrawnFrom: withdrawnFrom.map((w) => w.meetingId), openActions } },
    now,
  );
  return effect;
}

/** Brings each case's bars up to date with everything said about its victim, and applies the new ones. */
export function barsChanged(db: Db, caseIds: readonly string[], now: Date, actor: Actor): BarEffect[] {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return [];
  const effects: BarEffect[] = [];
  for (const row of db.select().from(cases).where(inArray(cases.id, unique)).all()) {
    for (const bar of refresh(db, row, now.toISOString())) effects.push(applyBar(db, bar, row, now, actor));
  }
  return effects;
}

/**
 * The cases whose bars a referral can change: its own, and those of the victim named by it or by any
 * referral it is merged with (up to the one they were all merged into, and every other merged there).
 */
export function casesConcerning(db: Db, referralId: string): string[] {
  const referral = db.select().from(referrals).where(eq(referrals.id, referralId)).get();
  if (!referral) return [];
  const root = mergeRoot(db, referral);
  const own = caseOfReferral(db, root);
  return [...new Set([...(own ? [own] : []), ...victimCasesOf(db, withMerged(db, [root.id]))])];
}

function barView(db: Db, rows: BarRow[], areaId: string, reader: Party): CaseBar[] {
  const agencyNames = new Map(db.select({ id: agencies.id, name: agencies.name }).from(agencies).all().map((a) => [a.id, a.name]));
  const userIds = [...new Set(rows.flatMap((r) => [r.recordedBy, r.liftedBy]).filter((id): id is string => id !== null))];
  const userNames = new Map(userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.name]) : []);
  const sources = barSources(db, rows, areaId, reader);
  return rows.map((r) => {
    const source = sources.get(r.id);
    const agencyName = r.agencyId ? (agencyNames.get(r.agencyId) ?? null) : null;
    // From a referral the reader may not open: who is barred (the agency, the e-mail) but not who it named or why.
    const withheld = source?.withheld ?? null;
    return {
      id: r.id,
      caseId: r.caseId,
      agencyId: r.agencyId,
      agencyName,
      email: r.email,
      name: withheld ? (agencyName ?? r.email ?? 'Named on a referral about the same victim') : r.name,
      reason: withheld === 'elsewhere' ? 'Named on a referral about the same victim in another area' : withheld ? 'Named on a referral about the same victim' : r.reason,
      referralId: source?.referralId ?? null,
      referralReference: source?.reference ?? null,
      recordedByName: r.recordedBy ? (userNames.get(r.recordedBy) ?? null) : null,
      recordedAt: r.recordedAt,
      liftedAt: r.liftedAt,
      liftedByName: r.liftedBy ? (userNames.get(r.liftedBy) ?? null) : null,
      liftReason: r.liftReason,
    };
  });
}

/** The case's bars, active and lifted, for its coordinators and chairs. */
export function barsOf(db: Db, user: SessionUser, grant: CaseGrant): CaseBars {
  const rows = db.select().from(caseBars).where(eq(caseBars.caseId, grant.case.id)).orderBy(asc(caseBars.recordedAt), asc(caseBars.id)).all();
  const views = barView(db, rows, grant.case.areaId, partyOf(user));
  return {
    caseId: grant.case.id,
    caseReference: grant.case.reference,
    active: views.filter((b) => b.liftedAt === null),
    lifted: views.filter((b) => b.liftedAt !== null),
    canChange: grant.level === 'staff' && user.role === 'coordinator',
  };
}

function assertCoordinator(user: SessionUser, grant: CaseGrant): void {
  if (grant.level !== 'staff' || user.role !== 'coordinator') throw notFound('case');
}

/** A coordinator records someone as unsafe to contact about the case; it takes effect at once. */
export function recordBar(db: Db, user: SessionUser, grant: CaseGrant, input: RecordCaseBar, now: Date, actor: Actor): BarEffect {
  assertCoordinator(user, grant);
  if (input.agencyId && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId)).get()) {
    throw invalid([{ field: 'agencyId', message: 'Choose an agency from the list' }]);
  }
  const email = input.email ? normaliseEmail(input.email) : null;
  const ownAgency = input.agencyId !== null && input.agencyId === user.agencyId;
  if (ownAgency || email === normaliseEmail(user.email)) {
    throw invalid([{ field: ownAgency ? 'agencyId' : 'email', message: 'You cannot bar yourself: ask another coordinator of the area to record it' }]);
  }
  const id = newId();
  const bar: BarRow = {
    id,
    caseId: grant.case.id,
    agencyId: input.agencyId,
    email,
    name: input.name,
    reason: input.reason,
    referralId: null,
    sourceKey: `coordinator:${id}`,
    recordedBy: user.id,
    recordedAt: now.toISOString(),
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
  };
  db.insert(caseBars).values(bar).run();
  return applyBar(db, bar, grant.case, now, actor);
}

/**
 * A coordinator lifts a bar that was recorded in error. Nothing withdrawn comes back by itself: the
 * agency is invited for the case again only if the coordinator chooses to.
 */
export function liftBar(db: Db, user: SessionUser, grant: CaseGrant, barId: string, reason: string, now: Date): BarRow {
  assertCoordinator(user, grant);
  const bar = db.select().from(caseBars).where(and(eq(caseBars.id, barId), eq(caseBars.caseId, grant.case.id))).get();
  if (!bar) throw notFound('bar');
  if (bar.liftedAt) throw conflict('This bar has already been lifted');
  const lifted = { liftedAt: now.toISOString(), liftedBy: user.id, liftReason: reason };
  db.update(caseBars).set(lifted).where(eq(caseBars.id, bar.id)).run();
  return { ...bar, ...lifted };
}
