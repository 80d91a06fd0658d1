/**
 * Creates the first administrator of a real deployment (which starts empty, with demo mode off):
 *   pnpm create-admin --email you@example.org --name "Your Name"
 * The password is read from the MARAC_ADMIN_PASSWORD variable or typed at the prompt, never taken as an
 * argument, so it does not end up in shell history or the process list.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { Email, Password, RequiredText } from '@marac/shared';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config';
import { migrateDatabase, openDatabase, transaction } from '../db/client';
import { areas, userAreas, users } from '../db/schema';
import { newId } from '../lib/ids';
import { hashPassword } from '../lib/passwords';
import { recordAudit } from '../modules/audit/repository';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MARAC_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail('Set MARAC_ADMIN_PASSWORD, or run this in a terminal to type the password.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question('Password for the new administrator (12 characters or more): ');
  rl.close();
  return password;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = Email.safeParse(values.email ?? '');
  if (!email.success) fail('Give --email with a valid e-mail address.');
  const name = RequiredText(120).safeParse(values.name ?? '');
  if (!name.success) fail('Give --name with the administrator\'s name.');
  const password = Password.safeParse(await readPassword());
  if (!password.success) fail(`Password: ${password.error.issues[0]?.message ?? 'not accepted'}.`);

  const config = loadConfig();
  const database = openDatabase(config.DATABASE_FILE);
  migrateDatabase(database.db);
  const passwordHash = await hashPassword(password.data);
  const now = new Date();
  const id = transaction(database, (db) => {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, email.data)).get()) {
      fail('There is already a user with that e-mail address.');
    }
    const userId = newId();
    db.insert(users).values({ id: userId, email: email.data, name: name.data, role: 'administrator', agencyId: null, passwordHash, createdAt: now.toISOString() }).run();
    // The first administrator works in every area that exists; areas added later are assigned in the UI.
    const areaIds = db.select({ id: areas.id }).from(areas).all();
    if (areaIds.length) db.insert(userAreas).values(areaIds.map((a) => ({ userId, areaId: a.id }))).run();
    recordAudit(db, { userId: null, userEmail: null, ip: 'command line' }, { action: 'create', entityType: 'user', entityId: userId, detail: { role: 'administrator', via: 'create-admin' } }, now);
    return userId;
  });
  database.close();
  console.log(`Administrator created (id ${id}). Sign in at ${config.PUBLIC_URL}.`);
}

void main();
