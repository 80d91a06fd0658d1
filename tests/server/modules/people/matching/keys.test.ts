import { describe, expect, it } from 'vitest';
import { personBirthDates, personMatchKeys } from '../../../../../server/src/db/schema';
import { matchKeysFor, rebuildMatchKeys, searchKeysFor, updateMatchKeys, type KeySource } from '../../../../../server/src/modules/people/matching/keys';
import { freshDatabase, storePerson } from './helpers';

const katherine: KeySource = {
  givenNames: ['Katherine'],
  familyNames: ['Smith'],
  datesOfBirth: ['1985-03-07'],
  postcodes: ['DE1 4AB'],
  phones: ['07700 900123'],
};

const shared = (a: KeySource, b: KeySource): string[] => {
  const keys = new Set(matchKeysFor(a));
  const search = searchKeysFor(b);
  return [...search.exact.filter((k) => keys.has(k)), ...[...keys].filter((k) => search.prefixes.some((p) => k.startsWith(p)))];
};

describe('matchKeysFor', () => {
  it('gives the same keys for the same person however the details are written or ordered', () => {
    const keys = matchKeysFor(katherine);
    expect(matchKeysFor({ ...katherine })).toEqual(keys);
    expect(
      matchKeysFor({ givenNames: ['  KATHERINE '], familyNames: ['smith'], datesOfBirth: ['1985-03-07'], postcodes: ['de14ab'], phones: ['+44 7700 900123'] }),
    ).toEqual(keys);
    const twoNames = { ...katherine, givenNames: ['Katherine', 'Kate'], familyNames: ['Smith', 'Jones'] };
    expect(matchKeysFor(twoNames)).toEqual(matchKeysFor({ ...twoNames, givenNames: ['Kate', 'Katherine'], familyNames: ['Jones', 'Smith'] }));
    expect(keys).toEqual([...new Set(keys)].sort());
  });

  it('keeps keys short', () => {
    for (const key of matchKeysFor(katherine)) expect(key.length).toBeLessThanOrEqual(20);
  });

  it('files a person without a date of birth under their names alone', () => {
    const keys = matchKeysFor({ ...katherine, datesOfBirth: [] });
    expect(keys.filter((k) => k.startsWith('n'))).toHaveLength(1);
    expect(keys.some((k) => k.startsWith('g') || k.startsWith('f') || k.startsWith('m'))).toBe(false);
  });

  it('ignores dates that are not real dates rather than filing nonsense', () => {
    expect(matchKeysFor({ ...katherine, datesOfBirth: ['1985-02-30'] })).toEqual(matchKeysFor({ ...katherine, datesOfBirth: [] }));
  });

  const variants: [string, Partial<KeySource>][] = [
    ['a typo in the given name', { givenNames: ['Katherime'] }],
    ['a typo in the surname', { familyNames: ['Smiht'] }],
    ['transposed letters', { familyNames: ['Simth'] }],
    ['a phonetic respelling', { givenNames: ['Kathryn'], familyNames: ['Smyth'] }],
    ['a nickname', { givenNames: ['Kate'] }],
    ['a changed surname', { familyNames: ['Okafor'] }],
    ['a hyphenated surname', { familyNames: ['Smith-Jones'] }],
    ['day and month swapped', { datesOfBirth: ['1985-07-03'] }],
    ['one digit of the date of birth off', { datesOfBirth: ['1986-03-07'] }],
    ['one digit of the day off', { datesOfBirth: ['1985-03-08'] }],
    ['no date of birth', { datesOfBirth: [] }],
  ];
  for (const [label, change] of variants) {
    it(`shares a key with the original despite ${label}, without address or phone`, () => {
      const query = { ...katherine, postcodes: [], phones: [], ...change };
      expect(shared(katherine, query).length).toBeGreaterThan(0);
    });
  }

  it('shares a key through postcode and phone alone', () => {
    const stranger: KeySource = { givenNames: ['Amina'], familyNames: ['Okafor'], datesOfBirth: ['1990-01-20'], postcodes: [], phones: [] };
    expect(shared(katherine, { ...stranger, postcodes: ['de1 4ab'] })).toEqual(['pDE14AB']);
    expect(shared(katherine, { ...stranger, phones: ['+447700900123'] })).toEqual(['t07700900123']);
    expect(shared(katherine, stranger)).toEqual([]);
  });
});

describe('rebuilding stored keys', () => {
  it('files keys when a person is stored and refreshes them when their details change', () => {
    const database = freshDatabase();
    const id = storePerson(database, { given: 'Katherine', family: 'Smith', dobs: ['1985-03-07'], address: { line1: '1 High St', postcode: 'DE1 4AB' } });
    const stored = () =>
      database.db
        .select()
        .from(personMatchKeys)
        .all()
        .filter((r) => r.personId === id)
        .map((r) => r.key)
        .sort();
    expect(stored()).toEqual(matchKeysFor({ ...katherine, phones: [] }));

    database.db.insert(personBirthDates).values({ personId: id, dateOfBirth: '1985-07-04' }).run();
    updateMatchKeys(database.db, [id]);
    expect(stored()).toEqual(matchKeysFor({ ...katherine, phones: [], datesOfBirth: ['1985-03-07', '1985-07-04'] }));
  });

  it('rebuilds everyone, batch by batch, to the same keys', () => {
    const database = freshDatabase();
    const ids = Array.from({ length: 30 }, (_, i) =>
      storePerson(database, { given: i % 2 ? 'Robert' : 'Kate', family: `Family${String.fromCharCode(97 + i)}`, dobs: [`19${50 + i}-01-15`] }),
    );
    const all = () => database.db.select().from(personMatchKeys).all().sort((a, b) => (a.key + a.personId).localeCompare(b.key + b.personId));
    const before = all();
    database.db.delete(personMatchKeys).run();
    database.db.insert(personMatchKeys).values({ key: 'stale', personId: ids[0] as string }).run();

    const summary = rebuildMatchKeys(database);
    expect(summary.people).toBe(30);
    expect(summary.keys).toBe(before.length);
    expect(all()).toEqual(before);

    const some = rebuildMatchKeys(database, [ids[1] as string, ids[1] as string]);
    expect(some.people).toBe(1);
    expect(all()).toEqual(before);
  });
});
