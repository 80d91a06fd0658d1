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

export function changeMeetingStatus(db: Db, meeting: MeetingRow, next: 'in_progress' | 'minuted' | 'closed', today: string): void {
  const required = PREVIOUS[next];
  if (meeting.status !== required) {
    throw invalid([{ field: 'status', message: `The meeting must have ${STEP_WORDS[required]} first; it has ${STEP_WORDS[meeting.status]}` }]);
  }
  if (next === 'in_progress' && compareIsoDates(today, meeting.date) < 0) {
    throw invalid([{ field: 'status', message: 'A meeting cannot start before its date' }]);
  }
  db.update(meetings).set({ status: next }).where(eq(meetings.id, meeting.id)).run();
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
