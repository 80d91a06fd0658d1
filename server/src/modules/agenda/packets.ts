/**
 * Research packets: what each invited agency receives for each case. An agency representative sees
 * the packets of the cases their agency has a research task for, and none of a case whose referral
 * names them (by e-mail) as someone it is not safe to contact. Coordinators and chairs of the area
 * see every packet.
 */

import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { ResearchPacket } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, agendaItems, areas, cases, referrals, research, unsafeContacts, type meetings } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { flagTags, referralFlags } from '../history/flags';
import { screensArea } from '../referrals/access';
import { subjectsOf } from '../referrals/repository';

type MeetingRow = typeof meetings.$inferSelect;

const itemsOf = (db: Db, meetingId: string) =>
  db
    .select({ caseId: agendaItems.caseId, referralId: agendaItems.referralId, position: agendaItems.position, slotStart: agendaItems.slotStart, caseReference: cases.reference })
    .from(agendaItems)
    .innerJoin(cases, eq(cases.id, agendaItems.caseId))
    .where(and(eq(agendaItems.meetingId, meetingId), ne(agendaItems.status, 'removed')))
    .orderBy(asc(agendaItems.position))
    .all();

/** The agenda items whose packets this user may read. */
export function packetItems(db: Db, user: SessionUser, meeting: MeetingRow) {
  const items = itemsOf(db, meeting.id);
  if (screensArea(user, meeting.areaId)) return items;
  if (user.role !== 'agency_representative' || !user.agencyId) return [];
  const tasked = new Set(
    db
      .select({ caseId: research.caseId })
      .from(research)
      .where(and(eq(research.meetingId, meeting.id), eq(research.agencyId, user.agencyId)))
      .all()
      .map((r) => r.caseId),
  );
  const referralIds = items.map((i) => i.referralId);
  const unsafeFor = new Set(
    referralIds.length
      ? db
          .select({ referralId: unsafeContacts.referralId, email: unsafeContacts.email })
          .from(unsafeContacts)
          .where(inArray(unsafeContacts.referralId, referralIds))
          .all()
          .filter((c) => c.email !== null && c.email.trim().toLowerCase() === user.email.toLowerCase())
          .map((c) => c.referralId)
      : [],
  );
  return items.filter((i) => tasked.has(i.caseId) && !unsafeFor.has(i.referralId));
}

export function researchPacket(db: Db, user: SessionUser, meeting: MeetingRow, caseId: string, today: string): ResearchPacket {
  const item = packetItems(db, user, meeting).find((i) => i.caseId === caseId);
  if (!item) throw notFound('research packet');
  const referral = db.select().from(referrals).where(eq(referrals.id, item.referralId)).get();
  if (!referral) throw notFound('research packet');
  const subjects = subjectsOf(db, referral.id);
  const area = db.select({ name: areas.name }).from(areas).where(eq(areas.id, meeting.areaId)).get();
  const agency = db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, referral.referringAgencyId)).get();
  const victimAddress = subjects.find((s) => s.role === 'victim')?.address ?? null;
  const addressText = (a: typeof victimAddress) => (a ? [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ') : null);
  return {
    meetingId: meeting.id,
    meetingDate: meeting.date,
    areaName: area?.name ?? '',
    caseId,
    caseReference: item.caseReference,
    position: item.position,
    slotStart: item.slotStart,
    referringAgencyName: agency?.name ?? '',
    researchDeadline: meeting.researchDeadline,
    flags: flagTags(referralFlags(db, user, referral, subjects, today, { forPacket: true })),
    people: subjects.map((s) => ({
      role: s.role,
      name: `${s.givenName} ${s.familyName}`,
      otherNames: s.aliases.map((a) => `${a.givenName} ${a.familyName}`),
      datesOfBirth: s.datesOfBirth,
      // Children live with the victim unless the referral gives their own address.
      address: addressText(s.address ?? (s.role === 'child' ? victimAddress : null)),
    })),
  };
}
