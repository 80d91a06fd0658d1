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

/** The actions the user may see, as a condition on a query joining `actions` and `meetings`. */
export function visibleActions(user: SessionUser): SQL {
  if (user.areaIds.length === 0) return nothing;
  const unbarred = notBarred(partyOf(user), actions.caseId);
  if (user.role === 'coordinator' || user.role === 'chair') return and(inArray(meetings.areaId, user.areaIds), unbarred) as SQL;
  if (user.role === 'agency_representative' && user.agencyId) return and(eq(actions.agencyId, user.agencyId), inArray(meetings.areaId, user.areaIds), unbarred) as SQL;
  return nothing;
}

/** The coordinator or chair of the action's area: they may update any of its actions, reassign and reopen. */
export const managesActionsOf = (user: SessionUser, areaId: string): boolean => staffOf(user, areaId);

/** An action with what every view of it needs, read through `visibleActions`. */
export const actionRows = (db: Db) =>
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
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(areas, eq(areas.id, meetings.areaId))
    .innerJoin(cases, eq(cases.id, actions.caseId))
    .innerJoin(agencies, eq(agencies.id, actions.agencyId));

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
  const row = actionRows(db)
    .where(and(eq(actions.id, actionId), visibleActions(user)))
    .get();
  if (!row) throw notFound('action');
  return admitted(user, [row])[0] as ActionRow;
}
