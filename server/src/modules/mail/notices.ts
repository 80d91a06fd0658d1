/**
 * The notices the platform sends on its own: research due on the next working day, and an agenda
 * changed after it was published. Each is queued once per key, so running the check again is harmless.
 */

import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { addWorkingDays, longDate } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, areas, meetingInvitations, meetings, research } from '../../db/schema';
import { mayReceive } from '../cases/policy';
import { queueNotice } from './outbox';
import { areaNameOf } from '../../db/names';

type MeetingRow = typeof meetings.$inferSelect;

const meetingLink = (publicUrl: string, meetingId: string) => `${publicUrl.replace(/\/$/, '')}/meetings/${meetingId}`;

function mailboxes(db: Db, agencyIds: string[]): { id: string; email: string }[] {
  if (agencyIds.length === 0) return [];
  return db
    .select({ id: agencies.id, email: agencies.secureEmail })
    .from(agencies)
    .where(and(inArray(agencies.id, agencyIds), isNull(agencies.disabledAt), isNotNull(agencies.secureEmail)))
    .all()
    .filter((a): a is { id: string; email: string } => a.email !== null);
}

/** Reminds each agency with research still open that is due on the next working day. */
export function queueResearchReminders(db: Db, today: string, now: Date, publicUrl: string): number {
  const due = addWorkingDays(today, 1);
  const open = db
    .select({ meetingId: research.meetingId, agencyId: research.agencyId })
    .from(research)
    .where(and(eq(research.dueDate, due), inArray(research.status, ['not_started', 'draft'])))
    .all();
  const counts = new Map<string, { meetingId: string; agencyId: string; n: number }>();
  for (const task of open) {
    const key = `${task.meetingId}|${task.agencyId}`;
    const entry = counts.get(key) ?? { ...task, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  const boxes = new Map(mailboxes(db, [...new Set(open.map((t) => t.agencyId))]).map((b) => [b.id, b.email]));
  let queued = 0;
  for (const { meetingId, agencyId, n } of counts.values()) {
    const email = boxes.get(agencyId);
    const meeting = db.select({ date: meetings.date, areaName: areas.name }).from(meetings).innerJoin(areas, eq(areas.id, meetings.areaId)).where(eq(meetings.id, meetingId)).get();
    if (!email || !meeting) continue;
    const sent = queueNotice(
      db,
      {
        recipient: email,
        subject: `MARAC research due ${longDate(due)}: ${meeting.areaName}`,
        body: [
          `Your agency has ${n} research ${n === 1 ? 'task' : 'tasks'} for the ${meeting.areaName} MARAC on ${longDate(meeting.date)} still open, due by ${longDate(due)}.`,
          `Sign in to complete ${n === 1 ? 'it' : 'them'}: ${meetingLink(publicUrl, meetingId)}`,
        ].join('\n\n'),
        dedupeKey: `research-due:${meetingId}:${agencyId}:${due}`,
      },
      now,
    );
    if (sent) queued += 1;
  }
  return queued;
}

/**
 * Tells every invited agency, once a day at most, that a published agenda has changed. When the change
 * is about particular cases, an agency a bar on one of them names is not told.
 */
export function queueAgendaChanged(db: Db, meeting: MeetingRow, today: string, now: Date, publicUrl: string, caseIds: readonly string[] = []): number {
  if (meeting.status !== 'agenda_published') return 0;
  const invited = [...new Set(db.select({ agencyId: meetingInvitations.agencyId }).from(meetingInvitations).where(eq(meetingInvitations.meetingId, meeting.id)).all().map((i) => i.agencyId))];
  const areaName = areaNameOf(db, meeting.areaId);
  let queued = 0;
  for (const box of mailboxes(db, invited).filter((b) => mayReceive(db, { agencyId: b.id, email: b.email }, caseIds))) {
    const sent = queueNotice(
      db,
      {
        recipient: box.email,
        subject: `MARAC agenda changed: ${areaName ?? 'MARAC'}, ${longDate(meeting.date)}`,
        body: [
          `The agenda for the ${areaName ?? ''} MARAC on ${longDate(meeting.date)} has changed since it was published.`,
          `Sign in to see the current agenda: ${meetingLink(publicUrl, meeting.id)}`,
        ].join('\n\n'),
        dedupeKey: `agenda-changed:${meeting.id}:${today}:${box.id}`,
        caseIds,
      },
      now,
    );
    if (sent) queued += 1;
  }
  return queued;
}
