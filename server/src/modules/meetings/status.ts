/**
 * A meeting's life after its agenda is out: planned → agenda published → in progress → minuted →
 * closed, one step at a time. Minuting marks the cases as heard and records the hearing on each case,
 * which is where a repeat window counted from the last hearing starts.
 */

import { and, eq, inArray, ne } from 'drizzle-orm';
import { compareIsoDates, type MeetingStatus } from '@marac/shared';
import type { Db } from '../../db/client';
import { agendaItems, cases, meetings } from '../../db/schema';
import { invalid } from '../../lib/errors';
import { caseFlagsNow, listedReferrals } from '../agenda/read';
import type { SessionUser } from '../auth/session-store';

type MeetingRow = typeof meetings.$inferSelect;

const PREVIOUS: Record<'in_progress' | 'minuted' | 'closed', MeetingStatus> = {
  in_progress: 'agenda_published',
  minuted: 'in_progress',
  closed: 'minuted',
};

const STEP_WORDS: Record<MeetingStatus, string> = {
  planned: 'planned',
  agenda_published: 'published its agenda',
  in_progress: 'started',
  minuted: 'been minuted',
  closed: 'been closed',
};

/**
 * The flags each case is heard with, kept as they stand when the meeting starts: the chair is told
 * them then, and a referral made later never rewrites what a past hearing was told.
 */
function freezeFlags(db: Db, viewer: SessionUser, meeting: MeetingRow, today: string): void {
  const items = db.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed'))).all();
  const listed = listedReferrals(
    db,
    items.map((i) => i.id),
  );
  for (const item of items) {
    const flags = caseFlagsNow(db, viewer, listed.get(item.id) ?? [], today, { forPacket: true });
    // One per kind, with every detail of that kind: the case's referrals may each raise it.
    const byKind = new Map<string, { kind: (typeof flags)[number]['kind']; label: string; detail: string }>();
    for (const f of flags) {
      const seen = byKind.get(f.kind);
      byKind.set(f.kind, seen ? { ...seen, detail: seen.detail.includes(f.detail) ? seen.detail : `${seen.detail} ${f.detail}` } : { kind: f.kind, label: f.label, detail: f.detail });
    }
    db.update(agendaItems).set({ frozenFlags: [...byKind.values()] }).where(eq(agendaItems.id, item.id)).run();
  }
}

export function changeMeetingStatus(db: Db, viewer: SessionUser, meeting: MeetingRow, next: 'in_progress' | 'minuted' | 'closed', today: string): void {
  const required = PREVIOUS[next];
  if (meeting.status !== required) {
    throw invalid([{ field: 'status', message: `The meeting must have ${STEP_WORDS[required]} first; it has ${STEP_WORDS[meeting.status]}` }]);
  }
  if (next === 'in_progress' && compareIsoDates(today, meeting.date) < 0) {
    throw invalid([{ field: 'status', message: 'A meeting cannot start before its date' }]);
  }
  db.update(meetings).set({ status: next }).where(eq(meetings.id, meeting.id)).run();
  if (next === 'in_progress') freezeFlags(db, viewer, meeting, today);
  if (next !== 'minuted') return;
  const listed = db
    .select({ id: agendaItems.id, caseId: agendaItems.caseId })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.status, 'listed')))
    .all();
  if (listed.length === 0) return;
  db.update(agendaItems).set({ status: 'heard' }).where(inArray(agendaItems.id, listed.map((i) => i.id))).run();
  // A later meeting may already have heard a case again; the hearing date only moves forward.
  for (const item of listed) {
    const held = db.select({ last: cases.lastHearingDate }).from(cases).where(eq(cases.id, item.caseId)).get();
    if (!held?.last || compareIsoDates(held.last, meeting.date) < 0) {
      db.update(cases).set({ lastHearingDate: meeting.date }).where(and(eq(cases.id, item.caseId), ne(cases.status, 'transferred_out'))).run();
    }
  }
}
