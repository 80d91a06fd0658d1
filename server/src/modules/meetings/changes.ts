/**
 * Changing a meeting after it is in the calendar: moving it (a meeting on a bank holiday is flagged
 * for exactly this), its time, place and capacity; and inviting an agency for one case. Each change
 * names the version of the meeting it started from (`./versions.ts`).
 */

import { and, asc, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
  SERIES_DEFAULTS,
  compareIsoDates,
  defaultMeetingDeadlines,
  meetingDateProblems,
  meetingDeadlines,
  type InviteAgency,
  type MeetingInvitationView,
  type UpdateMeeting,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, cases, meetingInvitations, meetingSeries, meetings, research } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hasSignedProtocol } from '../admin/protocol/signatories';
import { AGENDA_EDITABLE, renumber } from '../agenda/generate';
import type { SessionUser } from '../auth/session-store';
import { grantCases, isBarred } from '../cases/policy';
import { claimVersion, staleVersion } from '../../db/versions';

type MeetingRow = typeof meetings.$inferSelect;

/** A meeting's deadlines counted from a new date: with its series' working days, or as for its kind. */
function deadlinesFor(db: Db, meeting: MeetingRow, date: string) {
  const series = meeting.seriesId ? db.select().from(meetingSeries).where(eq(meetingSeries.id, meeting.seriesId)).get() : undefined;
  if (series) return meetingDeadlines(date, series);
  return meeting.kind === 'scheduled' ? meetingDeadlines(date, SERIES_DEFAULTS) : defaultMeetingDeadlines(meeting.kind, date);
}

/** Applies the changes; returns the names of the fields that changed, for the audit trail. */
export function updateMeeting(db: Db, meeting: MeetingRow, input: UpdateMeeting, today: string): string[] {
  // Checked first, so a stale form hears that before anything judged from values it never saw.
  if (input.version !== meeting.version) throw staleVersion('this meeting');
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: it can no longer be changed');
  const date = input.date ?? meeting.date;
  const counted = input.date && input.date !== meeting.date ? deadlinesFor(db, meeting, date) : meeting;
  const deadlines = {
    referralCutoff: input.referralCutoff ?? counted.referralCutoff,
    circulationDate: input.circulationDate ?? counted.circulationDate,
    researchDeadline: input.researchDeadline ?? counted.researchDeadline,
    minutesDueDate: input.minutesDueDate ?? counted.minutesDueDate,
  };
  const listed = db.select({ n: count() }).from(agendaItems).where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed'))).get()?.n ?? 0;
  const problems = [
    ...(input.date && compareIsoDates(input.date, today) < 0 ? [{ field: 'date', message: 'The meeting date must be today or later' }] : []),
    ...(input.capacity !== undefined && input.capacity < listed
      ? [{ field: 'capacity', message: `${listed} cases are already on the agenda: move or remove some before lowering the capacity` }]
      : []),
    ...meetingDateProblems(date, deadlines),
  ];
  if (problems.length) throw invalid(problems);

  const next = {
    date,
    startTime: input.startTime ?? meeting.startTime,
    location: input.location === undefined ? meeting.location : input.location,
    onlineLink: input.onlineLink === undefined ? meeting.onlineLink : input.onlineLink,
    capacity: input.capacity ?? meeting.capacity,
    minutesPerCase: input.minutesPerCase ?? meeting.minutesPerCase,
    ...deadlines,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== meeting[k]);
  // Saving what is already there changes nothing, so it takes no new version.
  if (changed.length === 0) return [];
  claimVersion(db, meetings, meeting.id, input.version, 'this meeting');
  db.update(meetings).set(next).where(eq(meetings.id, meeting.id)).run();
  if (changed.includes('startTime') || changed.includes('minutesPerCase')) {
    const items = db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed'))).orderBy(asc(agendaItems.position)).all();
    renumber(db, { ...meeting, ...next }, items);
  }
  if (changed.includes('researchDeadline')) {
    // Research not yet submitted is due by the new deadline.
    db.update(research)
      .set({ dueDate: next.researchDeadline })
      .where(and(eq(research.meetingId, meeting.id), inArray(research.status, ['not_started', 'draft'])))
      .run();
  }
  return changed;
}

/** The meeting's invitations; one for a case a bar keeps from the viewer is left out. */
export function invitationsOf(db: Db, viewer: SessionUser, meetingId: string): MeetingInvitationView[] {
  const rows = db
    .select({ id: meetingInvitations.id, agencyId: agencies.id, agencyName: agencies.name, caseId: meetingInvitations.caseId, caseReference: cases.reference })
    .from(meetingInvitations)
    .innerJoin(agencies, eq(agencies.id, meetingInvitations.agencyId))
    .leftJoin(cases, eq(cases.id, meetingInvitations.caseId))
    .where(eq(meetingInvitations.meetingId, meetingId))
    .orderBy(asc(cases.reference), asc(agencies.name))
    .all();
  const granted = grantCases(
    db,
    viewer,
    rows.flatMap((r) => (r.caseId ? [r.caseId] : [])),
    'staff',
  );
  return rows.filter((r) => r.caseId === null || granted.has(r.caseId));
}

/**
 * Invites an agency for one case on the agenda, one not invited to the whole meeting. Once the agenda
 * is out, the agency gets its research task at once. An agency the referral names as unsafe to
 * contact cannot be invited for that case, nor can one without a current signature of the area's
 * information-sharing protocol, as nothing may be shared with it.
 */
export function inviteForCase(db: Db, user: SessionUser, meeting: MeetingRow, input: InviteAgency, at: Date): { invitationId: string; researchTask: boolean } {
  claimVersion(db, meetings, meeting.id, input.version, 'this meeting');
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: no more agencies can be invited');
  const item = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.caseId, input.caseId), ne(agendaItems.status, 'removed')))
    .get();
  if (!item || grantCases(db, user, [input.caseId], 'staff').size === 0) throw invalid([{ field: 'caseId', message: 'Choose a case on this agenda' }]);
  const agency = db.select().from(agencies).where(and(eq(agencies.id, input.agencyId), isNull(agencies.disabledAt))).get();
  if (!agency) throw invalid([{ field: 'agencyId', message: 'Choose an agency from the list' }]);
  if (!hasSignedProtocol(db, meeting.areaId, agency.id)) {
    throw conflict('This agency is not signed up to the area’s information-sharing protocol, so it cannot be invited', [
      { field: 'agencyId', message: 'Not signed up to this area’s information-sharing protocol: an administrator records signatures in the protocol register' },
    ]);
  }
  if (isBarred(db, { agencyId: agency.id, email: agency.secureEmail }, input.caseId)) {
    throw invalid([{ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact' }]);
  }
  const invited = db
    .select({ id: meetingInvitations.id, caseId: meetingInvitations.caseId })
    .from(meetingInvitations)
    .where(and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.agencyId, agency.id)))
    .all()
    .find((i) => i.caseId === null || i.caseId === input.caseId);
  const task = db.select({ withdrawnAt: research.withdrawnAt }).from(research).where(and(eq(research.meetingId, meeting.id), eq(research.caseId, input.caseId), eq(research.agencyId, agency.id))).get();
  // Invited, with research withdrawn under a bar since lifted: inviting again is how it comes back.
  if (invited && !task?.withdrawnAt) {
    throw conflict('This agency is already invited for this case', [{ field: 'agencyId', message: 'Already invited for this case' }]);
  }
  const invitationId = invited?.id ?? newId();
  if (!invited) db.insert(meetingInvitations).values({ id: invitationId, meetingId: meeting.id, agencyId: agency.id, caseId: input.caseId }).run();
  if (meeting.status !== 'agenda_published') return { invitationId, researchTask: false };
  // Research withdrawn under a bar since lifted comes back only this way: the coordinator inviting again.
  db.update(research)
    .set({ withdrawnAt: null, withdrawnBarId: null, updatedAt: at.toISOString() })
    .where(and(eq(research.meetingId, meeting.id), eq(research.caseId, input.caseId), eq(research.agencyId, agency.id)))
    .run();
  db.insert(research)
    .values({
      id: newId(),
      meetingId: meeting.id,
      caseId: input.caseId,
      agencyId: agency.id,
      status: 'not_started',
      knownToAgency: null,
      facts: null,
      opinion: null,
      risksIdentified: null,
      protectiveFactors: null,
      withheld: null,
      withheldReason: null,
      researchedBy: null,
      dueDate: meeting.researchDeadline,
      submittedAt: null,
      updatedAt: at.toISOString(),
      withdrawnAt: null,
      withdrawnBarId: null,
    })
    .onConflictDoNothing()
    .run();
  return { invitationId, researchTask: true };
}

/** Withdraws an invitation for one case; research already started stays, as the agency has begun it. */
export function withdrawInvitation(db: Db, meeting: MeetingRow, invitationId: string, version: number): void {
  const invitation = db.select().from(meetingInvitations).where(and(eq(meetingInvitations.id, invitationId), eq(meetingInvitations.meetingId, meeting.id))).get();
  if (!invitation) throw notFound('invitation');
  claimVersion(db, meetings, meeting.id, version, 'this meeting');
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its invitations can no longer change');
  if (invitation.caseId === null) throw conflict('Agencies serving the area are invited to every meeting: change the agency’s areas instead');
  db.delete(research)
    .where(and(eq(research.meetingId, meeting.id), eq(research.caseId, invitation.caseId), eq(research.agencyId, invitation.agencyId), eq(research.status, 'not_started')))
    .run();
  db.delete(meetingInvitations).where(eq(meetingInvitations.id, invitation.id)).run();
}
