import { describe, expect, it } from 'vitest';
import { ActionList, ActionReview } from '@marac/shared';
import { openDatabase, type Database_ } from '../../../../server/src/db/client';
import { applyMigrations } from '../../migrations';
import { actionWorld, daysLater, reassign, update } from './world';

/** The tallies as kept, and as counted afresh from the actions: the two must always agree. */
function talliesAndTruth(database: Database_) {
  const read = (sql: string) => database.sqlite.prepare(sql).all() as { area_id: string; agency_id: string; status: string; due_date: string; n: number }[];
  return {
    kept: read('select area_id, agency_id, status, due_date, n from action_tallies where n <> 0 order by 1, 2, 3, 4'),
    counted: read(
      'select meetings.area_id, actions.agency_id, actions.status, actions.due_date, count(*) as n from actions join meetings on meetings.id = actions.meeting_id group by 1, 2, 3, 4 order by 1, 2, 3, 4',
    ),
  };
}

/**
 * The completion tallies as kept, and as counted afresh: each completed action once, by the days from
 * its meeting to the date given with the update that last completed it.
 */
function completionsAndTruth(database: Database_) {
  const read = (sql: string) => database.sqlite.prepare(sql).all() as { area_id: string; agency_id: string; due_date: string; days: number; n: number }[];
  return {
    kept: read('select area_id, agency_id, due_date, days, n from action_completions where n <> 0 order by 1, 2, 3, 4'),
    counted: read(`
      select meetings.area_id, actions.agency_id, actions.due_date,
        max(0, cast(julianday((select occurred_on from action_updates u where u.action_id = actions.id and u.status = 'completed' order by u.updated_at desc, u.id desc limit 1)) - julianday(meetings.date) as integer)) as days,
        count(*) as n
      from actions join meetings on meetings.id = actions.meeting_id
      where actions.status = 'completed'
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  };
}

describe('the tallies of actions', () => {
  it('follow every change to an action made through the platform: agreed, updated, completed, reopened and completed again, reassigned with a new due date', async () => {
    const world = await actionWorld();
    const agree = world.first.agree;
    const a = await agree(world.police.id, 'Flag the address', '2026-11-30');
    const b = await agree(world.police.id, 'Bail check', '2026-12-01');
    const c = await agree(world.housing.id, 'Fit target hardening', '2026-11-30');
    let truth = talliesAndTruth(world.database);
    expect(truth.kept).toEqual(truth.counted);
    expect(truth.kept.reduce((sum, row) => sum + row.n, 0)).toBe(3);

    const agents = await daysLater(world, 1);
    expect((await update(world, agents.rep, a, { status: 'in_progress', note: 'Started' })).statusCode).toBe(201);
    expect((await update(world, agents.rep, b, { status: 'completed', note: 'Done', occurredOn: '2026-11-24' })).statusCode).toBe(201);
    expect((await reassign(world, agents.coordinator, c, { agencyId: world.police.id, note: 'Police hold it now', dueDate: '2026-12-11' })).statusCode).toBe(200);
    truth = talliesAndTruth(world.database);
    expect(truth.kept).toEqual(truth.counted);
    expect(truth.kept.map((row) => [row.status, row.due_date, row.n])).toEqual([
      ['completed', '2026-12-01', 1],
      ['in_progress', '2026-11-30', 1],
      ['open', '2026-12-11', 1],
    ]);
    let completions = completionsAndTruth(world.database);
    expect(completions.kept).toEqual(completions.counted);
    expect(completions.kept.map((row) => [row.due_date, row.days, row.n])).toEqual([['2026-12-01', 1, 1]]);

    // Reopened by the coordinator and completed again later: counted once, from the later completion.
    const later = await daysLater(world, 2);
    expect((await update(world, later.coordinator, b, { status: 'open', note: 'Reopened: the check was not recorded' })).statusCode).toBe(201);
    completions = completionsAndTruth(world.database);
    expect(completions.kept).toEqual([]);
    expect((await update(world, later.rep, b, { status: 'completed', note: 'Recorded now', occurredOn: '2026-11-26' })).statusCode).toBe(201);
    completions = completionsAndTruth(world.database);
    expect(completions.kept).toEqual(completions.counted);
    expect(completions.kept.map((row) => [row.due_date, row.days, row.n])).toEqual([['2026-12-01', 3, 1]]);

    // A deleted action leaves its tally too (nothing in the platform deletes one today; the trigger keeps it so if it ever does).
    world.database.sqlite.prepare('delete from action_updates where action_id = ?').run(b);
    world.database.sqlite.prepare('delete from actions where id = ?').run(b);
    truth = talliesAndTruth(world.database);
    expect(truth.kept).toEqual(truth.counted);
    expect(completionsAndTruth(world.database).kept).toEqual([]);
  });

  it('leave out of every count the actions on a case a bar keeps from the reader', async () => {
    const world = await actionWorld();
    await world.first.agree(world.police.id, 'Flag the address', '2026-11-24');
    await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-30');
    // Read on Thursday 26th: one overdue, one due soon.
    const agents = await daysLater(world, 3);
    const counts = async () => {
      const response = await agents.coordinator.request({ method: 'GET', url: '/api/actions' });
      expect(response.statusCode, response.body).toBe(200);
      const list = ActionList.parse(response.json());
      const review = await agents.coordinator.request({ method: 'GET', url: `/api/actions/review?areaId=${world.area.id}` });
      expect(review.statusCode, review.body).toBe(200);
      const totals = ActionReview.parse(review.json()).totals;
      expect(totals.total.value).toBe(list.total);
      expect(totals.open.value).toBe(list.counts.open);
      expect(totals.overdue.value).toBe(list.counts.overdue);
      return { total: list.total, counts: list.counts, shown: list.items.length };
    };
    expect(await counts()).toEqual({ total: 2, counts: { open: 2, due_soon: 1, overdue: 1, completed: 0, closed: 0 }, shown: 2 });

    // A bar naming the coordinator by e-mail on the case: neither the actions nor their counts reach them.
    world.database.sqlite
      .prepare("insert into case_bars (id, case_id, agency_id, email, name, reason, referral_id, source_key, recorded_by, recorded_at) values ('bar1', ?, null, ?, 'Cora', 'Related to the perpetrator', null, 'test:bar1', null, '2026-11-23T10:00:00.000Z')")
      .run(world.first.caseId, world.users.coordinator.email);
    expect(await counts()).toEqual({ total: 0, counts: { open: 0, due_soon: 0, overdue: 0, completed: 0, closed: 0 }, shown: 0 });
  });

  it('of cases heard, per area and last hearing, follow every case written, heard again, moved or deleted', () => {
    const database = openDatabase(':memory:');
    try {
      applyMigrations(database, () => true);
      const run = (sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).run(...params);
      const kept = () => database.sqlite.prepare('select area_id, last_hearing_date, n from case_hearing_tallies where n <> 0 order by 1, 2').all();
      const counted = () => database.sqlite.prepare('select area_id, last_hearing_date, count(*) as n from cases where last_hearing_date is not null group by 1, 2 order by 1, 2').all();
      run("insert into areas (id, name, code, postcode_districts, settings, created_at) values ('a1', 'Area', 'AREA', '[]', '{}', '2026-01-01T00:00:00.000Z'), ('a2', 'Other', 'OTHER', '[]', '{}', '2026-01-01T00:00:00.000Z')");
      run("insert into people (id, given_name, family_name, gender, created_at, updated_at) values ('p1', 'Ada', 'Tracker', 'female', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
      const newCase = (id: string, heard: string | null) =>
        run("insert into cases (id, reference, area_id, victim_person_id, status, opened_at, last_referral_date, last_hearing_date) values (?, ?, 'a1', 'p1', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01', ?)", id, `AREA-${id}`, heard);
      newCase('c1', null);
      newCase('c2', '2026-02-01');
      newCase('c3', '2026-02-01');
      expect(kept()).toEqual([{ area_id: 'a1', last_hearing_date: '2026-02-01', n: 2 }]);
      run("update cases set last_hearing_date = '2026-03-01' where id in ('c1', 'c2')");
      run("update cases set area_id = 'a2' where id = 'c3'");
      expect(kept()).toEqual(counted());
      run("delete from cases where id = 'c1'");
      expect(kept()).toEqual(counted());
      expect(kept()).toEqual([
        { area_id: 'a1', last_hearing_date: '2026-03-01', n: 1 },
        { area_id: 'a2', last_hearing_date: '2026-02-01', n: 1 },
      ]);
    } finally {
      database.close();
    }
  });

  it('are counted from the actions already held when the migration adds them', () => {
    const database = openDatabase(':memory:');
    try {
      applyMigrations(database, (n) => n <= 13);
      const run = (sql: string) => database.sqlite.prepare(sql).run();
      run("insert into areas (id, name, code, postcode_districts, settings, created_at) values ('a1', 'Area', 'AREA', '[]', '{}', '2026-01-01T00:00:00.000Z')");
      run("insert into agencies (id, name, kind, created_at) values ('g1', 'Police', 'police', '2026-01-01T00:00:00.000Z'), ('g2', 'Housing', 'housing', '2026-01-01T00:00:00.000Z')");
      run("insert into users (id, email, name, role, password_hash, created_at) values ('u1', 'c@test.invalid', 'Cora', 'coordinator', 'x', '2026-01-01T00:00:00.000Z')");
      run("insert into people (id, given_name, family_name, gender, created_at, updated_at) values ('p1', 'Ada', 'Tracker', 'female', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
      run("insert into cases (id, reference, area_id, victim_person_id, status, opened_at, last_referral_date) values ('c1', 'AREA-1', 'a1', 'p1', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01')");
      run(
        "insert into meetings (id, area_id, kind, date, start_time, capacity, minutes_per_case, status, referral_cutoff, circulation_date, research_deadline, minutes_due_date, created_at) values ('m1', 'a1', 'one_off', '2026-01-05', '10:00', 10, 15, 'closed', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-08', '2026-01-01T00:00:00.000Z')",
      );
      for (const [id, agency, due, status] of [
        ['x1', 'g1', '2026-01-12', 'completed'],
        ['x2', 'g1', '2026-01-12', 'completed'],
        ['x3', 'g2', '2026-01-12', 'open'],
        ['x4', 'g1', '2026-02-01', 'escalated'],
      ]) {
        run(
          `insert into actions (id, case_id, meeting_id, agency_id, description, category, due_date, status, created_by, created_at, updated_at) values ('${id}', 'c1', 'm1', '${agency}', 'An action', 'victim_safety', '${due}', '${status}', 'u1', '2026-01-05T11:00:00.000Z', '2026-01-05T11:00:00.000Z')`,
        );
      }
      run("insert into action_updates (id, action_id, status, note, occurred_on, updated_by, updated_at) values ('u1', 'x1', 'completed', 'Done', '2026-01-08', 'u1', '2026-01-08T10:00:00.000Z')");
      run("insert into action_updates (id, action_id, status, note, occurred_on, updated_by, updated_at) values ('u2', 'x1', 'open', 'Reopened', '2026-01-09', 'u1', '2026-01-09T10:00:00.000Z')");
      run("insert into action_updates (id, action_id, status, note, occurred_on, updated_by, updated_at) values ('u3', 'x1', 'completed', 'Done again', '2026-01-15', 'u1', '2026-01-15T10:00:00.000Z')");
      run("insert into action_updates (id, action_id, status, note, occurred_on, updated_by, updated_at) values ('u4', 'x2', 'completed', 'Done', '2026-01-05', 'u1', '2026-01-05T12:00:00.000Z')");
      applyMigrations(database, (n) => n === 14 || n === 15);
      const completions = completionsAndTruth(database);
      expect(completions.kept).toEqual(completions.counted);
      // Counted from the last completion (15 January, ten days after the meeting) and from the meeting day itself.
      expect(completions.kept.map((row) => [row.agency_id, row.days, row.n])).toEqual([
        ['g1', 0, 1],
        ['g1', 10, 1],
      ]);
      const truth = talliesAndTruth(database);
      expect(truth.kept).toEqual(truth.counted);
      expect(truth.kept.map((row) => [row.agency_id, row.status, row.n])).toEqual([
        ['g1', 'completed', 2],
        ['g1', 'escalated', 1],
        ['g2', 'open', 1],
      ]);
    } finally {
      database.close();
    }
  });
});
