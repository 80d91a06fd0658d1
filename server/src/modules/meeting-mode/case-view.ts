/**
 * A case as the meeting sees it. What other agencies shared becomes visible only once the meeting is
 * under way and the chair has opened the case; everyone must have signed the confidentiality statement;
 * a representative sees only the cases the disclosure policy gives their agency at this meeting. The
 * facts are those the meeting had: flags as they stood when it started, hearings and actions from
 * before it.
 */

import { and, asc, desc, eq, inArray, isNull, lt, ne } from 'drizzle-orm';
import { REFERRAL_CRITERION_LABELS, type MeetingCaseView } from '@marac/shared';
import type { Db } from '../../db/client';
import { actions, agencies, agendaItems, meetingEvents, meetings, people, research } from '../../db/schema';
import { conflict, forbidden, notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { caseFlagsNow, listedReferrals } from '../agenda/read';
import { hasSigned } from '../attendance/repository';
import { requireCase } from '../cases/policy';

type MeetingRow = typeof meetings.$inferSelect;

export function meetingCaseView(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string, today: string): MeetingCaseView {
  if (meeting.status !== 'in_progress') throw conflict('Cases are shown at the meeting while it is under way');
  if (!hasSigned(db, meeting.id, user.id)) throw forbidden('Sign the confidentiality statement for this meeting before any case is shown');
  const item = db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed'))).get();
  if (!item) throw notFound('case on this agenda');
  const grant = requireCase(db, user, item.caseId, { atMeeting: meeting.id }, 'case on this agenda');
  const staff = grant.level === 'staff';
  if (!staff) {
    const opened = db
      .select({ seq: meetingEvents.seq })
      .from(meetingEvents)
      .where(and(eq(meetingEvents.meetingId, meeting.id), eq(meetingEvents.caseId, item.caseId), eq(meetingEvents.kind, 'case_opened')))
      .get();
    if (!opened) throw conflict('The chair has not opened this case yet');
  }

  const referrals = listedReferrals(db, [item.id]).get(item.id) ?? [];
  const victim = db.select({ givenName: people.givenName, familyName: people.familyName }).from(people).where(eq(people.id, grant.case.victimPersonId)).get();
  const agencyIds = [...new Set(referrals.map((r) => r.referringAgencyId))];
  const agencyNames = new Map(agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)).all().map((a) => [a.id, a.name]) : []);
  const earlierHearings = db
    .select({ date: meetings.date, outcome: agendaItems.outcome })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, item.caseId), eq(agendaItems.status, 'heard'), lt(meetings.date, meeting.date)))
    .orderBy(desc(meetings.date))
    .all();
  const allActions = db
    .select({ id: actions.id, meetingId: actions.meetingId, meetingDate: meetings.date, agencyName: agencies.name, action: actions })
    .from(actions)
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(eq(actions.caseId, item.caseId))
    .orderBy(asc(actions.dueDate))
    .all();
  // Research withdrawn from an agency a bar came to name is no longer part of the meeting.
  const shared = db
    .select({ agencyName: agencies.name, row: research })
    .from(research)
    .innerJoin(agencies, eq(agencies.id, research.agencyId))
    .where(and(eq(research.meetingId, meeting.id), eq(research.caseId, item.caseId), isNull(research.withdrawnAt)))
    .orderBy(asc(agencies.name))
    .all();
  const shown = (row: typeof research.$inferSelect) => row.status === 'submitted' || row.status === 'not_known';
  const flags = item.frozenFlags ?? caseFlagsNow(db, user, referrals, today, { forPacket: true }).map(({ kind, label, detail }) => ({ kind, label, detail }));
  return {
    itemId: item.id,
    caseId: item.caseId,
    caseReference: grant.case.reference,
    position: item.position,
    slotStart: item.slotStart,
    victimName: victim ? `${victim.givenName} ${victim.familyName}` : '',
    referrals: referrals.map((r) => ({
      reference: r.reference,
      referringAgencyName: agencyNames.get(r.referringAgencyId) ?? '',
      referralDate: r.referralDate,
      dashScore: r.dashScore,
      criteriaMet: r.criteriaMet.map((c) => REFERRAL_CRITERION_LABELS[c]),
      recentIncident: r.narrative.recentIncident ?? null,
    })),
    flags: flags.map((f) => ({ kind: f.kind, label: f.label, detail: staff ? f.detail : '' })),
    earlierHearings,
    // What the meeting knew: actions agreed at earlier meetings, never one agreed later.
    earlierActions: allActions
      .filter((a) => a.meetingId !== meeting.id && a.meetingDate < meeting.date)
      .map(({ agencyName, action }) => ({ agencyName, description: action.description, dueDate: action.dueDate, status: action.status })),
    shared: shared.map(({ agencyName, row }) => ({
      agencyName,
      status: row.status,
      knownToAgency: row.knownToAgency,
      facts: shown(row) ? row.facts : null,
      opinion: shown(row) ? row.opinion : null,
      risksIdentified: row.status === 'submitted' ? row.risksIdentified : null,
      protectiveFactors: row.status === 'submitted' ? row.protectiveFactors : null,
    })),
    heldBack: staff ? shared.filter(({ row }) => shown(row) && row.withheld).map(({ agencyName, row }) => ({ agencyName, withheld: row.withheld as string, reason: row.withheldReason })) : null,
    record: {
      revision: item.revision,
      riskAnalysis: item.riskAnalysis,
      outcome: item.outcome,
      actions: allActions
        .filter((a) => a.meetingId === meeting.id)
        .map(({ id, agencyName, action }) => ({ id, agencyName, ownerName: action.ownerName, description: action.description, linkedRisk: action.linkedRisk, category: action.category, dueDate: action.dueDate })),
    },
  };
}
