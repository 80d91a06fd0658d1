import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, or } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, addDays, compareIsoDates, type Agenda, type AgendaEntry, type AgendaReview } from '@marac/shared';
import type { Db } from '../../db/client';
import { actionReviews, actions, agencies, agendaItems, areas, cases, meetings, people, referralSubjects, referrals } from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import { flagTags, referralFlags } from '../history/flags';
import { windowsLapsingBetween } from '../history/windows';
import { meetingSummary } from '../meetings/calendar';
import { subjectsOf } from '../referrals/repository';
import { AGENDA_EDITABLE } from './generate';

type MeetingRow = typeof meetings.$inferSelect;

/** With no earlier meeting in the area, lapsed windows are looked for over this many days. */
const FIRST_MEETING_LOOKBACK_DAYS = 28;

function entries(db: Db, viewer: SessionUser, meeting: MeetingRow, today: string): AgendaEntry[] {
  const rows = db
    .select({
      item: agendaItems,
      referral: referrals,
      caseReference: cases.reference,
      givenName: people.givenName,
      familyName: people.familyName,
      transferredFrom: areas.name,
    })
    .from(agendaItems)
    .innerJoin(referrals, eq(referrals.id, agendaItems.referralId))
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .leftJoin(areas, eq(areas.id, agendaItems.transferredFromAreaId))
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position))
    .all();
  const referralIds = rows.map((r) => r.referral.id);
  const shared = referralIds.length
    ? db
        .select({ referralId: referralSubjects.referralId, personId: referralSubjects.personId, role: referralSubjects.role })
        .from(referralSubjects)
        .where(inArray(referralSubjects.referralId, referralIds))
        .all()
        .filter((s) => s.personId !== null && s.role !== 'victim')
    : [];
  const itemOf = new Map(rows.map((r) => [r.referral.id, r.item.id]));
  return rows.map((r) => {
    const mine = new Set(shared.filter((s) => s.referralId === r.referral.id).map((s) => s.personId));
    const linked = new Set(shared.filter((s) => s.referralId !== r.referral.id && mine.has(s.personId)).map((s) => itemOf.get(s.referralId) as string));
    return {
      id: r.item.id,
      position: r.item.position,
      slotStart: r.item.slotStart,
      pinned: r.item.pinned,
      manuallyPlaced: r.item.manuallyPlaced,
      status: r.item.status,
      removedReason: r.item.removedReason,
      caseId: r.item.caseId,
      caseReference: r.caseReference,
      referralId: r.referral.id,
      referralReference: r.referral.reference,
      referralDate: r.referral.referralDate,
      urgent: r.referral.urgent,
      victimName: `${r.givenName} ${r.familyName}`,
      flags: flagTags(referralFlags(db, viewer, r.referral, subjectsOf(db, r.referral.id), today)),
      transferredFrom: r.transferredFrom,
      linkedItemIds: [...linked],
    };
  });
}

/**
 * The outstanding-actions review: every action from the area's earlier meetings that is not closed
 * (overdue or not yet due, `overdue` tells which), and those this meeting has already reviewed, with
 * what it decided. An action carried forward stays open, so it comes back at the next meeting too, and
 * so does one the agency has updated but not closed.
 */
export function actionsToReview(db: Db, meeting: MeetingRow): AgendaReview[] {
  return db
    .select({
      actionId: actions.id,
      caseId: actions.caseId,
      caseReference: cases.reference,
      agencyId: actions.agencyId,
      agencyName: agencies.name,
      description: actions.description,
      dueDate: actions.dueDate,
      status: actions.status,
      outcome: actionReviews.outcome,
    })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(cases, eq(cases.id, actions.caseId))
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .leftJoin(actionReviews, and(eq(actionReviews.actionId, actions.id), eq(actionReviews.meetingId, meeting.id)))
    .where(
      and(
        eq(meetings.areaId, meeting.areaId),
        lt(meetings.date, meeting.date),
        or(notInArray(actions.status, [...CLOSED_ACTION_STATUSES]), isNotNull(actionReviews.id)),
      ),
    )
    .orderBy(asc(actions.dueDate), asc(cases.reference))
    .all()
    .map((a) => ({ ...a, outcome: a.outcome ?? null, overdue: compareIsoDates(a.dueDate, meeting.date) < 0 }));
}

/** The meeting's agenda with everything the coordinator and chair review alongside the cases. */
export function agendaOf(db: Db, viewer: SessionUser, meeting: MeetingRow, today: string): Agenda {
  const all = entries(db, viewer, meeting, today);
  const previous = db
    .select({ date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.areaId, meeting.areaId), lt(meetings.date, meeting.date)))
    .orderBy(desc(meetings.date))
    .limit(1)
    .get()?.date;
  const since = previous ? addDays(previous, 1) : addDays(meeting.date, -FIRST_MEETING_LOOKBACK_DAYS);
  return {
    meeting: meetingSummary(db, meeting),
    editable: AGENDA_EDITABLE.includes(meeting.status),
    items: all.filter((e) => e.status !== 'removed'),
    removed: all.filter((e) => e.status === 'removed'),
    reviews: actionsToReview(db, meeting),
    lapsedWindows: windowsLapsingBetween(db, [meeting.areaId], since, meeting.date, today),
  };
}
