/**
 * Who may see which action, and which case behind it. Every read and write of this module starts here,
 * so an id changed in a request reaches nothing the user may not see: it reads as not existing (404).
 *
 * - Coordinators and chairs: every action agreed at a meeting of their areas.
 * - Agency representatives: the actions their agency owns in their areas, except on a case whose
 *   referral names them (by e-mail) as someone it is not safe to contact. The case behind an action
 *   only as far as their agency's invitations allow (a research packet for it at some meeting).
 */

import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, agencies, agendaItems, areas, cases, meetings, referrals, unsafeContacts } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { packetItems } from '../agenda/packets';
import { screensArea } from '../referrals/access';

const nothing = sql`1 = 0`;

/** Not on a case whose referrals name this user's e-mail as unsafe to contact. */
const notUnsafeFor = (user: SessionUser): SQL =>
  sql`not exists (select 1 from ${unsafeContacts} inner join ${referrals} on ${referrals.id} = ${unsafeContacts.referralId} where ${referrals.caseId} = ${actions.caseId} and lower(${unsafeContacts.email}) = ${user.email.toLowerCase()})`;

/** The actions the user may see, as a condition on a query joining `actions` and `meetings`. */
export function visibleActions(user: SessionUser): SQL {
  if (user.areaIds.length === 0) return nothing;
  if (user.role === 'coordinator' || user.role === 'chair') return inArray(meetings.areaId, user.areaIds);
  if (user.role === 'agency_representative' && user.agencyId) {
    return and(eq(actions.agencyId, user.agencyId), inArray(meetings.areaId, user.areaIds), notUnsafeFor(user)) as SQL;
  }
  return nothing;
}

/** The coordinator or chair of the action's area: they may update any of its actions, reassign and reopen. */
export const managesActionsOf = (user: SessionUser, areaId: string): boolean => screensArea(user, areaId);

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

/** The action if the user may see it; otherwise it reads as not existing. */
export function findVisibleAction(db: Db, user: SessionUser, actionId: string): ActionRow {
  const row = actionRows(db)
    .where(and(eq(actions.id, actionId), visibleActions(user)))
    .get();
  if (!row) throw notFound('action');
  return row;
}

export type CaseRow = typeof cases.$inferSelect;

/**
 * Whether the representative's agency was invited for the case: a research packet for it at one of the
 * meetings of their areas that listed it (which also keeps out a user the referral names as unsafe).
 */
export function invitedForCase(db: Db, user: SessionUser, caseId: string): boolean {
  if (user.role !== 'agency_representative' || !user.agencyId || user.areaIds.length === 0) return false;
  const listedAt = db
    .selectDistinct({ meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, caseId), ne(agendaItems.status, 'removed'), inArray(meetings.areaId, user.areaIds), ne(meetings.status, 'planned')))
    .orderBy(asc(meetings.date))
    .all();
  return listedAt.some(({ meeting }) => packetItems(db, user, meeting).some((item) => item.caseId === caseId));
}

/** The case if the user may see it: the area's coordinators and chairs, and invited representatives. */
export function findVisibleCase(db: Db, user: SessionUser, caseId: string): { row: CaseRow; manages: boolean } {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw notFound('case');
  if (screensArea(user, row.areaId)) return { row, manages: true };
  if (invitedForCase(db, user, caseId)) return { row, manages: false };
  throw notFound('case');
}
