import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fromRepoRoot } from '../config';
import { GroupCommit } from './group-commit';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Database_ {
  sqlite: Database.Database;
  db: Db;
  /** Small writes that ride on reads (audit rows of views, session touches), committed in groups. */
  commits: GroupCommit;
  close(): void;
}

/** Distinct statements kept prepared; SQL built from lists of varying length would otherwise grow it forever. */
const STATEMENT_CACHE_SIZE = 2_000;

/**
 * Prepares each distinct SQL text once. The query builder asks for a new statement on every call, and
 * preparing costs more than running most of the indexed reads a request makes. A statement taken from
 * the cache is put back in its default modes, because the builder switches `raw` on for some queries
 * and leaves it so. None of the platform's code iterates a statement, the one use a shared statement
 * would not allow.
 */
function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      // Recently used goes to the back, so the least recently used is the first to go.
      cache.delete(source);
      cache.set(source, cached);
      return cached.reader ? cached.raw(false).pluck(false).expand(false) : cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}

export const MIGRATIONS_FOLDER = fromRepoRoot('migrations');

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
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  const commits = new GroupCommit((work) => sqlite.transaction(work).immediate(), db);
  return {
    sqlite,
    db,
    commits,
    close: () => {
      // Whatever rides on a read and is still queued is written before the file is closed.
      if (sqlite.open) commits.flush();
      sqlite.close();
    },
  };
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * Runs `work` in an IMMEDIATE transaction: the write lock is taken up front, so a read-then-write cannot
 * be overtaken by another writer between the read and the write. Everything inside, audit rows
 * included, commits or rolls back together. Writes queued for a group commit go in first, so the audit
 * trail keeps the order of events; if the change fails they are committed on their own.
 */
export function transaction<T>(database: Database_, work: (db: Db) => T): T {
  const { commits, sqlite } = database;
  const queued = sqlite.inTransaction ? [] : commits.take();
  let result: T;
  try {
    result = sqlite
      .transaction(() => {
        commits.writeAll(queued);
        return work(database.db);
      })
      .immediate();
  } catch (error) {
    commits.commitBatch(queued);
    throw error;
  }
  GroupCommit.settle(queued);
  return result;
}

/**
 * Runs `work`, which only reads, on one snapshot of the database: a deferred transaction, which takes
 * no write lock and costs no disk sync.
 */
export function readTransaction<T>(database: Database_, work: (db: Db) => T): T {
  return database.sqlite.transaction(() => work(database.db)).deferred();
}
