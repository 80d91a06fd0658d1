/**
 * The generated history read through the case disclosure policy: the bars the generator writes are
 * exactly those the platform derives, and nothing in the history reaches anyone a bar names.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database_ } from '../../../server/src/db/client';
import { generateHistory } from '../../../server/src/demo/generate';
import type { SessionUser } from '../../../server/src/modules/auth/session-store';
import { barsChanged } from '../../../server/src/modules/cases/bars';
import { grantCases, isBarred, mayReceive, mayReceiveAddress, partyOf } from '../../../server/src/modules/cases/policy';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZGVtby10ZXN0LXNhbHQ$dGVzdC1vbmx5LW5vdC1hLXJlYWwtaGFzaC12YWx1ZQ';
const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00.000Z`);
const ACTOR = { userId: null, userEmail: null, ip: null };
const SEED = 7;
const REFERRALS = 300;

interface BarRow {
  id: string;
  case_id: string;
  agency_id: string | null;
  email: string | null;
  name: string;
  reason: string | null;
  referral_id: string | null;
  source_key: string;
  recorded_by: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: SessionUser['role'];
  agency_id: string | null;
}

let database: Database_;

beforeAll(() => {
  database = openDatabase(':memory:');
  migrateDatabase(database.db);
  generateHistory(database, { seed: SEED, today: TODAY, referrals: REFERRALS, passwordHash: HASH });
});
afterAll(() => database.close());

const all = <T>(sql: string, ...params: unknown[]): T[] => database.sqlite.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]): number => (database.sqlite.prepare(sql).get(...params) as { n: number }).n;

const activeBars = () => all<BarRow>('SELECT * FROM case_bars WHERE lifted_at IS NULL ORDER BY case_id, source_key');

/** As the session store builds the signed-in user: a fresh disclosure record for each request. */
function sessionUser(row: UserRow): SessionUser {
  const areaIds = all<{ area_id: string }>('SELECT area_id FROM user_areas WHERE user_id = ?', row.id).map((a) => a.area_id);
  return { id: row.id, email: row.email, name: row.name, role: row.role, agencyId: row.agency_id, areaIds, disclosed: new Set() };
}

/** Everyone the bar names: the agency's users, and anyone whose e-mail it is. */
const namedBy = (bar: BarRow) =>
  all<UserRow>('SELECT id, email, name, role, agency_id FROM users WHERE agency_id = ? OR lower(email) = ? ORDER BY email', bar.agency_id ?? '', bar.email ?? '');

/** Runs `body` in a transaction that is always rolled back, so the shared database is left as generated. */
function inRolledBack<T>(body: () => T): T {
  database.sqlite.exec('BEGIN');
  try {
    return body();
  } finally {
    database.sqlite.exec('ROLLBACK');
  }
}

describe('generated history through the disclosure policy', () => {
  it('holds bars by agency, by e-mail alone, naming a platform user, and following a victim to another case', () => {
    const bars = activeBars();
    expect(bars.filter((b) => b.agency_id !== null).length).toBeGreaterThanOrEqual(3);
    expect(bars.filter((b) => b.agency_id !== null && b.email === null).length).toBeGreaterThanOrEqual(1);
    expect(bars.filter((b) => b.agency_id === null && b.email !== null).length).toBeGreaterThanOrEqual(3);
    expect(bars.filter((b) => b.email !== null && count('SELECT count(*) AS n FROM users WHERE lower(email) = ?', b.email) > 0).length).toBeGreaterThanOrEqual(1);
    // The moved family's bars: one case barred by a referral on the other case about the same victim.
    const followed = count(
      `SELECT count(*) AS n FROM case_bars b JOIN referrals r ON r.id = b.referral_id
       WHERE r.case_id <> b.case_id AND b.agency_id IS NOT NULL`,
    );
    expect(followed).toBeGreaterThanOrEqual(2);
    for (const bar of bars) {
      expect(bar.source_key).toBe(`referral:${bar.referral_id}:${bar.agency_id ?? ''}:${bar.email ?? ''}`);
      expect(bar.recorded_by).toBeNull();
      if (bar.email !== null) expect(bar.email).toBe(bar.email.trim().toLowerCase());
    }
  });

  it('holds exactly the bars the platform derives from the referrals', () => {
    const caseIds = all<{ id: string }>('SELECT id FROM cases ORDER BY id').map((c) => c.id);
    const before = activeBars();

    // Nothing to add: every unsafe contact about each case's victim already bars it.
    const added = inRolledBack(() => {
      const effects = barsChanged(database.db, caseIds, NOW, ACTOR);
      return { effects, bars: activeBars() };
    });
    expect(added.effects).toEqual([]);
    expect(added.bars).toEqual(before);

    // And nothing more: derived from scratch, the platform records the same bars.
    const shape = (b: BarRow) => ({ caseId: b.case_id, sourceKey: b.source_key, agencyId: b.agency_id, email: b.email, name: b.name, reason: b.reason, referralId: b.referral_id });
    const derived = inRolledBack(() => {
      database.sqlite.exec('DELETE FROM case_bars');
      barsChanged(database.db, caseIds, NOW, ACTOR);
      return activeBars();
    });
    expect(derived.map(shape)).toEqual(before.map(shape));
  });

  it('keeps every barred case from everyone its bars name, and from the agency mailbox', () => {
    let users = 0;
    for (const bar of activeBars()) {
      const named = namedBy(bar);
      if (bar.agency_id !== null) expect(named.length).toBeGreaterThan(0);
      for (const row of named) {
        const user = sessionUser(row);
        expect(grantCases(database.db, user, [bar.case_id], 'staff_or_agency').size, `${row.email} on ${bar.case_id}`).toBe(0);
        expect(grantCases(database.db, user, [bar.case_id], 'staff').size).toBe(0);
        expect(user.disclosed.size).toBe(0);
        expect(mayReceiveAddress(database.db, row.email, [bar.case_id])).toBe(false);
        users += 1;
      }
      if (bar.agency_id !== null) {
        const agency = database.sqlite.prepare('SELECT secure_email FROM agencies WHERE id = ?').get(bar.agency_id) as { secure_email: string };
        expect(mayReceive(database.db, { agencyId: bar.agency_id, email: null }, [bar.case_id])).toBe(false);
        expect(mayReceiveAddress(database.db, agency.secure_email, [bar.case_id])).toBe(false);
      }
      if (bar.email !== null) expect(mayReceiveAddress(database.db, bar.email, [bar.case_id])).toBe(false);
    }
    expect(users).toBeGreaterThan(0);
  });

  it('still lets the agencies given research on a barred case, and its area staff, see it', () => {
    // The same users and grants, so the refusals above are the bars' doing and not an empty world.
    let seen = 0;
    for (const bar of activeBars()) {
      const given = all<UserRow>(
        `SELECT DISTINCT u.id, u.email, u.name, u.role, u.agency_id FROM research t
         JOIN meetings m ON m.id = t.meeting_id
         JOIN users u ON u.agency_id = t.agency_id
         WHERE t.case_id = ? AND t.withdrawn_at IS NULL AND m.status <> 'planned'
         ORDER BY u.email`,
        bar.case_id,
      );
      const staff = all<UserRow>(
        `SELECT u.id, u.email, u.name, u.role, u.agency_id FROM users u
         JOIN user_areas ua ON ua.user_id = u.id JOIN cases c ON c.area_id = ua.area_id
         WHERE c.id = ? AND u.role IN ('coordinator', 'chair') ORDER BY u.email`,
        bar.case_id,
      );
      for (const row of [...given, ...staff]) {
        const user = sessionUser(row);
        if (isBarred(database.db, partyOf(user), bar.case_id)) continue;
        expect(grantCases(database.db, user, [bar.case_id], 'staff_or_agency').has(bar.case_id), `${row.email} on ${bar.case_id}`).toBe(true);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('gives a barred agency or person no research, invitation, action, referral or notice about the case', () => {
    const bars = `case_bars b`;
    const namedUser = `(u.agency_id = b.agency_id OR (b.email IS NOT NULL AND lower(u.email) = b.email))`;
    expect(count(`SELECT count(*) AS n FROM research t JOIN ${bars} ON b.case_id = t.case_id AND b.agency_id = t.agency_id AND b.lifted_at IS NULL WHERE t.withdrawn_at IS NULL`)).toBe(0);
    // A task withdrawn for a bar says which one.
    expect(
      count(
        `SELECT count(*) AS n FROM research t WHERE t.withdrawn_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM case_bars b WHERE b.id = t.withdrawn_bar_id AND b.case_id = t.case_id AND b.agency_id = t.agency_id)`,
      ),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM meeting_invitations i JOIN ${bars} ON b.case_id = i.case_id AND b.agency_id = i.agency_id AND b.lifted_at IS NULL`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM actions a JOIN ${bars} ON b.case_id = a.case_id AND b.agency_id = a.agency_id AND b.lifted_at IS NULL`)).toBe(0);
    expect(
      count(
        `SELECT count(*) AS n FROM action_updates au JOIN actions a ON a.id = au.action_id JOIN users u ON u.id = au.updated_by
         JOIN ${bars} ON b.case_id = a.case_id AND b.lifted_at IS NULL AND ${namedUser}`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) AS n FROM referrals r JOIN users u ON u.id IN (r.referrer_user_id, r.entered_by_user_id)
         JOIN ${bars} ON b.case_id = r.case_id AND b.lifted_at IS NULL AND ${namedUser}`,
      ),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM notifications x JOIN users u ON u.id = x.user_id JOIN ${bars} ON b.case_id = x.case_id AND b.lifted_at IS NULL AND ${namedUser}`)).toBe(0);

    // Whatever notices the history holds, each may go to its recipient under the policy.
    for (const n of all<{ user_id: string; case_id: string }>('SELECT user_id, case_id FROM notifications WHERE case_id IS NOT NULL')) {
      const user = all<UserRow>('SELECT id, email, name, role, agency_id FROM users WHERE id = ?', n.user_id)[0] as UserRow;
      expect(isBarred(database.db, partyOf(sessionUser(user)), n.case_id)).toBe(false);
    }
    for (const m of all<{ recipient: string; case_ids: string }>('SELECT recipient, case_ids FROM outbox WHERE cancelled_at IS NULL')) {
      expect(mayReceiveAddress(database.db, m.recipient, JSON.parse(m.case_ids) as string[])).toBe(true);
    }
  });
});
