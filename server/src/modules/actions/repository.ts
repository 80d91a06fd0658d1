/**
 * Reading actions: lists with filters and counts per state, one action with its whole history, and
 * the history of several at once for a case. What the user may see is decided in `access.ts`.
 */

import { and, asc, count, desc, eq, gte, inArray, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import {
  ACTION_REMINDER_KINDS,
  CLOSED_ACTION_STATUSES,
  allowedActionStatuses,
  compareIsoDates,
  dueSoonUntil,
  isClosedActionStatus,
  type ActionCounts,
  type ActionDetail,
  type ActionFilter,
  type ActionHistoryEntry,
  type ActionList,
  type ActionQuery,
  type ActionState,
  type ActionSummary,
  type EscalationStage,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { actionReminders, actionUpdates, actions, agencies, meetings, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import { actionRows, admitted, findVisibleAction, managesActionsOf, visibleActions, type ActionRow } from './access';

const CLOSED = [...CLOSED_ACTION_STATUSES];
const OPEN = notInArray(actions.status, CLOSED);

/** The condition for one state of the list (see `ACTION_STATES`), on the day `today`. */
export function stateCondition(state: ActionState, today: string): SQL {
  switch (state) {
    case 'open':
      return OPEN;
    case 'due_soon':
      return and(OPEN, gte(actions.dueDate, today), lte(actions.dueDate, dueSoonUntil(today))) as SQL;
    case 'overdue':
      return and(OPEN, lt(actions.dueDate, today)) as SQL;
    case 'completed':
      return eq(actions.status, 'completed');
    case 'closed':
      return inArray(actions.status, CLOSED);
  }
}

/** The filters other than the state, each narrowing what the user may see anyway. */
function filterConditions(filter: ActionFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(actions.status, filter.status));
  if (filter.areaId) where.push(eq(meetings.areaId, filter.areaId));
  if (filter.agencyId) where.push(eq(actions.agencyId, filter.agencyId));
  if (filter.meetingId) where.push(eq(actions.meetingId, filter.meetingId));
  if (filter.caseId) where.push(eq(actions.caseId, filter.caseId));
  if (filter.dueFrom) where.push(gte(actions.dueDate, filter.dueFrom));
  if (filter.dueTo) where.push(lte(actions.dueDate, filter.dueTo));
  return where;
}

const tally = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

/** How many of the actions the user may see (narrowed by `filter`, its state aside) are in each state. */
export function actionCounts(db: Db, user: SessionUser, filter: ActionFilter, today: string): ActionCounts {
  const row = db
    .select({
      open: tally(stateCondition('open', today)),
      due_soon: tally(stateCondition('due_soon', today)),
      overdue: tally(stateCondition('overdue', today)),
      completed: tally(stateCondition('completed', today)),
      closed: tally(stateCondition('closed', today)),
    })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(and(visibleActions(user), ...filterConditions(filter)))
    .get();
  return row ?? { open: 0, due_soon: 0, overdue: 0, completed: 0, closed: 0 };
}

/**
 * The summaries of these rows: the escalation reached for the action's current agency and due date,
 * and the date a closed one was closed (given with the update that closed it last).
 */
export function summaries(db: Db, rows: readonly ActionRow[], today: string): ActionSummary[] {
  const ids = rows.map((r) => r.action.id);
  const escalations = ids.length
    ? db
        .select({ actionId: actionReminders.actionId, kind: actionReminders.kind, agencyId: actionReminders.agencyId, dueDate: actionReminders.dueDate })
        .from(actionReminders)
        .where(and(inArray(actionReminders.actionId, ids), inArray(actionReminders.kind, ['escalated_coordinator', 'escalated_chair'])))
        .all()
    : [];
  const closedIds = rows.filter((r) => isClosedActionStatus(r.action.status)).map((r) => r.action.id);
  const closings = closedIds.length
    ? db
        .select({ actionId: actionUpdates.actionId, status: actionUpdates.status, occurredOn: actionUpdates.occurredOn })
        .from(actionUpdates)
        .where(and(inArray(actionUpdates.actionId, closedIds), inArray(actionUpdates.status, CLOSED)))
        .orderBy(asc(actionUpdates.updatedAt), asc(actionUpdates.id))
        .all()
    : [];
  return rows.map(({ action, caseReference, areaId, areaName, agencyName, meetingDate }) => {
    const open = !isClosedActionStatus(action.status);
    const reached = escalations.filter((e) => e.actionId === action.id && e.agencyId === action.agencyId && e.dueDate === action.dueDate).map((e) => e.kind);
    const escalation: EscalationStage | null = !open ? null : reached.includes('escalated_chair') ? 'chair' : reached.includes('escalated_coordinator') ? 'coordinator' : null;
    const closedOn = open ? null : (closings.filter((c) => c.actionId === action.id && c.status === action.status).at(-1)?.occurredOn ?? null);
    return {
      ...action,
      caseReference,
      areaId,
      areaName,
      agencyName,
      meetingDate,
      overdue: open && compareIsoDates(action.dueDate, today) < 0,
      dueSoon: open && compareIsoDates(action.dueDate, today) >= 0 && compareIsoDates(action.dueDate, dueSoonUntil(today)) <= 0,
      escalation,
      closedOn,
    };
  });
}

export function listActions(db: Db, user: SessionUser, query: ActionQuery, today: string): ActionList {
  const where = and(visibleActions(user), ...filterConditions(query), ...(query.state ? [stateCondition(query.state, today)] : []));
  const total =
    db
      .select({ n: count() })
      .from(actions)
      .innerJoin(meetings, eq(meetings.id, actions.meetingId))
      .where(where)
      .get()?.n ?? 0;
  // Finished actions newest first; everything else soonest due first.
  const order = query.state === 'completed' || query.state === 'closed' ? [desc(actions.updatedAt), asc(actions.id)] : [asc(actions.dueDate), asc(actions.createdAt), asc(actions.id)];
  const rows = admitted(
    user,
    actionRows(db)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset)
      .all(),
  );
  return { items: summaries(db, rows, today), total, limit: query.limit, offset: query.offset, today, counts: actionCounts(db, user, query, today) };
}

/** The history of each of these actions, oldest first, with the names a page shows. */
export function histories(db: Db, actionIds: readonly string[]): Map<string, ActionHistoryEntry[]> {
  const byAction = new Map<string, ActionHistoryEntry[]>(actionIds.map((id) => [id, []]));
  if (actionIds.length === 0) return byAction;
  const rows = db
    .select({ update: actionUpdates, updatedByName: users.name })
    .from(actionUpdates)
    .leftJoin(users, eq(users.id, actionUpdates.updatedBy))
    .where(inArray(actionUpdates.actionId, [...actionIds]))
    .orderBy(asc(actionUpdates.updatedAt), asc(actionUpdates.id))
    .all();
  const agencyIds = [...new Set(rows.flatMap((r) => [r.update.fromAgencyId, r.update.toAgencyId]).filter((id): id is string => id !== null))];
  const names = new Map(agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)).all().map((a) => [a.id, a.name]) : []);
  for (const { update, updatedByName } of rows) {
    byAction.get(update.actionId)?.push({
      ...update,
      updatedByName: update.updatedBy === null ? null : (updatedByName ?? ''),
      fromAgencyName: update.fromAgencyId ? (names.get(update.fromAgencyId) ?? '') : null,
      toAgencyName: update.toAgencyId ? (names.get(update.toAgencyId) ?? '') : null,
    });
  }
  return byAction;
}

/** What the viewer may do with the action next: the statuses they may choose, and reassigning. */
export function nextSteps(user: SessionUser, row: ActionRow) {
  const manages = managesActionsOf(user, row.areaId);
  // A case whose MARAC involvement is closed has only closed actions, and they stay closed.
  if (row.caseStatus === 'closed') return { allowedStatuses: [], canReassign: false };
  return {
    allowedStatuses: allowedActionStatuses(row.action.status, manages ? 'marac' : 'agency'),
    canReassign: manages && !isClosedActionStatus(row.action.status),
  };
}

export function actionDetail(db: Db, user: SessionUser, actionId: string, today: string): ActionDetail {
  const row = findVisibleAction(db, user, actionId);
  const [summary] = summaries(db, [row], today);
  const reminders = db
    .select({ kind: actionReminders.kind, sentOn: actionReminders.sentOn, dueDate: actionReminders.dueDate })
    .from(actionReminders)
    .where(eq(actionReminders.actionId, actionId))
    .orderBy(asc(actionReminders.createdAt))
    .all()
    // Stages recorded in one run (catching up) in the order they come.
    .sort((a, b) => a.sentOn.localeCompare(b.sentOn) || ACTION_REMINDER_KINDS.indexOf(a.kind) - ACTION_REMINDER_KINDS.indexOf(b.kind));
  return { ...(summary as ActionSummary), history: histories(db, [actionId]).get(actionId) ?? [], reminders, ...nextSteps(user, row) };
}
