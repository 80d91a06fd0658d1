import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from './client';

interface JournalEntry {
  tag: string;
  when: number;
}

let journal: readonly JournalEntry[] | undefined;

/** The migrations this version of the platform knows, oldest first. */
export function knownMigrations(): readonly JournalEntry[] {
  journal ??= (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
  return journal;
}

/**
 * The migrations applied to a database, by the journal instant drizzle records for each (`created_at`);
 * null when it has no record of migrations at all.
 */
export function appliedMigrations(sqlite: Database.Database): number[] | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  return (sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as { at: number | string }[]).map((row) => Number(row.at));
}

export interface MigrationComparison {
  /** Migrations this version knows that the database has not had: an older database. */
  missing: string[];
  /** How many the database has had that this version does not know: a newer version has run on it. */
  unknown: number;
}

/** How a database's migrations stand against this version's: the one comparison start-up, backups and readiness make. */
export function compareMigrations(applied: readonly number[]): MigrationComparison {
  const known = knownMigrations();
  const knownAt = new Set(known.map((m) => m.when));
  return { missing: known.filter((m) => !applied.includes(m.when)).map((m) => m.tag), unknown: applied.filter((at) => !knownAt.has(at)).length };
}
