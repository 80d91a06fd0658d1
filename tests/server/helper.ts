import { fileURLToPath } from 'node:url';
import { CSRF_HEADER, type Role } from '@marac/shared';
import { afterEach } from 'vitest';
import { buildApp } from '../../server/src/app';
import { testConfig, type Config } from '../../server/src/config';
import { openDatabase, type Database_ } from '../../server/src/db/client';
import { agencies, agencyAreas, areas, protocolSignatures, userAreas, users } from '../../server/src/db/schema';
import { newId } from '../../server/src/lib/ids';
import { hashPassword } from '../../server/src/lib/passwords';

// Fastify's types, taken from the app itself: the tests package does not depend on fastify directly.
type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
type InjectArgument<T> = T extends { (opts: infer _O, cb: never): void; (opts: infer O): unknown; (): unknown } ? O : never;
type InjectOptions = Exclude<InjectArgument<FastifyInstance['inject']>, string>;
type LightMyRequestResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

/** A clock the test moves by hand: session expiry and lock-outs without sleeping. */
export class TestClock {
  constructor(private current = new Date('2026-11-23T10:00:00.000Z')) {}
  now = () => new Date(this.current);
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TestContext {
  app: FastifyInstance;
  database: Database_;
  clock: TestClock;
}

const open: TestContext[] = [];
afterEach(async () => {
  for (const ctx of open.splice(0)) {
    await ctx.app.close();
    ctx.database.close();
  }
});

/**
 * A folder that never holds a web build: API tests answer the same whether or not the SPA has been built.
 * A test of the static serving passes its own WEB_DIST.
 */
export const NO_WEB_BUILD = fileURLToPath(new URL('./no-web-build', import.meta.url));

/**
 * A fresh app on a fresh, migrated in-memory database, not yet ready: a test can still add a route or
 * hook to it, as a later change to the platform would. Closed after the test.
 */
export async function unreadyTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = openDatabase(':memory:');
  const clock = new TestClock();
  const app = await buildApp({ config: testConfig({ WEB_DIST: NO_WEB_BUILD, ...overrides }), database, clock: clock.now });
  const ctx = { app, database, clock };
  open.push(ctx);
  return ctx;
}

/** A fresh app on a fresh, migrated in-memory database; closed after the test. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const ctx = await unreadyTestApp(overrides);
  await ctx.app.ready();
  return ctx;
}

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));

export function makeArea(database: Database_, fields: Partial<typeof areas.$inferInsert> = {}) {
  const id = newId();
  const row = {
    id,
    name: `Area ${id.slice(0, 6)}`,
    code: `A${id.slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, '0')}`,
    description: null,
    postcodeDistricts: [],
    adultFemalePopulation: null,
    settings: { repeatAnchor: 'last_referral' as const, visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 },
    createdAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
  database.db.insert(areas).values(row).run();
  return row;
}

/**
 * An agency serving the areas given. Like the agencies of a real area, it has signed each area's
 * information-sharing protocol, so meetings invite it, unless the test says `protocolSigned: false`.
 */
export function makeAgency(database: Database_, areaIds: string[], fields: Partial<typeof agencies.$inferInsert> & { protocolSigned?: boolean } = {}) {
  const id = newId();
  const { protocolSigned = true, ...agencyFields } = fields;
  const row = { id, name: `Agency ${id.slice(0, 8)}`, kind: 'police' as const, secureEmail: null, createdAt: '2026-01-01T00:00:00.000Z', ...agencyFields };
  database.db.insert(agencies).values(row).run();
  if (areaIds.length) database.db.insert(agencyAreas).values(areaIds.map((areaId) => ({ agencyId: id, areaId }))).run();
  if (protocolSigned) for (const areaId of areaIds) signProtocol(database, areaId, id);
  return row;
}

type SignatureRow = typeof protocolSignatures.$inferInsert;

// A signature names the user who recorded it, and tests often make their agencies before any user:
// those signatures wait here and are written, recorded by that user, when the test makes its first one.
const waitingSignatures = new WeakMap<Database_, SignatureRow[]>();

/** Records that an agency signed an area's protocol, by `recordedBy` or else the test's first user. */
export function signProtocol(database: Database_, areaId: string, agencyId: string, fields: Partial<SignatureRow> = {}) {
  const first = database.sqlite.prepare('SELECT id FROM users ORDER BY rowid LIMIT 1').get() as { id: string } | undefined;
  const recordedBy = fields.recordedBy ?? first?.id;
  const row = { id: newId(), areaId, agencyId, signedOn: '2026-01-01', signatory: 'Sam Signer, Head of Service', recordedBy: recordedBy ?? '', withdrawnOn: null, ...fields };
  if (recordedBy) database.db.insert(protocolSignatures).values(row).run();
  else waitingSignatures.set(database, [...(waitingSignatures.get(database) ?? []), row]);
  return row;
}

export async function makeUser(
  database: Database_,
  fields: { role: Role; areaIds: string[]; agencyId?: string | null; email?: string; name?: string; disabledAt?: string | null },
) {
  const id = newId();
  const row = {
    id,
    email: fields.email ?? `${fields.role}.${id.slice(0, 8)}@test.invalid`,
    name: fields.name ?? `Test ${fields.role}`,
    role: fields.role,
    agencyId: fields.agencyId ?? null,
    passwordHash: await hashed(),
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignedInAt: null,
    disabledAt: fields.disabledAt ?? null,
  };
  database.db.insert(users).values(row).run();
  if (fields.areaIds.length) database.db.insert(userAreas).values(fields.areaIds.map((areaId) => ({ userId: id, areaId }))).run();
  const waiting = waitingSignatures.get(database) ?? [];
  waitingSignatures.delete(database);
  if (waiting.length) database.db.insert(protocolSignatures).values(waiting.map((signature) => ({ ...signature, recordedBy: id }))).run();
  return row;
}

/** A signed-in client: sends the session cookie and, on changes, the CSRF token, like the SPA does. */
export interface Agent {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('marac_session'));
  if (!cookie) throw new Error(`no session cookie in response (status ${response.statusCode})`);
  return `${cookie.name}=${cookie.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed with ${response.statusCode}: ${response.body}`);
  const cookie = sessionCookieOf(response);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), cookie, ...(options.method && options.method !== 'GET' ? { [CSRF_HEADER]: csrfToken } : {}) },
      }),
  };
}

/** A small world most tests start from: one area, one police agency, an administrator. */
export async function baseWorld(database: Database_) {
  const area = makeArea(database, { name: 'Testshire', code: 'TEST' });
  const police = makeAgency(database, [area.id], { name: 'Testshire Police', kind: 'police' });
  const admin = await makeUser(database, { role: 'administrator', areaIds: [area.id], email: 'admin@test.invalid' });
  return { area, police, admin };
}
