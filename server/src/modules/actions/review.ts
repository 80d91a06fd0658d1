/**
 * The area's review of its action plans: for each agency, how many actions it holds, how many are
 * overdue, completed, not possible (circumstances changed) or not completed (the agency did not do
 * them), its completion rate and its median time to completion. Every figure carries the list filter
 * that shows the actions behind it, for a viewer who may see them; a representative sees every
 * agency's figures in their areas but is linked only to their own agency's actions.
 */

import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import {
  ACTION_STATUSES,
  CLOSED_ACTION_STATUSES,
  type ActionFigure,
  type ActionFilter,
  type ActionReview,
  type ActionReviewQuery,
  type ActionReviewRow,
  type ActionStatus,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { actionCompletions, actionTallies, actions, agencies, agencyAreas, areas, meetings } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { casesBarring, partyOf } from '../cases/policy';
import { managesActionsOf } from './access';

/** What one agency's (or every agency's) figures are made of: counts per status, and days to completion as a histogram. */
interface Tally {
  byStatus: Map<ActionStatus, { all: number; overdue: number }>;
  /** Days from the meeting to completion → how many completed actions took that long. */
  days: Map<number, number>;
}

const emptyTally = (): Tally => ({ byStatus: new Map(), days: new Map() });

/** The median of the values a histogram counts; null when it counts none. */
function median(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  // The values at positions ⌊(n−1)/2⌋ and ⌊n/2⌋ (counting from 0): the same one when n is odd.
  const wanted = [Math.floor((total - 1) / 2), Math.floor(total / 2)];
  const found: number[] = [];
  let seen = 0;
  for (const [value, count] of [...histogram].sort((a, b) => a[0] - b[0])) {
    for (const position of wanted) if (position >= seen && position < seen + count) found.push(value);
    seen += count;
  }
  return ((found[0] as number) + (found[1] as number)) / 2;
}

/** A completed action's days from its meeting to its completion, in SQL, as the completion tallies count them. */
const daysToComplete = sql<number>`max(0, cast(julianday(${actions.completedOn}) - julianday(${meetings.date}) as integer))`;

/**
 * Each agency's figures for the area, read from the tallies the triggers keep (`action_tallies`,
 * `action_completions`), which do not grow with the years of actions behind them; the actions on the
 * few cases a bar keeps from the viewer are read one by one (their SQLite indexes on agency, status and
 * date kept out by a no-op unary plus, so the case's index finds them) and taken off.
 */
function tallies(db: Db, user: SessionUser, areaId: string, query: ActionReviewQuery, today: string): Map<string, Tally> {
  const byAgency = new Map<string, Tally>();
  const of = (agencyId: string) => {
    let tally = byAgency.get(agencyId);
    if (!tally) byAgency.set(agencyId, (tally = emptyTally()));
    return tally;
  };
  const add = (agencyId: string, status: ActionStatus, all: number, overdue: number) => {
    const counts = of(agencyId).byStatus;
    const held = counts.get(status) ?? { all: 0, overdue: 0 };
    counts.set(status, { all: held.all + all, overdue: held.overdue + overdue });
  };
  const addDays = (agencyId: string, days: number, n: number) => {
    const histogram = of(agencyId).days;
    histogram.set(days, (histogram.get(days) ?? 0) + n);
  };
  const range = (dueDate: SQL) => [...(query.dueFrom ? [gte(dueDate, query.dueFrom)] : []), ...(query.dueTo ? [lte(dueDate, query.dueTo)] : [])];

  for (const t of db
    .select({
      agencyId: actionTallies.agencyId,
      status: actionTallies.status,
      all: sql<number>`sum(${actionTallies.n})`.mapWith(Number),
      overdue: sql<number>`sum(case when ${actionTallies.dueDate} < ${today} then ${actionTallies.n} else 0 end)`.mapWith(Number),
    })
    .from(actionTallies)
    .where(and(eq(actionTallies.areaId, areaId), ...range(sql`${actionTallies.dueDate}`)))
    .groupBy(actionTallies.agencyId, actionTallies.status)
    .all()) {
    add(t.agencyId, t.status, t.all, t.overdue);
  }
  for (const c of db
    .select({ agencyId: actionCompletions.agencyId, days: actionCompletions.days, n: sql<number>`sum(${actionCompletions.n})`.mapWith(Number) })
    .from(actionCompletions)
    .where(and(eq(actionCompletions.areaId, areaId), ...range(sql`${actionCompletions.dueDate}`)))
    .groupBy(actionCompletions.agencyId, actionCompletions.days)
    .all()) {
    addDays(c.agencyId, c.days, c.n);
  }

  const barred = casesBarring(db, partyOf(user));
  if (barred.length) {
    const dueDate = sql`+${actions.dueDate}`;
    for (const hidden of db
      .select({ agencyId: actions.agencyId, status: actions.status, dueDate: actions.dueDate, completedOn: actions.completedOn, days: daysToComplete })
      .from(actions)
      .innerJoin(meetings, eq(meetings.id, actions.meetingId))
      .where(and(inArray(actions.caseId, barred), eq(meetings.areaId, areaId), ...range(dueDate)))
      .all()) {
      add(hidden.agencyId, hidden.status, -1, hidden.dueDate < today ? -1 : 0);
      if (hidden.status === 'completed' && hidden.completedOn !== null) addDays(hidden.agencyId, hidden.days, -1);
    }
  }
  return byAgency;
}

export function actionReview(db: Db, user: SessionUser, query: ActionReviewQuery, today: string): ActionReview {
  const area = db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.id, query.areaId)).get();
  const manages = area !== undefined && managesActionsOf(user, area.id);
  const representative = user.role === 'agency_representative' && user.agencyId !== null;
  if (!area || !(manages || (representative && user.areaIds.includes(area.id)))) throw notFound('area');

  // Counts only actions on cases no bar keeps from the viewer: a figure is a view of the cases behind it.
  const byAgency = tallies(db, user, area.id, query, today);

  // Agencies serving the area, and any other that holds one of its actions.
  const serving = db.select({ id: agencies.id, name: agencies.name }).from(agencies).innerJoin(agencyAreas, and(eq(agencyAreas.agencyId, agencies.id), eq(agencyAreas.areaId, area.id))).all();
  const holding = [...byAgency].filter(([id, tally]) => [...tally.byStatus.values()].some((c) => c.all > 0) && !serving.some((a) => a.id === id)).map(([id]) => id);
  const others = holding.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, holding)).all() : [];
  const all = [...serving, ...others].sort((a, b) => a.name.localeCompare(b.name));

  const range: ActionFilter = { areaId: area.id, ...(query.dueFrom ? { dueFrom: query.dueFrom } : {}), ...(query.dueTo ? { dueTo: query.dueTo } : {}) };
  const rowFor = (agencyId: string | null, agencyName: string): ActionReviewRow => {
    const mine = agencyId === null ? [...byAgency.values()] : [byAgency.get(agencyId) ?? emptyTally()];
    const visible = manages || (agencyId !== null && agencyId === user.agencyId);
    const figure = (value: number, narrowing: ActionFilter): ActionFigure => ({
      value,
      filter: visible ? { ...range, ...(agencyId ? { agencyId } : {}), ...narrowing } : null,
    });
    const sum = (statuses: readonly ActionStatus[], which: 'all' | 'overdue') =>
      mine.reduce((total, tally) => total + statuses.reduce((n, status) => n + (tally.byStatus.get(status)?.[which] ?? 0), 0), 0);
    const closedStatuses = CLOSED_ACTION_STATUSES;
    const openStatuses = ACTION_STATUSES.filter((status) => !closedStatuses.includes(status));
    const total = sum(ACTION_STATUSES, 'all');
    const open = sum(openStatuses, 'all');
    const overdue = sum(openStatuses, 'overdue');
    const closed = sum(closedStatuses, 'all');
    const completed = sum(['completed'], 'all');
    const due = closed + overdue;
    const days = new Map<number, number>();
    for (const tally of mine) for (const [d, n] of tally.days) days.set(d, (days.get(d) ?? 0) + n);
    return {
      agencyId,
      agencyName,
      total: figure(total, {}),
      open: figure(open, { state: 'open' }),
      overdue: figure(overdue, { state: 'overdue' }),
      completed: figure(completed, { state: 'completed' }),
      notPossible: figure(sum(['not_possible'], 'all'), { status: 'not_possible' }),
      notCompleted: figure(sum(['not_completed'], 'all'), { status: 'not_completed' }),
      due,
      completionRate: due === 0 ? null : completed / due,
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
