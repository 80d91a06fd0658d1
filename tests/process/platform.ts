import { CSRF_HEADER } from '@marac/shared';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { PASSWORD, makeArea, makeUser } from '../server/helper';
import { freePort, startProcess, untilListening, type PlatformProcess } from './platform-process';

export { freePort, startProcess, type PlatformProcess };

export const ADMIN_EMAIL = 'admin@test.invalid';

/**
 * A real deployment's first state: a migrated database with one area and its first administrator,
 * made directly in the file as `pnpm create-admin` does, before the platform ever starts on it.
 */
export async function firstAdministrator(file: string): Promise<{ areaId: string }> {
  const database = openDatabase(file);
  try {
    migrateDatabase(database.db);
    const area = makeArea(database, { name: 'Testshire', code: 'TEST' });
    await makeUser(database, { role: 'administrator', areaIds: [area.id], email: ADMIN_EMAIL });
    return { areaId: area.id };
  } finally {
    database.close();
  }
}

export interface Running {
  process: PlatformProcess;
  port: number;
  url: string;
}

/** Starts the platform as README does, on this file with demo data off, and waits until it answers. */
export async function startPlatform(file: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const platform = startProcess({ DATABASE_FILE: file, PORT: String(port), DEMO_MODE: 'false', LOG_LEVEL: 'warn', ...env });
  await untilListening(platform, port);
  return { process: platform, port, url: `http://127.0.0.1:${port}` };
}

/** Stops it as a process supervisor would, and waits for it to be gone. */
export async function stopPlatform(running: Running): Promise<void> {
  if (running.process.child.exitCode === null && running.process.child.signalCode === null) running.process.child.kill('SIGTERM');
  await running.process.exited;
}

/** A signed-in administrator talking to the platform over HTTP, as the SPA does. */
export interface Session {
  get<T>(path: string): Promise<T>;
  /** Resolves with the created record's id once the platform answered 201; rejects otherwise. */
  createAgency(name: string, areaId: string): Promise<string>;
}

export async function signIn(url: string, email = ADMIN_EMAIL, password = PASSWORD): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.getSetCookie().find((c) => c.includes('marac_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    get: async <T>(path: string) => {
      const answer = await fetch(`${url}${path}`, { headers: { cookie } });
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      return (await answer.json()) as T;
    },
    createAgency: async (name, areaId) => {
      const answer = await fetch(`${url}/api/admin/agencies`, {
        method: 'POST',
        headers: { cookie, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ name, kind: 'police', areaIds: [areaId] }),
      });
      if (answer.status !== 201) throw new Error(`creating an agency answered ${answer.status}: ${await answer.text()}`);
      return ((await answer.json()) as { id: string }).id;
    },
  };
}

/** What the file holds now, read beside the running platform with a connection of the test's own. */
export function inspect(file: string): { agencies: Set<string>; audited: Set<string>; registerReads: number; integrity: string } {
  const database = openDatabase(file);
  try {
    const ids = (sql: string) => new Set((database.sqlite.prepare(sql).all() as { id: string }[]).map((r) => r.id));
    const rows = database.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return {
      agencies: ids('SELECT id FROM agencies'),
      audited: ids("SELECT entity_id AS id FROM audit_events WHERE entity_type = 'agency' AND action = 'create'"),
      registerReads: (database.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE entity_type = 'protocol_signature' AND action = 'list'").get() as { n: number }).n,
      integrity: rows.map((r) => r.integrity_check).join('; '),
    };
  } finally {
    database.close();
  }
}

/**
 * Creates agencies through the API, `inFlight` at a time, until stopped or the platform stops
 * answering. Only a 201 counts as acknowledged; a request cut off by a crash is in doubt, not lost.
 */
export function writeAgencies(session: Session, areaId: string, prefix: string, inFlight = 4) {
  const acknowledged: string[] = [];
  let attempted = 0;
  let stopped = false;
  let firstAck: () => void = () => {};
  const first = new Promise<void>((resolve) => (firstAck = resolve));
  const loop = async () => {
    while (!stopped) {
      attempted += 1;
      try {
        acknowledged.push(await session.createAgency(`${prefix} ${attempted}`, areaId));
        firstAck();
      } catch {
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: inFlight }, loop));
  return {
    acknowledged,
    first,
    attempted: () => attempted,
    stop: async () => {
      stopped = true;
      await done;
    },
    /** Resolves once the loops ended by themselves (the platform went away). */
    ended: done,
  };
}

/**
 * Reads an area's protocol register (signatories' names: an audited read) `inFlight` at a time until the
 * platform stops answering, counting the answers received: each must have its audit row on disk.
 */
export function readRegister(session: Session, areaId: string, inFlight = 2) {
  let answered = 0;
  const loop = async () => {
    for (;;) {
      try {
        await session.get(`/api/admin/areas/${areaId}/protocol`);
        answered += 1;
      } catch {
        return;
      }
    }
  };
  const ended = Promise.all(Array.from({ length: inFlight }, loop));
  return { answered: () => answered, ended };
}
