import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

/**
 * A query run on nearly every request (the session, the disclosure policy, a referral in full, the
 * audit row), built with the query builder once per database and kept prepared. Building the SQL is
 * what costs: measured on an audited referral read, the builder took about half of the request's time,
 * more than SQLite running every statement. Values are given at each run through placeholders
 * (`sql.placeholder('name')`); a list goes in as one JSON array (`inList`), so the SQL stays the same
 * whatever its length.
 *
 *   const referralById = prepared((db) => db.select().from(referrals).where(eq(referrals.id, sql.placeholder('id'))).prepare());
 *   referralById(db).get({ id });
 *
 * Queries whose shape changes with what is asked (filters, sorting, paging) stay built per call.
 */
export function prepared<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const byDatabase = new WeakMap<Db, Query>();
  return (db) => {
    let query = byDatabase.get(db);
    if (query === undefined) {
      query = build(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}

/** The list given as placeholder `name`, for `inArray(column, inList('ids'))`; pass it as `asList(ids)`. */
export const inList = (name: string): SQL => sql`(select value from json_each(${sql.placeholder(name)}))`;

export const asList = (values: readonly string[]): string => JSON.stringify(values);
