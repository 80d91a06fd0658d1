import { and, desc, eq, inArray } from 'drizzle-orm';
import { maxDate } from '@marac/shared';
import type { Db } from '../../db/client';
import { casePeople, cases, people, personAddresses, personBirthDates, personNames, personPhones, referralSubjects } from '../../db/schema';
import { newId } from '../../lib/ids';
import { nextCaseReference } from './references';
import type { ReferralRow } from './repository';

type SubjectRow = typeof referralSubjects.$inferSelect;

/** A held person made from how a referral names them; returns the new person's id. */
function createPerson(db: Db, subject: SubjectRow, at: string): string {
  const personId = newId();
  db.insert(people).values({ id: personId, givenName: subject.givenName, familyName: subject.familyName, gender: subject.gender, createdAt: at, updatedAt: at }).run();
  if (subject.aliases.length) {
    db.insert(personNames).values(subject.aliases.map((a) => ({ id: newId(), personId, givenName: a.givenName, familyName: a.familyName, kind: 'alias' as const }))).run();
  }
  const births = [...new Set(subject.datesOfBirth)];
  if (births.length) db.insert(personBirthDates).values(births.map((dateOfBirth) => ({ personId, dateOfBirth }))).run();
  if (subject.address) {
    const { line1, line2, town, postcode } = subject.address;
    db.insert(personAddresses).values({ id: newId(), personId, line1, line2, town, postcode, current: true }).run();
  }
  if (subject.phone) db.insert(personPhones).values({ personId, phone: subject.phone }).run();
  return personId;
}

export interface CaseLink {
  caseId: string;
  caseCreated: boolean;
  createdPersonIds: string[];
}

/**
 * Accepting a referral makes its people held people and puts them on the victim's MARAC case in the
 * area. A subject already linked to a person (identity matching confirmed the match) keeps that
 * person. The victim's earlier case in the same area is continued, open or closed, because MARAC
 * counts a victim's history per area (the repeat window runs from its last referral date); otherwise
 * a new case is opened. Every person's role on the case is explicit, as one person may be a victim in
 * one case and a perpetrator in another.
 */
export function linkReferralToCase(db: Db, referral: ReferralRow, subjects: SubjectRow[], area: { id: string; code: string }, now: Date, today: string): CaseLink {
  const at = now.toISOString();
  const createdPersonIds: string[] = [];
  const linked = subjects.map((subject) => {
    if (subject.personId) return { subject, personId: subject.personId };
    const personId = createPerson(db, subject, at);
    createdPersonIds.push(personId);
    db.update(referralSubjects).set({ personId }).where(eq(referralSubjects.id, subject.id)).run();
    return { subject, personId };
  });
  const victim = linked.find((l) => l.subject.role === 'victim');
  if (!victim) throw new Error('referral has no victim subject');

  const earlier = db
    .select()
    .from(cases)
    .where(and(eq(cases.victimPersonId, victim.personId), eq(cases.areaId, area.id), inArray(cases.status, ['open', 'closed'])))
    .orderBy(desc(cases.lastReferralDate), desc(cases.openedAt))
    .limit(1)
    .get();
  let caseId: string;
  if (earlier) {
    caseId = earlier.id;
    // A referral entered late must not move the repeat window back.
    db.update(cases)
      .set({ status: 'open', closedAt: null, lastReferralDate: maxDate(earlier.lastReferralDate, referral.referralDate) })
      .where(eq(cases.id, caseId))
      .run();
  } else {
    caseId = newId();
    db.insert(cases)
      .values({
        id: caseId,
        reference: nextCaseReference(db, area.code, today),
        areaId: area.id,
        victimPersonId: victim.personId,
        status: 'open',
        openedAt: at,
        closedAt: null,
        lastReferralDate: referral.referralDate,
        lastHearingDate: null,
        transferredFromAreaId: null,
        transferredToAreaId: null,
      })
      .run();
  }

  const held = db.select().from(casePeople).where(eq(casePeople.caseId, caseId)).all();
  for (const { subject, personId } of linked) {
    const relationships = { relationshipToVictim: subject.relationshipToVictim, relationshipToPerpetrator: subject.relationshipToPerpetrator };
    const same = held.find((h) => h.personId === personId && h.role === subject.role);
    if (same) {
      // The newest referral describes the relationships as they are now; an unknown one keeps the old.
      db.update(casePeople)
        .set({
          relationshipToVictim: relationships.relationshipToVictim ?? same.relationshipToVictim,
          relationshipToPerpetrator: relationships.relationshipToPerpetrator ?? same.relationshipToPerpetrator,
        })
        .where(eq(casePeople.id, same.id))
        .run();
    } else {
      const link = { id: newId(), caseId, personId, role: subject.role, ...relationships, createdAt: at };
      db.insert(casePeople).values(link).run();
      held.push(link);
    }
  }
  return { caseId, caseCreated: !earlier, createdPersonIds };
}
