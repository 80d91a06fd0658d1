/**
 * A case's actions across all its meetings, and the chair's review of its outcome. Closing the MARAC
 * involvement sets the case to closed; its repeat window keeps running from the referral and hearing
 * dates kept on the case, and a new referral for the victim continues (and reopens) it.
 */

import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, type CaseActions, type CaseOutcomeReviewInput } from '@marac/shared';
import type { Db } from '../../db/client';
import { agendaItems, caseReviews, cases, meetings, users, actions } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { requireCase } from '../cases/policy';
import { actionRows, admitted } from './access';
import { histories, summaries } from './repository';
import { areaNameOf } from '../../db/names';

export function caseActions(db: Db, user: SessionUser, caseId: string, today: string): CaseActions {
  const grant = requireCase(db, user, caseId, 'staff_or_agency');
  const row = grant.case;
  const manages = grant.level === 'staff';
  const all = db.select({ id: actions.id }).from(actions).where(eq(actions.caseId, caseId)).all();
  const rows = admitted(
    user,
    actionRows(db, user, eq(actions.caseId, caseId))
      .orderBy(asc(meetings.date), asc(actions.dueDate), asc(actions.createdAt), asc(actions.id))
      .all(),
  );
  const history = histories(
    db,
    rows.map((r) => r.action.id),
  );
  const listed = db
    .select({ id: meetings.id, date: meetings.date, status: agendaItems.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, caseId), ne(agendaItems.status, 'removed')))
    .orderBy(asc(meetings.date))
    .all()
    .filter((m): m is { id: string; date: string; status: 'listed' | 'heard' | 'deferred' } => m.status !== 'removed');
  const reviews = db
    .select({ id: caseReviews.id, outcome: caseReviews.outcome, closedInvolvement: caseReviews.closedInvolvement, reviewedByName: users.name, reviewedAt: caseReviews.reviewedAt })
    .from(caseReviews)
    .innerJoin(users, eq(users.id, caseReviews.reviewedBy))
    .where(eq(caseReviews.caseId, caseId))
    .orderBy(desc(caseReviews.reviewedAt), desc(caseReviews.id))
    .all();
  const chair = manages && user.role === 'chair';
  return {
    case: {
      id: row.id,
      reference: row.reference,
      areaId: row.areaId,
      areaName: areaNameOf(db, row.areaId) ?? '',
      status: row.status,
      closedAt: row.closedAt,
      lastReferralDate: row.lastReferralDate,
      lastHearingDate: row.lastHearingDate,
    },
    meetings: listed,
    actions: summaries(db, rows, today).map((s) => ({ ...s, history: history.get(s.id) ?? [] })),
    hiddenActionCount: all.length - rows.length,
    reviews,
    canReview: chair,
    canClose: chair && row.status === 'open' && openActionCount(db, caseId) === 0,
  };
}

const openActionCount = (db: Db, caseId: string) =>
  db
    .select({ status: actions.status })
    .from(actions)
    .where(eq(actions.caseId, caseId))
    .all()
    .filter((a) => !CLOSED_ACTION_STATUSES.includes(a.status)).length;

/**
 * The chair of the case's area records the outcome of the review, and may close the case's MARAC
 * involvement: only an open case, and only once every action is closed (completed, not possible or not
 * completed), so nothing agreed is left without anyone to review it.
 */
export function recordCaseReview(db: Db, user: SessionUser, caseId: string, input: CaseOutcomeReviewInput, now: Date): string {
  const row = requireCase(db, user, caseId, 'staff').case;
  if (user.role !== 'chair') throw notFound('case');
  if (input.closeInvolvement) {
    if (row.status !== 'open') {
      throw conflict(row.status === 'closed' ? 'The MARAC involvement in this case is already closed' : 'This case has been transferred to another area: it is closed there', [
        { field: 'closeInvolvement', message: 'Only an open case can be closed' },
      ]);
    }
    const open = openActionCount(db, caseId);
    if (open > 0) {
      const message = `${open} ${open === 1 ? 'action is' : 'actions are'} still open: record each as completed, not possible or not completed before closing the case`;
      throw conflict(message, [{ field: 'closeInvolvement', message }]);
    }
  }
  const at = now.toISOString();
  const id = newId();
  db.insert(caseReviews).values({ id, caseId, outcome: input.outcome, closedInvolvement: input.closeInvolvement, reviewedBy: user.id, reviewedAt: at }).run();
  if (input.closeInvolvement) db.update(cases).set({ status: 'closed', closedAt: at }).where(eq(cases.id, caseId)).run();
  return id;
}
