/**
 * The area's review of its action plans: for each agency, how many actions it holds, how many are
 * overdue, completed, not possible (circumstances changed) or not completed (the agency did not do
 * them), its completion rate and its median time to completion. Every figure carries the list filter
 * that shows the actions behind it, for a viewer who may see them; a representative sees every
 * agency's figures in their areas but is linked only to their own agency's actions.
 */

import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { CLOSED_ACTION_STATUSES, compareIsoDates, daysBetween, type ActionFigure, type ActionFilter, type ActionReview, type ActionReviewQuery, type ActionReviewRow } from '@marac/shared';
import type { Db } from '../../db/client';
import { actionUpdates, actions, agencies, agencyAreas, areas, meetings } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { notBarred, partyOf } from '../cases/policy';
import { managesActionsOf } from './access';

interface Row {
  id: string;
  agencyId: string;
  status: (typeof actions.$inferSelect)['status'];
  dueDate: string;
  meetingDate: string;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function actionReview(db: Db, user: SessionUser, query: ActionReviewQuery, today: string): ActionReview {
  const area = db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.id, query.areaId)).get();
  const manages = area !== undefined && managesActionsOf(user, area.id);
  const representative = user.role === 'agency_representative' && user.agencyId !== null;
  if (!area || !(manages || (representative && user.areaIds.includes(area.id)))) throw notFound('area');

  // Counts only actions on cases no bar keeps from the viewer: a figure is a view of the cases behind it.
  const where: SQL[] = [eq(meetings.areaId, area.id), notBarred(partyOf(user), actions.caseId)];
  if (query.dueFrom) where.push(gte(actions.dueDate, query.dueFrom));
  if (query.dueTo) where.push(lte(actions.dueDate, query.dueTo));
  const rows: Row[] = db
    .select({ id: actions.id, agencyId: actions.agencyId, status: actions.status, dueDate: actions.dueDate, meetingDate: meetings.date })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(and(...where))
    .all();
  // The date given with the update that completed each completed action, the last one where it was
  // completed more than once: read with the same conditions, never as a list of ids (an area's
  // completed actions outnumber what one statement may bind).
  const completedOn = new Map<string, string>();
  for (const u of db
    .select({ actionId: actionUpdates.actionId, occurredOn: actionUpdates.occurredOn })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(actionUpdates, and(eq(actionUpdates.actionId, actions.id), eq(actionUpdates.status, 'completed')))
    .where(and(...where, eq(actions.status, 'completed')))
    .orderBy(actionUpdates.updatedAt, actionUpdates.id)
    .all()) {
    completedOn.set(u.actionId, u.occurredOn);
  }

  // Agencies serving the area, and any other that holds one of its actions.
  const serving = db.select({ id: agencies.id, name: agencies.name }).from(agencies).innerJoin(agencyAreas, and(eq(agencyAreas.agencyId, agencies.id), eq(agencyAreas.areaId, area.id))).all();
  const holding = [...new Set(rows.map((r) => r.agencyId))].filter((id) => !serving.some((a) => a.id === id));
  const others = holding.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, holding)).all() : [];
  const all = [...serving, ...others].sort((a, b) => a.name.localeCompare(b.name));

  const range: ActionFilter = { areaId: area.id, ...(query.dueFrom ? { dueFrom: query.dueFrom } : {}), ...(query.dueTo ? { dueTo: query.dueTo } : {}) };
  const rowFor = (agencyId: string | null, agencyName: string): ActionReviewRow => {
    const mine = agencyId === null ? rows : rows.filter((r) => r.agencyId === agencyId);
    const visible = manages || (agencyId !== null && agencyId === user.agencyId);
    const figure = (value: number, narrowing: ActionFilter): ActionFigure => ({
      value,
      filter: visible ? { ...range, ...(agencyId ? { agencyId } : {}), ...narrowing } : null,
    });
    const open = mine.filter((r) => !CLOSED_ACTION_STATUSES.includes(r.status));
    const overdue = open.filter((r) => compareIsoDates(r.dueDate, today) < 0);
    const closed = mine.filter((r) => CLOSED_ACTION_STATUSES.includes(r.status));
    const completed = mine.filter((r) => r.status === 'completed');
    const due = closed.length + overdue.length;
    const days = completed.flatMap((r) => {
      const on = completedOn.get(r.id);
      return on ? [Math.max(0, daysBetween(r.meetingDate, on))] : [];
    });
    return {
      agencyId,
      agencyName,
      total: figure(mine.length, {}),
      open: figure(open.length, { state: 'open' }),
      overdue: figure(overdue.length, { state: 'overdue' }),
      completed: figure(completed.length, { state: 'completed' }),
      notPossible: figure(mine.filter((r) => r.status === 'not_possible').length, { status: 'not_possible' }),
      notCompleted: figure(mine.filter((r) => r.status === 'not_completed').length, { status: 'not_completed' }),
      due,
      completionRate: due === 0 ? null : completed.length / due,
      medianDaysToComplete: median(days),
    };
  };
  return {
    area,
    today,
    dueFrom: query.dueFrom ?? null,
    dueTo: query.dueTo ?? null,
    totals: rowFor(null, 'All agencies'),
    agencies: all.map((a) => rowFor(a.id, a.name)),
  };
}
