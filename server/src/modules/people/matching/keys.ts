/**
 * Blocking keys: short strings stored in `person_match_keys` under which a person is looked up, so that
 * matching reads a few small blocks instead of every person held.
 *
 * Each key combines two of the three strong identifiers (surname, given name, date of birth), so one
 * error in any one of them still leaves a key in common with the record as it was first written:
 *
 *   n<surname>|<given>|<year>   names sound alike, same year of birth (a day or month mistyped);
 *                               `n<surname>|<given>|` for someone with no date of birth, and the
 *                               prefix `n<surname>|<given>|` finds everyone with those names when the
 *                               query has no date of birth
 *   m<surname>|<given>|<mmdd>   names sound alike, same day and month in either order (year mistyped)
 *   g<date><given>              same date of birth (day and month in either order), given name sounds
 *                               alike or is a nickname of it (a changed or misspelt surname)
 *   f<date><surname>            same date of birth, surname sounds alike (a misspelt or other given name)
 *   p<postcode>                 same full postcode
 *   t<phone>                    same phone number
 *
 * <surname> and <given> are Double Metaphone codes; the given name is first mapped to its nickname group
 * (Bob → Robert) and a surname is keyed whole and by each part of a double-barrelled name. <date> is
 * YYYYMMDD, and <mmdd> its last four digits, with day and month in a fixed order, so a swapped day and
 * month is the same key.
 *
 * Measured on the generator's 1,025,644 people (tests/bench/matching.ts prints the figures): 6.1 keys
 * per person; about one person per date key (at most 10) and per names-and-year key (at most 21), nine
 * per postcode (at most 56), and for a query without a date of birth a names block of about a hundred
 * people (at most 544). Phone blocks hold hundreds only because the generator draws every number from
 * Ofcom's 1,000-number drama range; real numbers are near unique.
 */

import type Database from 'better-sqlite3';
import { transaction, type Database_, type Db } from '../../../db/client';
import { canonicalGiven, dateDigits, familyForms, nameTokens, normalisePhone, normalisePostcode, phonetic, unorderedDayMonth } from './normalise';
import { connectionOf, loadPeople, loadPeopleAfter, runIn, statement, type PersonRecord } from './records';

export interface KeySource {
  givenNames: readonly string[];
  familyNames: readonly string[];
  datesOfBirth: readonly string[];
  postcodes: readonly string[];
  phones: readonly string[];
}

/** Codes of every given name: the first word only, so a middle name written or left out changes nothing. */
export function givenCodes(givenNames: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const given of givenNames) {
    const first = nameTokens(given)[0];
    if (first !== undefined) codes.add(phonetic(canonicalGiven(first)));
  }
  return [...codes];
}

/** Codes of every surname, whole and by part. */
export function familyCodes(familyNames: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const family of familyNames) {
    const forms = familyForms(family);
    if (forms.whole === '') continue;
    codes.add(phonetic(forms.whole));
    for (const part of forms.parts) codes.add(phonetic(part));
  }
  return [...codes];
}

function dateCodes(datesOfBirth: readonly string[]): string[] {
  const dates = new Set<string>();
  for (const dob of datesOfBirth) {
    const digits = dateDigits(dob);
    if (digits !== null) dates.add(unorderedDayMonth(digits));
  }
  return [...dates];
}

export const nameYearKey = (family: string, given: string, year: string): string => `n${family}|${given}|${year}`;

/** Every key a stored person is filed under. Sorted and without duplicates, so it is stable for the same person. */
export function matchKeysFor(person: KeySource): string[] {
  const keys = new Set<string>();
  const givens = givenCodes(person.givenNames);
  const families = familyCodes(person.familyNames);
  const dates = dateCodes(person.datesOfBirth);
  for (const f of families) {
    for (const g of givens) {
      if (dates.length === 0) keys.add(nameYearKey(f, g, ''));
      for (const date of dates) {
        keys.add(nameYearKey(f, g, date.slice(0, 4)));
        keys.add(`m${f}|${g}|${date.slice(4)}`);
      }
    }
  }
  for (const date of dates) {
    for (const g of givens) keys.add(`g${date}${g}`);
    for (const f of families) keys.add(`f${date}${f}`);
  }
  for (const postcode of person.postcodes) {
    const normalised = normalisePostcode(postcode);
    if (normalised !== null && normalised.compact.length >= 5) keys.add(`p${normalised.compact}`);
  }
  for (const phone of person.phones) {
    const digits = normalisePhone(phone);
    if (digits !== null) keys.add(`t${digits}`);
  }
  return [...keys].sort();
}

export interface SearchKeys {
  /** Keys looked up exactly. */
  readonly exact: readonly string[];
  /** Key prefixes looked up as ranges: everyone with these names, whatever their date of birth. */
  readonly prefixes: readonly string[];
}

/**
 * What to look up for someone being matched: their own keys, plus the names-without-date keys of people
 * held with no date of birth. Without a date of birth of its own, the query instead reads the whole
 * names block (every year) as a key range.
 */
export function searchKeysFor(person: KeySource): SearchKeys {
  const exact = new Set(matchKeysFor(person));
  const prefixes = new Set<string>();
  const hasDate = dateCodes(person.datesOfBirth).length > 0;
  for (const f of familyCodes(person.familyNames)) {
    for (const g of givenCodes(person.givenNames)) {
      const prefix = nameYearKey(f, g, '');
      if (hasDate) exact.add(prefix);
      else {
        exact.delete(prefix);
        prefixes.add(prefix);
      }
    }
  }
  return { exact: [...exact].sort(), prefixes: [...prefixes].sort() };
}

/** The kind of a key (its first letter), for statistics and for weighing how a candidate was found. */
export type KeyKind = 'n' | 'm' | 'g' | 'f' | 'p' | 't';
export const keyKind = (key: string): KeyKind => key[0] as KeyKind;

// ---- Keeping the stored keys up to date ------------------------------------------------------------------

/** The keys of a stored person: every name they are known by, every date of birth, address and phone. */
export function keysOfRecord(person: PersonRecord): string[] {
  return matchKeysFor({
    givenNames: [person.givenName, ...person.otherNames.map((n) => n.givenName)],
    familyNames: [person.familyName, ...person.otherNames.map((n) => n.familyName)],
    datesOfBirth: person.datesOfBirth,
    postcodes: person.addresses.flatMap((a) => (a.postcode === null ? [] : [a.postcode])),
    phones: person.phones,
  });
}

/** Rows per multi-row INSERT: far fewer statement calls when millions of keys are written. */
const INSERT_ROWS = 100;

function insertKeys(sqlite: Database.Database, rows: readonly (readonly [string, string])[]): void {
  const many = statement(sqlite, `INSERT INTO person_match_keys (key, person_id) VALUES ${Array.from({ length: INSERT_ROWS }, () => '(?, ?)').join(', ')}`);
  const one = statement(sqlite, 'INSERT INTO person_match_keys (key, person_id) VALUES (?, ?)');
  const params: string[] = [];
  let start = 0;
  for (; start + INSERT_ROWS <= rows.length; start += INSERT_ROWS) {
    params.length = 0;
    for (let i = start; i < start + INSERT_ROWS; i += 1) {
      const row = rows[i] as readonly [string, string];
      params.push(row[0], row[1]);
    }
    many.run(...params);
  }
  for (; start < rows.length; start += 1) {
    const row = rows[start] as readonly [string, string];
    one.run(row[0], row[1]);
  }
}

/** Key rows for these people, in key order so that index pages fill in order. */
function keyRows(people: Iterable<PersonRecord>): [string, string][] {
  const rows: [string, string][] = [];
  for (const person of people) for (const key of keysOfRecord(person)) rows.push([key, person.id]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return rows;
}

/**
 * Recomputes the keys of these people from what is stored about them now. Runs in the caller's
 * transaction (it is what `onPeopleChanged` should call), so the keys commit with the change they
 * describe; a person who no longer exists simply loses their keys.
 */
export function updateMatchKeys(db: Db, personIds: readonly string[]): number {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return 0;
  const sqlite = connectionOf(db);
  runIn(sqlite, (list) => `DELETE FROM person_match_keys WHERE person_id IN ${list}`, ids);
  const rows = keyRows(loadPeople(sqlite, ids).values());
  insertKeys(sqlite, rows);
  return rows.length;
}

export interface RebuildSummary {
  people: number;
  keys: number;
  milliseconds: number;
}

/** People read and keyed at a time in a full rebuild: bounds memory. */
const REBUILD_CHUNK = 10_000;
/**
 * People per transaction in a full rebuild. Every commit writes out each index page touched since the
 * last one, and new keys land all over the key index, so few large transactions are much faster than
 * many small ones; other writers wait for at most one transaction (some seconds at this size).
 */
const REBUILD_TRANSACTION = 100_000;

/**
 * Recomputes the keys of the given people, or of everyone. Everyone is walked in id order, each batch
 * replacing its own people's keys in one transaction: matching keeps working during a rebuild (each
 * person has either their old keys or their new ones), and an interrupted rebuild can simply be run
 * again.
 */
export function rebuildMatchKeys(
  database: Database_,
  personIds?: readonly string[],
  onProgress?: (people: number) => void,
): RebuildSummary {
  const started = performance.now();
  if (personIds !== undefined) {
    const keys = transaction(database, (db) => updateMatchKeys(db, personIds));
    return { people: new Set(personIds).size, keys, milliseconds: performance.now() - started };
  }
  const sqlite = database.sqlite;
  const remove = statement(sqlite, 'DELETE FROM person_match_keys WHERE person_id > ? AND person_id <= ?');
  let after = '';
  let people = 0;
  let keys = 0;
  let finished = false;
  while (!finished) {
    transaction(database, () => {
      for (let done = 0; done < REBUILD_TRANSACTION; done += REBUILD_CHUNK) {
        const batch = loadPeopleAfter(sqlite, after, REBUILD_CHUNK);
        const last = batch[batch.length - 1];
        if (last === undefined) {
          // Keys of people removed since the last rebuild, beyond the last id walked.
          statement(sqlite, 'DELETE FROM person_match_keys WHERE person_id > ?').run(after);
          finished = true;
          return;
        }
        remove.run(after, last.id);
        const rows = keyRows(batch);
        insertKeys(sqlite, rows);
        people += batch.length;
        keys += rows.length;
        after = last.id;
      }
    });
    onProgress?.(people);
  }
  return { people, keys, milliseconds: performance.now() - started };
}
