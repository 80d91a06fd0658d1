/**
 * Agenda-generation benchmark (not a timed test):
 *
 *   cd tests && npx tsx bench/agenda.ts [--referrals 1000000] [--db <path>] [--candidates 40] [--runs 30]
 *
 * Builds, once, a database of `--referrals` referrals from the synthetic generator (cached at `--db`,
 * default <repo>/data/bench/agenda-1m.db; generation is not part of the benchmark). Each run takes a
 * planned meeting of the busiest area, takes `--candidates` accepted referrals off the coming agendas
 * they are on so they wait to be listed, times `generateAgenda` for the meeting, and rolls everything back, so
 * every run starts from the same state.
 *
 * Prints the median and p95 time per generation, and as a baseline measured in the same run the plain
 * indexed read of the waiting referrals the generator starts from. Exits non-zero if the median is over
 * 100 ms.
 */

import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase, type Database_ } from '../../server/src/db/client';
import { generateHistory } from '../../server/src/demo/generate';
import { generateAgenda } from '../../server/src/modules/agenda/generate';
import { meetingById } from '../../server/src/modules/meetings/calendar';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MEDIAN_MS = 100;
const GENERATOR_SEED = 42;
const GENERATOR_TODAY = '2026-11-22';
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2gtb25seQ$YmVuY2gtb25seS1ub3QtYS1yZWFsLWhhc2g';
const WARM_UP = 3;

function parse() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { referrals: { type: 'string' }, db: { type: 'string' }, candidates: { type: 'string' }, runs: { type: 'string' } },
    strict: true,
  });
  const referrals = Number((values.referrals ?? '1000000').replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(referrals) || referrals < 1000) throw new Error(`--referrals must be a whole number of at least 1,000, got ${values.referrals}`);
  const name = referrals === 1_000_000 ? 'agenda-1m.db' : `agenda-${referrals}.db`;
  const db = values.db ? resolve(process.env.INIT_CWD ?? process.cwd(), values.db) : resolve(REPO, 'data/bench', name);
  const candidates = Number(values.candidates ?? '40');
  const runs = Number(values.runs ?? '30');
  if (!Number.isSafeInteger(candidates) || candidates < 1) throw new Error(`--candidates must be a whole number, got ${values.candidates}`);
  if (!Number.isSafeInteger(runs) || runs < 5) throw new Error(`--runs must be at least 5, got ${values.runs}`);
  return { referrals, db, candidates, runs };
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

function prepare(args: ReturnType<typeof parse>): Database_ {
  const fresh = !existsSync(args.db);
  if (fresh) mkdirSync(dirname(args.db), { recursive: true });
  const database = openDatabase(args.db);
  migrateDatabase(database.db);
  if (fresh) {
    console.log(`Generating ${fmt(args.referrals)} referrals into ${args.db} (once; not part of the benchmark)…`);
    const started = performance.now();
    let last = 0;
    generateHistory(database, {
      seed: GENERATOR_SEED,
      today: GENERATOR_TODAY,
      referrals: args.referrals,
      passwordHash: PASSWORD_HASH,
      onProgress: (done, total) => {
        if (performance.now() - last < 10_000 && done < total) return;
        last = performance.now();
        process.stderr.write(`  ${fmt(done)} / ${fmt(total)} referrals, ${secs(performance.now() - started)}\n`);
      },
      onPhase: () => process.stderr.write('  rebuilding indexes…\n'),
    });
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`Generated in ${secs(performance.now() - started)}.`);
  }
  return database;
}

interface Scene {
  meetingId: string;
  areaId: string;
  itemIds: string[];
  referralIds: string[];
  cutoff: string;
}

/**
 * The busiest area's first planned meeting, and at least `count` accepted referrals listed on that
 * meeting and the ones after it, to be taken off their agendas so they wait for this one. An entry
 * lists every referral of its case, so whole entries come off.
 */
function chooseScene(database: Database_, count: number): Scene {
  const sqlite = database.sqlite;
  const area = sqlite.prepare("SELECT area_id AS id, count(*) AS n FROM referrals WHERE status = 'accepted' GROUP BY area_id ORDER BY n DESC LIMIT 1").get() as { id: string; n: number };
  const first = sqlite
    .prepare("SELECT id FROM meetings WHERE area_id = ? AND status = 'planned' AND date > ? ORDER BY date LIMIT 1")
    .get(area.id, GENERATOR_TODAY) as { id: string } | undefined;
  if (!first) throw new Error('the generated database has no planned meeting to build an agenda for');
  // The cases come off the agendas of the coming meetings, published or not.
  const coming = sqlite
    .prepare("SELECT id FROM meetings WHERE area_id = ? AND status IN ('planned', 'agenda_published') AND date > ? ORDER BY date LIMIT 20")
    .all(area.id, GENERATOR_TODAY) as { id: string }[];
  const itemIds = new Set<string>();
  const referralIds: string[] = [];
  let cutoff = '0000-00-00';
  for (const meeting of coming) {
    const listed = sqlite
      .prepare(
        `SELECT i.id AS itemId, r.id, r.referral_date AS date FROM agenda_items i
         JOIN agenda_item_referrals l ON l.item_id = i.id JOIN referrals r ON r.id = l.referral_id
         WHERE i.meeting_id = ? AND i.status = 'listed' ORDER BY i.position, r.referral_date`,
      )
      .all(meeting.id) as { itemId: string; id: string; date: string }[];
    for (const r of listed) {
      if (referralIds.length >= count && !itemIds.has(r.itemId)) break;
      itemIds.add(r.itemId);
      referralIds.push(r.id);
      if (r.date > cutoff) cutoff = r.date;
    }
    if (referralIds.length >= count) break;
  }
  if (referralIds.length < count) throw new Error(`only ${referralIds.length} listed referrals found on planned meetings; ask for fewer --candidates`);
  return { meetingId: first.id, areaId: area.id, itemIds: [...itemIds], referralIds, cutoff };
}

/** Inside the open transaction: the scene's referrals wait to be listed and the meeting's cut-off covers them. */
function stage(database: Database_, scene: Scene): void {
  const sqlite = database.sqlite;
  const items = scene.itemIds.map(() => '?').join(',');
  const list = scene.referralIds.map(() => '?').join(',');
  sqlite.prepare(`DELETE FROM agenda_item_referrals WHERE item_id IN (${items})`).run(...scene.itemIds);
  sqlite.prepare(`DELETE FROM agenda_items WHERE id IN (${items})`).run(...scene.itemIds);
  sqlite.prepare(`UPDATE referrals SET agenda_meeting_id = NULL WHERE id IN (${list})`).run(...scene.referralIds);
  sqlite.prepare('UPDATE meetings SET referral_cutoff = ? WHERE id = ?').run(scene.cutoff, scene.meetingId);
}

function main(): void {
  const args = parse();
  const database = prepare(args);
  const sqlite = database.sqlite;
  const total = (sqlite.prepare('SELECT count(*) AS n FROM referrals').get() as { n: number }).n;
  const scene = chooseScene(database, args.candidates);
  const waiting = sqlite.prepare(
    "SELECT id, case_id, reference, referral_date, urgent, criteria_met FROM referrals WHERE area_id = ? AND status = 'accepted' AND agenda_meeting_id IS NULL AND referral_date <= ?",
  );

  const generation: number[] = [];
  const baseline: number[] = [];
  let listed = 0;
  let overflow = 0;
  let candidatesSeen = 0;
  for (let run = 0; run < WARM_UP + args.runs; run++) {
    sqlite.exec('BEGIN');
    try {
      stage(database, scene);
      const b0 = performance.now();
      candidatesSeen = waiting.all(scene.areaId, scene.cutoff).length;
      const b1 = performance.now();
      const meeting = meetingById(database.db, scene.meetingId);
      if (!meeting) throw new Error('the meeting went missing');
      const g0 = performance.now();
      const result = generateAgenda(database.db, meeting);
      const g1 = performance.now();
      listed = result.listed;
      overflow = result.overflow.length;
      if (run >= WARM_UP) {
        generation.push(g1 - g0);
        baseline.push(b1 - b0);
      }
    } finally {
      sqlite.exec('ROLLBACK');
    }
  }
  generation.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const median = percentile(generation, 0.5);
  const baseMedian = percentile(baseline, 0.5);

  console.log('');
  console.log(`Agenda generation over ${fmt(total)} referrals (${args.runs} runs after ${WARM_UP} warm-up)`);
  console.log(`  waiting referrals read:     ${fmt(candidatesSeen)} (target ${fmt(args.candidates)}); listed ${fmt(listed)}, carried over ${fmt(overflow)}`);
  console.log(`  generation   median ${ms(median)}   p95 ${ms(percentile(generation, 0.95))}   (target median ≤ ${TARGET_MEDIAN_MS} ms)`);
  console.log(`  baseline     median ${ms(baseMedian)}   p95 ${ms(percentile(baseline, 0.95))}   (the indexed read of waiting referrals alone)`);
  console.log(`  ratio        ${(median / baseMedian).toFixed(1)}× the baseline`);
  database.close();
  if (median > TARGET_MEDIAN_MS) {
    console.error(`FAILED: median ${ms(median)} is over ${TARGET_MEDIAN_MS} ms`);
    process.exitCode = 1;
  }
}

main();
