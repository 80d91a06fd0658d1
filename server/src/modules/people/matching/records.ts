/**
 * Reading what matching needs about stored people, a few hundred at a time, through prepared statements
 * on the raw connection: at a million people the query builder's per-call cost would be most of the
 * time budget. The SQL is plain SELECTs with IN lists and ranges, as portable as the rest.
 */

import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { Gender } from '@marac/shared';
import type { Db } from '../../../db/client';

export type NameKind = 'alias' | 'previous_name' | 'spelling_variant' | 'nickname';

/** One stored person as matching sees them. */
export interface PersonRecord {
  id: string;
  givenName: string;
  familyName: string;
  gender: Gender;
  otherNames: { givenName: string; familyName: string; kind: NameKind }[];
  datesOfBirth: string[];
  addresses: { line1: string; postcode: string | null }[];
  phones: string[];
}

/** The better-sqlite3 connection behind a drizzle database (drizzle keeps it as `$client`). */
export function connectionOf(db: Db): Database.Database {
  const client = (db as Db & { $client?: Database.Database }).$client;
  if (client === undefined) throw new Error('Identity matching needs a better-sqlite3 drizzle database');
  return client;
}

const statements = new WeakMap<Database.Database, Map<string, Statement>>();

/** Prepared once per connection and SQL text. */
export function statement(sqlite: Database.Database, sql: string): Statement {
  let cache = statements.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * IN lists are padded up to a power of two (repeating the last id, which changes nothing), so a handful
 * of prepared statements serve every list length.
 */
const IN_CHUNK = 512;

function inChunks(ids: readonly string[]): { size: number; params: string[] }[] {
  const chunks: { size: number; params: string[] }[] = [];
  for (let start = 0; start < ids.length; start += IN_CHUNK) {
    const params = ids.slice(start, start + IN_CHUNK);
    let size = 1;
    while (size < params.length) size *= 2;
    const last = params[params.length - 1] as string;
    while (params.length < size) params.push(last);
    chunks.push({ size, params });
  }
  return chunks;
}

const placeholders = (size: number): string => Array.from({ length: size }, () => '?').join(',');

/** Rows of `sql` (whose WHERE ends in `IN`) for every id, a chunk at a time. */
export function selectIn<T>(sqlite: Database.Database, sql: (list: string) => string, ids: readonly string[]): T[] {
  const rows: T[] = [];
  for (const chunk of inChunks(ids)) {
    const found = statement(sqlite, sql(`(${placeholders(chunk.size)})`)).all(...chunk.params) as T[];
    for (const row of found) rows.push(row);
  }
  return rows;
}

/** Runs `sql` (whose WHERE ends in `IN`) for every id, a chunk at a time. */
export function runIn(sqlite: Database.Database, sql: (list: string) => string, ids: readonly string[]): void {
  for (const chunk of inChunks(ids)) statement(sqlite, sql(`(${placeholders(chunk.size)})`)).run(...chunk.params);
}

interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  gender: Gender;
}
interface NameRow {
  person_id: string;
  given_name: string;
  family_name: string;
  kind: NameKind;
}
interface DateRow {
  person_id: string;
  date_of_birth: string;
}
interface AddressRow {
  person_id: string;
  line1: string;
  postcode: string | null;
}
interface PhoneRow {
  person_id: string;
  phone: string;
}

function assemble(people: PersonRow[], names: NameRow[], dates: DateRow[], addresses: AddressRow[], phones: PhoneRow[]): Map<string, PersonRecord> {
  const records = new Map<string, PersonRecord>();
  for (const p of people) {
    records.set(p.id, {
      id: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      gender: p.gender,
      otherNames: [],
      datesOfBirth: [],
      addresses: [],
      phones: [],
    });
  }
  for (const n of names) records.get(n.person_id)?.otherNames.push({ givenName: n.given_name, familyName: n.family_name, kind: n.kind });
  for (const d of dates) records.get(d.person_id)?.datesOfBirth.push(d.date_of_birth);
  for (const a of addresses) records.get(a.person_id)?.addresses.push({ line1: a.line1, postcode: a.postcode });
  for (const t of phones) records.get(t.person_id)?.phones.push(t.phone);
  return records;
}

/** The stored people with these ids (unknown ids are left out). */
export function loadPeople(sqlite: Database.Database, ids: readonly string[]): Map<string, PersonRecord> {
  if (ids.length === 0) return new Map();
  return assemble(
    selectIn<PersonRow>(sqlite, (list) => `SELECT id, given_name, family_name, gender FROM people WHERE id IN ${list}`, ids),
    selectIn<NameRow>(sqlite, (list) => `SELECT person_id, given_name, family_name, kind FROM person_names WHERE person_id IN ${list}`, ids),
    selectIn<DateRow>(sqlite, (list) => `SELECT person_id, date_of_birth FROM person_birth_dates WHERE person_id IN ${list}`, ids),
    selectIn<AddressRow>(sqlite, (list) => `SELECT person_id, line1, postcode FROM person_addresses WHERE person_id IN ${list}`, ids),
    selectIn<PhoneRow>(sqlite, (list) => `SELECT person_id, phone FROM person_phones WHERE person_id IN ${list}`, ids),
  );
}

/**
 * The next `limit` people after `afterId` in id order, with everything about them, for walking the
 * whole table. Each related table is read as one index range rather than an IN list.
 */
export function loadPeopleAfter(sqlite: Database.Database, afterId: string, limit: number): PersonRecord[] {
  const people = statement(sqlite, 'SELECT id, given_name, family_name, gender FROM people WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as PersonRow[];
  const last = people[people.length - 1];
  if (last === undefined) return [];
  const range = (sql: string) => statement(sqlite, sql).all(afterId, last.id);
  const records = assemble(
    people,
    range('SELECT person_id, given_name, family_name, kind FROM person_names WHERE person_id > ? AND person_id <= ?') as NameRow[],
    range('SELECT person_id, date_of_birth FROM person_birth_dates WHERE person_id > ? AND person_id <= ?') as DateRow[],
    range('SELECT person_id, line1, postcode FROM person_addresses WHERE person_id > ? AND person_id <= ?') as AddressRow[],
    range('SELECT person_id, phone FROM person_phones WHERE person_id > ? AND person_id <= ?') as PhoneRow[],
  );
  return [...records.values()];
}
