/**
 * Publishing an agenda: a numbered, frozen copy of what is circulated, a research task for each
 * invited agency per case, and a notice to each agency's secure mailbox. Notices carry a link and
 * counts, never anything about the people on the agenda.
 */

import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { longDate } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, agendaVersions, areas, cases, meetingInvitations, meetings, research, unsafeContacts } from '../../db/schema';
import { conflict, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { signedAgencyIds } from '../admin/protocol/signatories';
import type { SessionUser } from '../auth/session-store';
import { queueNotice } from '../mail/outbox';
import { AGENDA_EDITABLE } from './generate';

type MeetingRow = typeof meetings.$inferSelect;

export interface PublishResult {
  version: number;
  researchTasks: number;
  /** Agencies that will not receive a case because the referral names them as unsafe to contact. */
  withheld: { caseId: string; agencyId: string }[];
  notices: number;
}

/**
 * The agencies that may research each case: the meeting's standing invitations and those added for
 * the case, less any agency the referral names among the people it is not safe to contact.
 */
export function researchingAgencies(db: Db, meetingId: string, items: { caseId: string; referralId: string }[]) {
  const invitations = db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).all();
  const referralIds = items.map((i) => i.referralId);
  const barred = referralIds.length
    ? db
        .select({ referralId: unsafeContacts.referralId, agencyId: unsafeContacts.agencyId })
        .from(unsafeContacts)
        .where(inArray(unsafeContacts.referralId, referralIds))
        .all()
    : [];
  return items.map((item) => {
    const invited = new Set(invitations.filter((i) => i.caseId === null || i.caseId === item.caseId).map((i) => i.agencyId));
    const withheld = new Set(barred.filter((b) => b.referralId === item.referralId && b.agencyId).map((b) => b.agencyId as string));
    return { ...item, agencyIds: [...invited].filter((a) => !withheld.has(a)), withheldAgencyIds: [...invited].filter((a) => withheld.has(a)) };
  });
}

export function publishAgenda(db: Db, user: SessionUser, meeting: MeetingRow, now: Date, publicUrl: string): PublishResult {
  if (!AGENDA_EDITABLE.includes(meeting.status)) throw conflict('This meeting has started or finished: its agenda can no longer be published');
  const items = db
    .select({ id: agendaItems.id, position: agendaItems.position, slotStart: agendaItems.slotStart, caseId: agendaItems.caseId, referralId: agendaItems.referralId, caseReference: cases.reference })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(and(eq(agendaItems.meetingId, meeting.id), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();
  if (items.length === 0) throw invalid([{ field: 'agenda', message: 'Add at least one case before publishing the agenda' }]);

  const at = now.toISOString();
  const version = meeting.agendaVersion + 1;
  db.insert(agendaVersions)
    .values({
      id: newId(),
      meetingId: meeting.id,
      version,
      publishedAt: at,
      publishedBy: user.id,
      content: { date: meeting.date, startTime: meeting.startTime, items: items.map((i) => ({ position: i.position, slotStart: i.slotStart, caseReference: i.caseReference })) },
    })
    .run();
  db.update(meetings).set({ status: 'agenda_published', agendaVersion: version }).where(eq(meetings.id, meeting.id)).run();

  let researchTasks = 0;
  const withheld: PublishResult['withheld'] = [];
  const casesPerAgency = new Map<string, number>();
  // An agency invited before it withdrew from the area's protocol keeps what it was already sent, but
  // a publication after the withdrawal sends it nothing more.
  const signed = signedAgencyIds(db, meeting.areaId);
  for (const item of researchingAgencies(db, meeting.id, items)) {
    for (const agencyId of item.withheldAgencyIds) withheld.push({ caseId: item.caseId, agencyId });
    for (const agencyId of item.agencyIds.filter((id) => signed.has(id))) {
      casesPerAgency.set(agencyId, (casesPerAgency.get(agencyId) ?? 0) + 1);
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
        })
        .onConflictDoNothing()
        .run();
      researchTasks += created.changes;
    }
  }

  const area = db.select({ name: areas.name }).from(areas).where(eq(areas.id, meeting.areaId)).get();
  const mailboxes = casesPerAgency.size
    ? db
        .select({ id: agencies.id, email: agencies.secureEmail })
        .from(agencies)
        .where(and(inArray(agencies.id, [...casesPerAgency.keys()]), isNull(agencies.disabledAt), isNotNull(agencies.secureEmail)))
        .all()
        .filter((a): a is { id: string; email: string } => a.email !== null)
    : [];
  const link = `${publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}`;
  for (const mailbox of mailboxes) {
    const n = casesPerAgency.get(mailbox.id) ?? 0;
    queueNotice(
      db,
      {
        recipient: mailbox.email,
        subject: `MARAC agenda ${version > 1 ? 'updated' : 'published'}: ${area?.name ?? 'MARAC'}, ${longDate(meeting.date)}`,
        body: [
          `The agenda for the ${area?.name ?? ''} MARAC on ${longDate(meeting.date)} at ${meeting.startTime} has been ${version > 1 ? `changed (version ${version})` : 'published'}.`,
          `Your agency has ${n} ${n === 1 ? 'case' : 'cases'} to research by ${longDate(meeting.researchDeadline)}.`,
          `Sign in to read it: ${link}`,
        ].join('\n\n'),
        dedupeKey: `agenda:${meeting.id}:v${version}:${mailbox.id}`,
      },
      now,
    );
  }
  return { version, researchTasks, withheld, notices: mailboxes.length };
}
