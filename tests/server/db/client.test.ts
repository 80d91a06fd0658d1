import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, transaction, type Database_ } from '../../../server/src/db/client';
import * as schema from '../../../server/src/db/schema';
import { agencies, areas, auditEvents, userAreas } from '../../../server/src/db/schema';

/** Drizzle keeps each table's SQL name under this registered symbol. */
const TABLE_NAME = Symbol.for('drizzle:Name');

const opened: Database_[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.sqlite.open) database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileDatabase(): Database_ {
  const folder = mkdtempSync(join(tmpdir(), 'marac-db-'));
  folders.push(folder);
  const database = openDatabase(join(folder, 'nested', 'marac.db'));
  opened.push(database);
  migrateDatabase(database.db);
  return database;
}

const area = (code: string) => ({
  id: crypto.randomUUID(),
  name: `Area ${code}`,
  code,
  description: null,
  postcodeDistricts: [],
  adultFemalePopulation: null,
  settings: { repeatAnchor: 'last_referral' as const, visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 },
  createdAt: '2026-01-01T00:00:00.000Z',
});

const tableNames = (database: Database_) =>
  database.sqlite
    .prepare("select name from sqlite_master where type = 'table'")
    .all()
    .map((r) => (r as { name: string }).name);

describe('openDatabase on a file', () => {
  it('uses WAL, enforces foreign keys and syncs fully', () => {
    const database = fileDatabase();
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('creates every table of the data model', () => {
    const database = fileDatabase();
    const expected = Object.values(schema)
      .map((value) => (value as unknown as Record<symbol, unknown>)[TABLE_NAME])
      .filter((name): name is string => typeof name === 'string');
    expect(expected.length).toBeGreaterThan(20);
    expect(expected).toContain('audit_events');
    const present = tableNames(database);
    for (const name of expected) expect(present, name).toContain(name);
  });

  it('keeps its data across a reopen and migrating again changes nothing', () => {
    const database = fileDatabase();
    database.db.insert(areas).values(area('KEEP')).run();
    const file = database.sqlite.name;
    database.close();
    const again = openDatabase(file);
    opened.push(again);
    migrateDatabase(again.db);
    expect(again.db.select().from(areas).all().map((a) => a.code)).toEqual(['KEEP']);
  });

  it('keeps the audit trail append-only', () => {
    const database = fileDatabase();
    database.db
      .insert(auditEvents)
      .values({ id: crypto.randomUUID(), at: '2026-11-23T10:00:00.000Z', action: 'create', entityType: 'area', entityId: 'x' })
      .run();
    expect(() => database.sqlite.prepare("update audit_events set action = 'delete'").run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/);
    expect(database.db.select().from(auditEvents).all()).toMatchObject([{ action: 'create', entityId: 'x' }]);
  });

  it('refuses a row pointing at nothing', () => {
    const database = fileDatabase();
    expect(() =>
      database.db.insert(userAreas).values({ userId: crypto.randomUUID(), areaId: crypto.randomUUID() }).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(database.db.select().from(userAreas).all()).toHaveLength(0);
  });
});

describe('openDatabase in memory', () => {
  it('enforces foreign keys there too', () => {
    const database = openDatabase(':memory:');
    opened.push(database);
    migrateDatabase(database.db);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      database.db.insert(agencies).values({ id: crypto.randomUUID(), name: 'X', kind: 'police', createdAt: '2026-01-01T00:00:00.000Z' }).run(),
    ).not.toThrow();
    expect(() => database.sqlite.prepare("insert into agency_areas (agency_id, area_id) values ('a', 'b')").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('transaction', () => {
  it('commits everything the work wrote and returns its result', () => {
    const database = fileDatabase();
    const result = transaction(database, (db) => {
      db.insert(areas).values(area('ONE')).run();
      db.insert(areas).values(area('TWO')).run();
      return 'done';
    });
    expect(result).toBe('done');
    expect(database.db.select().from(areas).all()).toHaveLength(2);
  });

  it('rolls back everything when the work throws', () => {
    const database = fileDatabase();
    expect(() =>
      transaction(database, (db) => {
        db.insert(areas).values(area('ONE')).run();
        db.insert(auditEvents).values({ id: crypto.randomUUID(), at: '2026-11-23T10:00:00.000Z', action: 'create', entityType: 'area' }).run();
        throw new Error('the work failed');
      }),
    ).toThrow('the work failed');
    expect(database.db.select().from(areas).all()).toHaveLength(0);
    expect(database.db.select().from(auditEvents).all()).toHaveLength(0);
  });

  it('rolls back the earlier writes when a later one breaks a constraint', () => {
    const database = fileDatabase();
    expect(() =>
      transaction(database, (db) => {
        db.insert(areas).values(area('ONE')).run();
        db.insert(areas).values(area('ONE')).run();
      }),
    ).toThrow(/UNIQUE/);
    expect(database.db.select().from(areas).all()).toHaveLength(0);
  });

  it('takes the write lock up front', () => {
    const database = fileDatabase();
    const other = openDatabase(database.sqlite.name);
    opened.push(other);
    other.sqlite.pragma('busy_timeout = 0');
    transaction(database, () => {
      // While the transaction is open, another connection cannot start writing.
      expect(() => other.sqlite.prepare('begin immediate').run()).toThrow(/locked|busy/i);
    });
    other.sqlite.prepare('begin immediate').run();
    other.sqlite.prepare('rollback').run();
  });
});
