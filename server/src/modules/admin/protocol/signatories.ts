/**
 * Who has signed an area's information-sharing protocol, as the rest of the platform asks it: an
 * agency may be invited to an area's meetings, and sent anything about their cases, only while it has
 * a signature for that area that has not been withdrawn.
 */

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { protocolSignatures } from '../../../db/schema';

/** The ids of the agencies with a current signature for the area, as a subquery for `inArray`. */
export const currentSignatories = (db: Db, areaId: string) =>
  db
    .select({ agencyId: protocolSignatures.agencyId })
    .from(protocolSignatures)
    .where(and(eq(protocolSignatures.areaId, areaId), isNull(protocolSignatures.withdrawnOn)));

export function hasSignedProtocol(db: Db, areaId: string, agencyId: string): boolean {
  return (
    db
      .select({ id: protocolSignatures.id })
      .from(protocolSignatures)
      .where(and(eq(protocolSignatures.areaId, areaId), eq(protocolSignatures.agencyId, agencyId), isNull(protocolSignatures.withdrawnOn)))
      .get() !== undefined
  );
}

/** The same question for many agencies at once: the set of those with a current signature. */
export const signedAgencyIds = (db: Db, areaId: string): Set<string> => new Set(currentSignatories(db, areaId).all().map((row) => row.agencyId));
