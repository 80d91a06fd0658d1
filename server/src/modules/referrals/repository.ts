import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  MY_DRAFTS_SHOWN,
  REFERRAL_HISTORY_LABELS,
  REFERRAL_STATUS_LABELS,
  type MyReferrals,
  type MyReferralsQuery,
  type ReferralDetail,
  type ReferralHistoryEntry,
  type ReferralSubject,
  type ReferralSubmission,
  type SubjectInput,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { agencyNameOf, areaNameOf } from '../../db/names';
import { asList, inList, prepared } from '../../db/prepared';
import { areas, auditEvents, cases, referralDrafts, referralSubjects, referrals, riskAssessments, screeningDecisions, subjectMatchDecisions, unsafeContacts, users } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { referralFlags } from '../history/flags';
import { findReferral, notBarred, partyOf, referralBarsParty, staffOf } from '../cases/policy';

export type ReferralRow = typeof referrals.$inferSelect;
type SubjectRow = typeof referralSubjects.$inferSelect;

const subjectsOfReferral = prepared((db) =>
  db.select().from(referralSubjects).where(eq(referralSubjects.referralId, sql.placeholder('referralId'))).orderBy(asc(referralSubjects.position)).prepare(),
);

export const subjectsOf = (db: Db, referralId: string): SubjectRow[] => subjectsOfReferral(db).all({ referralId });

const toSubject = (s: SubjectRow): ReferralSubject => ({
  id: s.id,
  role: s.role,
  givenName: s.givenName,
  familyName: s.familyName,
  aliases: s.aliases,
  datesOfBirth: s.datesOfBirth,
  gender: s.gender,
  address: s.address,
  phone: s.phone,
  relationshipToVictim: s.relationshipToVictim,
  relationshipToPerpetrator: s.relationshipToPerpetrator,
  school: s.school,
  personId: s.personId,
});

/** Names compared the way a person would read them, to tell whether a resubmitted subject is the same one. */
const sameName = (a: { givenName: string; familyName: string }, b: { givenName: string; familyName: string }) =>
  a.givenName.trim().toLowerCase() === b.givenName.trim().toLowerCase() && a.familyName.trim().toLowerCase() === b.familyName.trim().toLowerCase();

/**
 * Writes the people, checklist and unsafe contacts a submission carries, replacing what an earlier
 * submission of the same referral held. Subjects keep their ids by position; a link to a held person
 * (set by identity matching) survives only where the same role and name are still at that position,
 * because a link to the wrong person is worse than none.
 */
export function writeReferralContent(db: Db, referralId: string, submission: ReferralSubmission, score: number): void {
  const wanted: { role: SubjectRow['role']; input: SubjectInput }[] = [
    { role: 'victim', input: submission.victim },
    ...submission.perpetrators.map((input) => ({ role: 'perpetrator' as const, input })),
    ...submission.householdMembers.map(({ role, ...input }) => ({ role, input })),
  ];
  const existing = subjectsOf(db, referralId);
  wanted.forEach(({ role, input }, position) => {
    const fields = {
      role,
      givenName: input.givenName,
      familyName: input.familyName,
      aliases: input.aliases,
      datesOfBirth: [...new Set(input.datesOfBirth)],
      gender: input.gender,
      address: input.address,
      phone: input.phone,
      relationshipToVictim: role === 'victim' ? null : input.relationshipToVictim,
      relationshipToPerpetrator: input.relationshipToPerpetrator,
      school: input.school,
    };
    const before = existing[position];
    if (before) {
      const same = before.role === role && sameName(before, input);
      const keepPerson = same ? before.personId : null;
      // Match decisions were about the person named before; someone else now stands at this position.
      if (!same) db.delete(subjectMatchDecisions).where(eq(subjectMatchDecisions.subjectId, before.id)).run();
      db.update(referralSubjects).set({ ...fields, personId: keepPerson }).where(eq(referralSubjects.id, before.id)).run();
    } else {
      db.insert(referralSubjects).values({ id: newId(), referralId, position, ...fields, personId: null }).run();
    }
  });
  const surplus = existing.slice(wanted.length).map((s) => s.id);
  if (surplus.length) db.delete(subjectMatchDecisions).where(inArray(subjectMatchDecisions.subjectId, surplus)).run();
  if (surplus.length) db.delete(referralSubjects).where(inArray(referralSubjects.id, surplus)).run();

  db.delete(riskAssessments).where(eq(riskAssessments.referralId, referralId)).run();
  const { assessment } = submission;
  db.insert(riskAssessments)
    .values({ id: newId(), referralId, tool: assessment.tool, version: assessment.version, completedOn: assessment.completedOn, answers: assessment.answers, score })
    .run();

  db.delete(unsafeContacts).where(eq(unsafeContacts.referralId, referralId)).run();
  if (submission.unsafeContacts.length) {
    db.insert(unsafeContacts)
      .values(submission.unsafeContacts.map((c) => ({ id: newId(), referralId, name: c.name, relationship: c.relationship, email: c.email, agencyId: c.agencyId, reason: c.reason })))
      .run();
  }
}

const namesOfUsers = prepared((db) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, inList('ids'))).prepare());

function userNames(db: Db, ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map(
    namesOfUsers(db)
      .all({ ids: asList(unique) })
      .map((u) => [u.id, u.name]),
  );
}

const decisionsOf = prepared((db) =>
  db.select().from(screeningDecisions).where(eq(screeningDecisions.referralId, sql.placeholder('referralId'))).orderBy(asc(screeningDecisions.decidedAt)).prepare(),
);
const updatesOf = prepared((db) =>
  db
    .select({ at: auditEvents.at, userId: auditEvents.userId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'referral'), eq(auditEvents.entityId, sql.placeholder('referralId')), eq(auditEvents.action, 'update')))
    .prepare(),
);

/**
 * The referral's steps, oldest first. Submission is the referral's own creation; screening decisions
 * are their own table; a resubmission has no table of its own and is read from the audit row written
 * with it in the same transaction.
 */
function historyOf(db: Db, referral: ReferralRow): ReferralHistoryEntry[] {
  const decisions = decisionsOf(db).all({ referralId: referral.id });
  const resubmissions = updatesOf(db)
    .all({ referralId: referral.id })
    .filter((e) => e.detail?.['resubmitted'] === true);
  const steps: Omit<ReferralHistoryEntry, 'label' | 'byName'>[] = [
    { kind: 'submitted', at: referral.createdAt, byUserId: referral.enteredByUserId, reason: null },
    ...resubmissions.map((e) => ({ kind: 'resubmitted' as const, at: e.at, byUserId: e.userId, reason: null })),
    ...decisions.map((d) => ({ kind: d.decision, at: d.decidedAt, byUserId: d.decidedBy, reason: d.reason })),
  ];
  const names = userNames(db, steps.flatMap((s) => (s.byUserId ? [s.byUserId] : [])));
  // A stable sort keeps submission first when clocks give equal instants.
  return steps
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((s) => ({ ...s, label: REFERRAL_HISTORY_LABELS[s.kind], byName: s.byUserId ? (names.get(s.byUserId) ?? null) : null }));
}

const caseReference = prepared((db) => db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare());
const assessmentsOf = prepared((db) => db.select().from(riskAssessments).where(eq(riskAssessments.referralId, sql.placeholder('referralId'))).prepare());
const contactsOf = prepared((db) => db.select().from(unsafeContacts).where(eq(unsafeContacts.referralId, sql.placeholder('referralId'))).prepare());

/** A referral in full for one viewer: flags and the case reference depend on what the viewer may see. */
export function referralDetail(db: Db, referral: ReferralRow, viewer: SessionUser, today: string): ReferralDetail {
  const rows = subjectsOf(db, referral.id);
  const subjects = rows.map(toSubject);
  const victim = subjects.find((s) => s.role === 'victim');
  // Every referral is written with its victim; one without is damaged data, not a user error.
  if (!victim) throw new Error('referral has no victim subject');
  const area = referral.areaId ? (areaNameOf(db, referral.areaId) ?? null) : null;
  const agency = agencyNameOf(db, referral.referringAgencyId) ?? '';
  const assessmentRows = assessmentsOf(db).all({ referralId: referral.id });
  const assessments = assessmentRows.map((a) => ({ tool: a.tool, version: a.version, completedOn: a.completedOn, answers: a.answers, score: a.score }));
  const contacts = contactsOf(db)
    .all({ referralId: referral.id })
    .map((c) => ({ name: c.name, relationship: c.relationship, email: c.email, agencyId: c.agencyId, reason: c.reason }));
  return {
    id: referral.id,
    reference: referral.reference,
    status: referral.status,
    statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    areaId: referral.areaId,
    areaName: area,
    caseId: referral.caseId,
    referringAgencyId: referral.referringAgencyId,
    referringAgencyName: agency,
    referrerUserId: referral.referrerUserId,
    referrerName: referral.referrerName,
    referrerContact: referral.referrerContact,
    enteredByUserId: referral.enteredByUserId,
    referralDate: referral.referralDate,
    managerSignOff: referral.managerSignOff ?? null,
    urgent: referral.urgent,
    assessments,
    dashScore: referral.dashScore,
    criteriaMet: referral.criteriaMet,
    professionalJudgementReasons: referral.professionalJudgementReasons,
    incidentDates: referral.incidentDates,
    victim,
    victimDetails: referral.victimDetails,
    perpetrators: subjects.filter((s) => s.role === 'perpetrator'),
    householdMembers: subjects.filter((s) => s.role === 'child' || s.role === 'household_member'),
    consent: referral.consent,
    victimFears: referral.victimFears,
    unsafeContacts: contacts,
    previousMaracElsewhere: referral.previousMaracElsewhere ?? null,
    narrative: referral.narrative,
    policeReferences: referral.policeReferences,
    mergedIntoReferralId: referral.mergedIntoReferralId,
    submittedAt: referral.submittedAt,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    history: historyOf(db, referral),
    flags: referralFlags(db, viewer, referral, rows, today),
    caseReference:
      referral.caseId && staffOf(viewer, referral.areaId)
        ? (caseReference(db).get({ id: referral.caseId })?.reference ?? null)
        : null,
  };
}

/** Statuses in which the referrer is waiting on, or has been given, a reason from screening. */
const REASON_SHOWN = ['rejected', 'more_information_requested'];

/**
 * The user's own referrals (made or typed in by them) and drafts: never anyone else's, and none a bar
 * has since reached them through (a later referral on the case naming their agency or e-mail).
 */
export function myReferrals(db: Db, user: SessionUser, query: MyReferralsQuery): MyReferrals {
  const party = partyOf(user);
  const mine = and(or(eq(referrals.referrerUserId, user.id), eq(referrals.enteredByUserId, user.id)), or(isNull(referrals.caseId), notBarred(party, referrals.caseId)));
  const total = db.select({ n: count() }).from(referrals).where(mine).get()?.n ?? 0;
  const rows = db
    .select({
      id: referrals.id,
      reference: referrals.reference,
      status: referrals.status,
      areaName: areas.name,
      referralDate: referrals.referralDate,
      submittedAt: referrals.submittedAt,
      givenName: referralSubjects.givenName,
      familyName: referralSubjects.familyName,
      latestReason: sql<string | null>`(select ${screeningDecisions.reason} from ${screeningDecisions}
        where ${screeningDecisions.referralId} = ${referrals.id} order by ${screeningDecisions.decidedAt} desc limit 1)`,
    })
    .from(referrals)
    .leftJoin(areas, eq(areas.id, referrals.areaId))
    .innerJoin(referralSubjects, and(eq(referralSubjects.referralId, referrals.id), eq(referralSubjects.role, 'victim')))
    .where(mine)
    .orderBy(desc(referrals.createdAt), asc(referrals.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const ownDrafts = eq(referralDrafts.createdBy, user.id);
  const draftTotal = db.select({ n: count() }).from(referralDrafts).where(ownDrafts).get()?.n ?? 0;
  const drafts = db
    .select({ id: referralDrafts.id, createdAt: referralDrafts.createdAt, updatedAt: referralDrafts.updatedAt })
    .from(referralDrafts)
    .where(ownDrafts)
    .orderBy(desc(referralDrafts.updatedAt), asc(referralDrafts.id))
    .limit(MY_DRAFTS_SHOWN)
    .all();
  // Bars reaching a referral through a merge or a confirmed identity are checked on each row shown.
  const shown = rows.filter((r) => {
    const row = findReferral(db, r.id);
    return row !== undefined && !referralBarsParty(db, party, row);
  });
  return {
    items: shown.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      statusLabel: REFERRAL_STATUS_LABELS[r.status],
      areaName: r.areaName,
      referralDate: r.referralDate,
      submittedAt: r.submittedAt,
      victimName: `${r.givenName} ${r.familyName}`,
      reason: REASON_SHOWN.includes(r.status) ? r.latestReason : null,
    })),
    total: total - (rows.length - shown.length),
    limit: query.limit,
    offset: query.offset,
    drafts,
    draftTotal,
  };
}
