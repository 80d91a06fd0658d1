/** Checks, made on a plain copy before it is called good: a backup just taken, or one about to be restored. */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { compareMigrations } from '../migrations';
import { BackupError } from './files';

/**
 * Drizzle identifies an applied migration by its journal timestamp (`created_at`), so a copy fits this
 * version when it holds exactly the journal's timestamps: an older copy would be migrated under the
 * running platform without anyone deciding to, a newer one holds tables this version does not know.
 */
function migrationProblem(applied: number[] | null): string | null {
  if (applied === null) return 'it holds no migrations record: it is not a database of this platform';
  const { unknown: newer, missing } = compareMigrations(applied);
  if (newer > 0) return `it was made by a newer version of the platform (${newer} migration${newer === 1 ? '' : 's'} this version does not know)`;
  if (missing.length > 0) return `it was made by an older version of the platform (without ${missing.join(', ')})`;
  return null;
}

/**
 * Reads a copy in a worker thread: SQLite's full integrity check reads every page (about 20 s for a
 * database of 100,000 referrals), and inside the platform that must not stop it answering. Plain
 * JavaScript, so it runs the same under tsx, vitest and node.
 */
const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let sqlite;
try {
  sqlite = new Database(workerData.file, { fileMustExist: true });
  sqlite.pragma('journal_mode = DELETE');
  const integrity = sqlite.pragma('integrity_check').map((row) => row.integrity_check);
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const applied = table ? sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations').all().map((row) => Number(row.at)) : null;
  parentPort.postMessage({ integrity, applied });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.code ? error.code : error && error.message ? error.message : error) });
} finally {
  if (sqlite) sqlite.close();
}
`;

const SQLITE_DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

type CheckAnswer = { integrity: string[]; applied: number[] | null } | { error: string };

function readCopy(file: string): Promise<CheckAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_WORKER, { eval: true, workerData: { file, driver: SQLITE_DRIVER } });
    worker.once('message', (answer: CheckAnswer) => resolve(answer));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check stopped (exit ${code})`)));
  });
}

/**
 * Makes a plain copy a single self-contained file (rollback journal, not WAL, so there is no -wal file
 * to lose beside it) and checks it: SQLite's full integrity check, and the migrations. Returns the
 * number of migrations. `what` names the copy in messages.
 */
export async function checkCopy(file: string, what: string): Promise<number> {
  const answer = await readCopy(file);
  if ('error' in answer) throw new BackupError(`${what} could not be read as a database (${answer.error}): it is damaged or not a database.`);
  const { integrity, applied } = answer;
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    throw new BackupError(`${what} failed SQLite's integrity check (${integrity.length} problem${integrity.length === 1 ? '' : 's'}): it is damaged.`);
  }
  const problem = migrationProblem(applied);
  if (problem) throw new BackupError(`${what} does not fit this version of the platform: ${problem}.`);
  return applied?.length ?? 0;
}
