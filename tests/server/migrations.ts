import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, type Database_ } from '../../server/src/db/client';

/** Applies the migration files whose number passes `which`, statement by statement, as drizzle does. */
export function applyMigrations(database: Database_, which: (n: number) => boolean) {
  for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort()) {
    if (!which(Number(file.slice(0, 4)))) continue;
    const statements = readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8').split('--> statement-breakpoint');
    database.sqlite.transaction(() => {
      for (const statement of statements) if (statement.trim()) database.sqlite.exec(statement);
    })();
  }
}
