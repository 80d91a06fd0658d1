import { describe, expect, it } from 'vitest';
import { identityDecisions, people } from '../../../../server/src/db/schema';
import { identityGroups, samePeople } from '../../../../server/src/modules/history/identity';
import { baseWorld, testApp } from '../../helper';

/**
 * Six held people, A to F in id order, and the decisions between them: A = B (stored as B, A),
 * B = C, C = D; E = F; A is not E. Returns the people's ids and the decisions' ids.
 */
async function identityWorld() {
  const ctx = await testApp();
  const { admin } = await baseWorld(ctx.database);
  const db = ctx.database.db;
  const [A, B, C, D, E, F] = Array.from({ length: 6 }, () => crypto.randomUUID()).sort() as [string, string, string, string, string, string];
  const at = '2026-11-01T00:00:00.000Z';
  db.insert(people)
    .values([A, B, C, D, E, F].map((id, i) => ({ id, givenName: `Person${i}`, familyName: 'Held', gender: 'female' as const, createdAt: at, updatedAt: at })))
    .run();
  const decision = (personId: string, otherPersonId: string, kind: 'confirmed' | 'rejected') => {
    const id = crypto.randomUUID();
    db.insert(identityDecisions).values({ id, personId, otherPersonId, decision: kind, decidedBy: admin.id, decidedAt: at }).run();
    return id;
  };
  const decisions = { BA: decision(B, A, 'confirmed'), BC: decision(B, C, 'confirmed'), DC: decision(D, C, 'confirmed'), EF: decision(E, F, 'confirmed'), AE: decision(A, E, 'rejected') };
  return { ...ctx, ids: { A, B, C, D, E, F }, decisions };
}

describe('identityGroups', () => {
  it('follows confirmations in either stored direction, through chains, to the smallest id in the group', async () => {
    const { database, ids } = await identityWorld();
    const { A, B, C, D, E, F } = ids;
    expect(identityGroups(database.db, [D])).toEqual(
      new Map([
        [D, A],
        [C, A],
        [B, A],
        [A, A],
      ]),
    );
    const both = identityGroups(database.db, [B, F]);
    expect([...both.keys()].sort()).toEqual([A, B, C, D, E, F]);
    expect(new Set([A, B, C, D].map((id) => both.get(id)))).toEqual(new Set([A]));
    expect(both.get(E)).toBe(E);
    expect(both.get(F)).toBe(E);
  });

  it('never joins people over a rejection, and leaves a person with no confirmations alone', async () => {
    const { database, ids } = await identityWorld();
    const groups = identityGroups(database.db, [ids.A, ids.E]);
    expect(groups.get(ids.A)).not.toBe(groups.get(ids.E));
    const stranger = crypto.randomUUID();
    expect(identityGroups(database.db, [stranger, stranger])).toEqual(new Map([[stranger, stranger]]));
    expect(identityGroups(database.db, [])).toEqual(new Map());
  });

  it('can leave one confirmation out, to tell whether taking it back parts the two people', async () => {
    const { database, ids, decisions } = await identityWorld();
    const { A, B, C, D } = ids;
    const without = identityGroups(database.db, [A, D], { exceptDecisionId: decisions.BC });
    expect(without.get(A)).toBe(A);
    expect(without.get(B)).toBe(A);
    expect(without.get(C)).toBe(C);
    expect(without.get(D)).toBe(C);
    // A rejection is no confirmation to leave out.
    expect(identityGroups(database.db, [A], { exceptDecisionId: decisions.AE }).get(D)).toBe(A);
  });

  it('lists everyone confirmed to be the same person', async () => {
    const { database, ids } = await identityWorld();
    expect(samePeople(database.db, [ids.C]).sort()).toEqual([ids.A, ids.B, ids.C, ids.D]);
    expect(samePeople(database.db, [ids.F]).sort()).toEqual([ids.E, ids.F]);
  });
});

