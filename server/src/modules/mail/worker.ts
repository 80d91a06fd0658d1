import type { Config } from '../../config';
import { transaction, type Database_ } from '../../db/client';
import { todayInLondon, type Clock } from '../../lib/time';
import { queueResearchReminders } from './notices';
import { deliverOutbox, type MailTransport } from './outbox';

export interface MailWorker {
  /** One pass: queue the day's reminders, then send what is waiting. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Runs in the platform's process every `MAIL_INTERVAL_SECONDS`. Without an SMTP server it still
 * queues reminders, so the outbox shows administrators what would have gone.
 */
export function startMailWorker(
  database: Database_,
  config: Config,
  transport: MailTransport | null,
  clock: Clock,
  log: { warn(details: object, message: string): void },
): MailWorker {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      transaction(database, (db) => queueResearchReminders(db, todayInLondon(clock), clock(), config.PUBLIC_URL));
      if (transport) {
        const report = await deliverOutbox(database.db, transport, clock);
        if (report.failed > 0) log.warn({ sent: report.sent, failed: report.failed }, 'some notices could not be delivered');
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick().catch((error: unknown) => log.warn({ error: String(error) }, 'mail pass failed')), config.MAIL_INTERVAL_SECONDS * 1000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
