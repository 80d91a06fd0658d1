import { hashPassword } from './lib/passwords';
import { JobRegistry } from './lib/jobs';
import { todayInLondon, systemClock } from './lib/time';
import { buildApp } from './app';
import { ConfigError, DEFAULT_DATABASE_FILE, loadConfig } from './config';
import { startScheduledBackups } from './db/backup/schedule';
import { migrateDatabase, openDatabase } from './db/client';
import { DatabaseLockedError, lockDatabase } from './db/lock';
import { assertPortFree, checkDatabaseFile, checkDatabaseFolder, StartupError } from './db/startup';
import { seedDemoIfEmpty } from './demo/seed';
import { count } from 'drizzle-orm';
import { users } from './db/schema';
import { smtpTransport } from './modules/mail/transport';
import { startActionReminders } from './modules/actions/reminders';
import { startPurge } from './modules/auth/purge';
import { startMailWorker } from './modules/mail/worker';

/** Logs carry method, path and status only: query strings, cookies and bodies can hold personal data. */
const logger = (level: string) => ({
  level,
  serializers: {
    req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
});

/**
 * The platform as a process. Everything that can be checked is checked before anything is written:
 * the settings, the database file, the port; then the lock that keeps a second process off the same
 * database; only then migrations, demo data, jobs and listening.
 */
async function main() {
  const config = loadConfig();
  const file = config.DATABASE_FILE;
  checkDatabaseFolder(file, { makeFolder: file === DEFAULT_DATABASE_FILE });
  await assertPortFree(config.HOST, config.PORT);
  const lock = lockDatabase(file);
  let state: 'new' | 'existing';
  try {
    state = checkDatabaseFile(file);
  } catch (error) {
    lock.release();
    throw error;
  }
  const database = openDatabase(file);
  try {
    migrateDatabase(database.db);
  } catch (error) {
    lock.release();
    throw new StartupError(`DATABASE_FILE ${file}: its tables could not be brought up to date (${error instanceof Error ? error.message : 'error'}).`);
  }
  if (state === 'new') console.log(`New database created at ${file}.`);

  if (config.DEMO_MODE) {
    const seeded = await seedDemoIfEmpty(database, { today: todayInLondon(systemClock), passwordHash: await hashPassword('demo-password') });
    console.log(seeded ? 'Demo data seeded into the new database.' : 'Database already has data: demo seeding skipped.');
  } else if ((database.db.select({ n: count() }).from(users).get()?.n ?? 0) === 0) {
    console.log('No users yet. Create the first administrator with: pnpm create-admin --email you@example.org --name "Your Name"');
  }

  const jobs = new JobRegistry();
  const app = await buildApp({ config, database, logger: logger(config.LOG_LEVEL), jobs });
  const transport = smtpTransport(config);
  let started: ReturnType<typeof startJobs> | null = null;
  // Background work starts once the platform listens, so no start-up waits for a backlog of it.
  const startJobs = () => ({
    mail: startMailWorker(database, config, transport, systemClock, app.log, jobs),
    // Reminders and escalation of open actions: now, then each new day.
    actionReminders: startActionReminders(database, systemClock, config.PUBLIC_URL, app.log, jobs),
    purge: startPurge(database, systemClock, app.sessionLimits, app.log, jobs),
    backups: startScheduledBackups(database, config, systemClock, app.log, jobs),
  });
  app.addHook('onClose', async () => {
    if (started) {
      started.actionReminders.stop();
      started.mail.stop();
      started.purge.stop();
      // A backup under way is finished, not cut off: a half-written one is never kept anyway.
      await Promise.all([started.backups.stop(), started.actionReminders.idle()]);
    }
    database.close();
    lock.release();
  });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'closing');
      // Whatever is still in flight after the grace period is cut off: a platform that will not stop is worse.
      setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ port: config.PORT, host: config.HOST });
  started = startJobs();
  if (!transport) console.log('No SMTP_HOST set: notices wait in the outbox (Administration → Outbox).');
  console.log(`MARAC platform listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof DatabaseLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
