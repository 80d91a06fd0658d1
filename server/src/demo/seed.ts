/**
 * Demo data for a new deployment started in demo mode: a year of synthetic MARAC history, so every page
 * has something realistic to show. Never touches a database that already has users.
 */

import type { Database_ } from '../db/client';
import { rebuildMatchKeys } from '../modules/people/matching/keys';
import { generateHistory, type GenerateSummary } from './generate';

/** Fixed, so every demo deployment shows the same people and cases. */
export const DEMO_SEED = 20261122;
/** About a year of referrals for one city and one county MARAC. */
export const DEMO_REFERRALS = 700;

export interface SeedDemoOptions {
  /** The day the history runs up to, `YYYY-MM-DD` (normally today in London). */
  today: string;
  /** The hash of the shared demo password, computed once by the caller. */
  passwordHash: string;
}

/**
 * Fills the database with demo data if it has no users yet. Returns true when it seeded, false when the
 * database was already in use (and was left exactly as it was).
 */
export function seedDemoIfEmpty(database: Database_, options: SeedDemoOptions): boolean {
  return seedDemo(database, options) !== null;
}

/** As `seedDemoIfEmpty`, returning the rows written, or null when the database was already in use. */
export function seedDemo(database: Database_, options: SeedDemoOptions): GenerateSummary | null {
  const users = database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  if (users.n > 0) return null;
  // One transaction for the whole demo: a crash part-way leaves an empty database that seeds again on
  // the next start, never a half-filled one that would then be skipped as "already in use".
  const summary = generateHistory(database, {
    seed: DEMO_SEED,
    today: options.today,
    referrals: DEMO_REFERRALS,
    passwordHash: options.passwordHash,
    batchSize: Number.POSITIVE_INFINITY,
  });
  // The demo's people are filed for identity matching like people created through screening.
  rebuildMatchKeys(database);
  return summary;
}
