import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AreaSettings, referralCriteria, referralProblems, type FieldError, type ReferralSubmission } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, areas, referralDrafts, referrals } from '../../db/schema';
import { conflict, forbidden, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { isReferrerOf } from '../cases/policy';
import { nextReferralReference } from './references';
import { type ReferralRow, writeReferralContent } from './repository';

type AreaRow = typeof areas.$inferSelect;

interface Checked {
  area: AreaRow;
  referringAgencyId: string;
  score: number;
  criteriaMet: ReferralRow['criteriaMet'];
}

const agencyExists = (db: Db, id: string) =>
  db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, id), isNull(agencies.disabledAt))).get() !== undefined;

/** A representative refers for their own agency; a coordinator entering a referral names the agency it came from. */
function referringAgency(db: Db, user: SessionUser, sent: string | null): { id: string | null; problem: FieldError | null } {
  if (user.role === 'agency_representative') {
    if (!user.agencyId) return { id: null, problem: { field: 'referringAgencyId', message: 'Your account is not linked to an agency: ask an administrator' } };
    if (sent !== null && sent !== user.agencyId) return { id: null, problem: { field: 'referringAgencyId', message: 'You can only refer for your own agency' } };
    return { id: user.agencyId, problem: null };
  }
  if (sent === null) return { id: null, problem: { field: 'referringAgencyId', message: 'Choose the agency the referral comes from' } };
  if (!agencyExists(db, sent)) return { id: null, problem: { field: 'referringAgencyId', message: 'Choose an agency from the list' } };
  return { id: sent, problem: null };
}

/**
 * Every check a submission must pass before anything is written: who may refer into which area for
 * which agency, the references it makes to other records, and the shared referral rules (run by the
 * form as well) with the area's own criteria settings. All problems are reported at once.
 */
function checkSubmission(db: Db, user: SessionUser, submission: ReferralSubmission, today: string, more: FieldError[] = []): Checked {
  const problems: FieldError[] = [];
  const area = db.select().from(areas).where(eq(areas.id, submission.areaId)).get();
  const usable = area && !area.disabledAt && user.areaIds.includes(area.id) ? area : undefined;
  if (!usable) problems.push({ field: 'areaId', message: 'Choose one of your MARAC areas' });

  const agency = referringAgency(db, user, submission.referringAgencyId);
  if (agency.problem) problems.push(agency.problem);

  const named = [...new Set(submission.unsafeContacts.flatMap((c) => (c.agencyId ? [c.agencyId] : [])))];
  const known = new Set(named.length ? db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, named)).all().map((a) => a.id) : []);
  submission.unsafeContacts.forEach((c, i) => {
    if (c.agencyId && !known.has(c.agencyId)) problems.push({ field: `unsafeContacts.${i}.agencyId`, message: 'Choose an agency from the list' });
    // Whoever a referral names as unsafe is barred from it: the person sending it cannot be one of them.
    else if (c.agencyId && c.agencyId === (agency.id ?? user.agencyId)) {
      problems.push({ field: `unsafeContacts.${i}.agencyId`, message: 'This agency is making the referral: name the person at it who is unsafe to contact, by their e-mail' });
    }
    if (c.email && c.email.trim().toLowerCase() === user.email.toLowerCase()) {
      problems.push({ field: `unsafeContacts.${i}.email`, message: 'This is your own e-mail: you cannot be named as unsafe to contact on a referral you send' });
    }
  });

  const settings = AreaSettings.parse(usable?.settings ?? {});
  problems.push(...referralProblems(submission, today, settings), ...more);
  if (problems.length || !usable || !agency.id) throw invalid(problems);
  const criteria = referralCriteria(submission, settings);
  return { area: usable, referringAgencyId: agency.id, score: criteria.score, criteriaMet: criteria.met };
}

function ownDraftProblem(db: Db, user: SessionUser, draftId: string | undefined): FieldError[] {
  if (draftId === undefined) return [];
  const draft = db.select({ createdBy: referralDrafts.createdBy }).from(referralDrafts).where(eq(referralDrafts.id, draftId)).get();
  // Someone else's draft reads exactly like a missing one.
  return draft?.createdBy === user.id ? [] : [{ field: 'draftId', message: 'That draft no longer exists: it may have been submitted already' }];
}

const contentFields = (submission: ReferralSubmission, checked: Checked) => ({
  areaId: checked.area.id,
  referringAgencyId: checked.referringAgencyId,
  referrerName: submission.referrerName,
  referrerContact: submission.referrerContact,
  referralDate: submission.referralDate,
  managerSignOff: submission.managerSignOff,
  urgent: submission.urgent,
  dashScore: checked.score,
  criteriaMet: checked.criteriaMet,
  professionalJudgementReasons: submission.professionalJudgementReasons,
  incidentDates: submission.incidentDates,
  victimDetails: submission.victimDetails,
  consent: submission.consent,
  victimFears: submission.victimFears,
  previousMaracElsewhere: submission.previousMaracElsewhere,
  narrative: submission.narrative,
  policeReferences: submission.policeReferences,
});

/** Makes a referral from a checked submission; the draft it came from goes in the same transaction. */
export function createReferral(db: Db, user: SessionUser, submission: ReferralSubmission, draftId: string | undefined, now: Date, today: string): ReferralRow {
  const checked = checkSubmission(db, user, submission, today, ownDraftProblem(db, user, draftId));
  const at = now.toISOString();
  const row: ReferralRow = {
    id: newId(),
    reference: nextReferralReference(db, checked.area.code, today),
    status: 'submitted',
    caseId: null,
    agendaMeetingId: null,
    // The platform has no account for a referrer a coordinator enters for, so the coordinator stands in.
    referrerUserId: user.id,
    enteredByUserId: user.id,
    mergedIntoReferralId: null,
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    ...contentFields(submission, checked),
  };
  db.insert(referrals).values(row).run();
  writeReferralContent(db, row.id, submission, checked.score);
  if (draftId !== undefined) db.delete(referralDrafts).where(eq(referralDrafts.id, draftId)).run();
  return row;
}

/**
 * The referrer answers a request for more information by sending the whole referral again. It goes
 * through the same checks, replaces what the referral held and returns to the screening queue.
 */
export function resubmitReferral(db: Db, user: SessionUser, referral: ReferralRow, submission: ReferralSubmission, now: Date, today: string): ReferralRow {
  if (!isReferrerOf(user, referral)) throw forbidden('Only the person who made the referral can resubmit it');
  if (referral.status !== 'more_information_requested') throw conflict('Only a referral waiting for more information can be resubmitted');
  const checked = checkSubmission(db, user, submission, today);
  const at = now.toISOString();
  const changes = { ...contentFields(submission, checked), status: 'submitted' as const, submittedAt: at, updatedAt: at };
  db.update(referrals).set(changes).where(eq(referrals.id, referral.id)).run();
  writeReferralContent(db, referral.id, submission, checked.score);
  return { ...referral, ...changes };
}
