import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_STATUSES, FLAG_KINDS, FLAG_LABELS, Id, ROLES, dashScore, evaluateReferralCriteria, type FlagKind } from '@marac/shared';
import { migrateDatabase, openDatabase, type Database_ } from '../../../server/src/db/client';
import { DEMO_TABLES, generateHistory, type GenerateSummary } from '../../../server/src/demo/generate';
import { Random } from '../../../server/src/demo/random';
import { DEMO_REFERRALS, seedDemoIfEmpty } from '../../../server/src/demo/seed';

// Shaped like a real argon2id hash; hashing for real would make every test slow.
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZGVtby10ZXN0LXNhbHQ$dGVzdC1vbmx5LW5vdC1hLXJlYWwtaGFzaC12YWx1ZQ';
const TODAY = '2026-11-22';
const REFERRALS = 120;

/** The UK postcode format, restricted to the invented XC (city) and XN (county) areas. */
const DEMO_POSTCODE = /^(XC[1-9]|XN([1-9]|1\d|20)) \d[ABD-HJLNP-UW-Z]{2}$/;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function freshDatabase(): Database_ {
  const database = openDatabase(':memory:');
  migrateDatabase(database.db);
  return database;
}

function generate(seed: number, referrals = REFERRALS): { database: Database_; summary: GenerateSummary } {
  const database = freshDatabase();
  const summary = generateHistory(database, { seed, today: TODAY, referrals, passwordHash: HASH });
  return { database, summary };
}

const all = <T>(database: Database_, sql: string, ...params: unknown[]): T[] => database.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(database: Database_, sql: string, ...params: unknown[]): T => database.sqlite.prepare(sql).get(...params) as T;
const count = (database: Database_, sql: string, ...params: unknown[]): number => one<{ n: number }>(database, sql, ...params).n;

function tableCounts(database: Database_): Record<string, number> {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, count(database, `SELECT count(*) AS n FROM ${t}`)]));
}

function dump(database: Database_): string {
  return JSON.stringify(DEMO_TABLES.map((t) => all(database, `SELECT * FROM ${t} ORDER BY rowid`)));
}

describe('Random', () => {
  it('repeats its sequence for a seed and produces valid version-4 UUIDs', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const fromA = Array.from({ length: 50 }, () => a.uuid());
    expect(Array.from({ length: 50 }, () => b.uuid())).toEqual(fromA);
    expect(Array.from({ length: 50 }, () => c.uuid())).not.toEqual(fromA);
    for (const id of fromA) {
      expect(Id.safeParse(id).success).toBe(true);
      expect(id[14]).toBe('4');
    }
    expect(new Set(fromA).size).toBe(fromA.length);
  });

  it('keeps values within the bounds asked for', () => {
    const r = new Random(1);
    for (let i = 0; i < 1000; i += 1) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      const d = r.dateBetween('2026-02-27', '2026-03-02');
      expect(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']).toContain(d);
    }
    expect(r.weighted(['a', 'b'], [0, 1])).toBe('b');
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps different streams of one seed apart', () => {
    expect(new Random(9, 1).uuid()).not.toBe(new Random(9, 2).uuid());
  });
});

describe('generateHistory', () => {
  let database: Database_;
  let summary: GenerateSummary;

  beforeAll(() => {
    ({ database, summary } = generate(7));
  });
  afterAll(() => database.close());

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generate(7);
    const other = generate(8);
    try {
      expect(again.summary).toEqual(summary);
      expect(dump(again.database)).toBe(dump(database));
      const people = (d: Database_) => all<{ id: string; given_name: string; family_name: string }>(d, 'SELECT id, given_name, family_name FROM people ORDER BY rowid');
      expect(people(other.database)).not.toEqual(people(database));
      expect(people(other.database).map((p) => p.id)).not.toContain(people(database)[0]?.id);
    } finally {
      again.database.close();
      other.database.close();
    }
  });

  it('reports the rows it wrote', () => {
    expect(summary).toEqual(tableCounts(database));
  });

  it('respects the number of referrals asked for', () => {
    expect(count(database, "SELECT count(*) AS n FROM referrals WHERE status IN ('accepted', 'submitted')")).toBe(REFERRALS);
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>(database, 'SELECT status, count(*) AS n FROM referrals GROUP BY status').map((r) => [r.status, r.n]),
    );
    expect(statuses.submitted).toBeGreaterThan(0);
    expect(statuses.rejected).toBe(1);
    expect(statuses.more_information_requested).toBe(1);
    expect(statuses.draft).toBe(1);
    expect(count(database, "SELECT count(*) AS n FROM referrals WHERE status = 'accepted' AND case_id IS NULL")).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM referrals WHERE status = 'submitted' AND case_id IS NOT NULL")).toBe(0);
  });

  it('scales the amount of history with the number of referrals', () => {
    const small = generate(7, 40);
    try {
      expect(count(small.database, "SELECT count(*) AS n FROM referrals WHERE status IN ('accepted', 'submitted')")).toBe(40);
      expect(small.summary.referral_subjects).toBeLessThan(summary.referral_subjects);
    } finally {
      small.database.close();
    }
  });

  it('leaves no broken references', () => {
    expect(all(database, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('creates the two areas with their settings', () => {
    const areas = all<{ code: string; name: string; postcode_districts: string; settings: string }>(database, 'SELECT * FROM areas ORDER BY code');
    expect(areas.map((a) => a.code)).toEqual(['NBC', 'WLD']);
    expect(JSON.parse(areas[0]?.postcode_districts ?? '[]')).toEqual(['XC1', 'XC2', 'XC3', 'XC4', 'XC5', 'XC6', 'XC7', 'XC8', 'XC9']);
    expect(JSON.parse(areas[1]?.postcode_districts ?? '[]')).toHaveLength(20);
    for (const area of areas) {
      expect(JSON.parse(area.settings)).toEqual({ repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 });
    }
    expect(one<{ value: string }>(database, "SELECT value FROM meta WHERE key = 'demo'").value).toBe('true');
  });

  it('creates a user for every role, with the demo e-mail addresses', () => {
    const users = all<{ email: string; role: string; password_hash: string; kind: string | null }>(
      database,
      'SELECT u.email, u.role, u.password_hash, a.kind FROM users u LEFT JOIN agencies a ON a.id = u.agency_id',
    );
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const role of ROLES) expect(users.some((u) => u.role === role)).toBe(true);
    const expected: [string, string, string | null][] = [
      ['admin@demo.test', 'administrator', null],
      ['coordinator@demo.test', 'coordinator', null],
      ['chair@demo.test', 'chair', null],
      ['observer@demo.test', 'observer', null],
      ['coordinator.county@demo.test', 'coordinator', null],
      ['chair.county@demo.test', 'chair', null],
      ['police@demo.test', 'agency_representative', 'police'],
      ['idva@demo.test', 'agency_representative', 'idva'],
      ['housing@demo.test', 'agency_representative', 'housing'],
      ['csc@demo.test', 'agency_representative', 'childrens_social_care'],
    ];
    for (const [email, role, kind] of expected) {
      expect(byEmail.get(email)?.role, email).toBe(role);
      expect(byEmail.get(email)?.kind ?? null, email).toBe(kind);
    }
    expect(users.every((u) => u.password_hash === HASH)).toBe(true);
    // Every agency has a representative, and every agency kind is covered.
    expect(count(database, 'SELECT count(*) AS n FROM agencies WHERE id NOT IN (SELECT agency_id FROM users WHERE agency_id IS NOT NULL)')).toBe(0);
    expect(count(database, 'SELECT count(DISTINCT kind) AS n FROM agencies')).toBe(15);

    const areasOf = (email: string) =>
      all<{ code: string }>(
        database,
        'SELECT a.code FROM user_areas ua JOIN users u ON u.id = ua.user_id JOIN areas a ON a.id = ua.area_id WHERE u.email = ? ORDER BY a.code',
        email,
      ).map((r) => r.code);
    expect(areasOf('admin@demo.test')).toEqual(['NBC', 'WLD']);
    expect(areasOf('coordinator@demo.test')).toEqual(['NBC']);
    expect(areasOf('coordinator.county@demo.test')).toEqual(['WLD']);
    expect(areasOf('police@demo.test')).toEqual(['NBC', 'WLD']);
    expect(areasOf('housing@demo.test')).toEqual(['NBC']);
  });

  it('holds a year of fortnightly meetings per area with past, minuted and upcoming ones', () => {
    for (const code of ['NBC', 'WLD']) {
      const meetings = all<{ date: string; status: string; referral_cutoff: string; minutes_due_date: string }>(
        database,
        'SELECT m.* FROM meetings m JOIN areas a ON a.id = m.area_id WHERE a.code = ? ORDER BY m.date',
        code,
      );
      expect(meetings.length).toBeGreaterThanOrEqual(27);
      const statuses = meetings.map((m) => m.status);
      expect(statuses.filter((s) => s === 'minuted')).toHaveLength(1);
      expect(statuses.slice(-2)).toEqual(['agenda_published', 'planned']);
      expect(meetings.filter((m) => m.date < TODAY).every((m) => m.status === 'closed' || m.status === 'minuted')).toBe(true);
      for (const m of meetings) {
        expect(m.referral_cutoff < m.date && m.minutes_due_date > m.date).toBe(true);
        const day = new Date(`${m.referral_cutoff}T00:00:00Z`).getUTCDay();
        expect(day === 0 || day === 6).toBe(false);
      }
    }
  });

  it('records actions in every status, with their history', () => {
    const statuses = all<{ status: string }>(database, 'SELECT DISTINCT status FROM actions').map((r) => r.status);
    expect([...statuses].sort()).toEqual([...ACTION_STATUSES].sort());
    // The latest update of every action that moved on matches its status.
    const mismatched = count(
      database,
      `SELECT count(*) AS n FROM actions a
       WHERE a.status <> 'open'
         AND a.status <> (SELECT u.status FROM action_updates u WHERE u.action_id = a.id ORDER BY u.occurred_on DESC, u.rowid DESC LIMIT 1)`,
    );
    expect(mismatched).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM action_updates WHERE occurred_on > ?", TODAY)).toBe(0);
  });

  it('never closes a case while one of its actions, from any of its hearings, is still open', () => {
    // A closed case's actions cannot be updated (server/src/modules/actions/repository.ts), so an open one
    // left on it would stay overdue on every list and review for ever.
    expect(
      count(
        database,
        `SELECT count(*) AS n FROM cases c
         WHERE c.status = 'closed'
           AND EXISTS (SELECT 1 FROM actions a WHERE a.case_id = c.id AND a.status NOT IN ('completed', 'not_possible', 'not_completed'))`,
      ),
    ).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM cases WHERE status = 'closed'")).toBeGreaterThan(0);
  });

  it('includes repeat victims referred again within 12 months', () => {
    const repeats = all<{ person_id: string; referrals: number; first: string; last: string }>(
      database,
      `SELECT s.person_id, count(DISTINCT r.id) AS referrals, min(r.referral_date) AS first, max(r.referral_date) AS last
       FROM referral_subjects s JOIN referrals r ON r.id = s.referral_id
       WHERE s.role = 'victim' AND r.status = 'accepted' AND s.person_id IS NOT NULL
       GROUP BY s.person_id HAVING count(DISTINCT r.id) >= 2`,
    );
    const within = repeats.filter((r) => (Date.parse(r.last) - Date.parse(r.first)) / 86_400_000 < 365);
    expect(within.length).toBeGreaterThan(0);
    // Each case remembers its latest referral.
    expect(
      count(
        database,
        "SELECT count(*) AS n FROM cases c WHERE c.last_referral_date <> (SELECT max(referral_date) FROM referrals r WHERE r.case_id = c.id AND r.status = 'accepted')",
      ),
    ).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM flags WHERE kind = 'repeat'")).toBeGreaterThan(0);
  });

  it('includes a serial perpetrator with unconnected victims in both areas', () => {
    const serial = all<{ person_id: string; cases: number; victims: number; areas: number }>(
      database,
      `SELECT cp.person_id, count(DISTINCT c.id) AS cases, count(DISTINCT c.victim_person_id) AS victims, count(DISTINCT c.area_id) AS areas
       FROM case_people cp JOIN cases c ON c.id = cp.case_id
       WHERE cp.role = 'perpetrator'
       GROUP BY cp.person_id HAVING count(DISTINCT c.id) >= 3`,
    );
    const found = serial.find((s) => s.victims >= 3);
    expect(found).toBeDefined();
    expect(found?.areas).toBe(2);
    expect(count(database, "SELECT count(*) AS n FROM flags WHERE kind = 'serial_perpetrator'")).toBeGreaterThanOrEqual(3);
  });

  it('includes people who are a victim in one case and a perpetrator in another', () => {
    const people = all<{ person_id: string }>(
      database,
      `SELECT DISTINCT v.person_id FROM case_people v JOIN case_people p ON p.person_id = v.person_id
       WHERE v.role = 'victim' AND p.role = 'perpetrator' AND v.case_id <> p.case_id`,
    );
    expect(people.length).toBeGreaterThanOrEqual(2);
  });

  it('includes a case transferred between areas', () => {
    const transferred = one<{ id: string; victim_person_id: string; transferred_from_area_id: string } | undefined>(
      database,
      'SELECT id, victim_person_id, transferred_from_area_id FROM cases WHERE transferred_from_area_id IS NOT NULL',
    );
    expect(transferred).toBeDefined();
    const earlier = one<{ status: string; transferred_to_area_id: string }>(
      database,
      'SELECT status, transferred_to_area_id FROM cases WHERE victim_person_id = ? AND id <> ?',
      transferred?.victim_person_id,
      transferred?.id,
    );
    expect(earlier.status).toBe('transferred_out');
    expect(count(database, 'SELECT count(*) AS n FROM person_addresses WHERE person_id = ? AND current = 1', transferred?.victim_person_id)).toBe(1);
    expect(count(database, 'SELECT count(*) AS n FROM person_addresses WHERE person_id = ?', transferred?.victim_person_id)).toBe(2);
  });

  it('uses only invented postcodes and drama-range phone numbers', () => {
    const postcodes = all<{ postcode: string | null }>(database, 'SELECT postcode FROM person_addresses').map((r) => r.postcode);
    const fromReferrals = all<{ address: string }>(database, 'SELECT address FROM referral_subjects WHERE address IS NOT NULL').map(
      (r) => (JSON.parse(r.address) as { postcode: string }).postcode,
    );
    expect(postcodes.length).toBeGreaterThan(100);
    for (const postcode of [...postcodes, ...fromReferrals]) {
      expect(postcode).toMatch(DEMO_POSTCODE);
      expect(postcode).toMatch(UK_POSTCODE);
    }
    const phones = all<{ phone: string }>(database, 'SELECT phone FROM person_phones UNION SELECT phone FROM referral_subjects WHERE phone IS NOT NULL');
    for (const { phone } of phones) expect(phone).toMatch(/^07700 900\d{3}$/);
  });

  it('stores each referral’s DASH score as the count of yes answers, with matching criteria', () => {
    const rows = all<{
      status: string;
      dash_score: number;
      score: number;
      answers: string;
      criteria_met: string;
      professional_judgement_reasons: string | null;
      tool: string;
      version: string;
      incident_dates: string;
      referral_date: string;
    }>(
      database,
      `SELECT r.status, r.dash_score, a.score, a.answers, a.tool, a.version, r.criteria_met, r.professional_judgement_reasons,
              r.incident_dates, r.referral_date
       FROM referrals r JOIN risk_assessments a ON a.referral_id = r.id`,
    );
    expect(rows).toHaveLength(REFERRALS + 3);
    let belowThreshold = 0;
    for (const row of rows) {
      const answers = JSON.parse(row.answers) as { question: number; answer: 'yes' | 'no' | 'not_known'; comment: string | null }[];
      expect(answers).toHaveLength(24);
      const yes = answers.filter((a) => a.answer === 'yes').length;
      expect(row.dash_score).toBe(yes);
      expect(row.score).toBe(yes);
      expect(dashScore(answers)).toBe(yes);
      expect([row.tool, row.version]).toEqual(['dash', '2009']);
      const criteria = JSON.parse(row.criteria_met) as string[];
      expect(criteria.includes('visible_high_risk')).toBe(yes >= 14);
      expect(criteria.includes('professional_judgement')).toBe(row.professional_judgement_reasons !== null);
      if (row.status === 'accepted') expect(criteria.length).toBeGreaterThan(0);
      // The same criteria the platform's own rule finds (repeat status is the coordinator's finding).
      const evaluated = evaluateReferralCriteria({
        dashScore: row.dash_score,
        professionalJudgementReasons: row.professional_judgement_reasons,
        incidentDates: JSON.parse(row.incident_dates) as string[],
        referralDate: row.referral_date,
        isRepeat: criteria.includes('repeat'),
      });
      expect(evaluated.met).toEqual(criteria);
      if (yes < 14) belowThreshold += 1;
    }
    expect(belowThreshold).toBeGreaterThan(0);
  });

  it('writes ISO UTC timestamps, plain dates and valid ids', () => {
    for (const r of all<{ id: string; created_at: string; submitted_at: string | null; referral_date: string; incident_dates: string }>(database, 'SELECT * FROM referrals')) {
      expect(Id.safeParse(r.id).success).toBe(true);
      expect(r.created_at).toMatch(TIMESTAMP);
      if (r.submitted_at !== null) expect(r.submitted_at).toMatch(TIMESTAMP);
      expect(r.referral_date).toMatch(DATE);
      for (const d of JSON.parse(r.incident_dates) as string[]) expect(d).toMatch(DATE);
    }
    for (const a of all<{ created_at: string; updated_at: string; due_date: string }>(database, 'SELECT * FROM actions')) {
      expect(a.created_at).toMatch(TIMESTAMP);
      expect(a.updated_at).toMatch(TIMESTAMP);
      expect(a.due_date).toMatch(DATE);
    }
    for (const s of all<{ dates_of_birth: string }>(database, 'SELECT dates_of_birth FROM referral_subjects')) {
      for (const d of JSON.parse(s.dates_of_birth) as string[]) expect(Number.isNaN(Date.parse(d))).toBe(false);
    }
  });

  it('gives every hearing agenda items, research, attendance and confidentiality sign-off', () => {
    expect(count(database, "SELECT count(*) AS n FROM agenda_items WHERE status = 'heard' AND (outcome IS NULL OR risk_analysis IS NULL)")).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM referrals WHERE status = 'accepted' AND id NOT IN (SELECT referral_id FROM agenda_item_referrals)")).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM research WHERE status NOT IN ('submitted', 'not_known', 'not_started', 'draft')")).toBe(0);
    // Everyone who signed was there, and every attendee with an account signed.
    expect(
      count(
        database,
        `SELECT count(*) AS n FROM attendance a WHERE a.kind <> 'apology' AND a.user_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM confidentiality_attestations c WHERE c.meeting_id = a.meeting_id AND c.user_id = a.user_id)`,
      ),
    ).toBe(0);
    expect(count(database, "SELECT count(*) AS n FROM attendance WHERE kind = 'apology'")).toBeGreaterThan(0);
  });

  it('lists each case once per meeting, with every referral that brought it there', () => {
    expect(count(database, 'SELECT count(*) AS n FROM (SELECT 1 FROM agenda_items GROUP BY meeting_id, case_id HAVING count(*) > 1)')).toBe(0);
    // Every accepted referral is under exactly one entry: its case's, at the meeting it was listed for.
    expect(
      count(
        database,
        `SELECT count(*) AS n FROM referrals r WHERE r.status = 'accepted'
         AND (SELECT count(*) FROM agenda_item_referrals l WHERE l.referral_id = r.id) <> 1`,
      ),
    ).toBe(0);
    expect(
      count(
        database,
        `SELECT count(*) AS n FROM agenda_item_referrals l JOIN agenda_items i ON i.id = l.item_id JOIN referrals r ON r.id = l.referral_id
         WHERE r.case_id <> i.case_id OR r.agenda_meeting_id <> i.meeting_id OR r.status <> 'accepted'`,
      ),
    ).toBe(0);
    expect(count(database, 'SELECT count(*) AS n FROM agenda_items i WHERE NOT EXISTS (SELECT 1 FROM agenda_item_referrals l WHERE l.item_id = i.id)')).toBe(0);
    // A further incident before the hearing joins the case's entry instead of making a second one.
    expect(count(database, 'SELECT count(*) AS n FROM (SELECT 1 FROM agenda_item_referrals GROUP BY item_id HAVING count(*) > 1)')).toBeGreaterThan(0);
    // Places run 1…n on each agenda.
    const places = all<{ meeting_id: string; n: number; top: number }>(database, 'SELECT meeting_id, count(*) AS n, max(position) AS top FROM agenda_items GROUP BY meeting_id');
    for (const p of places) expect(p.top).toBe(p.n);
  });

  it('keeps the flags each hearing was told, and none for meetings not yet started', () => {
    const items = all<{ id: string; case_id: string; status: string; frozen_flags: string | null }>(
      database,
      'SELECT i.id, i.case_id, m.status, i.frozen_flags FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id',
    );
    let flagged = 0;
    for (const item of items) {
      if (item.status === 'planned' || item.status === 'agenda_published') {
        expect(item.frozen_flags).toBeNull();
        continue;
      }
      expect(item.frozen_flags, item.id).not.toBeNull();
      const flags = JSON.parse(item.frozen_flags as string) as { kind: FlagKind; label: string; detail: string }[];
      const kinds = flags.map((f) => f.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).toEqual([...kinds].sort((a, b) => FLAG_KINDS.indexOf(a) - FLAG_KINDS.indexOf(b)));
      const held = new Set(all<{ kind: string }>(database, 'SELECT DISTINCT kind FROM flags WHERE case_id = ?', item.case_id).map((f) => f.kind));
      for (const f of flags) {
        expect(f.label).toBe(FLAG_LABELS[f.kind]);
        expect(f.detail.length).toBeGreaterThan(0);
        expect(held.has(f.kind), `${f.kind} on ${item.case_id}`).toBe(true);
      }
      if (flags.length > 0) flagged += 1;
    }
    expect(flagged).toBeGreaterThan(0);
    // A later referral does not rewrite what an earlier hearing was told: the first hearing of a case heard again was no repeat.
    expect(
      count(
        database,
        `SELECT count(*) AS n FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE i.frozen_flags LIKE '%"kind":"repeat"%'
           AND NOT EXISTS (SELECT 1 FROM agenda_items e JOIN meetings em ON em.id = e.meeting_id WHERE e.case_id = i.case_id AND em.date < m.date)
           AND NOT EXISTS (SELECT 1 FROM agenda_item_referrals l WHERE l.item_id = i.id GROUP BY l.item_id HAVING count(*) > 1)
           AND i.transferred_from_area_id IS NULL`,
      ),
    ).toBe(0);
  });
});

describe('generateHistory in bulk mode', () => {
  it('writes the same rows, rebuilds every index and restores the connection settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marac-generate-'));
    const database = openDatabase(join(dir, 'bulk.db'));
    const reference = generate(11, 60);
    try {
      migrateDatabase(database.db);
      const settings = () => ({
        journal: database.sqlite.pragma('journal_mode', { simple: true }),
        synchronous: database.sqlite.pragma('synchronous', { simple: true }),
        foreignKeys: database.sqlite.pragma('foreign_keys', { simple: true }),
        cache: database.sqlite.pragma('cache_size', { simple: true }),
      });
      const indexes = () => all<{ name: string; sql: string }>(database, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name");
      const before = settings();
      const indexesBefore = indexes();
      expect(before.journal).toBe('wal');

      const phases: string[] = [];
      const summary = generateHistory(database, {
        seed: 11,
        today: TODAY,
        referrals: 60,
        passwordHash: HASH,
        bulk: true,
        onPhase: (phase) => phases.push(phase),
      });

      expect(phases).toEqual(['indexes']);
      expect(settings()).toEqual(before);
      expect(indexes()).toEqual(indexesBefore);
      expect(summary).toEqual(reference.summary);
      expect(dump(database)).toBe(dump(reference.database));
      expect(all(database, 'PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      database.close();
      reference.database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('seedDemoIfEmpty', () => {
  it('seeds an empty database once and never touches it again', () => {
    const database = freshDatabase();
    try {
      expect(seedDemoIfEmpty(database, { today: TODAY, passwordHash: HASH })).toBe(true);
      const before = tableCounts(database);
      expect(before.referrals).toBe(DEMO_REFERRALS + 3);
      expect(seedDemoIfEmpty(database, { today: TODAY, passwordHash: HASH })).toBe(false);
      expect(tableCounts(database)).toEqual(before);
    } finally {
      database.close();
    }
  });

  it('leaves a database that already has users alone', () => {
    const database = freshDatabase();
    try {
      database.sqlite
        .prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, 'someone@example.org', 'Someone', 'administrator', ?, ?)")
        .run('7a1c3f4e-2b5d-4c6e-8f90-123456789abc', HASH, '2026-01-01T00:00:00.000Z');
      expect(seedDemoIfEmpty(database, { today: TODAY, passwordHash: HASH })).toBe(false);
      expect(count(database, 'SELECT count(*) AS n FROM referrals')).toBe(0);
      expect(count(database, 'SELECT count(*) AS n FROM users')).toBe(1);
    } finally {
      database.close();
    }
  });

  it('refuses to generate into a database that already holds data', () => {
    const { database } = generate(3, 20);
    try {
      expect(() => generateHistory(database, { seed: 3, today: TODAY, referrals: 20, passwordHash: HASH })).toThrow(/empty/);
    } finally {
      database.close();
    }
  });
});
