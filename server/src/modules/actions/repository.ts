/**
 * Reading actions: lists with filters and counts per state, one action with its whole history, and
 * the history of several at once for a case. What the user may see is decided in `access.ts`.
 */

import { and, asc, desc, eq, gte, inArray, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';
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
import { actionReminders, actionTallies, actionUpdates, actions, agencies, meetings, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import { casesBarring, partyOf } from '../cases/policy';
import { actionRows, actionScope, admitted, findVisibleAction, managesActionsOf, visibleActions, type ActionRow } from './access';

const CLOSED = [...CLOSED_ACTION_STATUSES];

/** The columns an action's area, agency, status and due date are read from: the actions' own, or their tallies'. */
interface Columns {
  areaId: SQL;
  agencyId: SQL;
  status: SQL;
  dueDate: SQL;
}

const OF_ACTIONS: Columns = { areaId: sql`${meetings.areaId}`, agencyId: sql`${actions.agencyId}`, status: sql`${actions.status}`, dueDate: sql`${actions.dueDate}` };
const OF_TALLIES: Columns = { areaId: sql`${actionTallies.areaId}`, agencyId: sql`${actionTallies.agencyId}`, status: sql`${actionTallies.status}`, dueDate: sql`${actionTallies.dueDate}` };
/**
 * The actions' own columns behind SQLite's no-op unary plus, which keeps their indexes out of the
 * planner's choice: the actions of a few barred cases are then found from the index on the case,
 * never from an agency's hundred thousand.
 */
const OF_ACTIONS_BY_CASE: Columns = { areaId: sql`${meetings.areaId}`, agencyId: sql`+${actions.agencyId}`, status: sql`+${actions.status}`, dueDate: sql`+${actions.dueDate}` };

/** The condition for one state of the list (see `ACTION_STATES`), on the day `today`. */
export function stateCondition(state: ActionState, today: string, on: Columns = OF_ACTIONS): SQL {
  const open = notInArray(on.status, CLOSED);
  switch (state) {
    case 'open':
      return open;
    case 'due_soon':
      return and(open, gte(on.dueDate, today), lte(on.dueDate, dueSoonUntil(today))) as SQL;
    case 'overdue':
      return and(open, lt(on.dueDate, today)) as SQL;
    case 'completed':
      return eq(on.status, 'completed');
    case 'closed':
      return inArray(on.status, CLOSED);
  }
}

/** The filters other than the state, each narrowing what the user may see anyway. A meeting or a case only on the actions' own columns. */
function filterConditions(filter: ActionFilter, on: Columns = OF_ACTIONS): SQL[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(on.status, filter.status));
  if (filter.areaId) where.push(eq(on.areaId, filter.areaId));
  if (filter.agencyId) where.push(eq(on.agencyId, filter.agencyId));
  if (filter.meetingId) where.push(eq(actions.meetingId, filter.meetingId));
  if (filter.caseId) where.push(eq(actions.caseId, filter.caseId));
  if (filter.dueFrom) where.push(gte(on.dueDate, filter.dueFrom));
  if (filter.dueTo) where.push(lte(on.dueDate, filter.dueTo));
  return where;
}

/** The count of each state, each row weighing `weight` (one action, or a tally's number of them). */
const stateCounts = (today: string, on: Columns, weight: SQL) => {
  const tally = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then ${weight} else 0 end), 0)`.mapWith(Number);
  return {
    open: tally(stateCondition('open', today, on)),
    due_soon: tally(stateCondition('due_soon', today, on)),
    overdue: tally(stateCondition('overdue', today, on)),
    completed: tally(stateCondition('completed', today, on)),
    closed: tally(stateCondition('closed', today, on)),
  };
};

const NO_ACTIONS: ActionCounts = { open: 0, due_soon: 0, overdue: 0, completed: 0, closed: 0 };

function countActions(db: Db, where: SQL | undefined, today: string, on: Columns = OF_ACTIONS): ActionCounts {
  return db.select(stateCounts(today, on, sql`1`)).from(actions).innerJoin(meetings, eq(meetings.id, actions.meetingId)).where(where).get() ?? NO_ACTIONS;
}

/**
 * How many of the actions the user may see (narrowed by `filter`, its state aside) are in each state.
 * An area's actions are counted from their tallies, which do not grow with the years of actions
 * behind them; those on cases a bar keeps from the user are counted one by one (a bar names an agency
 * or a person on few cases) and taken off. One meeting's or one case's actions are counted directly.
 */
export function actionCounts(db: Db, user: SessionUser, filter: ActionFilter, today: string): ActionCounts {
  if (filter.meetingId || filter.caseId) return countActions(db, and(visibleActions(user), ...filterConditions(filter)), today);
  const all = db.select(stateCounts(today, OF_TALLIES, sql`${actionTallies.n}`)).from(actionTallies).where(and(actionScope(user, OF_TALLIES), ...filterConditions(filter, OF_TALLIES))).get() ?? NO_ACTIONS;
  const barred = casesBarring(db, partyOf(user));
  if (barred.length === 0) return all;
  const hidden = countActions(db, and(actionScope(user, OF_ACTIONS_BY_CASE), inArray(actions.caseId, barred), ...filterConditions(filter, OF_ACTIONS_BY_CASE)), today, OF_ACTIONS_BY_CASE);
  return { open: all.open - hidden.open, due_soon: all.due_soon - hidden.due_soon, overdue: all.overdue - hidden.overdue, completed: all.completed - hidden.completed, closed: all.closed - hidden.closed };
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
  const counts = actionCounts(db, user, query, today);
  // Every action is either open or closed.
  const total = query.state ? counts[query.state] : counts.open + counts.closed;
  // Finished actions newest first; everything else soonest due first.
  const order = query.state === 'completed' || query.state === 'closed' ? [desc(actions.updatedAt), desc(actions.id)] : [asc(actions.dueDate), asc(actions.createdAt), asc(actions.id)];
  const rows = admitted(
    user,
    actionRows(db, user, ...filterConditions(query), ...(query.state ? [stateCondition(query.state, today)] : []))
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset)
      .all(),
  );
  return { items: summaries(db, rows, today), total, limit: query.limit, offset: query.offset, today, counts };
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
