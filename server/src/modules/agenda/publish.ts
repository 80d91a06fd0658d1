/**
 * Publishing an agenda: a numbered, frozen copy of what is circulated (the agenda and each case's
 * research packet as sent), a research task for each invited agency per case, and a notice to each
 * agency's secure mailbox. An agency a bar on the case names is given nothing for it. Notices carry a
 * link and counts, never anything about the people on the agenda.
 */

import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { longDate } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, agendaVersions, cases, meetingInvitations, meetings, referrals, research } from '../../db/schema';
import { conflict, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { signedAgencyIds } from '../admin/protocol/signatories';
import type { SessionUser } from '../auth/session-store';
import { barredCases, mayReceive } from '../cases/policy';
import { queueNotice } from '../mail/outbox';
import { claimVersion } from '../../db/versions';
import { AGENDA_EDITABLE, referralsOfItem } from './generate';
import { freezePackets } from './packets';
import { areaNameOf } from '../../db/names';

type MeetingRow = typeof meetings.$inferSelect;

export interface PublishResult {
  version: number;
  researchTasks: number;
  /** Invited agencies not sent a case because a bar on the case names them. */
  withheld: { caseId: string; agencyId: string }[];
  notices: number;
}

/**
 * The agencies that may research each case: the meeting's standing invitations and those added for
 * the case, less any agency a bar on the case names.
 */
export function researchingAgencies(db: Db, meetingId: string, caseIds: string[]) {
  const invitations = db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).all();
  return caseIds.map((caseId) => {
    const invited = [...new Set(invitations.filter((i) => i.caseId === null || i.caseId === caseId).map((i) => i.agencyId))];
    const barred = new Set(invited.filter((agencyId) => barredCases(db, { agencyId, email: null }, [caseId]).size > 0));
    return { caseId, agencyIds: invited.filter((a) => !barred.has(a)), withheldAgencyIds: [...barred] };
  });
}

/** Publishes the agenda the coordinator was shown: `from` is the version of the meeting they started from. */
export function publishAgenda(db: Db, user: SessionUser, meeting: MeetingRow, from: number, now: Date, today: string, publicUrl: string): PublishResult {
  claimVersion(db, meetings, meeting.id, from, 'this meeting’s agenda');
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its agenda can no longer be published');
  const items = db
    .select({ id: agendaItems.id, position: agendaItems.position, slotStart: agendaItems.slotStart, caseId: agendaItems.caseId, caseReference: cases.reference })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();
  if (items.length === 0) throw invalid([{ field: 'agenda', message: 'Add at least one case before publishing the agenda' }]);

  const at = now.toISOString();
  const version = meeting.agendaVersion + 1;
  const listed = (itemId: string) => {
    const ids = referralsOfItem(db, itemId);
    return ids.length ? db.select({ reference: referrals.reference }).from(referrals).where(inArray(referrals.id, ids)).orderBy(asc(referrals.referralDate)).all().map((r) => r.reference) : [];
  };
  db.insert(agendaVersions)
    .values({
      id: newId(),
      meetingId: meeting.id,
      version,
      publishedAt: at,
      publishedBy: user.id,
      content: {
        date: meeting.date,
        startTime: meeting.startTime,
        items: items.map((i) => ({ position: i.position, slotStart: i.slotStart, caseReference: i.caseReference, referrals: listed(i.id) })),
      },
    })
    .run();
  db.update(meetings).set({ status: 'agenda_published', agendaVersion: version }).where(eq(meetings.id, meeting.id)).run();
  freezePackets(db, user, meeting, version, items, today, at);

  let researchTasks = 0;
  const withheld: PublishResult['withheld'] = [];
  const casesPerAgency = new Map<string, string[]>();
  // An agency invited before it withdrew from the area's protocol keeps what it was already sent, but
  // a publication after the withdrawal sends it nothing more.
  const signed = signedAgencyIds(db, meeting.areaId);
  for (const item of researchingAgencies(
    db,
    meeting.id,
    items.map((i) => i.caseId),
  )) {
    for (const agencyId of item.withheldAgencyIds) withheld.push({ caseId: item.caseId, agencyId });
    for (const agencyId of item.agencyIds.filter((id) => signed.has(id))) {
      const created = db
        .insert(research)
        .values({
          id: newId(),
          meetingId: meeting.id,
          caseId: item.caseId,
          agencyId,
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
          updatedAt: at,
          withdrawnAt: null,
          withdrawnBarId: null,
        })
        .onConflictDoNothing()
        .run();
      researchTasks += created.changes;
      const task = db.select({ withdrawnAt: research.withdrawnAt }).from(research).where(and(eq(research.meetingId, meeting.id), eq(research.caseId, item.caseId), eq(research.agencyId, agencyId))).get();
      if (!task?.withdrawnAt) casesPerAgency.set(agencyId, [...(casesPerAgency.get(agencyId) ?? []), item.caseId]);
    }
  }

  const areaName = areaNameOf(db, meeting.areaId);
  const mailboxes = casesPerAgency.size
    ? db
        .select({ id: agencies.id, email: agencies.secureEmail })
        .from(agencies)
        .where(and(inArray(agencies.id, [...casesPerAgency.keys()]), isNull(agencies.disabledAt), isNotNull(agencies.secureEmail)))
        .all()
        .filter((a): a is { id: string; email: string } => a.email !== null)
    : [];
  const link = `${publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}`;
  let notices = 0;
  for (const mailbox of mailboxes) {
    const caseIds = casesPerAgency.get(mailbox.id) ?? [];
    // A mailbox whose address a bar names is told nothing: what it would count includes a case barred to it.
    if (!mayReceive(db, { agencyId: mailbox.id, email: mailbox.email }, caseIds)) continue;
    const n = caseIds.length;
    queueNotice(
      db,
      {
        recipient: mailbox.email,
        subject: `MARAC agenda ${version > 1 ? 'updated' : 'published'}: ${areaName ?? 'MARAC'}, ${longDate(meeting.date)}`,
        body: [
          `The agenda for the ${areaName ?? ''} MARAC on ${longDate(meeting.date)} at ${meeting.startTime} has been ${version > 1 ? `changed (version ${version})` : 'published'}.`,
          `Your agency has ${n} ${n === 1 ? 'case' : 'cases'} to research by ${longDate(meeting.researchDeadline)}.`,
          `Sign in to read it: ${link}`,
        ].join('\n\n'),
        dedupeKey: `agenda:${meeting.id}:v${version}:${mailbox.id}`,
        caseIds,
      },
      now,
    );
    notices += 1;
  }
  return { version, researchTasks, withheld, notices };
}
