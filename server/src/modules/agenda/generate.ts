/**
 * Building a meeting's agenda from the accepted referrals waiting to be heard.
 *
 * Each accepted referral not yet listed goes to the first meeting whose referral cut-off it meets, so
 * generating a meeting's agenda takes every waiting referral dated on or before its cut-off. Cases are
 * ordered by urgency, then repeat, then children in the household, then the oldest referral; cases that
 * share a perpetrator or a household member sit next to each other so the agencies discuss them
 * together. What does not fit is moved to the area's next planned meeting and reported.
 *
 * The coordinator's hand always wins: pinned cases keep their place and cases moved here by hand stay;
 * regenerating only rebuilds what the generator placed.
 */

import { and, asc, count, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import { addMonths, agendaSlot, compareIsoDates } from '@marac/shared';
import type { Db } from '../../db/client';
import { agendaItems, cases, meetings, referralSubjects, referrals } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

/** Agendas can be built until the meeting starts; after publication a rebuild is a new version. */
export const AGENDA_EDITABLE: readonly MeetingRow['status'][] = ['planned', 'agenda_published'];

/** How many later meetings an overflowing case may be carried to before it is left waiting. */
const OVERFLOW_MEETINGS = 3;

interface Candidate {
  referralId: string;
  caseId: string;
  reference: string;
  referralDate: string;
  urgent: boolean;
  repeat: boolean;
  children: number;
  transferredFromAreaId: string | null;
}

export interface OverflowCase {
  referralId: string;
  reference: string;
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

/** What ordering needs about each referral, read in a handful of queries however many there are. */
function loadCandidates(db: Db, rows: { id: string; caseId: string | null; reference: string; referralDate: string; urgent: boolean; criteriaMet: string[] }[]) {
  const ids = rows.map((r) => r.id);
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const subjects = ids.length
    ? db
        .select({ referralId: referralSubjects.referralId, role: referralSubjects.role, personId: referralSubjects.personId })
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
  const transfers = new Map(
    caseIds.length
      ? db.select({ id: cases.id, from: cases.transferredFromAreaId }).from(cases).where(inArray(cases.id, caseIds)).all().map((c) => [c.id, c.from])
      : [],
  );

  const candidates = new Map<string, Candidate>();
  for (const r of rows) {
    if (!r.caseId) continue;
    // A repeat by the referrer's account, or by an earlier referral on the case in the 12 months before.
    const repeat =
      r.criteriaMet.includes('repeat') ||
      earlier.some((e) => e.caseId === r.caseId && e.id !== r.id && e.referralDate < r.referralDate && e.referralDate >= addMonths(r.referralDate, -12));
    candidates.set(r.id, {
      referralId: r.id,
      caseId: r.caseId,
      reference: r.reference,
      referralDate: r.referralDate,
      urgent: r.urgent,
      repeat,
      children: subjects.filter((s) => s.referralId === r.id && s.role === 'child').length,
      transferredFromAreaId: transfers.get(r.caseId) ?? null,
    });
  }
  // Referrals naming the same held perpetrator, child or household member are linked.
  const links = new Map<string, string[]>();
  for (const s of subjects) {
    if (!s.personId || s.role === 'victim') continue;
    links.set(s.personId, [...(links.get(s.personId) ?? []), s.referralId]);
  }
  return { candidates, links: [...links.values()].filter((l) => l.length > 1) };
}

/**
 * Orders referrals so the ordering rule holds between groups of linked cases, and each group's cases
 * follow each other from the place of its first-ranked case.
 */
export function orderWithLinks(candidates: Candidate[], links: string[][]): Candidate[] {
  const parent = new Map(candidates.map((c) => [c.referralId, c.referralId]));
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
    const root = find(c.referralId);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  // Map keeps insertion order: each group appears where its best case ranks.
  return [...groups.values()].flat();
}

function waitingReferrals(db: Db, meeting: MeetingRow, excluded: Set<string>) {
  return db
    .select({
      id: referrals.id,
      caseId: referrals.caseId,
      reference: referrals.reference,
      referralDate: referrals.referralDate,
      urgent: referrals.urgent,
      criteriaMet: referrals.criteriaMet,
    })
    .from(referrals)
    .where(
      and(
        eq(referrals.areaId, meeting.areaId),
        eq(referrals.status, 'accepted'),
        isNull(referrals.agendaMeetingId),
        lte(referrals.referralDate, meeting.referralCutoff),
      ),
    )
    .all()
    .filter((r) => !excluded.has(r.id));
}

function listOn(db: Db, meeting: MeetingRow, position: number, c: Candidate, manuallyPlaced: boolean): void {
  db.insert(agendaItems)
    .values({
      id: newId(),
      meetingId: meeting.id,
      caseId: c.caseId,
      referralId: c.referralId,
      position,
      slotStart: agendaSlot(meeting.startTime, position, meeting.minutesPerCase),
      pinned: false,
      manuallyPlaced,
      status: 'listed',
      removedReason: null,
      transferredFromAreaId: c.transferredFromAreaId,
      riskAnalysis: null,
      outcome: null,
      revision: 0,
    })
    .run();
  db.update(referrals).set({ agendaMeetingId: meeting.id }).where(eq(referrals.id, c.referralId)).run();
}

/** Cases a meeting already lists, counted in its index rather than read. */
const listedCount = (db: Db, meetingId: string): number =>
  db.select({ n: count() }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed'))).get()?.n ?? 0;

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
  return overflow.map((c) => {
    for (const slot of room.values()) {
      if (slot.used < slot.meeting.capacity) {
        slot.used += 1;
        listOn(db, slot.meeting, slot.used, c, false);
        return { referralId: c.referralId, reference: c.reference, movedToMeetingId: slot.meeting.id, movedToDate: slot.meeting.date };
      }
    }
    return { referralId: c.referralId, reference: c.reference, movedToMeetingId: null, movedToDate: null };
  });
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

/**
 * Builds or rebuilds the agenda. Cases the generator placed before are taken off and placed again;
 * pinned ones keep their position, hand-placed ones stay on, removed ones are not brought back.
 */
export function generateAgenda(db: Db, meeting: MeetingRow): GenerationResult {
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its agenda can no longer be built');

  const existing = db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all();
  const placedBefore = existing.filter((i) => i.status === 'listed' && !i.pinned && !i.manuallyPlaced);
  if (placedBefore.length) {
    const ids = placedBefore.map((i) => i.id);
    db.delete(agendaItems).where(inArray(agendaItems.id, ids)).run();
    db.update(referrals).set({ agendaMeetingId: null }).where(inArray(referrals.id, placedBefore.map((i) => i.referralId))).run();
  }
  const kept = existing.filter((i) => i.status !== 'removed' && !placedBefore.includes(i));
  const removed = new Set(existing.filter((i) => i.status === 'removed').map((i) => i.referralId));

  const waiting = waitingReferrals(db, meeting, removed);
  const keptRows = kept.length
    ? db
        .select({ id: referrals.id, caseId: referrals.caseId, reference: referrals.reference, referralDate: referrals.referralDate, urgent: referrals.urgent, criteriaMet: referrals.criteriaMet })
        .from(referrals)
        .where(inArray(referrals.id, kept.map((i) => i.referralId)))
        .all()
    : [];
  const { candidates, links } = loadCandidates(db, [...waiting, ...keptRows]);

  const pinned = kept.filter((i) => i.pinned);
  const handPlaced = kept.filter((i) => !i.pinned);
  const fresh = waiting.flatMap((r) => (candidates.has(r.id) ? [candidates.get(r.id) as Candidate] : []));
  // Hand-placed cases are always on; the best waiting cases fill what room is left.
  const room = Math.max(0, meeting.capacity - pinned.length - handPlaced.length);
  const freshRanked = orderWithLinks(fresh, links);
  const chosen = freshRanked.slice(0, room);
  const overflow = freshRanked.slice(room);

  const flowing = orderWithLinks(
    [...handPlaced.flatMap((i) => (candidates.has(i.referralId) ? [candidates.get(i.referralId) as Candidate] : [])), ...chosen],
    links,
  );
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

  const byReferral = new Map(handPlaced.map((i) => [i.referralId, i]));
  slots.forEach((entry, index) => {
    const position = index + 1;
    if (entry === undefined) return;
    if ('meetingId' in entry) {
      db.update(agendaItems).set({ position, slotStart: agendaSlot(meeting.startTime, position, meeting.minutesPerCase) }).where(eq(agendaItems.id, entry.id)).run();
      return;
    }
    const hand = byReferral.get(entry.referralId);
    if (hand) db.update(agendaItems).set({ position, slotStart: agendaSlot(meeting.startTime, position, meeting.minutesPerCase) }).where(eq(agendaItems.id, hand.id)).run();
    else listOn(db, meeting, position, entry, false);
  });

  return { listed: total, overflow: carryOverflow(db, meeting, overflow) };
}
