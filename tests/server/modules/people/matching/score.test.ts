import { describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD, scoreFromWeight, scoreMatch, type MatchSubject } from '../../../../../server/src/modules/people/matching/score';

const stored: MatchSubject = {
  givenName: 'Katherine',
  familyName: 'Smith',
  datesOfBirth: ['1985-03-07'],
  addresses: [{ line1: '14 Ashgrove Road', postcode: 'DE1 4AB' }],
  phones: ['07700 900123'],
  gender: 'female',
};
/** The stored person with nothing but names and date of birth, so each test sees only the evidence it is about. */
const bare: MatchSubject = { givenName: 'Katherine', familyName: 'Smith', datesOfBirth: ['1985-03-07'] };

const score = (query: Partial<MatchSubject>, candidate: MatchSubject = bare) => scoreMatch({ ...bare, ...query }, candidate);

describe('scoreMatch', () => {
  it('scores the same names and date of birth highly', () => {
    const result = score({});
    expect(result.score).toBeGreaterThanOrEqual(95);
    expect(result.reasons).toEqual(['same date of birth', 'same surname', 'same given name']);
  });

  it('explains a nickname with the full name', () => {
    expect(score({ givenName: 'Kate' }).reasons).toContain('given name is a nickname of Katherine');
    const bob = scoreMatch({ givenName: 'Bob', familyName: 'Hughes', datesOfBirth: ['1970-05-20'] }, { givenName: 'Robert', familyName: 'Hughes', datesOfBirth: ['1970-05-20'] });
    expect(bob.reasons).toContain('given name is a nickname of Robert');
    expect(bob.score).toBeGreaterThanOrEqual(90);
    const both = scoreMatch({ givenName: 'Bob', familyName: 'Hughes' }, { givenName: 'Rob', familyName: 'Hughes' });
    expect(both.reasons).toContain('given names are both short for Robert');
  });

  it('explains other spellings, alike sounds and typing slips', () => {
    expect(score({ givenName: 'Kathryn' }).reasons).toContain('given name is another form of Katherine');
    const steven = scoreMatch({ givenName: 'Steven', familyName: 'Hughes' }, { givenName: 'Stephen', familyName: 'Hughes' });
    expect(steven.reasons).toContain('given name is another form of Stephen');
    expect(score({ familyName: 'Smyth' }).reasons).toContain('surname sounds alike');
    expect(score({ familyName: 'Smiht' }).reasons).toContain('surname spelt similarly');
    expect(score({ givenName: 'Katherime' }).reasons).toContain('given name spelt similarly');
    for (const query of [{ givenName: 'Kathryn' }, { familyName: 'Smyth' }, { familyName: 'Smiht' }, { familyName: 'Simth' }]) {
      expect(score(query).score).toBeGreaterThanOrEqual(85);
    }
  });

  it('treats Mc and Mac as one spelling', () => {
    const result = scoreMatch({ givenName: 'Sean', familyName: 'MacCarthy' }, { givenName: 'Sean', familyName: 'McCarthy' });
    expect(result.reasons).toContain('same surname');
  });

  it('recognises a changed surname recorded as a previous name or an alias', () => {
    const married = score({ familyName: 'Okafor', otherNames: [{ givenName: 'Katherine', familyName: 'Smith', kind: 'previous_name' }] });
    expect(married.reasons).toContain('surname matches a previous name');
    expect(married.score).toBeGreaterThanOrEqual(95);
    const known = score({ familyName: 'Okafor' }, { ...bare, otherNames: [{ givenName: 'Katherine', familyName: 'Okafor', kind: 'previous_name' }] });
    expect(known.reasons).toContain('surname matches a previous name');
    const alias = score({ givenName: 'Kim', familyName: 'Baker' }, { ...bare, otherNames: [{ givenName: 'Kim', familyName: 'Baker', kind: 'alias' }] });
    expect(alias.reasons[0]).toBe('alias matches');
    expect(alias.score).toBeGreaterThanOrEqual(95);
  });

  it('still suggests an unrecorded change of surname when the date of birth and given name agree', () => {
    const result = score({ familyName: 'Okafor' });
    expect(result.reasons).toEqual(['same date of birth', 'same given name', 'different surname']);
    expect(result.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
  });

  it('matches part of a double-barrelled surname either way round', () => {
    for (const [a, b] of [['Smith-Jones', 'Smith'], ['Jones', 'Smith-Jones'], ['Smith Jones', 'Jones-Smith']]) {
      const result = scoreMatch({ ...bare, familyName: a as string }, { ...bare, familyName: b as string });
      expect(result.reasons).toContain('surname matches part of a double-barrelled name');
      expect(result.score).toBeGreaterThanOrEqual(90);
    }
  });

  it('describes each kind of date of birth variant', () => {
    const dated = (dob: string[]) => score({ datesOfBirth: dob });
    expect(dated(['1985-03-07']).reasons[0]).toBe('same date of birth');
    expect(dated(['1985-07-03']).reasons).toContain('date of birth with day and month swapped');
    expect(dated(['1985-03-08']).reasons).toContain('date of birth one digit different');
    expect(dated(['1986-03-07']).reasons).toContain('date of birth one digit different');
    expect(dated(['1985-03-17']).reasons).toContain('date of birth one digit different');
    expect(scoreMatch({ ...bare, datesOfBirth: ['1985-12-31'] }, { ...bare, datesOfBirth: ['1985-12-13'] }).reasons).toContain(
      'date of birth with two digits transposed',
    );
    expect(scoreMatch({ ...bare, datesOfBirth: ['1990-03-07'] }, { ...bare, datesOfBirth: ['1989-03-07'] }).reasons).toContain('date of birth one year apart');
    expect(dated([]).reasons).toContain('no date of birth to compare');
    expect(dated(['1962-11-28']).reasons).toContain('different date of birth');
    for (const dob of [['1985-07-03'], ['1985-03-08'], ['1986-03-07'], []]) expect(dated(dob).score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    const order = [['1985-03-07'], ['1985-07-03'], ['1985-03-08'], [], ['1962-11-28']].map((dob) => dated(dob).score);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  it('uses any of several recorded dates of birth', () => {
    const result = scoreMatch({ ...bare, datesOfBirth: ['1985-07-03'] }, { ...bare, datesOfBirth: ['1990-01-01', '1985-07-03'] });
    expect(result.reasons[0]).toBe('same date of birth');
  });

  it('names a shared postcode, address or phone', () => {
    const elsewhere = { line1: '2 Other Street', postcode: 'DE1 9ZZ' };
    expect(score({ addresses: [{ line1: '3 Elm Close', postcode: 'de14ab' }] }, stored).reasons).toContain('shares postcode DE1 4AB');
    expect(score({ addresses: [{ line1: '14, Ashgrove Road', postcode: 'DE1 4AB' }] }, stored).reasons).toContain('shares address at DE1 4AB');
    expect(score({ addresses: [elsewhere] }, stored).reasons).toContain('shares postcode district DE1');
    expect(score({ phones: ['+44 7700 900123'] }, stored).reasons).toContain('shares phone number');
    const common = scoreMatch({ ...bare, phones: ['07700 900123'] }, stored, { commonPhones: new Set(['07700900123']) });
    expect(common.reasons).toContain('shares a phone number many other records also have');
  });

  it('scores a different date of birth with only a surname that sounds alike low', () => {
    const result = scoreMatch(
      { givenName: 'Lucy', familyName: 'Smyth', datesOfBirth: ['1971-10-02'], gender: 'female' },
      { ...stored, datesOfBirth: ['1985-03-07'] },
    );
    expect(result.reasons).toEqual(['surname sounds alike', 'different date of birth', 'different given name']);
    expect(result.score).toBeLessThan(5);
  });

  it('does not suggest a namesake born on a different day', () => {
    const result = score({ datesOfBirth: ['1979-08-21'] });
    expect(result.reasons).toContain('different date of birth');
    expect(result.score).toBeLessThan(SUGGESTION_THRESHOLD);
  });

  it('counts a recorded gender that differs against a match', () => {
    const male = score({ gender: 'male' }, { ...bare, gender: 'female' });
    expect(male.reasons).toContain('recorded gender differs');
    expect(male.score).toBeLessThan(score({ gender: 'female' }, { ...bare, gender: 'female' }).score);
  });

  it('maps weights onto 0–100 with 50 at the threshold', () => {
    expect(scoreFromWeight(8)).toBe(SUGGESTION_THRESHOLD);
    expect(scoreFromWeight(40)).toBe(100);
    expect(scoreFromWeight(-40)).toBe(0);
  });
});
