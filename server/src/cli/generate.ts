/**
 * Creates a database full of synthetic MARAC history, for benchmarks and load tests:
 *
 *   pnpm generate --referrals 1000000 --file ./data/bench.db [--seed 42] [--today 2026-11-22]
 *
 * Never writes into a database that already holds data. Every account gets the password
 * "demo-password".
 */

import { existsSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { fromRepoRoot } from '../config';
import { migrateDatabase, openDatabase } from '../db/client';
import { generateHistory, type GenerateSummary } from '../demo/generate';
import { rebuildMatchKeys } from '../modules/people/matching/keys';
import { systemClock, todayInLondon } from '../lib/time';

const USAGE = `Usage: pnpm generate --referrals <count> --file <path> [--seed <integer>] [--today <YYYY-MM-DD>]

  --referrals  accepted plus awaiting-screening referrals to create (1 to 20,000,000)
  --file       the SQLite file to create; it must not exist, or be an empty database
  --seed       random seed (default 42); the same seed and date give the same database
  --today      the day the year of history runs up to (default: today in London)`;

const DEMO_PASSWORD = 'demo-password';

class UsageError extends Error {}

interface Args {
  referrals: number;
  file: string;
  seed: number;
  today: string;
}

function parse(argv: string[]): Args | 'help' {
  // `pnpm generate -- --referrals …` passes the `--` separator through to the script.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        referrals: { type: 'string' },
        file: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';

  if (values.referrals === undefined) throw new UsageError('--referrals is required, for example --referrals 1000000');
  const referralsText = values.referrals.replace(/[_,]/g, '');
  if (!/^\d+$/.test(referralsText)) throw new UsageError(`--referrals must be a whole number, got "${values.referrals}"`);
  const referrals = Number(referralsText);
  if (referrals < 1 || referrals > 20_000_000) throw new UsageError(`--referrals must be from 1 to 20,000,000, got ${referrals}`);

  if (values.file === undefined || values.file.trim() === '') throw new UsageError('--file is required, for example --file ./data/bench.db');
  if (values.file === ':memory:') throw new UsageError('--file must be a file path; an in-memory database would be lost on exit');
  // pnpm runs the script inside the server package, so a relative path is taken from the repository root,
  // like DATABASE_FILE.
  const file = fromRepoRoot(values.file);

  const seedText = values.seed ?? '42';
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) throw new UsageError(`--seed must be an integer, got "${seedText}"`);

  const today = values.today ?? todayInLondon(systemClock);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today) {
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, got "${today}"`);
  }
  return { referrals, file, seed: Number(seedText), today };
}

/** An existing file is only acceptable if it is an empty SQLite database (no tables, or migrated but unused). */
function checkTarget(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  let existing: Database.Database;
  try {
    existing = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new UsageError(`${file} exists and cannot be opened as a database (${error instanceof Error ? error.message : String(error)}); choose a new file`);
  }
  try {
    const tables = new Set(
      (existing.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const count = (table: string) => (tables.has(table) ? (existing.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0);
    const userTables = [...tables].filter((t) => !t.startsWith('sqlite_') && t !== '__drizzle_migrations');
    if (userTables.length > 0 && !tables.has('users')) {
      throw new UsageError(`${file} is a database of something else; refusing to write into it`);
    }
    const rows = count('users') + count('areas') + count('agencies') + count('referrals');
    if (rows > 0) throw new UsageError(`${file} already holds data; refusing to write into it. Choose a new file or delete this one first`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file} exists and is not a readable database (${error instanceof Error ? error.message : String(error)}); choose a new file`);
  } finally {
    existing.close();
  }
}

const fmt = (n: number): string => n.toLocaleString('en-GB');
const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

function printSummary(summary: GenerateSummary, file: string, elapsedMs: number): void {
  const entries = Object.entries(summary).filter(([, n]) => n > 0);
  const width = Math.max(...entries.map(([table]) => table.length));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  console.log('\nRows written:');
  for (const [table, n] of entries) console.log(`  ${table.padEnd(width)}  ${fmt(n).padStart(12)}`);
  console.log(`  ${'total'.padEnd(width)}  ${fmt(total).padStart(12)}`);
  const size = existsSync(file) ? statSync(file).size : 0;
  console.log(`\n${file}: ${(size / 1024 / 1024).toFixed(1)} MiB, generated in ${(elapsedMs / 1000).toFixed(1)} seconds.`);
  console.log(`Every account's password is "${DEMO_PASSWORD}" (for example admin@demo.test).`);
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parse(process.argv.slice(2));
    if (args !== 'help') checkTarget(args.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const { referrals, file, seed, today } = args;
  const createdFile = !existsSync(file);
  console.log(`Generating ${fmt(referrals)} referrals into ${file} (seed ${seed}, history up to ${today})…`);
  const started = performance.now();
  const passwordHash = await hash(DEMO_PASSWORD);

  const interactive = process.stderr.isTTY === true;
  let lastReport = 0;
  const onProgress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastReport < (interactive ? 500 : 10_000)) return;
    lastReport = now;
    const line = `  ${fmt(done)} / ${fmt(total)} referrals (${Math.floor((100 * done) / total)}%), ${duration(now - started)}`;
    process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
  };

  const database = openDatabase(file);
  try {
    migrateDatabase(database.db);
    const summary = generateHistory(database, {
      seed,
      today,
      referrals,
      passwordHash,
      onProgress,
      onPhase: () => process.stderr.write(`${interactive ? '\n' : ''}  rebuilding indexes, ${duration(performance.now() - started)}…\n`),
    });
    if (interactive) process.stderr.write('\n');
    process.stderr.write(`  history written, ${duration(performance.now() - started)}\n`);
    process.stderr.write('  filing everyone for identity matching…\n');
    const keys = rebuildMatchKeys(database);
    process.stderr.write(`  ${fmt(keys.keys)} match keys for ${fmt(keys.people)} people, ${duration(keys.milliseconds)}\n`);
    database.sqlite.pragma('optimize');
    database.close();
    printSummary(summary, file, performance.now() - started);
    return 0;
  } catch (error) {
    if (database.sqlite.open) database.close();
    if (createdFile) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    console.error(`\nError: generation failed${createdFile ? ' and the incomplete file was removed' : ''}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
