import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, addDays, compareIsoDates, type Agenda, type AgendaBarredAgency, type AgendaEntry, type AgendaReview, type FlagTag } from '@marac/shared';
import type { Db } from '../../db/client';
import {
  actionReviews,
  actions,
  agencies,
  agendaItemReferrals,
  agendaItems,
  areas,
  caseBars,
  cases,
  meetingInvitations,
  meetings,
  people,
  referralSubjects,
  referrals,
  research,
} from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import { barSources, becauseOf } from '../cases/bars';
import { grantCases, partyOf, type Party } from '../cases/policy';
import { flagTags, referralFlags } from '../history/flags';
import { windowsLapsingBetween } from '../history/windows';
import { meetingSummary } from '../meetings/calendar';
import { subjectsOf } from '../referrals/repository';
import { AGENDA_EDITABLE } from './generate';

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** With no earlier meeting in the area, lapsed windows are looked for over this many days. */
const FIRST_MEETING_LOOKBACK_DAYS = 28;

/** The flags of the case as its listed referrals raise them now, for this viewer. */
export function caseFlagsNow(db: Db, viewer: SessionUser, listed: ReferralRow[], today: string, options: { forPacket?: boolean } = {}) {
  return listed.flatMap((r) => referralFlags(db, viewer, r, subjectsOf(db, r.id), today, options));
}

/** The referrals each entry lists, oldest first. */
export function listedReferrals(db: Db, itemIds: readonly string[]): Map<string, ReferralRow[]> {
  const byItem = new Map<string, ReferralRow[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length === 0) return byItem;
  for (const row of db
    .select({ itemId: agendaItemReferrals.itemId, referral: referrals })
    .from(agendaItemReferrals)
    .innerJoin(referrals, eq(referrals.id, agendaItemReferrals.referralId))
    .where(inArray(agendaItemReferrals.itemId, [...itemIds]))
    .orderBy(asc(referrals.referralDate), asc(referrals.createdAt))
    .all()) {
    byItem.get(row.itemId)?.push(row.referral);
  }
  return byItem;
}

/**
 * Agencies invited to the meeting (as a whole or for the case) that a bar on the case names, and those
 * whose research for it here was withdrawn when the bar came: the agenda says who and why.
 */
function barredAgencies(db: Db, meeting: MeetingRow, caseIds: string[], reader: Party): Map<string, AgendaBarredAgency[]> {
  const byCase = new Map<string, AgendaBarredAgency[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const bars = db
    .select({ bar: caseBars, agencyName: agencies.name })
    .from(caseBars)
    .innerJoin(agencies, eq(agencies.id, caseBars.agencyId))
    .where(and(inArray(caseBars.caseId, caseIds), isNull(caseBars.liftedAt), isNotNull(caseBars.agencyId)))
    .orderBy(asc(caseBars.recordedAt))
    .all();
  const invited = db.select({ agencyId: meetingInvitations.agencyId, caseId: meetingInvitations.caseId }).from(meetingInvitations).where(eq(meetingInvitations.meetingId, meeting.id)).all();
  const withdrawn = db
    .select({ caseId: research.caseId, agencyId: research.agencyId, at: research.withdrawnAt })
    .from(research)
    .where(and(eq(research.meetingId, meeting.id), inArray(research.caseId, caseIds), isNotNull(research.withdrawnAt)))
    .all();
  const sources = barSources(
    db,
    bars.map((b) => b.bar),
    meeting.areaId,
    reader,
  );
  for (const { bar, agencyName } of bars) {
    const agencyId = bar.agencyId as string;
    const list = byCase.get(bar.caseId) ?? [];
    if (list.some((b) => b.agencyId === agencyId)) continue;
    const task = withdrawn.find((w) => w.caseId === bar.caseId && w.agencyId === agencyId);
    const wasInvited = invited.some((i) => i.agencyId === agencyId && (i.caseId === null || i.caseId === bar.caseId));
    if (!task && !wasInvited) continue;
    list.push({
      agencyId,
      agencyName,
      withdrawnAt: task?.at ?? null,
      because: capitalise(becauseOf(sources.get(bar.id), 'it')),
    });
    byCase.set(bar.caseId, list);
  }
  return byCase;
}

function entries(db: Db, viewer: SessionUser, meeting: MeetingRow, rows: (ItemRow & { caseReference: string; givenName: string; familyName: string; transferredFrom: string | null })[], today: string): AgendaEntry[] {
  const listed = listedReferrals(
    db,
    rows.map((r) => r.id),
  );
  const allReferralIds = [...listed.values()].flat().map((r) => r.id);
  const shared = allReferralIds.length
    ? db
        .select({ referralId: referralSubjects.referralId, personId: referralSubjects.personId, role: referralSubjects.role })
        .from(referralSubjects)
        .where(inArray(referralSubjects.referralId, allReferralIds))
        .all()
        .filter((s) => s.personId !== null && s.role !== 'victim')
    : [];
  const itemOfReferral = new Map([...listed].flatMap(([itemId, refs]) => refs.map((r) => [r.id, itemId] as const)));
  const personsOf = (itemId: string) => new Set(shared.filter((s) => itemOfReferral.get(s.referralId) === itemId).map((s) => s.personId));
  const barred = barredAgencies(
    db,
    meeting,
    rows.map((r) => r.caseId),
    partyOf(viewer),
  );
  return rows.map((r) => {
    const refs = listed.get(r.id) ?? [];
    const mine = personsOf(r.id);
    const linked = rows.filter((o) => o.id !== r.id && [...personsOf(o.id)].some((p) => mine.has(p))).map((o) => o.id);
    const now: FlagTag[] = flagTags(caseFlagsNow(db, viewer, refs, today));
    const frozen = r.frozenFlags ? r.frozenFlags.map(({ kind, label }) => ({ kind, label })) : null;
    return {
      id: r.id,
      position: r.position,
      slotStart: r.slotStart,
      pinned: r.pinned,
      manuallyPlaced: r.manuallyPlaced,
      status: r.status,
      removedReason: r.removedReason,
      caseId: r.caseId,
      caseReference: r.caseReference,
      referrals: refs.map((ref) => ({ id: ref.id, reference: ref.reference, referralDate: ref.referralDate, urgent: ref.urgent, status: ref.status === 'merged' ? ('merged' as const) : ('accepted' as const) })),
      referralDate: refs[0]?.referralDate ?? today,
      urgent: refs.some((ref) => ref.urgent),
      victimName: `${r.givenName} ${r.familyName}`,
      flags: frozen ?? now,
      flagsSince: frozen ? now.filter((f) => !frozen.some((g) => g.kind === f.kind)) : [],
      transferredFrom: r.transferredFrom,
      linkedItemIds: linked,
      barredAgencies: barred.get(r.caseId) ?? [],
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

/** The reviews of earlier actions this viewer may see: those of cases the policy lets them see. */
export function reviewsFor(db: Db, viewer: SessionUser, meeting: MeetingRow): AgendaReview[] {
  const reviews = actionsToReview(db, meeting);
  const granted = grantCases(
    db,
    viewer,
    reviews.map((r) => r.caseId),
    'staff',
  );
  return reviews.filter((r) => granted.has(r.caseId));
}

/** The meeting's agenda with everything the coordinator and chair review alongside the cases. */
export function agendaOf(db: Db, viewer: SessionUser, meeting: MeetingRow, today: string): Agenda {
  const rows = db
    .select({ item: agendaItems, caseReference: cases.reference, givenName: people.givenName, familyName: people.familyName, transferredFrom: areas.name })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .leftJoin(areas, eq(areas.id, agendaItems.transferredFromAreaId))
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position))
    .all()
    .map((r) => ({ ...r.item, caseReference: r.caseReference, givenName: r.givenName, familyName: r.familyName, transferredFrom: r.transferredFrom }));
  // A case a bar names the viewer on is counted, never shown.
  const granted = grantCases(
    db,
    viewer,
    rows.map((r) => r.caseId),
    'staff',
  );
  const visible = rows.filter((r) => granted.has(r.caseId));
  const all = entries(db, viewer, meeting, visible, today);
  const previous = db
    .select({ date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.areaId, meeting.areaId), lt(meetings.date, meeting.date)))
    .orderBy(desc(meetings.date))
    .limit(1)
    .get()?.date;
  const since = previous ? addDays(previous, 1) : addDays(meeting.date, -FIRST_MEETING_LOOKBACK_DAYS);
  return {
    meeting: meetingSummary(db, viewer, meeting),
    editable: AGENDA_EDITABLE.includes(meeting.status),
    items: all.filter((e) => e.status !== 'removed'),
    removed: all.filter((e) => e.status === 'removed'),
    reviews: reviewsFor(db, viewer, meeting),
    lapsedWindows: windowsLapsingBetween(db, viewer, [meeting.areaId], since, meeting.date, today),
    withheldCount: rows.filter((r) => !granted.has(r.caseId) && r.status !== 'removed').length,
  };
}
