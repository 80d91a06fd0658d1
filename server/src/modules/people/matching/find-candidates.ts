/**
 * Finds the people already held, in any area, who may be the person a referral names.
 *
 * Reads the query's blocks from `person_match_keys`, loads the few people in them with a handful of IN
 * queries, scores each against the query and returns the best few above the suggestion threshold,
 * leaving out pairs a coordinator has already rejected.
 */

import type { Db } from '../../../db/client';
import { searchKeysFor, type KeySource } from './keys';
import { connectionOf, loadPeople, selectIn, statement } from './records';
import { SUGGESTION_THRESHOLD, comparePrepared, prepareSubject, type MatchSubject } from './score';

export interface CandidateQuery extends MatchSubject {
  /** Set when the subject is already a stored person: never suggested to itself, and its rejected pairs are left out. */
  personId?: string | null;
}

export interface Candidate {
  personId: string;
  score: number;
  reasons: string[];
}

export interface FindCandidatesOptions {
  excludePersonIds?: readonly string[];
  /** At most this many suggestions; defaults to MAX_SUGGESTIONS. */
  limit?: number;
  /** Only candidates scoring at least this; defaults to SUGGESTION_THRESHOLD. */
  minScore?: number;
}

export const MAX_SUGGESTIONS = 5;
const LIMIT_CEILING = 50;

/**
 * A key shared by more people than this is skipped. It identifies nobody: a hostel's or refuge's
 * postcode, a switchboard number, or in the generated data any phone (every number comes from the
 * 1,000-number drama range, so each is shared by hundreds). Date and name keys stay far below it.
 */
const KEY_BLOCK_CAP = 100;

/**
 * A query without a date of birth reads everyone with the same sounding names, every year: a few
 * hundred people for the commonest combinations among a million. Past this many only the first are
 * read (in key order, so the earliest years of birth): such a query cannot be told apart from its
 * namesakes by names alone anyway.
 */
const RANGE_BLOCK_CAP = 1_000;

/** Never more people than this are loaded and scored for one query; those found under most keys go first. */
const MAX_SCORED = 800;

export function keySourceOf(subject: MatchSubject): KeySource {
  const others = subject.otherNames ?? [];
  return {
    givenNames: [subject.givenName, ...others.map((n) => n.givenName)],
    familyNames: [subject.familyName, ...others.map((n) => n.familyName)],
    datesOfBirth: subject.datesOfBirth ?? [],
    postcodes: (subject.addresses ?? []).flatMap((a) => (a.postcode ? [a.postcode] : [])),
    phones: subject.phones ?? [],
  };
}

/** People who may be the same as `query`, best first. */
export function findCandidates(db: Db, query: CandidateQuery, options: FindCandidatesOptions = {}): Candidate[] {
  const sqlite = connectionOf(db);
  const limit = Math.max(1, Math.min(LIMIT_CEILING, Math.floor(options.limit ?? MAX_SUGGESTIONS)));
  const minScore = options.minScore ?? SUGGESTION_THRESHOLD;
  const search = searchKeysFor(keySourceOf(query));

  const hits = new Map<string, number>();
  const found = (rows: { person_id: string }[]) => {
    for (const row of rows) hits.set(row.person_id, (hits.get(row.person_id) ?? 0) + 1);
  };
  const commonPhones = new Set<string>();
  const byKey = statement(sqlite, `SELECT person_id FROM person_match_keys WHERE key = ? LIMIT ${KEY_BLOCK_CAP + 1}`);
  for (const key of search.exact) {
    const rows = byKey.all(key) as { person_id: string }[];
    if (rows.length <= KEY_BLOCK_CAP) found(rows);
    else if (key.startsWith('t')) commonPhones.add(key.slice(1));
  }
  const byRange = statement(sqlite, `SELECT DISTINCT person_id FROM person_match_keys WHERE key >= ? AND key < ? LIMIT ${RANGE_BLOCK_CAP}`);
  for (const prefix of search.prefixes) {
    // Prefixes end in "|" and "}" is the next character, so this is every key that starts with the
    // prefix. It relies on byte-order comparison of keys (SQLite's default; in PostgreSQL the column
    // needs COLLATE "C", since language collations skip punctuation).
    found(byRange.all(prefix, `${prefix.slice(0, -1)}}`) as { person_id: string }[]);
  }

  const excluded = new Set(options.excludePersonIds ?? []);
  if (query.personId) excluded.add(query.personId);
  for (const id of excluded) hits.delete(id);
  if (hits.size === 0) return [];

  let ids = [...hits.keys()];
  if (ids.length > MAX_SCORED) ids = ids.sort((a, b) => (hits.get(b) as number) - (hits.get(a) as number)).slice(0, MAX_SCORED);

  if (query.personId) {
    const personId = query.personId;
    const rejected = new Set(
      (statement(sqlite, "SELECT other_person_id FROM identity_decisions WHERE person_id = ? AND decision = 'rejected'").all(personId) as { other_person_id: string }[]).map(
        (r) => r.other_person_id,
      ),
    );
    const reverse = selectIn<{ person_id: string; other_person_id: string }>(
      sqlite,
      (list) => `SELECT person_id, other_person_id FROM identity_decisions WHERE decision = 'rejected' AND person_id IN ${list}`,
      ids,
    );
    for (const r of reverse) if (r.other_person_id === personId) rejected.add(r.person_id);
    if (rejected.size > 0) ids = ids.filter((id) => !rejected.has(id));
  }

  const prepared = prepareSubject(query);
  const context = { commonPhones };
  const scored: (Candidate & { weight: number })[] = [];
  for (const record of loadPeople(sqlite, ids).values()) {
    const result = comparePrepared(prepared, prepareSubject(record), context);
    if (result.score >= minScore) scored.push({ personId: record.id, score: result.score, reasons: result.reasons, weight: result.weight });
  }
  scored.sort((a, b) => b.score - a.score || b.weight - a.weight || (a.personId < b.personId ? -1 : 1));
  return scored.slice(0, limit).map(({ personId, score, reasons }) => ({ personId, score, reasons }));
}
