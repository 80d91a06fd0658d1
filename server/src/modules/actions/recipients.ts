/**
 * Who hears about an action: the representatives of its agency in its area, the agency's secure
 * mailbox, and the area's coordinators and chairs — never anyone a bar on the case names, which the
 * disclosure policy decides at the moment of sending. Disabled users and agencies hear nothing.
 */

import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Role } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, userAreas, users } from '../../db/schema';
import { mayReceive } from '../cases/policy';

export interface Recipient {
  id: string;
  email: string;
}

/** A path in the web app (`publicUrl` empty) or a full link for an e-mail. */
export const actionLink = (publicUrl: string, actionId: string) => `${publicUrl.replace(/\/$/, '')}/actions/${actionId}`;
export const actionsLink = (publicUrl: string, filter: Record<string, string>) => `${publicUrl.replace(/\/$/, '')}/actions?${new URLSearchParams(filter).toString()}`;

function usersOf(db: Db, role: Role, areaId: string, agencyId: string | null): (Recipient & { agencyId: string | null })[] {
  return db
    .select({ id: users.id, email: users.email, agencyId: users.agencyId })
    .from(users)
    .innerJoin(userAreas, and(eq(userAreas.userId, users.id), eq(userAreas.areaId, areaId)))
    .where(and(eq(users.role, role), isNull(users.disabledAt), ...(agencyId ? [eq(users.agencyId, agencyId)] : [])))
    .all();
}

export function agencyRepresentatives(db: Db, agencyId: string, areaId: string, caseId: string): Recipient[] {
  return usersOf(db, 'agency_representative', areaId, agencyId).filter((u) => mayReceive(db, u, [caseId]));
}

/** The area's coordinators or chairs who may be told of these cases. */
export const areaStaff = (db: Db, areaId: string, role: 'coordinator' | 'chair', caseIds: readonly string[] = []): Recipient[] =>
  usersOf(db, role, areaId, null).filter((u) => mayReceive(db, u, caseIds));

/** The agency's secure mailbox, if it has one and is enabled (whether it may be sent a case is the policy's to say). */
export function agencyMailbox(db: Db, agencyId: string): string | null {
  return db.select({ email: agencies.secureEmail }).from(agencies).where(and(eq(agencies.id, agencyId), isNull(agencies.disabledAt))).get()?.email ?? null;
}

/** The mailboxes of several agencies at once. */
export function agencyMailboxes(db: Db, agencyIds: readonly string[]): Map<string, string> {
  if (agencyIds.length === 0) return new Map();
  return new Map(
    db
      .select({ id: agencies.id, email: agencies.secureEmail })
      .from(agencies)
      .where(and(inArray(agencies.id, [...agencyIds]), isNull(agencies.disabledAt), isNotNull(agencies.secureEmail)))
      .all()
      .map((a) => [a.id, a.email as string]),
  );
}
