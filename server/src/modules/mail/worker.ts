import type { Config } from '../../config';
import { transaction, type Database_ } from '../../db/client';
import type { JobRegistry } from '../../lib/jobs';
import { todayInLondon, type Clock } from '../../lib/time';
import { queueResearchReminders } from './notices';
import { deliverOutbox, type MailTransport } from './outbox';

export interface MailWorker {
  /** One pass: queue the day's reminders, then send what is waiting. */
  tick(): Promise<void>;
  stop(): void;
}

/** What the job registry keeps of a failed pass: the kind of error, never its text, which could quote an address. */
function failureOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) return `${error.name} ${String((error as { code: unknown }).code)}`;
  return error instanceof Error ? error.name : 'mail pass failed';
}

/**
 * Runs in the platform's process every `MAIL_INTERVAL_SECONDS`. Without an SMTP server it still
 * queues reminders, so the outbox shows administrators what would have gone. Several processes may
 * run it on one database: each notice is claimed before it is sent.
 *
 * A pass in which some notices were refused still counts as a run that worked: the outbox keeps each
 * failure for administrators, and an SMTP server that is down must not make the platform look stuck.
 */
export function startMailWorker(
  database: Database_,
  config: Config,
  transport: MailTransport | null,
  clock: Clock,
  log: { warn(details: object, message: string): void },
  jobs?: JobRegistry,
): MailWorker {
  const intervalMs = config.MAIL_INTERVAL_SECONDS * 1000;
  jobs?.register('mail', intervalMs);
  let running = false;
  const pass = async () => {
    transaction(database, (db) => queueResearchReminders(db, todayInLondon(clock), clock(), config.PUBLIC_URL));
    if (transport) {
      const report = await deliverOutbox(database.db, transport, clock);
      if (report.failed > 0) log.warn({ sent: report.sent, failed: report.failed }, 'some notices could not be delivered');
    }
  };
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
      jobs?.ran('mail', clock(), null);
    } catch (error) {
      jobs?.ran('mail', clock(), failureOf(error));
      throw error;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick().catch((error: unknown) => log.warn({ error: String(error) }, 'mail pass failed')), intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
