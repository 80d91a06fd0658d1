import { describe, expect, it } from 'vitest';
import type { Database_ } from '../../../../../server/src/db/client';
import { MAX_SUGGESTIONS, findCandidates, type CandidateQuery } from '../../../../../server/src/modules/people/matching/find-candidates';
import { SUGGESTION_THRESHOLD } from '../../../../../server/src/modules/people/matching/score';
import { decide, freshDatabase, storePerson, type StoredPerson } from './helpers';

/** A handful of other people, some with the same surname, so a match has to be picked out of a crowd. */
function crowd(database: Database_): void {
  const others: StoredPerson[] = [
    { given: 'Lucy', family: 'Smith', dobs: ['1990-06-14'], address: { line1: '9 Beckside Lane', postcode: 'XN4 2AB' } },
    { given: 'Robert', family: 'Smith', gender: 'male', dobs: ['1961-02-03'] },
    { given: 'Catherine', family: 'Baker', dobs: ['1972-11-30'] },
    { given: 'Amina', family: 'Hussain', dobs: ['1988-04-09'], phone: '07700 900999' },
    { given: 'Katherine', family: 'Walker', dobs: ['1984-02-11'] },
  ];
  for (const person of others) storePerson(database, person);
}

const KATHERINE: StoredPerson = {
  given: 'Katherine',
  family: 'Smith',
  dobs: ['1985-03-07'],
  address: { line1: '14 Ashgrove Road', postcode: 'XC1 4AB' },
  phone: '07700 900123',
};

/** A query naming Katherine Smith as another agency might, with nothing else shared unless given. */
const query = (change: Partial<CandidateQuery>): CandidateQuery => ({ givenName: 'Katherine', familyName: 'Smith', datesOfBirth: ['1985-03-07'], ...change });

function setUp(stored: StoredPerson = KATHERINE): { database: Database_; id: string } {
  const database = freshDatabase();
  crowd(database);
  const id = storePerson(database, stored);
  crowd(database);
  return { database, id };
}

describe('findCandidates', () => {
  const variants: [string, Partial<CandidateQuery>, string][] = [
    ['exact details', {}, 'same date of birth'],
    ['a typo in the given name', { givenName: 'Katherime' }, 'given name spelt similarly'],
    ['a typo in the surname', { familyName: 'Smirh' }, 'surname spelt similarly'],
    ['transposed letters in the surname', { familyName: 'Smtih' }, 'surname spelt similarly'],
    ['a phonetic spelling of the given name', { givenName: 'Kathryn' }, 'given name is another form of Katherine'],
    ['a phonetic spelling of the surname', { familyName: 'Smyth' }, 'surname sounds alike'],
    ['a nickname', { givenName: 'Kate' }, 'given name is a nickname of Katherine'],
    ['a hyphenated surname', { familyName: 'Smith-Jones' }, 'surname matches part of a double-barrelled name'],
    [
      'a new surname with the old one recorded',
      { familyName: 'Okafor', otherNames: [{ givenName: 'Katherine', familyName: 'Smith', kind: 'previous_name' }] },
      'surname matches a previous name',
    ],
    ['a new surname, not recorded', { familyName: 'Okafor' }, 'different surname'],
    ['day and month swapped', { datesOfBirth: ['1985-07-03'] }, 'date of birth with day and month swapped'],
    ['one digit of the date of birth off', { datesOfBirth: ['1985-08-07'] }, 'date of birth one digit different'],
    ['no date of birth', { datesOfBirth: [] }, 'no date of birth to compare'],
  ];
  for (const [label, change, reason] of variants) {
    it(`finds the stored person despite ${label}, and says why`, () => {
      const { database, id } = setUp();
      const [best] = findCandidates(database.db, query(change));
      expect(best?.personId).toBe(id);
      expect(best?.reasons).toContain(reason);
      expect(best?.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    });
  }

  it('finds Robert from Bob, and Mc from Mac', () => {
    const database = freshDatabase();
    crowd(database);
    const robert = storePerson(database, { given: 'Robert', family: 'McCarthy', gender: 'male', dobs: ['1979-10-21'] });
    const [best] = findCandidates(database.db, { givenName: 'Bob', familyName: 'MacCarthy', datesOfBirth: ['1979-10-21'] });
    expect(best).toEqual({ personId: robert, score: expect.any(Number), reasons: ['same date of birth', 'same surname', 'given name is a nickname of Robert'] });
  });

  it('finds a stored alias and a stored previous name', () => {
    const database = freshDatabase();
    crowd(database);
    const id = storePerson(database, {
      ...KATHERINE,
      family: 'Okafor',
      otherNames: [
        { given: 'Katherine', family: 'Smith', kind: 'previous_name' },
        { given: 'Kitty', family: 'Lane', kind: 'alias' },
      ],
    });
    const [previous] = findCandidates(database.db, query({}));
    expect(previous?.personId).toBe(id);
    expect(previous?.reasons).toContain('surname matches a previous name');
    const [alias] = findCandidates(database.db, query({ givenName: 'Kitty', familyName: 'Lane', datesOfBirth: [] }));
    expect(alias?.personId).toBe(id);
    expect(alias?.reasons).toContain('alias matches');
  });

  it('finds someone through a shared address or phone when names and date of birth have both changed, and names it', () => {
    const { database, id } = setUp();
    // A new surname and a mistyped year: no name or date key is left in common.
    const changed = { familyName: 'Okafor', datesOfBirth: ['1986-03-07'] };
    expect(findCandidates(database.db, query(changed))).toEqual([]);
    const byAddress = findCandidates(database.db, query({ ...changed, addresses: [{ line1: '14 Ashgrove Road', postcode: 'xc14ab' }] }));
    expect(byAddress[0]?.personId).toBe(id);
    expect(byAddress[0]?.reasons).toContain('shares address at XC1 4AB');
    const byPostcode = findCandidates(database.db, query({ ...changed, addresses: [{ line1: '3 Elm Close', postcode: 'XC1 4AB' }] }));
    expect(byPostcode[0]?.personId).toBe(id);
    expect(byPostcode[0]?.reasons).toContain('shares postcode XC1 4AB');
    const byPhone = findCandidates(database.db, query({ ...changed, phones: ['+44 7700 900123'] }));
    expect(byPhone[0]?.personId).toBe(id);
    expect(byPhone[0]?.reasons).toContain('shares phone number');
  });

  it('gives the reasons in plain words, strongest first', () => {
    const { database } = setUp();
    const [best] = findCandidates(database.db, query({ givenName: 'Kate', familyName: 'Smyth', addresses: [{ postcode: 'XC1 4AB' }] }));
    expect(best?.reasons).toEqual(['same date of birth', 'shares postcode XC1 4AB', 'given name is a nickname of Katherine', 'surname sounds alike']);
  });

  it('does not suggest an unrelated person with the same common surname and another date of birth', () => {
    const database = freshDatabase();
    storePerson(database, { given: 'Lucy', family: 'Smith', dobs: ['1990-06-14'] });
    storePerson(database, { given: 'Katherine', family: 'Smith', dobs: ['1962-12-25'] });
    expect(findCandidates(database.db, query({}))).toEqual([]);
    expect(findCandidates(database.db, query({}), { minScore: 0 }).every((c) => c.score < SUGGESTION_THRESHOLD)).toBe(true);
  });

  it('does not suggest a pair the coordinator rejected, in either direction, but still suggests others', () => {
    const { database, id } = setUp();
    const twin = storePerson(database, { ...KATHERINE, given: 'Kate' });
    const newcomer = storePerson(database, { given: 'Katherine', family: 'Smith', dobs: ['1985-03-07'] });
    expect(findCandidates(database.db, { ...query({}), personId: newcomer }).map((c) => c.personId).sort()).toEqual([id, twin].sort());

    decide(database, newcomer, id, 'rejected');
    expect(findCandidates(database.db, { ...query({}), personId: newcomer }).map((c) => c.personId)).toEqual([twin]);
    decide(database, twin, newcomer, 'rejected');
    expect(findCandidates(database.db, { ...query({}), personId: newcomer })).toEqual([]);
    // The decision is about that pair only: anyone else may still be offered both.
    expect(findCandidates(database.db, query({})).map((c) => c.personId).sort()).toEqual([id, twin, newcomer].sort());
  });

  it('never suggests the person to themselves or anyone excluded', () => {
    const { database, id } = setUp();
    expect(findCandidates(database.db, { ...query({}), personId: id })).toEqual([]);
    expect(findCandidates(database.db, query({}), { excludePersonIds: [id] })).toEqual([]);
  });

  it('returns at most five, best first, and honours a smaller limit', () => {
    const database = freshDatabase();
    const ids = Array.from({ length: 8 }, (_, i) => storePerson(database, { ...KATHERINE, phone: undefined, address: undefined, given: i < 2 ? 'Katherine' : 'Kate' }));
    const found = findCandidates(database.db, query({}));
    expect(MAX_SUGGESTIONS).toBe(5);
    expect(found).toHaveLength(5);
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
    expect(found.slice(0, 2).map((c) => c.personId).sort()).toEqual(ids.slice(0, 2).sort());
    expect(findCandidates(database.db, query({}), { limit: 2 })).toHaveLength(2);
  });

  it('finds nobody in an empty database', () => {
    const database = freshDatabase();
    expect(findCandidates(database.db, query({}))).toEqual([]);
  });
});
