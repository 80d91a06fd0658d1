import { hashPassword } from './lib/passwords';
import { todayInLondon, systemClock } from './lib/time';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { seedDemoIfEmpty } from './demo/seed';
import { count } from 'drizzle-orm';
import { users } from './db/schema';
import { smtpTransport } from './modules/mail/transport';
import { startActionReminders } from './modules/actions/reminders';
import { startMailWorker } from './modules/mail/worker';

/** Logs carry method, path and status only: query strings, cookies and bodies can hold personal data. */
const logger = (level: string) => ({
  level,
  serializers: {
    req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
});

async function main() {
  const config = loadConfig();
  const database = openDatabase(config.DATABASE_FILE);
  migrateDatabase(database.db);

  if (config.DEMO_MODE) {
    const seeded = await seedDemoIfEmpty(database, { today: todayInLondon(systemClock), passwordHash: await hashPassword('demo-password') });
    console.log(seeded ? 'Demo data seeded into the new database.' : 'Database already has data: demo seeding skipped.');
  } else if ((database.db.select({ n: count() }).from(users).get()?.n ?? 0) === 0) {
    console.log('No users yet. Create the first administrator with: pnpm create-admin --email you@example.org --name "Your Name"');
  }

  const app = await buildApp({ config, database, logger: logger(config.LOG_LEVEL) });
  const transport = smtpTransport(config);
  const mail = startMailWorker(database, config, transport, systemClock, app.log);
  // Reminders and escalation of open actions: at start-up, then each new day.
  const actionReminders = startActionReminders(database, systemClock, config.PUBLIC_URL, app.log);
  app.addHook('onClose', async () => {
    actionReminders.stop();
    mail.stop();
    database.close();
  });

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'closing');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ port: config.PORT, host: config.HOST });
  if (!transport) console.log('No SMTP_HOST set: notices wait in the outbox (Administration → Outbox).');
  console.log(`MARAC platform listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
