/**
 * A case as the meeting sees it. What other agencies shared becomes visible only once the meeting is
 * under way and the chair has opened the case; everyone must have signed the confidentiality statement;
 * a representative sees only the cases their agency is invited for.
 */

import { and, asc, desc, eq, lt, ne } from 'drizzle-orm';
import { REFERRAL_CRITERION_LABELS, type MeetingCaseView } from '@marac/shared';
import type { Db } from '../../db/client';
import { actions, agencies, agendaItems, cases, meetingEvents, meetings, people, referrals, research } from '../../db/schema';
import { conflict, forbidden, notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { packetItems } from '../agenda/packets';
import { hasSigned } from '../attendance/repository';
import { referralFlags } from '../history/flags';
import { screensArea } from '../referrals/access';
import { subjectsOf } from '../referrals/repository';

type MeetingRow = typeof meetings.$inferSelect;

export function meetingCaseView(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string, today: string): MeetingCaseView {
  if (meeting.status !== 'in_progress') throw conflict('Cases are shown at the meeting while it is under way');
  if (!hasSigned(db, meeting.id, user.id)) throw forbidden('Sign the confidentiality statement for this meeting before any case is shown');
  const item = db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed'))).get();
  if (!item) throw notFound('case on this agenda');
  const staff = screensArea(user, meeting.areaId);
  if (!staff) {
    const mine = packetItems(db, user, meeting).some((i) => i.caseId === item.caseId);
    if (!mine) throw notFound('case on this agenda');
    const opened = db
      .select({ seq: meetingEvents.seq })
      .from(meetingEvents)
      .where(and(eq(meetingEvents.meetingId, meeting.id), eq(meetingEvents.caseId, item.caseId), eq(meetingEvents.kind, 'case_opened')))
      .get();
    if (!opened) throw conflict('The chair has not opened this case yet');
  }

  const referral = db.select().from(referrals).where(eq(referrals.id, item.referralId)).get();
  const held = db.select({ reference: cases.reference, givenName: people.givenName, familyName: people.familyName }).from(cases).innerJoin(people, eq(people.id, cases.victimPersonId)).where(eq(cases.id, item.caseId)).get();
  if (!referral || !held) throw notFound('case on this agenda');
  const referringAgency = db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, referral.referringAgencyId)).get();
  const earlierHearings = db
    .select({ date: meetings.date, outcome: agendaItems.outcome })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, item.caseId), eq(agendaItems.status, 'heard'), lt(meetings.date, meeting.date)))
    .orderBy(desc(meetings.date))
    .all();
  const allActions = db
    .select({ id: actions.id, meetingId: actions.meetingId, agencyName: agencies.name, action: actions })
    .from(actions)
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .where(eq(actions.caseId, item.caseId))
    .orderBy(asc(actions.dueDate))
    .all();
  const shared = db
    .select({ agencyName: agencies.name, row: research })
    .from(research)
    .innerJoin(agencies, eq(agencies.id, research.agencyId))
    .where(and(eq(research.meetingId, meeting.id), eq(research.caseId, item.caseId)))
    .orderBy(asc(agencies.name))
    .all();
  return {
    itemId: item.id,
    caseId: item.caseId,
    caseReference: held.reference,
    position: item.position,
    slotStart: item.slotStart,
    victimName: `${held.givenName} ${held.familyName}`,
    referral: {
      reference: referral.reference,
      referringAgencyName: referringAgency?.name ?? '',
      referralDate: referral.referralDate,
      dashScore: referral.dashScore,
      criteriaMet: referral.criteriaMet.map((c) => REFERRAL_CRITERION_LABELS[c]),
      recentIncident: referral.narrative.recentIncident ?? null,
    },
    flags: referralFlags(db, user, referral, subjectsOf(db, referral.id), today, { forPacket: !staff }).map((f) => ({ kind: f.kind, label: f.label, detail: staff ? f.detail : '' })),
    earlierHearings,
    earlierActions: allActions
      .filter((a) => a.meetingId !== meeting.id)
      .map(({ agencyName, action }) => ({ agencyName, description: action.description, dueDate: action.dueDate, status: action.status })),
    shared: shared.map(({ agencyName, row }) => ({
      agencyName,
      status: row.status,
      knownToAgency: row.knownToAgency,
      facts: row.status === 'submitted' || row.status === 'not_known' ? row.facts : null,
      opinion: row.status === 'submitted' || row.status === 'not_known' ? row.opinion : null,
      risksIdentified: row.status === 'submitted' ? row.risksIdentified : null,
      protectiveFactors: row.status === 'submitted' ? row.protectiveFactors : null,
    })),
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
