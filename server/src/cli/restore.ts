/**
 * Puts a backup in place of the database, with the platform stopped:
 *
 *   pnpm restore <backup file> [--file <database>]
 *
 * The default target is DATABASE_FILE; an encrypted backup needs BACKUP_KEY. Refuses while a platform
 * process uses the database, checks the backup before touching anything, and keeps the database it
 * replaces beside it as `<file>.replaced-<time>`. Relative paths are relative to the repository root.
 */
import { parseArgs } from 'node:util';
import { ConfigError, fromRepoRoot, loadConfig } from '../config';
import { BackupError, megabytes } from '../db/backup/files';
import { restoreBackup } from '../db/backup/restore';

const USAGE = `Usage: pnpm restore <backup file> [--file <database>]

  <backup file>  a file written by pnpm backup (marac-….db, or marac-….db.enc with BACKUP_KEY set)
  --file         the database to replace (default: DATABASE_FILE); the platform must be stopped`;

class UsageError extends Error {}

async function main() {
  const argv = process.argv.slice(2);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.positionals.length !== 1) throw new UsageError('Name exactly one backup file to restore.');
  const config = loadConfig();
  const from = fromRepoRoot(parsed.positionals[0] as string);
  const target = parsed.values.file ? fromRepoRoot(parsed.values.file) : config.DATABASE_FILE;

  const report = await restoreBackup(from, target, { key: config.BACKUP_KEY });
  console.log(`Restored ${report.from}${report.encrypted ? ' (decrypted with BACKUP_KEY)' : ''}`);
  console.log(`  to      ${report.file} (${megabytes(report.bytes)})`);
  console.log(`  checked integrity ok, ${report.migrations} migrations, as this version expects`);
  console.log(report.replaced.length ? `  kept    the database it replaced as ${report.replaced.join(', ')}` : '  there was no database there before');
  console.log(`  took    ${(report.ms / 1000).toFixed(1)} s`);
  console.log('Start the platform to use it.');
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof BackupError || error instanceof ConfigError) console.error(`Restore failed: ${error.message}`);
  else console.error('Restore failed:', error);
  process.exit(1);
});
