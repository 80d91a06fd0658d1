import { and, count, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginFailures } from '../../db/schema';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 5 * 60_000;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** True when the account or the address has failed too often in the window: both are limited. */
export function isLockedOut(db: Db, keys: string[], now: Date): boolean {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  for (const key of keys) {
    const n = db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
      .get()?.n ?? 0;
    if (n >= MAX_FAILURES) return true;
  }
  return false;
}

export function recordFailure(db: Db, keys: string[], now: Date) {
  db.insert(loginFailures).values(keys.map((key) => ({ key, at: now.toISOString() }))).run();
  // Old rows are of no further use; trimming here keeps the table from growing without a separate job.
  db.delete(loginFailures)
    .where(lte(loginFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()))
    .run();
}

/** A correct password clears the account's count; the address count stays, so one good account cannot reset it. */
export function clearAccountFailures(db: Db, email: string) {
  db.delete(loginFailures).where(inArray(loginFailures.key, [accountKey(email)])).run();
}
