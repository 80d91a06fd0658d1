/**
 * Identity matches for the people a referral names: who among the people already held, in any area,
 * may be the same person, and the coordinator's decisions on them.
 *
 * While the referral is screened its subjects are not held people yet, so a decision is kept per
 * subject (`subject_match_decisions`): confirming links the subject to the held person, and accepting
 * the referral then puts that person, not a new one, on the case. Once accepted every subject is a
 * held person, so a decision is about two held records (`identity_decisions`): confirmed, history is
 * read across both; rejected, the pair is never suggested again.
 */

import { and, eq, inArray, or } from 'drizzle-orm';
import type { MatchCandidate, MatchDecisionInput, ReferralMatches, SubjectMatches } from '@marac/shared';
import type { Db } from '../../db/client';
import { areas, casePeople, cases, identityDecisions, people, referralSubjects, subjectMatchDecisions } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { identityGroups } from '../history/identity';
import { findCandidates } from '../people/matching/find-candidates';
import { normalisePostcode } from '../people/matching/normalise';
import { connectionOf, loadPeople, type PersonRecord } from '../people/matching/records';
import { SUGGESTION_THRESHOLD, comparePrepared, prepareSubject, type MatchSubject } from '../people/matching/score';
import { admitListed, barredCases, partyOf, requireReferral, staffOf } from '../cases/policy';
import { subjectsOf, type ReferralRow } from './repository';

type SubjectRow = typeof referralSubjects.$inferSelect;
type Decision = 'confirmed' | 'rejected';

/** Matches are decided while the referral is in play: screened, or accepted and on a case. */
const DECIDABLE: readonly ReferralRow['status'][] = ['submitted', 'more_information_requested', 'accepted'];

/** Only a coordinator of the referral's area sees who it may match; anyone else is told it does not exist. */
export function referralForMatching(db: Db, user: SessionUser, referralId: string): ReferralRow {
  return requireReferral(db, user, referralId, 'screen');
}

const subjectQuery = (subject: SubjectRow): MatchSubject => ({
  givenName: subject.givenName,
  familyName: subject.familyName,
  otherNames: subject.aliases.map((a) => ({ ...a, kind: 'alias' as const })),
  datesOfBirth: subject.datesOfBirth,
  addresses: subject.address ? [{ line1: subject.address.line1, postcode: subject.address.postcode }] : [],
  phones: subject.phone ? [subject.phone] : [],
  gender: subject.gender,
});

/** Decisions already taken for each subject: per subject while screening, between held people after. */
function decisionsFor(db: Db, subjects: SubjectRow[], accepted: boolean): Map<string, Map<string, Decision>> {
  const bySubject = new Map<string, Map<string, Decision>>(subjects.map((s) => [s.id, new Map()]));
  const subjectIds = subjects.map((s) => s.id);
  for (const row of db.select().from(subjectMatchDecisions).where(inArray(subjectMatchDecisions.subjectId, subjectIds)).all()) {
    bySubject.get(row.subjectId)?.set(row.personId, row.decision);
  }
  if (accepted) {
    const personIds = subjects.flatMap((s) => (s.personId ? [s.personId] : []));
    if (personIds.length) {
      const rows = db
        .select()
        .from(identityDecisions)
        .where(or(inArray(identityDecisions.personId, personIds), inArray(identityDecisions.otherPersonId, personIds)))
        .all();
      for (const subject of subjects) {
        const own = bySubject.get(subject.id) as Map<string, Decision>;
        for (const row of rows) {
          if (row.personId === subject.personId) own.set(row.otherPersonId, row.decision);
          else if (row.otherPersonId === subject.personId) own.set(row.personId, row.decision);
        }
      }
    }
  }
  return bySubject;
}

interface HeldRole {
  personId: string;
  role: SubjectRow['role'];
  caseId: string;
  reference: string;
  areaId: string;
  areaName: string;
}

function rolesOf(db: Db, personIds: string[]): HeldRole[] {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: casePeople.personId, role: casePeople.role, caseId: cases.id, reference: cases.reference, areaId: areas.id, areaName: areas.name })
    .from(casePeople)
    .innerJoin(cases, eq(cases.id, casePeople.caseId))
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .where(inArray(casePeople.personId, personIds))
    .all();
}

const OPPOSITE: Partial<Record<SubjectRow['role'], { role: SubjectRow['role']; held: string; here: string }>> = {
  victim: { role: 'perpetrator', held: 'a perpetrator', here: 'the victim' },
  perpetrator: { role: 'victim', held: 'a victim', here: 'a perpetrator' },
};

const districtOf = (postcode: string) => normalisePostcode(postcode)?.district ?? null;

function candidateView(
  mayOpen: (held: HeldRole) => boolean,
  subject: SubjectRow,
  record: PersonRecord,
  match: { score: number | null; reasons: string[] },
  held: HeldRole[],
  decision: Decision | null,
): MatchCandidate {
  const counts = new Map<string, { role: SubjectRow['role']; areaName: string; caseIds: Set<string> }>();
  for (const h of held) {
    const key = `${h.role}|${h.areaName}`;
    const entry = counts.get(key) ?? { role: h.role, areaName: h.areaName, caseIds: new Set<string>() };
    entry.caseIds.add(h.caseId);
    counts.set(key, entry);
  }
  const visible = held.filter(mayOpen);
  const hiddenCases = new Set(held.filter((h) => !mayOpen(h)).map((h) => h.caseId));
  const opposite = OPPOSITE[subject.role];
  const conflicting = opposite ? new Set(held.filter((h) => h.role === opposite.role).map((h) => h.caseId)).size : 0;
  return {
    personId: record.id,
    score: match.score,
    reasons: match.reasons,
    displayName: `${record.givenName} ${record.familyName}`,
    otherNames: record.otherNames.map((n) => `${n.givenName} ${n.familyName}`),
    datesOfBirth: [...record.datesOfBirth].sort(),
    postcodeDistricts: [...new Set(record.addresses.flatMap((a) => (a.postcode ? [districtOf(a.postcode)] : [])).filter((d): d is string => d !== null))],
    roles: [...counts.values()].map((c) => ({ role: c.role, areaName: c.areaName, caseCount: c.caseIds.size })),
    visibleCases: visible.map((h) => ({ id: h.caseId, reference: h.reference, areaName: h.areaName, role: h.role })),
    hiddenCaseCount: hiddenCases.size,
    roleConflict:
      opposite && conflicting > 0
        ? `Held as ${opposite.held} in ${conflicting === 1 ? '1 case' : `${conflicting} cases`}; this referral names them as ${opposite.here}`
        : null,
    decision,
  };
}

/** Every subject of the referral with its suggested, confirmed and rejected people. */
export function referralMatches(db: Db, viewer: SessionUser, referral: ReferralRow): ReferralMatches {
  const subjects = subjectsOf(db, referral.id);
  const accepted = referral.status === 'accepted';
  const decided = decisionsFor(db, subjects, accepted);
  const groups = identityGroups(
    db,
    subjects.flatMap((s) => (s.personId ? [s.personId] : [])),
  );

  const perSubject = subjects.map((subject) => {
    const query = subjectQuery(subject);
    const own = decided.get(subject.id) as Map<string, Decision>;
    const group = subject.personId ? groups.get(subject.personId) : undefined;
    const sameGroup = group === undefined ? [] : [...groups].flatMap(([id, g]) => (g === group ? [id] : []));
    const suggested = findCandidates(db, { ...query, personId: subject.personId }, { excludePersonIds: [...sameGroup, ...own.keys()] });
    // A subject accepted as a new person is linked to its own record: that is not a match to show.
    const shown: { personId: string; score: number | null; reasons: string[]; decision: Decision | null }[] = [
      ...[...own].map(([personId, decision]) => ({ personId, score: null, reasons: [], decision })),
      ...suggested.map((c) => ({ personId: c.personId, score: c.score, reasons: c.reasons, decision: null })),
    ];
    return { subject, shown };
  });

  const suggestedIds = [...new Set(perSubject.flatMap((s) => s.shown.map((c) => c.personId)))];
  const heldAll = rolesOf(db, suggestedIds);
  // Someone held on a case a bar names the coordinator on is never shown to them, not even as a
  // suggestion: another coordinator of the area decides that match.
  const barred = barredCases(db, partyOf(viewer), heldAll.map((h) => h.caseId));
  const hidden = new Set(heldAll.filter((h) => barred.has(h.caseId)).map((h) => h.personId));
  const personIds = suggestedIds.filter((id) => !hidden.has(id));
  const records = loadPeople(connectionOf(db), personIds);
  const held = heldAll.filter((h) => !hidden.has(h.personId));
  // Cases are linked only where the coordinator may open them (their areas); the rest are counted.
  const mayOpen = (h: HeldRole) => staffOf(viewer, h.areaId);
  admitListed(viewer, held.filter(mayOpen).map((h) => h.caseId));
  const prepared = new Map<string, ReturnType<typeof prepareSubject>>();
  const preparedRecord = (record: PersonRecord) => {
    let p = prepared.get(record.id);
    if (!p) prepared.set(record.id, (p = prepareSubject(record)));
    return p;
  };

  const views: SubjectMatches[] = perSubject.map(({ subject, shown }) => {
    const query = prepareSubject(subjectQuery(subject));
    const candidates = shown.flatMap((c) => {
      const record = records.get(c.personId);
      if (!record) return [];
      // Decided people are scored again so the coordinator can still read why they were suggested; one
      // matching would not have suggested was linked by hand, and has no score.
      const rescored = c.score === null ? comparePrepared(query, preparedRecord(record)) : null;
      const match = rescored ? { score: rescored.score >= SUGGESTION_THRESHOLD ? rescored.score : null, reasons: rescored.reasons } : { score: c.score, reasons: c.reasons };
      return [candidateView(mayOpen, subject, record, match, held.filter((h) => h.personId === c.personId), c.decision)];
    });
    // Confirmed first, then suggestions best first, rejected last.
    const rank = (c: MatchCandidate) => (c.decision === 'confirmed' ? 0 : c.decision === null ? 1 : 2);
    candidates.sort((a, b) => rank(a) - rank(b) || (b.score ?? 0) - (a.score ?? 0));
    return {
      subjectId: subject.id,
      role: subject.role,
      displayName: `${subject.givenName} ${subject.familyName}`,
      linkedPersonId: subject.personId,
      linkFixed: accepted,
      candidates,
    };
  });
  return { referralId: referral.id, decidable: DECIDABLE.includes(referral.status), subjects: views };
}

export interface MatchDecisionOutcome {
  stage: 'screening' | 'held';
  decision: Decision;
}

function upsertSubjectDecision(db: Db, subjectId: string, personId: string, decision: Decision, user: SessionUser, at: string) {
  db.insert(subjectMatchDecisions)
    .values({ id: newId(), subjectId, personId, decision, decidedBy: user.id, decidedAt: at })
    .onConflictDoUpdate({ target: [subjectMatchDecisions.subjectId, subjectMatchDecisions.personId], set: { decision, decidedBy: user.id, decidedAt: at } })
    .run();
}

/** The decision already taken on a pair of held records, whichever order it was stored in. */
const pairDecision = (db: Db, personId: string, otherPersonId: string) =>
  db
    .select()
    .from(identityDecisions)
    .where(
      or(
        and(eq(identityDecisions.personId, personId), eq(identityDecisions.otherPersonId, otherPersonId)),
        and(eq(identityDecisions.personId, otherPersonId), eq(identityDecisions.otherPersonId, personId)),
      ),
    )
    .get();

/** Records that two held records are (or are not) the same person, whichever order the pair was first stored in. */
export function recordIdentityDecision(db: Db, personId: string, otherPersonId: string, decision: Decision, decidedBy: string, at: string): void {
  const existing = pairDecision(db, personId, otherPersonId);
  if (existing) db.update(identityDecisions).set({ decision, decidedBy, decidedAt: at }).where(eq(identityDecisions.id, existing.id)).run();
  else db.insert(identityDecisions).values({ id: newId(), personId, otherPersonId, decision, decidedBy, decidedAt: at }).run();
}

/** A coordinator's decision on one suggested person for one subject of the referral. */
export function decideMatch(db: Db, user: SessionUser, referral: ReferralRow, subjectId: string, input: MatchDecisionInput, now: Date): MatchDecisionOutcome {
  if (!DECIDABLE.includes(referral.status)) throw conflict('This referral was rejected or merged: its matches can no longer be decided');
  const subjects = subjectsOf(db, referral.id);
  const subject = subjects.find((s) => s.id === subjectId);
  if (!subject) throw notFound('person named in this referral');
  // A person held on a case barred to the coordinator reads as unknown, as they are never suggested to them.
  const heldOn = rolesOf(db, [input.personId]).map((h) => h.caseId);
  if (!db.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get() || barredCases(db, partyOf(user), heldOn).size > 0) {
    throw invalid([{ field: 'personId', message: 'Choose one of the people suggested' }]);
  }
  const at = now.toISOString();
  const decision: Decision = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  if (decision === 'confirmed') {
    // One person cannot be two of the people a referral names, whether linked to them or confirmed as them.
    const others = subjects.flatMap((s) => (s.id !== subject.id && s.personId ? [s.personId] : []));
    const groups = identityGroups(db, [input.personId, ...others]);
    if (others.some((other) => groups.get(other) === groups.get(input.personId))) {
      throw conflict('This person is already linked to someone else named in this referral', [{ field: 'personId', message: 'Already linked to someone else in this referral' }]);
    }
  }

  if (referral.status !== 'accepted') {
    if (decision === 'confirmed') {
      // Confirming someone else replaces the earlier link; the audit trail keeps what it was.
      if (subject.personId && subject.personId !== input.personId) {
        db.delete(subjectMatchDecisions).where(and(eq(subjectMatchDecisions.subjectId, subject.id), eq(subjectMatchDecisions.personId, subject.personId))).run();
      }
      db.update(referralSubjects).set({ personId: input.personId }).where(eq(referralSubjects.id, subject.id)).run();
    } else if (subject.personId === input.personId) {
      db.update(referralSubjects).set({ personId: null }).where(eq(referralSubjects.id, subject.id)).run();
    }
    upsertSubjectDecision(db, subject.id, input.personId, decision, user, at);
    return { stage: 'screening', decision };
  }

  // Accepted: the subject is a held person on the case, so this is about two held records.
  const own = subject.personId;
  if (!own) throw new Error('accepted referral subject without a person');
  if (own === input.personId) {
    throw conflict('The referral was accepted with this person: they are already linked', [{ field: 'personId', message: 'This is the person already linked' }]);
  }
  if (decision === 'rejected') {
    // This pair's own confirmation can be taken back; being the same person through other
    // confirmations cannot be undone from here.
    const confirmed = pairDecision(db, own, input.personId);
    const groups = identityGroups(db, [own, input.personId], confirmed?.decision === 'confirmed' ? { exceptDecisionId: confirmed.id } : {});
    if (groups.get(own) === groups.get(input.personId)) {
      throw conflict('These records are already confirmed as the same person', [{ field: 'personId', message: 'Already confirmed as the same person' }]);
    }
  }
  recordIdentityDecision(db, own, input.personId, decision, user.id, at);
  return { stage: 'held', decision };
}

/**
 * At acceptance every subject becomes a held person; the people the coordinator rejected for it
 * while screening become rejected pairs of held people, so they are not suggested again.
 */
export function carryScreeningRejections(db: Db, referralId: string): void {
  const subjects = subjectsOf(db, referralId);
  const ids = subjects.map((s) => s.id);
  if (ids.length === 0) return;
  const rejected = db
    .select()
    .from(subjectMatchDecisions)
    .where(and(inArray(subjectMatchDecisions.subjectId, ids), eq(subjectMatchDecisions.decision, 'rejected')))
    .all();
  for (const row of rejected) {
    const personId = subjects.find((s) => s.id === row.subjectId)?.personId;
    if (!personId || personId === row.personId || pairDecision(db, personId, row.personId)) continue;
    // Never overturns a confirmation between held people, direct or through others.
    const groups = identityGroups(db, [personId, row.personId]);
    if (groups.get(personId) !== groups.get(row.personId)) recordIdentityDecision(db, personId, row.personId, 'rejected', row.decidedBy, row.decidedAt);
  }
}
