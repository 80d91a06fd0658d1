/**
 * What is recorded for each case while the meeting is under way: the risk analysis, the outcome and
 * the actions agreed. Two people can have the same case open; each save names the revision it started
 * from, and a save over a newer one is refused with the current record, never silently overwritten.
 */

import { and, asc, eq, isNull } from 'drizzle-orm';
import { REVIEW_OUTCOME_LABELS, compareIsoDates, longDate, type ActionStatus, type CaseRecord, type CaseRecordInput, type CreateAction, type ReviewActionInput } from '@marac/shared';
import type { Db } from '../../db/client';
import { actionReviews, actionUpdates, actions, agencies, agendaItems, type meetings } from '../../db/schema';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { reviewsFor } from '../agenda/read';
import { isBarred, requireCase } from '../cases/policy';
import { nextVersion } from '../../db/versions';
import { recordEvent } from './events';

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

/** The case on this agenda, if the recorder may see it: a coordinator or chair a bar names cannot record it. */
function itemOf(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string): ItemRow {
  const item = db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id))).get();
  if (!item || item.status === 'removed') throw notFound('case on this agenda');
  requireCase(db, user, item.caseId, 'staff', 'case on this agenda');
  return item;
}

function assertUnderWay(meeting: MeetingRow): void {
  if (meeting.status !== 'in_progress') throw conflict('Cases are recorded while the meeting is under way: start the meeting first');
}

export function caseRecord(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string): CaseRecord {
  const item = itemOf(db, user, meeting, itemId);
  return {
    itemId: item.id,
    revision: item.revision,
    riskAnalysis: item.riskAnalysis,
    outcome: item.outcome,
    actions: db.select().from(actions).where(and(eq(actions.meetingId, meeting.id), eq(actions.caseId, item.caseId))).orderBy(asc(actions.createdAt)).all(),
  };
}

export function saveCaseRecord(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string, input: CaseRecordInput, now: Date): CaseRecord {
  assertUnderWay(meeting);
  const item = itemOf(db, user, meeting, itemId);
  if (input.revision !== item.revision) {
    throw conflict('Someone else has saved this case since you opened it: their version is shown; add your changes to it', [
      { field: 'revision', message: 'Saved by someone else meanwhile' },
    ]);
  }
  // The revision check and the increment are one statement, so two saves racing cannot both win.
  const result = db
    .update(agendaItems)
    .set({ riskAnalysis: input.riskAnalysis, outcome: input.outcome, revision: item.revision + 1 })
    .where(and(eq(agendaItems.id, item.id), eq(agendaItems.revision, input.revision)))
    .run();
  if (result.changes === 0) throw conflict('Someone else has saved this case since you opened it', [{ field: 'revision', message: 'Saved by someone else meanwhile' }]);
  const record = caseRecord(db, user, meeting, itemId);
  // Events name what changed; each screen reads it again through the audited read.
  recordEvent(db, meeting.id, item.caseId, 'case_recorded', { itemId: item.id, revision: record.revision }, now);
  return record;
}

/** The chair moves the meeting to a case: every screen following the meeting opens it. */
export function openCase(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string, now: Date): void {
  assertUnderWay(meeting);
  const item = itemOf(db, user, meeting, itemId);
  recordEvent(db, meeting.id, item.caseId, 'case_opened', { itemId: item.id, position: item.position }, now);
}

/** An action agreed for the case: an enabled owning agency, a due date today or later. */
export function addAction(db: Db, user: SessionUser, meeting: MeetingRow, itemId: string, input: CreateAction, today: string, now: Date): string {
  assertUnderWay(meeting);
  const item = itemOf(db, user, meeting, itemId);
  const problems = [];
  const agency = db.select({ id: agencies.id, email: agencies.secureEmail }).from(agencies).where(and(eq(agencies.id, input.agencyId), isNull(agencies.disabledAt))).get();
  if (!agency) {
    problems.push({ field: 'agencyId', message: 'Choose the agency that owns the action' });
  } else if (isBarred(db, { agencyId: agency.id, email: agency.email }, item.caseId)) {
    problems.push({ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact: choose another' });
  }
  if (compareIsoDates(input.dueDate, today) < 0) problems.push({ field: 'dueDate', message: 'The due date must be today or later' });
  if (problems.length) throw invalid(problems);
  const at = now.toISOString();
  const id = newId();
  db.insert(actions)
    .values({ id, caseId: item.caseId, meetingId: meeting.id, agencyId: input.agencyId, ownerName: input.ownerName, description: input.description, linkedRisk: input.linkedRisk, category: input.category, dueDate: input.dueDate, status: 'open', createdBy: user.id, createdAt: at, updatedAt: at })
    .run();
  db.insert(actionUpdates).values({ id: newId(), actionId: id, status: 'open', note: 'Agreed at the meeting', occurredOn: today, updatedBy: user.id, updatedAt: at }).run();
  recordEvent(db, meeting.id, item.caseId, 'action_added', { itemId: item.id, actionId: id }, now);
  return id;
}

const STATUS_AFTER: Record<ReviewActionInput['outcome'], ActionStatus | null> = {
  completed: 'completed',
  not_possible: 'not_possible',
  not_completed: 'not_completed',
  // Carried forward stays as it was and comes back at the next meeting.
  carried_forward: null,
};

/**
 * The meeting reviews an action from an earlier meeting: completed, not possible because circumstances
 * changed, not completed by the agency, or carried forward. Decided once per meeting and action; a
 * second decision replaces the first until the meeting is minuted.
 *
 * The review names no version: it is the meeting's decision, taken with the agency in the room, and
 * an agency's update made meanwhile is not lost (it stays in the history, and carrying forward keeps the
 * status as it stands now). It does take the action's next version, so an update sent afterwards from
 * a screen read before the review is refused rather than undoing the meeting's decision.
 */
export function reviewAction(db: Db, user: SessionUser, meeting: MeetingRow, actionId: string, input: ReviewActionInput, today: string, now: Date): void {
  assertUnderWay(meeting);
  const due = reviewsFor(db, user, meeting).find((a) => a.actionId === actionId);
  if (!due) throw notFound('action to review at this meeting');
  const at = now.toISOString();
  db.insert(actionReviews)
    .values({ id: newId(), meetingId: meeting.id, actionId, outcome: input.outcome, note: input.note, reviewedBy: user.id, reviewedAt: at })
    .onConflictDoUpdate({ target: [actionReviews.meetingId, actionReviews.actionId], set: { outcome: input.outcome, note: input.note, reviewedBy: user.id, reviewedAt: at } })
    .run();
  const status = STATUS_AFTER[input.outcome] ?? (due.status === 'open' || due.status === 'in_progress' || due.status === 'escalated' ? due.status : 'open');
  db.update(actions).set({ status, updatedAt: at, version: nextVersion(actions) }).where(eq(actions.id, actionId)).run();
  db.insert(actionUpdates)
    .values({ id: newId(), actionId, status, note: input.note ?? `Reviewed at the meeting of ${longDate(meeting.date)}: ${REVIEW_OUTCOME_LABELS[input.outcome]}`, occurredOn: today, updatedBy: user.id, updatedAt: at })
    .run();
  recordEvent(db, meeting.id, due.caseId, 'action_reviewed', { actionId, outcome: input.outcome, status }, now);
}
