import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/src/db/client';
import { applyMigrations } from '../../migrations';

describe('the action tracking migration', () => {
  it('keeps every action update already recorded, with no agencies or due date on it', () => {
    const database = openDatabase(':memory:');
    try {
      applyMigrations(database, (n) => n <= 8);
      const run = (sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).run(...params);
      run("insert into areas values ('a1', 'Area', 'AREA', null, '[]', null, '{}', '2026-01-01T00:00:00.000Z', null)");
      run("insert into agencies values ('g1', 'Police', 'police', null, '2026-01-01T00:00:00.000Z', null)");
      run("insert into users values ('u1', 'c@test.invalid', 'Cora', 'coordinator', null, 'x', '2026-01-01T00:00:00.000Z', null, null)");
      run("insert into people values ('p1', 'Ada', 'Tracker', 'female', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
      run("insert into cases (id, reference, area_id, victim_person_id, status, opened_at, last_referral_date) values ('c1', 'AREA-1', 'a1', 'p1', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01')");
      run(
        "insert into meetings (id, area_id, kind, date, start_time, capacity, minutes_per_case, status, referral_cutoff, circulation_date, research_deadline, minutes_due_date, created_at) values ('m1', 'a1', 'one_off', '2026-01-05', '10:00', 10, 15, 'closed', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-08', '2026-01-01T00:00:00.000Z')",
      );
      run(
        "insert into actions values ('x1', 'c1', 'm1', 'g1', null, 'Flag the address', null, 'victim_safety', '2026-01-12', 'completed', 'u1', '2026-01-05T11:00:00.000Z', '2026-01-10T09:00:00.000Z')",
      );
      run("insert into action_updates values ('up1', 'x1', 'open', 'Agreed at the meeting', '2026-01-05', 'u1', '2026-01-05T11:00:00.000Z')");
      run("insert into action_updates values ('up2', 'x1', 'completed', 'Marker placed', '2026-01-09', 'u1', '2026-01-10T09:00:00.000Z')");

      // In a transaction, as the migrator runs it: foreign keys stay on throughout.
      applyMigrations(database, (n) => n === 9);
      expect(database.sqlite.prepare('select * from action_updates order by updated_at').all()).toEqual([
        { id: 'up1', action_id: 'x1', status: 'open', note: 'Agreed at the meeting', occurred_on: '2026-01-05', updated_by: 'u1', updated_at: '2026-01-05T11:00:00.000Z', from_agency_id: null, to_agency_id: null, due_date: null },
        { id: 'up2', action_id: 'x1', status: 'completed', note: 'Marker placed', occurred_on: '2026-01-09', updated_by: 'u1', updated_at: '2026-01-10T09:00:00.000Z', from_agency_id: null, to_agency_id: null, due_date: null },
      ]);
      expect(database.sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
      // The platform's own updates have no user.
      run("insert into action_updates (id, action_id, status, note, occurred_on, updated_by, updated_at) values ('up3', 'x1', 'escalated', 'By the platform', '2026-01-20', null, '2026-01-20T07:00:00.000Z')");
    } finally {
      database.close();
    }
  });
});
