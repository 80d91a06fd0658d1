import { and, desc, like, notLike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, referrals } from '../../db/schema';

/**
 * The highest sequence number already used after `prefix`. Area codes may contain hyphens, so a
 * reference of another area can start with this prefix ("NB-2026-…" and area "NB-2026"); those carry
 * a further hyphen after the prefix and are left out. Run inside the writing (IMMEDIATE) transaction,
 * so two submissions cannot take the same number.
 */
function lastSequence(db: Db, table: typeof referrals | typeof cases, prefix: string): number {
  // Area codes are letters, digits and hyphens only, so the prefix holds no LIKE wildcards.
  const column = table.reference;
  const row = db
    .select({ reference: column })
    .from(table)
    .where(and(like(column, `${prefix}%`), notLike(column, `${prefix}%-%`)))
    .orderBy(desc(sql`length(${column})`), desc(column))
    .limit(1)
    .get();
  const digits = row?.reference.slice(prefix.length) ?? '';
  return /^\d+$/.test(digits) ? Number(digits) : 0;
}

const yearOf = (isoDate: string) => isoDate.slice(0, 4);

/** `NBC-R-2026-00042`: numbered per area code and year of submission. */
export function nextReferralReference(db: Db, areaCode: string, today: string): string {
  const prefix = `${areaCode}-R-${yearOf(today)}-`;
  return `${prefix}${String(lastSequence(db, referrals, prefix) + 1).padStart(5, '0')}`;
}

/** `NBC-2026-0042`: numbered per area code and year the case was opened. */
export function nextCaseReference(db: Db, areaCode: string, today: string): string {
  const prefix = `${areaCode}-${yearOf(today)}-`;
  return `${prefix}${String(lastSequence(db, cases, prefix) + 1).padStart(4, '0')}`;
}
