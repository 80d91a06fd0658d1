/**
 * Meeting series and the meetings they put in the calendar. A series is a pattern; its meetings are
 * rows, created ahead for `SERIES_HORIZON_WEEKS`, so each can be moved, re-timed or given its own
 * agenda without touching the others.
 */

import { and, asc, count, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import {
  SERIES_HORIZON_WEEKS,
  addDays,
  bankHolidayName,
  compareIsoDates,
  defaultMeetingDeadlines,
  meetingDateProblems,
  meetingDeadlines,
  seriesDates,
  seriesProblems,
  type CreateMeeting,
  type CreateMeetingSeries,
  type CreatedMeetingSeries,
  type MeetingQuery,
  type MeetingSeries,
  type MeetingSummary,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { agencyAreas, agencies, agendaItems, areas, attendance, meetingInvitations, meetingSeries, meetings } from '../../db/schema';
import { invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { currentSignatories } from '../admin/protocol/signatories';
import type { SessionUser } from '../auth/session-store';
import { notBarred, partyOf } from '../cases/policy';

type MeetingRow = typeof meetings.$inferSelect;

/** Coordinators run the calendar of their own areas; a meeting elsewhere reads as not existing. */
export function assertCoordinatorOf(db: Db, user: SessionUser, areaId: string): void {
  const area = db.select({ id: areas.id, disabledAt: areas.disabledAt }).from(areas).where(eq(areas.id, areaId)).get();
  if (!area || area.disabledAt || user.role !== 'coordinator' || !user.areaIds.includes(areaId)) {
    throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  }
}

/**
 * Every meeting invites the enabled agencies serving its area that have signed its information-sharing
 * protocol (and not withdrawn); agencies can be added for one case.
 */
function inviteStanding(db: Db, meetingId: string, areaId: string): void {
  const serving = db
    .select({ id: agencies.id })
    .from(agencyAreas)
    .innerJoin(agencies, eq(agencies.id, agencyAreas.agencyId))
    .where(and(eq(agencyAreas.areaId, areaId), isNull(agencies.disabledAt), inArray(agencies.id, currentSignatories(db, areaId))))
    .all();
  if (serving.length) db.insert(meetingInvitations).values(serving.map((a) => ({ id: newId(), meetingId, agencyId: a.id, caseId: null }))).run();
}

export function createSeries(db: Db, user: SessionUser, input: CreateMeetingSeries, today: string, now: Date): CreatedMeetingSeries {
  assertCoordinatorOf(db, user, input.areaId);
  const problems = seriesProblems(input);
  if (problems.length) throw invalid(problems);
  const series: MeetingSeries = { id: newId(), ...input, active: true };
  db.insert(meetingSeries).values(series).run();

  const from = compareIsoDates(input.firstDate, today) > 0 ? input.firstDate : today;
  const dates = seriesDates(input, from, addDays(today, SERIES_HORIZON_WEEKS * 7));
  const at = now.toISOString();
  for (const date of dates) {
    const id = newId();
    db.insert(meetings)
      .values({
        id,
        areaId: input.areaId,
        seriesId: series.id,
        kind: 'scheduled',
        date,
        startTime: input.startTime,
        location: input.location,
        onlineLink: input.onlineLink,
        capacity: input.capacity,
        minutesPerCase: input.minutesPerCase,
        status: 'planned',
        ...meetingDeadlines(date, input),
        agendaVersion: 0,
        chairUserId: null,
        createdAt: at,
      })
      .run();
    inviteStanding(db, id, input.areaId);
  }
  const onBankHolidays = dates.flatMap((date) => {
    const holiday = bankHolidayName(date);
    return holiday ? [{ date, holiday }] : [];
  });
  return { series, meetingsCreated: dates.length, onBankHolidays };
}

export function listSeries(db: Db, user: SessionUser, areaId: string | undefined): MeetingSeries[] {
  if (areaId !== undefined && !user.areaIds.includes(areaId)) throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  const rows = db
    .select()
    .from(meetingSeries)
    .where(inArray(meetingSeries.areaId, areaId ? [areaId] : user.areaIds))
    .orderBy(asc(meetingSeries.name))
    .all();
  return rows.map((r) => ({ ...r, weekOfMonth: r.weekOfMonth ?? null }));
}

/** A one-off or emergency meeting; deadlines not given are counted from its date. */
export function createMeeting(db: Db, user: SessionUser, input: CreateMeeting, today: string, now: Date): MeetingRow {
  assertCoordinatorOf(db, user, input.areaId);
  const counted = defaultMeetingDeadlines(input.kind, input.date);
  const deadlines = {
    referralCutoff: input.referralCutoff ?? counted.referralCutoff,
    circulationDate: input.circulationDate ?? counted.circulationDate,
    researchDeadline: input.researchDeadline ?? counted.researchDeadline,
    minutesDueDate: input.minutesDueDate ?? counted.minutesDueDate,
  };
  const problems = [
    ...(compareIsoDates(input.date, today) < 0 ? [{ field: 'date', message: 'The meeting date must be today or later' }] : []),
    ...meetingDateProblems(input.date, deadlines),
  ];
  if (problems.length) throw invalid(problems);
  const row: MeetingRow = {
    id: newId(),
    areaId: input.areaId,
    seriesId: null,
    kind: input.kind,
    date: input.date,
    startTime: input.startTime,
    location: input.location,
    onlineLink: input.onlineLink,
    capacity: input.capacity,
    minutesPerCase: input.minutesPerCase,
    status: 'planned',
    ...deadlines,
    agendaVersion: 0,
    chairUserId: null,
    createdAt: now.toISOString(),
    version: 0,
  };
  db.insert(meetings).values(row).run();
  inviteStanding(db, row.id, input.areaId);
  return row;
}

/** Meetings with the number of cases each lists, counting only cases no bar keeps from the viewer. */
export function meetingSummaries(db: Db, viewer: SessionUser, rows: MeetingRow[]): MeetingSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const listed = new Map(
    db
      .select({ meetingId: agendaItems.meetingId, n: count() })
      .from(agendaItems)
      .where(and(inArray(agendaItems.meetingId, ids), ne(agendaItems.status, 'removed'), notBarred(partyOf(viewer), agendaItems.caseId)))
      .groupBy(agendaItems.meetingId)
      .all()
      .map((r) => [r.meetingId, r.n]),
  );
  const areaNames = new Map(db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, [...new Set(rows.map((r) => r.areaId))])).all().map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, areaName: areaNames.get(r.areaId) ?? '', bankHoliday: bankHolidayName(r.date), listedCount: listed.get(r.id) ?? 0 }));
}

/** Meetings of the user's areas in a date range (by default from today for 26 weeks), soonest first. */
export function listMeetings(db: Db, user: SessionUser, query: MeetingQuery, today: string): MeetingSummary[] {
  if (query.areaId !== undefined && !user.areaIds.includes(query.areaId)) throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, SERIES_HORIZON_WEEKS * 7);
  if (compareIsoDates(from, to) > 0) throw invalid([{ field: 'to', message: 'The end of the range must be on or after its start' }]);
  const where = [inArray(meetings.areaId, query.areaId ? [query.areaId] : user.areaIds), gte(meetings.date, from), lte(meetings.date, to)];
  if (user.role === 'agency_representative') {
    // A representative sees the meetings their agency is invited to, once the agenda is out.
    where.push(ne(meetings.status, 'planned'));
    where.push(inArray(meetings.id, db.select({ id: meetingInvitations.meetingId }).from(meetingInvitations).where(eq(meetingInvitations.agencyId, user.agencyId ?? ''))));
  }
  if (user.role === 'observer') {
    // An observer sees only the meetings they are recorded at, once the agenda is out.
    where.push(ne(meetings.status, 'planned'));
    where.push(inArray(meetings.id, db.select({ id: attendance.meetingId }).from(attendance).where(eq(attendance.userId, user.id))));
  }
  const rows = db
    .select()
    .from(meetings)
    .where(and(...where))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .all();
  return meetingSummaries(db, user, rows);
}

export const meetingSummary = (db: Db, viewer: SessionUser, row: MeetingRow): MeetingSummary => meetingSummaries(db, viewer, [row])[0] as MeetingSummary;

/** Whether the representative's agency is invited to the meeting and its agenda is out. */
export function invitedToPublished(db: Db, user: SessionUser, meeting: MeetingRow): boolean {
  if (meeting.status === 'planned' || !user.agencyId) return false;
  return db.select({ id: meetingInvitations.id }).from(meetingInvitations).where(and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.agencyId, user.agencyId))).get() !== undefined;
}

/** Whether an observer is recorded at the meeting (attending or observing) and its agenda is out. */
export function recordedAtPublished(db: Db, user: SessionUser, meeting: MeetingRow): boolean {
  if (meeting.status === 'planned') return false;
  return db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meeting.id), eq(attendance.userId, user.id), ne(attendance.kind, 'apology'))).get() !== undefined;
}

export const meetingById = (db: Db, id: string): MeetingRow | undefined => db.select().from(meetings).where(eq(meetings.id, id)).get();

/** A meeting of one of the user's areas; any other reads as not existing. */
export function findMeeting(db: Db, user: SessionUser, id: string): MeetingRow {
  const row = meetingById(db, id);
  if (!row || !user.areaIds.includes(row.areaId)) throw notFound('meeting');
  return row;
}
