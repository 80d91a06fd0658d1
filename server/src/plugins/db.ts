import fp from 'fastify-plugin';
import { migrateDatabase, openDatabase, type Database_ } from '../db/client';
import type { Config } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database_;
  }
}

/**
 * Opens (or adopts) the database and brings its schema up to date before any route can run.
 * A database handed in by the caller (tests, the generator) is left open on close: its owner closes it.
 */
export default fp<{ config: Config; database?: Database_ }>(
  async (app, { config, database }) => {
    const owned = !database;
    const db = database ?? openDatabase(config.DATABASE_FILE);
    migrateDatabase(db.db);
    app.decorate('database', db);
    if (owned) app.addHook('onClose', async () => db.close());
  },
  { name: 'db' },
);
