/**
 * Changes a coordinator makes to an agenda by hand. Placing a case at a position pins it there, so a
 * rebuild keeps it; a case moved in from another meeting is marked as placed by hand and stays. Each
 * names the version of the meeting it started from; a case moved to another meeting gives that meeting
 * a new version too.
 */

import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { AgendaChange } from '@marac/shared';
import type { Db } from '../../db/client';
import { agendaItems, meetings, referrals } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { requireCase } from '../cases/policy';
import { claimVersion, nextVersion } from '../../db/versions';
import { AGENDA_EDITABLE, referralsOfItem, renumber } from './generate';

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

const listedOn = (db: Db, meetingId: string): ItemRow[] =>
  db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed'))).orderBy(asc(agendaItems.position)).all();

function assertEditable(meeting: MeetingRow): void {
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its agenda can no longer be changed');
}

/** Makes the change; returns the case it was about. */
export function changeAgenda(db: Db, user: SessionUser, meeting: MeetingRow, change: AgendaChange): string {
  assertEditable(meeting);
  const item = db.select().from(agendaItems).where(and(eq(agendaItems.id, change.itemId), eq(agendaItems.meetingId, meeting.id))).get();
  if (!item) throw notFound('agenda item');
  // A coordinator a bar names cannot move the case either: it reads as not being there.
  requireCase(db, user, item.caseId, 'staff', 'agenda item');
  claimVersion(db, meetings, meeting.id, change.version, 'this meeting’s agenda');
  const listed = listedOn(db, meeting.id);

  switch (change.change) {
    case 'position': {
      if (item.status === 'removed') throw conflict('Restore the case to the agenda before moving it');
      const others = listed.filter((i) => i.id !== item.id);
      const at = Math.min(change.position, others.length + 1) - 1;
      others.splice(at, 0, item);
      db.update(agendaItems).set({ pinned: true }).where(eq(agendaItems.id, item.id)).run();
      renumber(db, meeting, others);
      return item.caseId;
    }
    case 'pin':
      if (item.status === 'removed') throw conflict('Restore the case to the agenda before pinning it');
      db.update(agendaItems).set({ pinned: change.pinned }).where(eq(agendaItems.id, item.id)).run();
      return item.caseId;
    case 'move': {
      if (item.status === 'removed') throw conflict('Restore the case to the agenda before moving it');
      const target = db.select().from(meetings).where(eq(meetings.id, change.toMeetingId)).get();
      if (!target || target.id === meeting.id || target.areaId !== meeting.areaId || !AGENDA_EDITABLE.includes(target.status)) {
        throw invalid([{ field: 'toMeetingId', message: 'Choose another meeting of this area that has not started' }]);
      }
      const there = listedOn(db, target.id);
      if (db.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.meetingId, target.id), eq(agendaItems.caseId, item.caseId))).get()) {
        throw invalid([{ field: 'toMeetingId', message: 'That meeting already has this case on its agenda' }]);
      }
      if (there.length >= target.capacity) throw invalid([{ field: 'toMeetingId', message: 'That meeting is full: remove or move a case from it first' }]);
      db.update(agendaItems)
        .set({ meetingId: target.id, pinned: false, manuallyPlaced: true, position: there.length + 1 })
        .where(eq(agendaItems.id, item.id))
        .run();
      db.update(referrals).set({ agendaMeetingId: target.id }).where(inArray(referrals.id, referralsOfItem(db, item.id))).run();
      db.update(meetings).set({ version: nextVersion(meetings) }).where(eq(meetings.id, target.id)).run();
      renumber(db, target, [...there, { ...item, meetingId: target.id, position: there.length + 1 }]);
      renumber(db, meeting, listed.filter((i) => i.id !== item.id));
      return item.caseId;
    }
    case 'remove':
      if (item.status === 'removed') throw conflict('This case is already off the agenda');
      db.update(agendaItems).set({ status: 'removed', removedReason: change.reason, pinned: false }).where(eq(agendaItems.id, item.id)).run();
      // Off this agenda, the case's referrals wait for a later meeting; a rebuild of this one leaves it off.
      db.update(referrals).set({ agendaMeetingId: null }).where(inArray(referrals.id, referralsOfItem(db, item.id))).run();
      renumber(db, meeting, listed.filter((i) => i.id !== item.id));
      return item.caseId;
    case 'restore': {
      if (item.status !== 'removed') throw conflict('This case is already on the agenda');
      const listedIds = referralsOfItem(db, item.id);
      const since = listedIds.length ? db.select({ id: referrals.id }).from(referrals).where(and(inArray(referrals.id, listedIds), isNotNull(referrals.agendaMeetingId))).get() : undefined;
      if (since) throw conflict('This case has since been listed for another meeting');
      if (listed.length >= meeting.capacity) throw conflict('The agenda is full: remove or move a case first');
      db.update(agendaItems)
        .set({ status: 'listed', removedReason: null, manuallyPlaced: true, position: listed.length + 1 })
        .where(eq(agendaItems.id, item.id))
        .run();
      db.update(referrals).set({ agendaMeetingId: meeting.id }).where(inArray(referrals.id, listedIds)).run();
      renumber(db, meeting, [...listed, { ...item, position: listed.length + 1 }]);
      return item.caseId;
    }
  }
}
