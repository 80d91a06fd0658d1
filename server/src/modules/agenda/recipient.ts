import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import type { Recipient } from './pdf';

/** Who a PDF is made for, as its marking names them: the person and their agency. */
export function recipientOf(db: Db, user: SessionUser): Recipient {
  const agency = user.agencyId ? db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, user.agencyId)).get() : undefined;
  return { name: user.name, agencyName: agency?.name ?? null };
}
