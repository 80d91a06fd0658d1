import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Database_ {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/**
 * Opens the SQLite file with the settings the platform relies on: WAL for concurrent readers,
 * foreign keys enforced, and synchronous=FULL because better-sqlite3's WAL default (NORMAL) can lose
 * the last committed transactions on power loss — unacceptable for an audit trail.
 */
export function openDatabase(file: string): Database_ {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, close: () => sqlite.close() };
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * Runs `work` in an IMMEDIATE transaction: the write lock is taken up front, so a read-then-write cannot
 * be overtaken by another writer between the read and the write. Everything inside, audit rows
 * included, commits or rolls back together.
 */
export function transaction<T>(database: Database_, work: (db: Db) => T): T {
  return database.sqlite.transaction(() => work(database.db)).immediate();
}
