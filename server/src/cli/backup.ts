/**
 * Takes a checked backup of the database, safely while the platform runs and writes:
 *
 *   pnpm backup [--file <database>] [--dir <folder>]
 *
 * The defaults are DATABASE_FILE and BACKUP_DIR; BACKUP_KEY encrypts, BACKUP_KEEP says how many to keep.
 * Relative paths are relative to the repository root, like the settings. Exits non-zero, saying which
 * setting and path is wrong, whenever the backup could not be made and checked.
 */
import { parseArgs } from 'node:util';
import { ConfigError, fromRepoRoot, loadConfig } from '../config';
import { BackupError, megabytes } from '../db/backup/files';
import { backupFile, backupSettings } from '../db/backup/take';

const USAGE = `Usage: pnpm backup [--file <database>] [--dir <folder>]

  --file  the database to back up (default: DATABASE_FILE)
  --dir   the folder to write the backup in (default: BACKUP_DIR)`;

class UsageError extends Error {}

async function main() {
  // `pnpm backup -- --dir …` passes the `--` separator through to the script.
  const argv = process.argv.slice(2);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: { file: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const file = values.file ? fromRepoRoot(values.file) : config.DATABASE_FILE;
  const settings = { ...backupSettings(config), ...(values.dir ? { dir: fromRepoRoot(values.dir) } : {}) };

  const report = await backupFile(file, settings);
  console.log(`Backed up ${file}`);
  console.log(`  to      ${report.file}`);
  console.log(`  size    ${megabytes(report.bytes)}${report.encrypted ? ', encrypted with BACKUP_KEY and decrypted once to verify' : ', not encrypted (BACKUP_KEY is not set)'}`);
  console.log(`  checked integrity ok, ${report.migrations} migrations, as this version expects`);
  console.log(`  took    ${(report.ms / 1000).toFixed(1)} s`);
  console.log(`  kept    the ${settings.keep} newest (BACKUP_KEEP)${report.deleted.length ? `; deleted ${report.deleted.join(', ')}` : ''}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof BackupError || error instanceof ConfigError) console.error(`Backup failed: ${error.message}`);
  else console.error('Backup failed:', error);
  process.exit(1);
});
