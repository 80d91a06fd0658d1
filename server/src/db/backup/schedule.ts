/** Scheduled backups, taken by the running platform itself. */
import type { Config } from '../../config';
import type { JobRegistry } from '../../lib/jobs';
import type { Clock } from '../../lib/time';
import type { Database_ } from '../client';
import { listBackups, stampTime } from './folder';
import { backupSettings, takeBackup, type BackupReport } from './take';

export interface ScheduledBackups {
  /** Takes a backup now (or joins the one running); null when it failed, which is logged and reported. */
  run(): Promise<BackupReport | null>;
  /** Stops the schedule and waits for a backup in progress, so the database is not closed under it. */
  stop(): Promise<void>;
}

interface BackupLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** The first backup of a platform that has none, or is overdue, waits this long after start-up. */
const FIRST_BACKUP_DELAY_MS = 60_000;

/**
 * Backups every BACKUP_INTERVAL_HOURS while the platform runs, for deployments without a scheduler of
 * their own. The next one is due an interval after the newest backup in BACKUP_DIR, so restarting the
 * platform often does not postpone backups for ever.
 */
export function startScheduledBackups(database: Database_, config: Config, clock: Clock, log: BackupLog, jobs?: JobRegistry): ScheduledBackups {
  const every = config.BACKUP_INTERVAL_HOURS * 3_600_000;
  if (every === 0) return { run: async () => null, stop: async () => {} };
  const settings = backupSettings(config);
  jobs?.register('backup', every);

  let running: Promise<BackupReport | null> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () =>
    (running ??= (async () => {
      try {
        const report = await takeBackup(database.sqlite, settings, clock);
        jobs?.ran('backup', clock());
        log.info({ file: report.file, bytes: report.bytes, ms: Math.round(report.ms), deleted: report.deleted.length }, 'backup taken');
        return report;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        jobs?.ran('backup', clock(), message);
        log.error({ error: message }, 'backup failed');
        return null;
      } finally {
        running = null;
      }
    })());

  const schedule = () => {
    if (stopped) return;
    const newest = listBackups(settings.dir).map(stampTime).find((at) => at !== null);
    const due = newest ? newest.getTime() + every - clock().getTime() : 0;
    timer = setTimeout(() => void run().then(schedule), Math.min(every, Math.max(FIRST_BACKUP_DELAY_MS, due)));
    timer.unref();
  };
  schedule();

  return {
    run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
