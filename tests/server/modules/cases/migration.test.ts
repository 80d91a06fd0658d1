import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/src/db/client';
import { applyMigrations } from '../../migrations';

const STAMP = '2026-01-01T00:00:00.000Z';

describe('the one-case-one-policy migration', () => {
  it('makes one agenda entry per case, keeps what either entry recorded, bars from every unsafe contact on the case and withdraws their research', () => {
    const database = openDatabase(':memory:');
    try {
      applyMigrations(database, (n) => n <= 9);
      const run = (sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).run(...params);
      run(`insert into areas values ('a1', 'Area', 'AREA', null, '[]', null, '{}', '${STAMP}', null)`);
      run(`insert into agencies values ('g1', 'Police', 'police', null, '${STAMP}', null)`);
      run(`insert into agencies values ('g2', 'Homes', 'housing', 'marac@homes.invalid', '${STAMP}', null)`);
      run(`insert into users values ('u1', 'c@test.invalid', 'Cora', 'coordinator', null, 'x', '${STAMP}', null, null)`);
      for (const p of ['p1', 'p2']) run(`insert into people values ('${p}', 'Ada', 'Tracker', 'female', '${STAMP}', '${STAMP}')`);
      for (const [c, p] of [['c1', 'p1'], ['c2', 'p2']]) {
        run(`insert into cases (id, reference, area_id, victim_person_id, status, opened_at, last_referral_date) values ('${c}', 'AREA-${c}', 'a1', '${p}', 'open', '${STAMP}', '2026-01-01')`);
      }
      const referral = (id: string, status: string, caseId: string | null, mergedInto: string | null) =>
        run(
          `insert into referrals (id, reference, status, area_id, case_id, referring_agency_id, referrer_user_id, referrer_name, referrer_contact, entered_by_user_id, referral_date, urgent, dash_score, criteria_met, incident_dates, victim_details, consent, narrative, police_references, merged_into_referral_id, agenda_meeting_id, created_at, updated_at)
           values (?, ?, ?, 'a1', ?, 'g1', 'u1', 'PC', 'pc@x', 'u1', '2026-01-02', 0, 15, '[]', '[]', '{}', '{}', '{}', '[]', ?, null, '${STAMP}', '${STAMP}')`,
          id,
          `R-${id}`,
          status,
          caseId,
          mergedInto,
        );
      referral('r1', 'accepted', 'c1', null);
      referral('r2', 'accepted', 'c1', null);
      referral('r3', 'merged', null, 'r1');
      referral('r4', 'accepted', 'c2', null);
      // The merged referral names housing; the second names a person by e-mail; one names someone with neither.
      run("insert into unsafe_contacts values ('u-a', 'r3', 'Hal', 'Cousin', null, 'g2', 'Related')");
      run("insert into unsafe_contacts values ('u-b', 'r2', 'Pat', 'Friend', ' Pat@Example.Invalid ', null, null)");
      run("insert into unsafe_contacts values ('u-c', 'r4', 'Mum', 'Mother', null, null, 'Tells him')");
      run(
        `insert into meetings (id, area_id, kind, date, start_time, capacity, minutes_per_case, status, referral_cutoff, circulation_date, research_deadline, minutes_due_date, created_at)
         values ('m1', 'a1', 'one_off', '2026-01-20', '10:00', 10, 15, 'agenda_published', '2026-01-10', '2026-01-12', '2026-01-15', '2026-01-23', '${STAMP}')`,
      );
      const item = (id: string, caseId: string, referralId: string, position: number, riskAnalysis: string | null) =>
        run(
          `insert into agenda_items (id, meeting_id, case_id, referral_id, position, slot_start, pinned, manually_placed, status, risk_analysis, revision) values (?, 'm1', ?, ?, ?, ?, 0, 0, 'listed', ?, 0)`,
          id,
          caseId,
          referralId,
          position,
          `10:${String((position - 1) * 15).padStart(2, '0')}`,
          riskAnalysis,
        );
      item('i1', 'c1', 'r1', 1, null);
      item('i2', 'c1', 'r2', 2, '{"harms":"Threats"}');
      item('i3', 'c2', 'r4', 3, null);
      for (const [id, agency] of [['t1', 'g1'], ['t2', 'g2']]) {
        run(`insert into research (id, meeting_id, case_id, agency_id, status, due_date, updated_at) values ('${id}', 'm1', 'c1', '${agency}', 'not_started', '2026-01-15', '${STAMP}')`);
      }

      applyMigrations(database, (n) => n === 10);

      expect(database.sqlite.prepare("select id, case_id, position, slot_start, risk_analysis from agenda_items where meeting_id = 'm1' order by position").all()).toEqual([
        { id: 'i1', case_id: 'c1', position: 1, slot_start: '10:00', risk_analysis: '{"harms":"Threats"}' },
        { id: 'i3', case_id: 'c2', position: 2, slot_start: '10:15', risk_analysis: null },
      ]);
      expect(database.sqlite.prepare('select item_id, referral_id from agenda_item_referrals order by referral_id').all()).toEqual([
        { item_id: 'i1', referral_id: 'r1' },
        { item_id: 'i1', referral_id: 'r2' },
        { item_id: 'i3', referral_id: 'r4' },
      ]);
      expect(database.sqlite.prepare('select case_id, agency_id, email, referral_id, source_key, lifted_at from case_bars order by referral_id').all()).toEqual([
        { case_id: 'c1', agency_id: null, email: 'pat@example.invalid', referral_id: 'r2', source_key: 'referral:r2::pat@example.invalid', lifted_at: null },
        { case_id: 'c1', agency_id: 'g2', email: null, referral_id: 'r3', source_key: 'referral:r3:g2:', lifted_at: null },
      ]);
      const ids = database.sqlite.prepare('select id from case_bars').all() as { id: string }[];
      for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(database.sqlite.prepare('select id, withdrawn_at is not null as withdrawn from research order by id').all()).toEqual([
        { id: 't1', withdrawn: 0 },
        { id: 't2', withdrawn: 1 },
      ]);
      expect(database.sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
    } finally {
      database.close();
    }
  });
});
