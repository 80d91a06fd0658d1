import type { Db } from '../../db/client';
import type { SessionUser } from '../auth/session-store';
import type { Recipient } from './pdf';
import { agencyNameOf } from '../../db/names';

/** Who a PDF is made for, as its marking names them: the person and their agency. */
export function recipientOf(db: Db, user: SessionUser): Recipient {
  const agencyName = user.agencyId ? agencyNameOf(db, user.agencyId) : undefined;
  return { name: user.name, agencyName: agencyName ?? null };
}
