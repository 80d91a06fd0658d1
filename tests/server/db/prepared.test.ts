import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateDatabase, type Database_ } from '../../../server/src/db/client';
import { areaNameOf } from '../../../server/src/db/names';
import { barredCases } from '../../../server/src/modules/cases/policy';

const opened: Database_[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

/** A database with areas `a0`… and, in the first, cases `c0`… each barring the agency `g0`. */
function databaseWith(areaCount: number, barredCaseCount = 0): Database_ {
  const database = openDatabase(':memory:');
  opened.push(database);
  migrateDatabase(database.db);
  const run = (sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).run(...params);
  for (let i = 0; i < areaCount; i++) run("insert into areas (id, name, code, postcode_districts, settings, created_at) values (?, ?, ?, '[]', '{}', '2026-01-01T00:00:00.000Z')", `a${i}`, `Area ${i}`, `A${i}`);
  if (barredCaseCount > 0) {
    run("insert into agencies (id, name, kind, created_at) values ('g0', 'Police', 'police', '2026-01-01T00:00:00.000Z')");
    run("insert into people (id, given_name, family_name, gender, created_at, updated_at) values ('p0', 'Ada', 'Tracker', 'female', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    for (let i = 0; i < barredCaseCount; i++) {
      run("insert into cases (id, reference, area_id, victim_person_id, status, opened_at, last_referral_date) values (?, ?, 'a0', 'p0', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01')", `c${i}`, `A0-${i}`);
      run("insert into case_bars (id, case_id, agency_id, email, name, reason, referral_id, source_key, recorded_by, recorded_at) values (?, ?, 'g0', null, 'Police', 'Named as unsafe', null, ?, null, '2026-01-01T00:00:00.000Z')", `b${i}`, `c${i}`, `test:b${i}`);
    }
  }
  return database;
}

describe('prepared queries', () => {
  it('are built once per database and answer each run with the values given, from that database', () => {
    const database = databaseWith(3);
    expect(areaNameOf(database.db, 'a1')).toBe('Area 1');
    expect(areaNameOf(database.db, 'a2')).toBe('Area 2');
    expect(areaNameOf(database.db, 'missing')).toBeUndefined();
    const other = databaseWith(1);
    expect(areaNameOf(other.db, 'a0')).toBe('Area 0');
    expect(areaNameOf(other.db, 'a1')).toBeUndefined();
  });

  it('take a list of any length as one value: the empty list, and more than one statement may bind', () => {
    const database = databaseWith(1, 3);
    const police = { agencyId: 'g0', email: null };
    expect(barredCases(database.db, police, [])).toEqual(new Set());
    expect(barredCases(database.db, police, ['c2', 'c0', 'missing'])).toEqual(new Set(['c0', 'c2']));
    expect(barredCases(database.db, { agencyId: 'other', email: 'someone@test.invalid' }, ['c0', 'c1'])).toEqual(new Set());
    // SQLite binds at most 32,766 values to one statement; the list goes in as one of them.
    const many = [...Array.from({ length: 40_000 }, (_, i) => `x${i}`), 'c1'];
    expect(barredCases(database.db, police, many)).toEqual(new Set(['c1']));
  });
});
