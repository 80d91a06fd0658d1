/**
 * Record versions: how a change two people could make at once never silently undoes the other's.
 * Every change a person makes names the version of the record it started from; the check and the
 * increment are one statement, so of two changes racing from the same version exactly one wins and the
 * other is refused (409) with nothing changed. Changes the platform makes by itself (an escalation, a
 * bar withdrawing research) take the next version too, so a save from a screen read before them is
 * refused rather than putting back what they changed.
 *
 * Used by every module whose records carry a version (actions, research, minutes, meetings and their
 * agendas, areas, agencies, users).
 */

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import type { actions, agencies, areas, meetings, minutes, research, users } from './schema';
import { conflict } from '../lib/errors';

type Versioned = typeof actions | typeof agencies | typeof areas | typeof meetings | typeof minutes | typeof research | typeof users;

/** The refusal of a change made from an older version, naming what was changed in plain words. */
export const staleVersion = (what: string) =>
  conflict(`Someone else changed ${what} since you opened it: their version is shown; check it, then make your change again`, [
    { field: 'version', message: 'Changed by someone else meanwhile' },
  ]);

/**
 * Takes the next version of a record for a change that started from `version`, or refuses the change.
 * Call it inside the change's transaction, after the access checks (a record the person may not see
 * must still read as not existing) and before anything is written; a refusal later in the transaction
 * rolls the increment back with everything else. Returns the new version.
 */
export function claimVersion(db: Db, table: Versioned, id: string, version: number, what: string): number {
  // Each table's `id` and `version` columns are alike; the union only confuses the builder's overloads.
  const result = db
    .update(table as typeof actions)
    .set({ version: sql`${table.version} + 1` })
    .where(and(eq(table.id, id), eq(table.version, version)))
    .run();
  if (result.changes === 0) throw staleVersion(what);
  return version + 1;
}

/** The next version, for a change the platform makes by itself in the same statement as the change. */
export const nextVersion = (table: Versioned) => sql`${table.version} + 1`;
