import { and, asc, count, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { REPEAT_WINDOW_NOTICE_DAYS, addDays, addMonths, type HomeFigure, type HomeSummary } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, areas, auditEvents, caseHearingTallies, cases, meetingInvitations, meetings, referrals, research, users } from '../../db/schema';
import { startOfLondonDay } from '../../lib/time';
import { actionCounts } from '../actions/repository';
import type { SessionUser } from '../auth/session-store';
import { casesBarring, notBarred, partyOf, referralNotBarred } from '../cases/policy';
import { countWindowsLapsingBetween } from '../history/windows';

const figure = (key: string, label: string, value: number, hint: string | null = null): HomeFigure => ({ key, label, value, hint });
const n = (row: { n: number } | undefined) => row?.n ?? 0;

function upcomingMeetings(db: Db, user: SessionUser, today: string, meetingIds: string[] | null) {
  const areaIds = user.areaIds;
  const where = [gte(meetings.date, today), inArray(meetings.areaId, areaIds)];
  if (meetingIds) where.push(inArray(meetings.id, meetingIds));
  return db
    .select({
      id: meetings.id,
      areaName: areas.name,
      date: meetings.date,
      startTime: meetings.startTime,
      status: meetings.status,
      cases: sql<number>`(select count(*) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and ${agendaItems.status} <> 'removed' and ${notBarred(partyOf(user), agendaItems.caseId)})`,
    })
    .from(meetings)
    .innerJoin(areas, eq(areas.id, meetings.areaId))
    .where(and(...where))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .limit(6)
    .all();
}

/** Figures for people who work across an area's cases: coordinators, chairs, observers. */
function areaFigures(db: Db, user: SessionUser, today: string): HomeFigure[] {
  // Every figure counts only cases the disclosure policy lets this person see.
  const party = partyOf(user);
  const awaiting = n(
    db.select({ n: count() }).from(referrals)
      .where(and(inArray(referrals.status, ['submitted', 'more_information_requested']), inArray(referrals.areaId, user.areaIds), referralNotBarred(party)))
      .get(),
  );
  // Waiting to be listed exactly as agenda generation sees it, read from the index it uses.
  const notListed = n(
    db.select({ n: count() }).from(referrals)
      .where(and(eq(referrals.status, 'accepted'), inArray(referrals.areaId, user.areaIds), isNull(referrals.agendaMeetingId), referralNotBarred(party)))
      .get(),
  );
  // The same counts, and the same scoping, as the actions list.
  const { overdue } = actionCounts(db, user, {}, today);
  const { open: escalated } = actionCounts(db, user, { status: 'escalated' }, today);
  const lapsing = countWindowsLapsingBetween(db, user, user.areaIds, addDays(today, 1), addDays(today, REPEAT_WINDOW_NOTICE_DAYS));
  // A case's last hearing is kept on it when its meeting is minuted, and tallied per area and date:
  // a year of tallies added up, less the few cases a bar keeps from this person.
  const since = addMonths(today, -12);
  const barred = casesBarring(db, party);
  const heard =
    n(
      db
        .select({ n: sql<number>`coalesce(sum(${caseHearingTallies.n}), 0)`.mapWith(Number) })
        .from(caseHearingTallies)
        .where(and(inArray(caseHearingTallies.areaId, user.areaIds), gte(caseHearingTallies.lastHearingDate, since)))
        .get(),
    ) - (barred.length ? n(db.select({ n: count() }).from(cases).where(and(inArray(cases.areaId, user.areaIds), gte(cases.lastHearingDate, since), inArray(cases.id, barred))).get()) : 0);
  const list = [
    figure('referrals_awaiting_screening', 'Referrals awaiting screening', awaiting),
    figure('referrals_not_listed', 'Accepted referrals not yet on an agenda', notListed),
    figure('actions_overdue', 'Actions overdue', overdue, 'Open actions past their due date'),
    figure('actions_escalated', 'Actions escalated', escalated),
    figure('windows_lapsing', '12-month windows lapsing in 30 days', lapsing),
    figure('cases_heard_12_months', 'Cases heard in the last 12 months', heard),
  ];
  if (user.role === 'observer') return list.filter((f) => f.key === 'cases_heard_12_months');
  return list;
}

function agencyFigures(db: Db, user: SessionUser, today: string): HomeFigure[] {
  const agencyId = user.agencyId ?? '';
  // The same counts, and the same scoping, as the agency's own action list.
  const { open, overdue, due_soon: dueSoon } = actionCounts(db, user, {}, today);
  // From the few meetings to come (SQLite's CROSS JOIN keeps them the outer loop), not from every task the agency ever had.
  const researchDue = n(
    db.select({ n: count() }).from(meetings).crossJoin(research)
      .where(and(gte(meetings.date, today), eq(research.meetingId, meetings.id), eq(research.agencyId, agencyId), inArray(research.status, ['not_started', 'draft']), isNull(research.withdrawnAt), notBarred(partyOf(user), research.caseId))).get(),
  );
  const myReferrals = n(
    db.select({ n: count() }).from(referrals)
      .where(and(eq(referrals.referrerUserId, user.id), inArray(referrals.status, ['draft', 'submitted', 'more_information_requested']))).get(),
  );
  return [
    figure('actions_open', "My agency's open actions", open),
    figure('actions_overdue', "My agency's overdue actions", overdue),
    figure('actions_due_7_days', 'Actions due in the next 7 days', dueSoon),
    figure('research_outstanding', 'Research tasks outstanding', researchDue, 'For meetings still to come'),
    figure('referrals_in_progress', 'My referrals in progress', myReferrals, 'Drafts, awaiting screening or needing more information'),
  ];
}

function adminFigures(db: Db, today: string): HomeFigure[] {
  const activeUsers = n(db.select({ n: count() }).from(users).where(sql`${users.disabledAt} is null`).get());
  const disabledUsers = n(db.select({ n: count() }).from(users).where(sql`${users.disabledAt} is not null`).get());
  const agencyCount = n(db.select({ n: count() }).from(agencies).where(sql`${agencies.disabledAt} is null`).get());
  const areaCount = n(db.select({ n: count() }).from(areas).where(sql`${areas.disabledAt} is null`).get());
  const failedToday = n(
    db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'sign_in_failed'), gte(auditEvents.at, startOfLondonDay(today).toISOString()))).get(),
  );
  return [
    figure('users_active', 'Active users', activeUsers),
    figure('users_disabled', 'Disabled users', disabledUsers),
    figure('agencies', 'Agencies', agencyCount),
    figure('areas', 'MARAC areas', areaCount),
    figure('sign_in_failures_today', 'Failed sign-ins today', failedToday),
  ];
}

export function homeSummary(db: Db, user: SessionUser, today: string): HomeSummary {
  if (user.role === 'agency_representative') {
    const invited = db
      .selectDistinct({ id: meetingInvitations.meetingId })
      .from(meetingInvitations)
      .innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
      .where(and(eq(meetingInvitations.agencyId, user.agencyId ?? ''), gte(meetings.date, today)))
      .all()
      .map((r) => r.id);
    return { role: user.role, figures: agencyFigures(db, user, today), upcomingMeetings: upcomingMeetings(db, user, today, invited) };
  }
  const figures = user.role === 'administrator' ? adminFigures(db, today) : areaFigures(db, user, today);
  return { role: user.role, figures, upcomingMeetings: upcomingMeetings(db, user, today, null) };
}
