/**
 * Which actions a person may see, as the disclosure policy decides (`../cases/policy.ts`). Every read
 * and write of this module starts here, so an id changed in a request reaches nothing the user may not
 * see: it reads as not existing (404).
 *
 * - Coordinators and chairs: every action agreed at a meeting of their areas.
 * - Agency representatives: the actions their agency owns in their areas.
 * - Never an action on a case a bar names them (their agency or their e-mail) on. The case behind an
 *   action only as far as the policy allows (`requireCase`).
 */

import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, agencies, areas, cases, meetings } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { admitListed, notBarred, partyOf, staffOf } from '../cases/policy';

const nothing = sql`1 = 0`;

/**
 * Where the user's actions are, bars aside: the areas and, for a representative, the agency. Given the
 * columns holding an action's area and agency, so that the tallies (`action_tallies`) are scoped the
 * same way as the actions.
 */
export function actionScope(user: SessionUser, on: { areaId: SQL; agencyId: SQL } = { areaId: sql`${meetings.areaId}`, agencyId: sql`${actions.agencyId}` }): SQL {
  if (user.areaIds.length === 0) return nothing;
  if (user.role === 'coordinator' || user.role === 'chair') return inArray(on.areaId, user.areaIds);
  if (user.role === 'agency_representative' && user.agencyId) return and(eq(on.agencyId, user.agencyId), inArray(on.areaId, user.areaIds)) as SQL;
  return nothing;
}

/** The actions the user may see, as a condition on a query joining `actions` and `meetings`. */
export function visibleActions(user: SessionUser): SQL {
  return and(actionScope(user), notBarred(partyOf(user), actions.caseId)) as SQL;
}

/** The coordinator or chair of the action's area: they may update any of its actions, reassign and reopen. */
export const managesActionsOf = (user: SessionUser, areaId: string): boolean => staffOf(user, areaId);

/**
 * The actions the user may see that meet `conditions`, with what every view of one needs. The actions
 * drive the join (SQLite's CROSS JOIN keeps them the outer loop): a list then walks them in the order
 * asked, from an index, a page at a time, where starting from the area's meetings would sort every
 * action the area ever agreed before giving the first.
 */
export const actionRows = (db: Db, user: SessionUser, ...conditions: (SQL | undefined)[]) =>
  db
    .select({
      action: actions,
      caseReference: cases.reference,
      caseStatus: cases.status,
      areaId: meetings.areaId,
      areaName: areas.name,
      agencyName: agencies.name,
      meetingDate: meetings.date,
    })
    .from(actions)
    .crossJoin(meetings)
    .innerJoin(areas, eq(areas.id, meetings.areaId))
    .innerJoin(cases, eq(cases.id, actions.caseId))
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .where(and(eq(meetings.id, actions.meetingId), visibleActions(user), ...conditions));

export type ActionRow = ReturnType<ReturnType<typeof actionRows>['all']>[number];

/** Rows read through `visibleActions`: their cases may leave with the response. */
export function admitted<T extends { action: { caseId: string } }>(user: SessionUser, rows: T[]): T[] {
  admitListed(
    user,
    rows.map((r) => r.action.caseId),
  );
  return rows;
}

/** The action if the user may see it; otherwise it reads as not existing. */
export function findVisibleAction(db: Db, user: SessionUser, actionId: string): ActionRow {
  const row = actionRows(db, user, eq(actions.id, actionId)).get();
  if (!row) throw notFound('action');
  return admitted(user, [row])[0] as ActionRow;
}
