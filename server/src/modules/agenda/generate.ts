/**
 * Building a meeting's agenda from the accepted referrals waiting to be heard. An agenda lists cases,
 * not referrals: every waiting referral of a case goes under one entry for the case.
 *
 * Each accepted referral not yet listed goes to the first meeting whose referral cut-off it meets, so
 * generating a meeting's agenda takes every waiting referral dated on or before its cut-off. Cases are
 * ordered by urgency, then repeat, then children in the household, then the oldest referral; cases that
 * share a perpetrator or a household member sit next to each other so the agencies discuss them
 * together. What does not fit is moved to the area's next planned meeting and reported.
 *
 * The coordinator's hand always wins: pinned cases keep their place and cases moved here by hand stay
 * (and take the case's new referrals under them); regenerating only rebuilds what the generator placed.
 *
 * A meeting's version counts changes to the meeting and its agenda together: the coordinator's build
 * names the version it started from (`routes.ts`), and whatever the platform lists by itself (a case carried to a later meeting, a
 * referral accepted onto a listed case) takes the next version of the meeting it lands on.
 */

import { and, asc, count, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import { addMonths, agendaSlot, compareIsoDates } from '@marac/shared';
import type { Db } from '../../db/client';
import { agendaItemReferrals, agendaItems, cases, meetings, referralSubjects, referrals } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nextVersion } from '../../db/versions';

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

/** Agendas can be built until the meeting starts; after publication a rebuild is a new version. */
export const AGENDA_EDITABLE: readonly MeetingRow['status'][] = ['planned', 'agenda_published'];

/** How many later meetings an overflowing case may be carried to before it is left waiting. */
const OVERFLOW_MEETINGS = 3;

interface WaitingReferral {
  id: string;
  caseId: string | null;
  reference: string;
  referralDate: string;
  urgent: boolean;
  criteriaMet: string[];
}

/** A case to place: everything ordering needs, drawn from all of its waiting referrals. */
interface Candidate {
  caseId: string;
  referralIds: string[];
  reference: string;
  referralDate: string;
  urgent: boolean;
  repeat: boolean;
  children: number;
  transferredFromAreaId: string | null;
}

export interface OverflowCase {
  caseId: string;
  caseReference: string;
  /** Where it went instead; null when no later meeting had room. */
  movedToMeetingId: string | null;
  movedToDate: string | null;
}

export interface GenerationResult {
  listed: number;
  overflow: OverflowCase[];
}

/** Urgent first, then repeats, then households with children, then the oldest referral. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(b.urgent) - Number(a.urgent) ||
    Number(b.repeat) - Number(a.repeat) ||
    Number(b.children > 0) - Number(a.children > 0) ||
    compareIsoDates(a.referralDate, b.referralDate) ||
    a.reference.localeCompare(b.reference)
  );
}

const WAITING_FIELDS = {
  id: referrals.id,
  caseId: referrals.caseId,
  reference: referrals.reference,
  referralDate: referrals.referralDate,
  urgent: referrals.urgent,
  criteriaMet: referrals.criteriaMet,
};

/** What ordering needs about each case, read in a handful of queries however many there are. */
function loadCandidates(db: Db, rows: WaitingReferral[]) {
  const ids = rows.map((r) => r.id);
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const subjects = ids.length
    ? db
        .select({ referralId: referralSubjects.referralId, role: referralSubjects.role, personId: referralSubjects.personId, givenName: referralSubjects.givenName, familyName: referralSubjects.familyName })
        .from(referralSubjects)
        .where(inArray(referralSubjects.referralId, ids))
        .all()
    : [];
  const earlier = caseIds.length
    ? db
        .select({ id: referrals.id, caseId: referrals.caseId, referralDate: referrals.referralDate })
        .from(referrals)
        .where(and(inArray(referrals.caseId, caseIds), eq(referrals.status, 'accepted')))
        .all()
    : [];
  const held = new Map(caseIds.length ? db.select({ id: cases.id, reference: cases.reference, from: cases.transferredFromAreaId }).from(cases).where(inArray(cases.id, caseIds)).all().map((c) => [c.id, c]) : []);

  const candidates = new Map<string, Candidate>();
  for (const r of rows) {
    if (!r.caseId) continue;
    // A repeat by the referrer's account, or by an earlier referral on the case in the 12 months before.
    const repeat =
      r.criteriaMet.includes('repeat') ||
      earlier.some((e) => e.caseId === r.caseId && e.id !== r.id && e.referralDate < r.referralDate && e.referralDate >= addMonths(r.referralDate, -12));
    const before = candidates.get(r.caseId);
    const children = new Set(subjects.filter((s) => s.referralId === r.id && s.role === 'child').map((s) => s.personId ?? `${s.givenName} ${s.familyName}`.toLowerCase()));
    candidates.set(r.caseId, {
      caseId: r.caseId,
      referralIds: [...(before?.referralIds ?? []), r.id],
      reference: held.get(r.caseId)?.reference ?? r.reference,
      referralDate: before && compareIsoDates(before.referralDate, r.referralDate) < 0 ? before.referralDate : r.referralDate,
      urgent: (before?.urgent ?? false) || r.urgent,
      repeat: (before?.repeat ?? false) || repeat,
      children: Math.max(before?.children ?? 0, children.size),
      transferredFromAreaId: held.get(r.caseId)?.from ?? null,
    });
  }
  // Cases whose referrals name the same held perpetrator, child or household member are linked.
  const caseOf = new Map(rows.map((r) => [r.id, r.caseId]));
  const links = new Map<string, Set<string>>();
  for (const s of subjects) {
    const caseId = caseOf.get(s.referralId);
    if (!s.personId || s.role === 'victim' || !caseId) continue;
    links.set(s.personId, (links.get(s.personId) ?? new Set()).add(caseId));
  }
  return { candidates, links: [...links.values()].map((l) => [...l]).filter((l) => l.length > 1) };
}

/**
 * Orders cases so the ordering rule holds between groups of linked cases, and each group's cases
 * follow each other from the place of its first-ranked case.
 */
export function orderWithLinks(candidates: Candidate[], links: string[][]): Candidate[] {
  const parent = new Map(candidates.map((c) => [c.caseId, c.caseId]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  for (const group of links) {
    const present = group.filter((id) => parent.has(id));
    for (const id of present.slice(1)) {
      const a = find(present[0] as string);
      const b = find(id);
      if (a !== b) parent.set(b, a);
    }
  }
  const sorted = [...candidates].sort(compareCandidates);
  const groups = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const root = find(c.caseId);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  // Map keeps insertion order: each group appears where its best case ranks.
  return [...groups.values()].flat();
}

function waitingReferrals(db: Db, meeting: MeetingRow): WaitingReferral[] {
  return db
    .select(WAITING_FIELDS)
    .from(referrals)
    .where(and(eq(referrals.areaId, meeting.areaId), eq(referrals.status, 'accepted'), isNull(referrals.agendaMeetingId), lte(referrals.referralDate, meeting.referralCutoff)))
    .all();
}

/** The referrals an entry lists. */
export const referralsOfItem = (db: Db, itemId: string): string[] =>
  db.select({ id: agendaItemReferrals.referralId }).from(agendaItemReferrals).where(eq(agendaItemReferrals.itemId, itemId)).all().map((r) => r.id);

/** Puts referrals under an entry and marks them listed at its meeting. */
export function attachReferrals(db: Db, item: Pick<ItemRow, 'id' | 'meetingId'>, referralIds: readonly string[]): void {
  if (referralIds.length === 0) return;
  db.insert(agendaItemReferrals)
    .values(referralIds.map((referralId) => ({ itemId: item.id, referralId })))
    .onConflictDoNothing()
    .run();
  db.update(referrals).set({ agendaMeetingId: item.meetingId }).where(inArray(referrals.id, [...referralIds])).run();
}

function listOn(db: Db, meeting: MeetingRow, position: number, c: Candidate, manuallyPlaced: boolean): void {
  const item = {
    id: newId(),
    meetingId: meeting.id,
    caseId: c.caseId,
    position,
    slotStart: agendaSlot(meeting.startTime, position, meeting.minutesPerCase),
    pinned: false,
    manuallyPlaced,
    status: 'listed' as const,
    removedReason: null,
    transferredFromAreaId: c.transferredFromAreaId,
    riskAnalysis: null,
    outcome: null,
    revision: 0,
    frozenFlags: null,
  };
  db.insert(agendaItems).values(item).run();
  attachReferrals(db, item, c.referralIds);
}

/** Cases a meeting already lists, counted in its index rather than read. */
const listedCount = (db: Db, meetingId: string): number =>
  db.select({ n: count() }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed'))).get()?.n ?? 0;

/** A change the platform made to another meeting's agenda by itself: a screen read before it is behind. */
const agendaChangedBy = (db: Db, meetingId: string): void => {
  db.update(meetings).set({ version: nextVersion(meetings) }).where(eq(meetings.id, meetingId)).run();
};

/** Carries cases that did not fit to the area's next planned meetings with room, in order. */
function carryOverflow(db: Db, meeting: MeetingRow, overflow: Candidate[]): OverflowCase[] {
  const later = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.areaId, meeting.areaId), eq(meetings.status, 'planned'), gt(meetings.date, meeting.date)))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .limit(OVERFLOW_MEETINGS)
    .all();
  const room = new Map(later.map((m) => [m.id, { meeting: m, used: listedCount(db, m.id) }]));
  const carried = overflow.map((c) => {
    const moved = (m: MeetingRow) => ({ caseId: c.caseId, caseReference: c.reference, movedToMeetingId: m.id, movedToDate: m.date });
    for (const slot of room.values()) {
      const there = db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, slot.meeting.id), eq(agendaItems.caseId, c.caseId))).get();
      if (there?.status === 'removed') continue;
      if (there) {
        // Already listed there by hand: its new referrals go under that entry.
        attachReferrals(db, there, c.referralIds);
        return moved(slot.meeting);
      }
      if (slot.used < slot.meeting.capacity) {
        slot.used += 1;
        listOn(db, slot.meeting, slot.used, c, false);
        return moved(slot.meeting);
      }
    }
    return { caseId: c.caseId, caseReference: c.reference, movedToMeetingId: null, movedToDate: null };
  });
  for (const id of new Set(carried.flatMap((o) => (o.movedToMeetingId ? [o.movedToMeetingId] : [])))) agendaChangedBy(db, id);
  return carried;
}

/** Renumbers the meeting's listed cases 1…n in the given order and recomputes their time slots. */
export function renumber(db: Db, meeting: MeetingRow, ordered: ItemRow[]): void {
  ordered.forEach((item, index) => {
    const position = index + 1;
    const slotStart = agendaSlot(meeting.startTime, position, meeting.minutesPerCase);
    if (item.position !== position || item.slotStart !== slotStart) {
      db.update(agendaItems).set({ position, slotStart }).where(eq(agendaItems.id, item.id)).run();
    }
  });
}

/** Takes entries off an agenda altogether: their referrals wait to be listed again. */
function unlist(db: Db, items: ItemRow[]): void {
  if (items.length === 0) return;
  const ids = items.map((i) => i.id);
  const listed = db.select({ id: agendaItemReferrals.referralId }).from(agendaItemReferrals).where(inArray(agendaItemReferrals.itemId, ids)).all().map((r) => r.id);
  db.delete(agendaItemReferrals).where(inArray(agendaItemReferrals.itemId, ids)).run();
  db.delete(agendaItems).where(inArray(agendaItems.id, ids)).run();
  if (listed.length) db.update(referrals).set({ agendaMeetingId: null }).where(inArray(referrals.id, listed)).run();
}

/**
 * Builds or rebuilds the agenda. Cases the generator placed before are taken off and placed again;
 * pinned ones keep their position, hand-placed ones stay on (with any new referrals of their case),
 * removed ones are not brought back.
 */
export function generateAgenda(db: Db, meeting: MeetingRow): GenerationResult {
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its agenda can no longer be built');

  const existing = db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all();
  const placedBefore = existing.filter((i) => i.status === 'listed' && !i.pinned && !i.manuallyPlaced);
  unlist(db, placedBefore);
  const kept = existing.filter((i) => i.status !== 'removed' && !placedBefore.includes(i));
  const removed = new Set(existing.filter((i) => i.status === 'removed').map((i) => i.caseId));
  const keptByCase = new Map(kept.map((i) => [i.caseId, i]));

  // A case taken off this agenda by hand is not brought back, whatever new referral it has.
  const waiting = waitingReferrals(db, meeting).filter((r) => r.caseId !== null && !removed.has(r.caseId));
  for (const r of waiting) {
    const item = r.caseId ? keptByCase.get(r.caseId) : undefined;
    if (item) attachReferrals(db, item, [r.id]);
  }
  const fresh = waiting.filter((r) => r.caseId !== null && !keptByCase.has(r.caseId));
  const keptReferralIds = kept.length
    ? db.select({ id: agendaItemReferrals.referralId }).from(agendaItemReferrals).where(inArray(agendaItemReferrals.itemId, kept.map((i) => i.id))).all().map((r) => r.id)
    : [];
  const keptRows = keptReferralIds.length ? db.select(WAITING_FIELDS).from(referrals).where(inArray(referrals.id, keptReferralIds)).all() : [];
  const { candidates, links } = loadCandidates(db, [...fresh, ...keptRows]);

  const pinned = kept.filter((i) => i.pinned);
  const handPlaced = kept.filter((i) => !i.pinned);
  const freshCases = [...new Set(fresh.map((r) => r.caseId as string))].flatMap((id) => (candidates.has(id) ? [candidates.get(id) as Candidate] : []));
  // Hand-placed cases are always on; the best waiting cases fill what room is left.
  const room = Math.max(0, meeting.capacity - pinned.length - handPlaced.length);
  const freshRanked = orderWithLinks(freshCases, links);
  const chosen = freshRanked.slice(0, room);
  const overflow = freshRanked.slice(room);

  const handCandidate = (i: ItemRow): Candidate =>
    candidates.get(i.caseId) ?? { caseId: i.caseId, referralIds: [], reference: '', referralDate: '9999-12-31', urgent: false, repeat: false, children: 0, transferredFromAreaId: i.transferredFromAreaId };
  const flowing = orderWithLinks([...handPlaced.map(handCandidate), ...chosen], links);
  // Pinned cases hold their positions; everything else flows around them in order.
  const total = pinned.length + flowing.length;
  const slots: (ItemRow | Candidate | undefined)[] = Array.from({ length: total });
  for (const item of pinned) {
    const at = Math.min(Math.max(item.position, 1), total) - 1;
    let free = at;
    while (slots[free] !== undefined) free = (free + 1) % total;
    slots[free] = item;
  }
  const queue = [...flowing];
  for (let i = 0; i < total; i++) if (slots[i] === undefined) slots[i] = queue.shift();

  const byCase = new Map(handPlaced.map((i) => [i.caseId, i]));
  slots.forEach((entry, index) => {
    const position = index + 1;
    if (entry === undefined) return;
    const placed = 'meetingId' in entry ? entry : byCase.get(entry.caseId);
    if (placed) db.update(agendaItems).set({ position, slotStart: agendaSlot(meeting.startTime, position, meeting.minutesPerCase) }).where(eq(agendaItems.id, placed.id)).run();
    else if (!('meetingId' in entry)) listOn(db, meeting, position, entry, false);
  });

  return { listed: total, overflow: carryOverflow(db, meeting, overflow) };
}

/**
 * A referral accepted onto a case (or merged into a referral on it) while the case is listed at a
 * meeting that has not started is listed with it at once: the agenda names every referral since the
 * case's last hearing. Returns that meeting, or null when the case waits for an agenda.
 */
export function listWithCase(db: Db, referralId: string, caseId: string): MeetingRow | null {
  const listed = db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, caseId), eq(agendaItems.status, 'listed'), inArray(meetings.status, [...AGENDA_EDITABLE])))
    .orderBy(asc(meetings.date))
    .limit(1)
    .get();
  if (!listed) return null;
  attachReferrals(db, listed.item, [referralId]);
  agendaChangedBy(db, listed.meeting.id);
  return listed.meeting;
}
