/**
 * Who attends a meeting, who sends apologies and who observes, and each attendee's signature of the
 * confidentiality statement. Meeting mode shows case content only to those who have signed.
 */

import { and, asc, eq, isNull } from 'drizzle-orm';
import { CONFIDENTIALITY_STATEMENT, CONFIDENTIALITY_STATEMENT_VERSION, type AttendanceEntry, type AttendanceInput, type ConfidentialityStatus } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, attendance, confidentialityAttestations, userAreas, users, type meetings } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';

type MeetingRow = typeof meetings.$inferSelect;

/** Attendance is recorded from publication until the minutes are done. */
const RECORDING: readonly MeetingRow['status'][] = ['planned', 'agenda_published', 'in_progress'];

export function attendanceOf(db: Db, meetingId: string): AttendanceEntry[] {
  return db
    .select({ row: attendance, agencyName: agencies.name, signedAt: confidentialityAttestations.signedAt })
    .from(attendance)
    .leftJoin(agencies, eq(agencies.id, attendance.agencyId))
    .leftJoin(confidentialityAttestations, and(eq(confidentialityAttestations.meetingId, attendance.meetingId), eq(confidentialityAttestations.userId, attendance.userId)))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.kind), asc(attendance.name))
    .all()
    .map((r) => ({ ...r.row, agencyName: r.agencyName, signedAt: r.signedAt ?? null }));
}

export function recordAttendance(db: Db, meeting: MeetingRow, input: AttendanceInput, now: Date): string {
  if (!RECORDING.includes(meeting.status)) throw conflict('The meeting is minuted: its attendance can no longer change');
  let name = input.name;
  let agencyId = input.agencyId;
  if (input.userId) {
    const user = db.select().from(users).where(and(eq(users.id, input.userId), isNull(users.disabledAt))).get();
    const inArea = user && db.select().from(userAreas).where(and(eq(userAreas.userId, user.id), eq(userAreas.areaId, meeting.areaId))).get();
    if (!user || !inArea) throw invalid([{ field: 'userId', message: 'Choose someone who works in this area' }]);
    const already = db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meeting.id), eq(attendance.userId, user.id))).get();
    if (already) throw conflict('This person is already recorded for the meeting', [{ field: 'userId', message: 'Already recorded' }]);
    name = user.name;
    agencyId = user.agencyId;
  } else if (!name) {
    throw invalid([{ field: 'name', message: 'Enter the name of the person, or choose a platform user' }]);
  }
  if (agencyId && !db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).get()) {
    throw invalid([{ field: 'agencyId', message: 'Choose an agency from the list' }]);
  }
  if (input.kind === 'apology' && !agencyId) throw invalid([{ field: 'agencyId', message: 'Say which agency sends its apologies' }]);
  const id = newId();
  db.insert(attendance)
    .values({
      id,
      meetingId: meeting.id,
      userId: input.userId,
      name: name as string,
      agencyId,
      kind: input.kind,
      informationSent: input.kind === 'apology' ? input.informationSent : false,
      recordedAt: now.toISOString(),
    })
    .run();
  return id;
}

export function removeAttendance(db: Db, meeting: MeetingRow, entryId: string): void {
  if (!RECORDING.includes(meeting.status)) throw conflict('The meeting is minuted: its attendance can no longer change');
  const entry = db.select().from(attendance).where(and(eq(attendance.id, entryId), eq(attendance.meetingId, meeting.id))).get();
  if (!entry) throw notFound('attendance entry');
  db.delete(attendance).where(eq(attendance.id, entry.id)).run();
}

/** Whether this user has signed the current statement for this meeting: meeting mode asks before showing a case. */
export function hasSigned(db: Db, meetingId: string, userId: string): boolean {
  const row = db
    .select({ version: confidentialityAttestations.statementVersion })
    .from(confidentialityAttestations)
    .where(and(eq(confidentialityAttestations.meetingId, meetingId), eq(confidentialityAttestations.userId, userId)))
    .get();
  return row?.version === CONFIDENTIALITY_STATEMENT_VERSION;
}

export function confidentialityStatus(db: Db, meetingId: string, userId: string): ConfidentialityStatus {
  const row = db
    .select({ signedAt: confidentialityAttestations.signedAt, version: confidentialityAttestations.statementVersion })
    .from(confidentialityAttestations)
    .where(and(eq(confidentialityAttestations.meetingId, meetingId), eq(confidentialityAttestations.userId, userId)))
    .get();
  return {
    statementVersion: CONFIDENTIALITY_STATEMENT_VERSION,
    statement: [...CONFIDENTIALITY_STATEMENT],
    signedAt: row?.version === CONFIDENTIALITY_STATEMENT_VERSION ? row.signedAt : null,
  };
}

/** Signed by the attendee themselves, only when recorded as attending or observing this meeting. */
export function signStatement(db: Db, meeting: MeetingRow, userId: string, statementVersion: string, now: Date): void {
  if (meeting.status !== 'agenda_published' && meeting.status !== 'in_progress') throw conflict('The statement is signed for a meeting about to start or under way');
  if (statementVersion !== CONFIDENTIALITY_STATEMENT_VERSION) throw conflict('The statement has changed since you opened it: read it again and sign');
  const entry = db.select({ kind: attendance.kind }).from(attendance).where(and(eq(attendance.meetingId, meeting.id), eq(attendance.userId, userId))).get();
  if (!entry || entry.kind === 'apology') throw conflict('You are not recorded as attending this meeting: ask the coordinator to add you');
  const at = now.toISOString();
  db.insert(confidentialityAttestations)
    .values({ id: newId(), meetingId: meeting.id, userId, statementVersion, signedAt: at })
    .onConflictDoUpdate({ target: [confidentialityAttestations.meetingId, confidentialityAttestations.userId], set: { statementVersion, signedAt: at } })
    .run();
}
