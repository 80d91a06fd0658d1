/**
 * A fresh app on a fresh in-memory database for each generated world, closed as soon as the world has
 * been checked (a property run builds several, one after another, inside one test).
 */

import { buildApp } from '../../../server/src/app';
import { testConfig } from '../../../server/src/config';
import { openDatabase, type Database_ } from '../../../server/src/db/client';
import { NO_WEB_BUILD, TestClock } from '../helper';

export type WorldApp = Awaited<ReturnType<typeof buildApp>>;

export interface WorldContext {
  app: WorldApp;
  database: Database_;
  clock: TestClock;
  close(): Promise<void>;
}

export async function openWorld(): Promise<WorldContext> {
  const database = openDatabase(':memory:');
  const clock = new TestClock();
  // Sessions outlive the days a world's waves span, so nobody has to sign in again between them; each
  // user calls every route many times within a minute, which is not what the request limit is for.
  const config = testConfig({ WEB_DIST: NO_WEB_BUILD, SESSION_IDLE_MINUTES: 24 * 60, SESSION_ABSOLUTE_HOURS: 72, RATE_LIMIT_PER_MINUTE: 1_000_000 });
  const app = await buildApp({ config, database, clock: clock.now });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      database.close();
    },
  };
}
