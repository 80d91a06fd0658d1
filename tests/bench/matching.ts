/**
 * Identity-matching benchmark (not a timed test):
 *
 *   cd tests && npx tsx bench/matching.ts [--people 1000000] [--db <path>] [--queries 500] [--seed 7]
 *
 * Builds, once, a database of at least `--people` people from the synthetic generator and files their
 * match keys (cached at `--db`, default <repo>/data/bench/matching-1m.db; generation is not part of the
 * benchmark). Then plants true matches — stored people written down again with one kind of variant each
 * — and invents as many strangers who are not stored, and times `findCandidates` for every one.
 *
 * Prints median, p95 and p99 time per query, recall of the planted matches, suggestions per query, and
 * a plain indexed key lookup measured in the same run as a baseline. Exits non-zero if a target is
 * missed: median ≤ 25 ms, p95 ≤ 60 ms, recall ≥ 95 %, at most 5 suggestions per query on average.
 */

import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase, type Database_ } from '../../server/src/db/client';
import { generateHistory } from '../../server/src/demo/generate';
import { Random } from '../../server/src/demo/random';
import { findCandidates, keySourceOf, type CandidateQuery } from '../../server/src/modules/people/matching/find-candidates';
import { matchKeysFor, rebuildMatchKeys, searchKeysFor } from '../../server/src/modules/people/matching/keys';
import { loadPeople, type PersonRecord } from '../../server/src/modules/people/matching/records';
import { VARIANT_KINDS, inventPerson, plantVariant, type VariantKind } from './matching-variants';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGETS = { medianMs: 25, p95Ms: 60, recall: 0.95, suggestions: 5 };

/** The generator's history, fixed so that every run measures the same people. */
const GENERATOR_SEED = 42;
const GENERATOR_TODAY = '2026-11-22';
/** The generator writes about 2.33 people per referral (victim, perpetrator, children, household). */
const REFERRALS_PER_PERSON = 0.44;
/** Shaped like an argon2 hash: nobody signs in to the benchmark database. */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2gtb25seQ$YmVuY2gtb25seS1ub3QtYS1yZWFsLWhhc2g';
const META_KEYS = 'bench.matching.keys';
const META_KEY_BUILD = 'bench.matching.keys_build_ms';

interface Args {
  people: number;
  db: string;
  queries: number;
  seed: number;
}

function parse(): Args {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { people: { type: 'string' }, db: { type: 'string' }, queries: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  const people = Number((values.people ?? '1000000').replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(people) || people < 1000) throw new Error(`--people must be a whole number of at least 1,000, got ${values.people}`);
  const name = people === 1_000_000 ? 'matching-1m.db' : `matching-${people}.db`;
  const db = values.db ? resolve(process.env.INIT_CWD ?? process.cwd(), values.db) : resolve(REPO, 'data/bench', name);
  const queries = Number(values.queries ?? '500');
  const seed = Number(values.seed ?? '7');
  if (!Number.isSafeInteger(queries) || queries < 10) throw new Error(`--queries must be a whole number of at least 10, got ${values.queries}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  return { people, db, queries, seed };
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;
const count = (database: Database_, sql: string) => (database.sqlite.prepare(sql).get() as { n: number }).n;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** Changes whenever the key scheme does, so a cached database gets its keys rebuilt. */
function keySchemeFingerprint(): string {
  const samples = [
    { givenNames: ['Bob', 'Robert'], familyNames: ['Smith-Jones', "O'Brien"], datesOfBirth: ['1985-03-07'], postcodes: ['xc1 4ab'], phones: ['+44 7700 900123'] },
    { givenNames: ['Kate', 'Zoë'], familyNames: ['MacCarthy', 'O’Connor', 'Al-Hassan'], datesOfBirth: [], postcodes: [], phones: [] },
  ];
  const keys = samples.map((s) => matchKeysFor(s).join(',')).join(';') + JSON.stringify(searchKeysFor(samples[1] as (typeof samples)[number]));
  return createHash('sha256').update(keys).digest('hex').slice(0, 16);
}

function readMeta(database: Database_, key: string): string | undefined {
  return (database.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}
function writeMeta(database: Database_, key: string, value: string): void {
  database.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

function prepareDatabase(args: Args): { database: Database_; keyBuildMs: number; rebuilt: boolean } {
  const fresh = !existsSync(args.db);
  const database = openDatabase(args.db);
  if (fresh) {
    migrateDatabase(database.db);
    const referrals = Math.ceil(args.people * REFERRALS_PER_PERSON);
    console.log(`Generating ${fmt(referrals)} referrals into ${args.db} (once; not part of the benchmark)…`);
    const started = performance.now();
    let last = 0;
    generateHistory(database, {
      seed: GENERATOR_SEED,
      today: GENERATOR_TODAY,
      referrals,
      passwordHash: PASSWORD_HASH,
      onProgress: (done, total) => {
        if (performance.now() - last < 10_000 && done < total) return;
        last = performance.now();
        process.stderr.write(`  ${fmt(done)} / ${fmt(total)} referrals, ${secs(performance.now() - started)}\n`);
      },
      onPhase: () => process.stderr.write('  rebuilding indexes…\n'),
    });
    console.log(`Generated in ${secs(performance.now() - started)}.`);
  }
  const people = count(database, 'SELECT count(*) AS n FROM people');
  if (people < args.people) {
    database.close();
    throw new Error(`${args.db} holds ${fmt(people)} people, fewer than the ${fmt(args.people)} asked for: remove it or pass another --db`);
  }
  const fingerprint = keySchemeFingerprint();
  if (readMeta(database, META_KEYS) === fingerprint) {
    return { database, keyBuildMs: Number(readMeta(database, META_KEY_BUILD) ?? Number.NaN), rebuilt: false };
  }
  console.log(`Filing match keys for ${fmt(people)} people…`);
  const summary = rebuildMatchKeys(database, undefined, (done) => process.stderr.write(`  ${fmt(done)} people\n`));
  writeMeta(database, META_KEYS, fingerprint);
  writeMeta(database, META_KEY_BUILD, String(Math.round(summary.milliseconds)));
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { database, keyBuildMs: summary.milliseconds, rebuilt: true };
}

/** Bytes of the key table and its indexes, where SQLite was built with the dbstat table. */
function keyStorage(database: Database_): number | null {
  try {
    const row = database.sqlite
      .prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'person_match_keys')")
      .get() as { n: number | null };
    return row.n;
  } catch {
    return null;
  }
}

/** Block sizes per key kind, read in key order in one pass. */
function blockStats(database: Database_): void {
  const sizes = new Map<string, number[]>();
  const add = (kind: string, n: number) => {
    const list = sizes.get(kind) ?? [];
    list.push(n);
    sizes.set(kind, list);
  };
  let key = '';
  let run = 0;
  let prefix = '';
  const prefixPeople = new Set<string>();
  for (const row of database.sqlite.prepare('SELECT key, person_id FROM person_match_keys ORDER BY key').iterate() as IterableIterator<{ key: string; person_id: string }>) {
    if (row.key !== key) {
      if (run > 0) add(key[0] as string, run);
      key = row.key;
      run = 0;
    }
    run += 1;
    if (row.key.startsWith('n')) {
      const p = row.key.slice(0, row.key.indexOf('|', row.key.indexOf('|') + 1) + 1);
      if (p !== prefix) {
        if (prefixPeople.size > 0) add('n*', prefixPeople.size);
        prefix = p;
        prefixPeople.clear();
      }
      prefixPeople.add(row.person_id);
    }
  }
  if (run > 0) add(key[0] as string, run);
  if (prefixPeople.size > 0) add('n*', prefixPeople.size);
  const labels: Record<string, string> = {
    n: 'names + year of birth',
    'n*': 'names, any year (no-DOB query)',
    m: 'names + day/month',
    g: 'date of birth + given name',
    f: 'date of birth + surname',
    p: 'postcode',
    t: 'phone',
  };
  console.log('\nBlock sizes (people per key):');
  console.log(`  ${'key kind'.padEnd(34)} ${'keys'.padStart(10)} ${'mean'.padStart(7)} ${'median'.padStart(7)} ${'p99'.padStart(6)} ${'max'.padStart(6)} ${'seen by a query (mean)'.padStart(23)}`);
  for (const kind of ['n', 'n*', 'm', 'g', 'f', 'p', 't']) {
    const list = (sizes.get(kind) ?? []).sort((a, b) => a - b);
    const total = list.reduce((s, n) => s + n, 0);
    // What a query landing on a random stored person's key sees: blocks weighted by their size.
    const weighted = list.reduce((s, n) => s + n * n, 0) / Math.max(1, total);
    console.log(
      `  ${(labels[kind] ?? kind).padEnd(34)} ${fmt(list.length).padStart(10)} ${(total / Math.max(1, list.length)).toFixed(1).padStart(7)} ${String(percentile(list, 0.5)).padStart(7)} ${String(percentile(list, 0.99)).padStart(6)} ${String(list[list.length - 1] ?? 0).padStart(6)} ${weighted.toFixed(1).padStart(23)}`,
    );
  }
}

interface Planted {
  kind: VariantKind;
  originalId: string;
  query: CandidateQuery;
}

function plant(database: Database_, rng: Random, total: number): Planted[] {
  const maxRowid = (database.sqlite.prepare('SELECT max(rowid) AS n FROM people').get() as { n: number }).n;
  const byRowid = database.sqlite.prepare('SELECT id FROM people WHERE rowid = ?');
  const planted: Planted[] = [];
  const used = new Set<string>();
  for (let i = 0; i < total; i += 1) {
    const kind = VARIANT_KINDS[i % VARIANT_KINDS.length] as VariantKind;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const row = byRowid.get(rng.int(1, maxRowid)) as { id: string } | undefined;
      if (row === undefined || used.has(row.id)) continue;
      const person = loadPeople(database.sqlite, [row.id]).get(row.id) as PersonRecord;
      const query = plantVariant(rng, person, kind);
      if (query === null) continue;
      used.add(row.id);
      planted.push({ kind, originalId: row.id, query });
      break;
    }
  }
  return planted;
}

function main(): number {
  const args = parse();
  const { database, keyBuildMs, rebuilt } = prepareDatabase(args);
  const db = database.db;
  const people = count(database, 'SELECT count(*) AS n FROM people');
  const keyRows = count(database, 'SELECT count(*) AS n FROM person_match_keys');
  const size = ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(args.db + suffix) ? statSync(args.db + suffix).size : 0), 0);
  console.log(`\nDatabase: ${args.db}`);
  console.log(`  ${fmt(people)} people, ${fmt(keyRows)} match keys (${(keyRows / people).toFixed(2)} per person), ${(size / 1024 ** 3).toFixed(2)} GiB on disk`);
  const keyBytes = keyStorage(database);
  console.log(
    `  keys for everyone filed in ${secs(keyBuildMs)}${rebuilt ? ' (this run)' : ' (when the database was built)'}` +
      (keyBytes === null ? '' : `; the key table and its indexes take ${(keyBytes / 1024 ** 2).toFixed(0)} MiB`),
  );
  blockStats(database);

  const rng = new Random(args.seed);
  const planted = plant(database, rng, args.queries);
  const strangers = Array.from({ length: args.queries }, () => inventPerson(rng));
  const warmRng = new Random(args.seed + 1_000_003);
  const warmUp = [...plant(database, warmRng, 100).map((p) => p.query), ...Array.from({ length: 100 }, () => inventPerson(warmRng))];
  for (const query of warmUp) findCandidates(db, query);

  // Interleaved so that neither kind of query gets a cache warmed by the other's.
  const queries: { query: CandidateQuery; planted: Planted | null }[] = [];
  for (let i = 0; i < Math.max(planted.length, strangers.length); i += 1) {
    const p = planted[i];
    if (p) queries.push({ query: p.query, planted: p });
    const s = strangers[i];
    if (s) queries.push({ query: s, planted: null });
  }

  const times: number[] = [];
  let suggestions = 0;
  let strangerSuggestions = 0;
  let strangersWithAny = 0;
  const strangerReasons = new Map<string, number>();
  const recallByKind = new Map<VariantKind, { found: number; total: number; scores: number[] }>();
  const missed: { kind: VariantKind; query: CandidateQuery; original: string }[] = [];
  for (const { query, planted: p } of queries) {
    const started = performance.now();
    const candidates = findCandidates(db, query);
    times.push(performance.now() - started);
    suggestions += candidates.length;
    if (p === null) {
      strangerSuggestions += candidates.length;
      if (candidates.length > 0) strangersWithAny += 1;
      for (const c of candidates) {
        const reasons = c.reasons.filter((r) => !r.startsWith('shares postcode district')).join('; ');
        strangerReasons.set(reasons, (strangerReasons.get(reasons) ?? 0) + 1);
      }
      continue;
    }
    const entry = recallByKind.get(p.kind) ?? { found: 0, total: 0, scores: [] };
    entry.total += 1;
    const hit = candidates.find((c) => c.personId === p.originalId);
    if (hit) {
      entry.found += 1;
      entry.scores.push(hit.score);
    } else missed.push({ kind: p.kind, query, original: p.originalId });
    recallByKind.set(p.kind, entry);
  }

  // Baseline: one plain indexed lookup of a key each query would read, same connection, same run.
  const lookup = database.sqlite.prepare('SELECT person_id FROM person_match_keys WHERE key = ?');
  const baseKeys = queries.map(({ query }) => searchKeysFor(keySourceOf(query)).exact[0]).filter((k): k is string => k !== undefined);
  for (const key of baseKeys.slice(0, 100)) lookup.all(key);
  const baseTimes: number[] = [];
  for (const key of baseKeys) {
    const started = performance.now();
    lookup.all(key);
    baseTimes.push(performance.now() - started);
  }

  times.sort((a, b) => a - b);
  baseTimes.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const p99 = percentile(times, 0.99);
  const baseMedian = percentile(baseTimes, 0.5);
  const found = [...recallByKind.values()].reduce((s, e) => s + e.found, 0);
  const recall = found / Math.max(1, planted.length);
  const perQuery = suggestions / queries.length;

  console.log(`\nQueries: ${fmt(planted.length)} planted true matches (${VARIANT_KINDS.length} kinds) and ${fmt(strangers.length)} invented people who are not stored`);
  console.log('\nRecall by kind of variant (share of planted queries whose original is suggested; scores of those found):');
  for (const kind of VARIANT_KINDS) {
    const e = recallByKind.get(kind);
    if (!e) continue;
    const scores = e.scores.sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(34)} ${`${e.found}/${e.total}`.padStart(7)}  ${((100 * e.found) / e.total).toFixed(1).padStart(5)} %   score min ${scores[0] ?? '-'}, median ${percentile(scores, 0.5) || '-'}`);
  }
  for (const m of missed.slice(0, 5)) {
    const original = loadPeople(database.sqlite, [m.original]).get(m.original);
    console.log(`  missed (${m.kind}): ${JSON.stringify({ query: m.query, stored: original })}`);
  }
  console.log(`\nInvented people: ${(strangerSuggestions / Math.max(1, strangers.length)).toFixed(2)} suggestions each on average; ${((100 * strangersWithAny) / Math.max(1, strangers.length)).toFixed(1)} % got any. Commonest evidence behind them:`);
  for (const [reasons, n] of [...strangerReasons].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${String(n).padStart(5)}  ${reasons}`);

  console.log('\nfindCandidates, per query (after warm-up):');
  console.log(`  median ${ms(median)}   p95 ${ms(p95)}   p99 ${ms(p99)}   max ${ms(times[times.length - 1] ?? Number.NaN)}`);
  console.log(`Baseline, one indexed key lookup: median ${(baseMedian * 1000).toFixed(1)} µs; findCandidates median is ${(median / baseMedian).toFixed(0)}× that`);
  console.log(`Recall ${(100 * recall).toFixed(1)} %; ${perQuery.toFixed(2)} suggestions per query on average (all queries)`);

  const verdicts = [
    { ok: median <= TARGETS.medianMs, text: `median ${ms(median)} ≤ ${TARGETS.medianMs} ms` },
    { ok: p95 <= TARGETS.p95Ms, text: `p95 ${ms(p95)} ≤ ${TARGETS.p95Ms} ms` },
    { ok: recall >= TARGETS.recall, text: `recall ${(100 * recall).toFixed(1)} % ≥ ${100 * TARGETS.recall} %` },
    { ok: perQuery <= TARGETS.suggestions, text: `suggestions ${perQuery.toFixed(2)} ≤ ${TARGETS.suggestions} per query` },
    { ok: people >= args.people, text: `${fmt(people)} stored people ≥ ${fmt(args.people)}` },
  ];
  console.log('');
  for (const v of verdicts) console.log(`${v.ok ? 'PASS' : 'FAIL'}  ${v.text}`);
  database.close();
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

process.exitCode = main();
