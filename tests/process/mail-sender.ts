/**
 * One platform process delivering the outbox, as `tests/server/modules/mail/processes.test.ts` runs
 * several of them on one database file:
 *
 *   node --import tsx tests/process/mail-sender.ts <database file> <SMTP port> <sender name> <lease ms>
 *
 * It opens the database, says `ready` on stdout and waits for `go` on stdin, so the test can start
 * every sender at the same moment. Then it delivers, pass after pass, until no notice is left that could
 * still go, and prints its totals as one line of JSON.
 */

import { createInterface } from 'node:readline';
import { MAX_DELIVERY_ATTEMPTS } from '@marac/shared';
import { testConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/client';
import { systemClock } from '../../server/src/lib/time';
import { deliverOutbox, type DeliveryReport } from '../../server/src/modules/mail/outbox';
import { smtpTransport } from '../../server/src/modules/mail/transport';

const [file, port, sender, lease] = process.argv.slice(2);
if (!file || !port || !sender || !lease) {
  console.error('usage: mail-sender.ts <database file> <SMTP port> <sender name> <lease ms>');
  process.exit(64);
}

// A sender that never finishes must not outlive the test that started it.
const GIVE_UP_MS = 120_000;
const PAUSE_MS = 50;

const database = openDatabase(file);
const transport = smtpTransport({ ...testConfig(), SMTP_HOST: '127.0.0.1', SMTP_PORT: Number(port), SMTP_FROM: `MARAC <${sender}@test.invalid>` });
if (!transport) throw new Error('no transport');

const stillToGo = () =>
  (database.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND cancelled_at IS NULL AND attempts < ?').get(MAX_DELIVERY_ATTEMPTS) as { n: number }).n;

async function deliverAll(): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, failed: 0, cancelled: 0 };
  const started = Date.now();
  while (stillToGo() > 0) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`${sender} gave up with notices still to go`);
    const report = await deliverOutbox(database.db, transport!, systemClock, { sender, leaseMs: Number(lease), limit: 10 });
    total.sent += report.sent;
    total.failed += report.failed;
    total.cancelled += report.cancelled;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return total;
}

const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  lines.close();
  deliverAll().then(
    (report) => {
      process.stdout.write(`${JSON.stringify({ sender, ...report })}\n`);
      database.close();
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.stdout.write('ready\n');
