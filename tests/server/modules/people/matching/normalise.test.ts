import { describe, expect, it } from 'vitest';
import { GIVEN_NAME_GROUPS } from '../../../../../server/src/modules/people/matching/given-names';
import {
  canonicalGiven,
  dateDigits,
  familyForms,
  isShortForm,
  nameTokens,
  normaliseAddressLine,
  normalisePhone,
  normalisePostcode,
  normaliseText,
  phonetic,
  sameGivenGroup,
  unorderedDayMonth,
} from '../../../../../server/src/modules/people/matching/normalise';
import { editDistance, jaroWinkler, speltSimilarly } from '../../../../../server/src/modules/people/matching/similarity';

describe('name normalisation', () => {
  it('folds case, accents, apostrophes and spacing', () => {
    expect(normaliseText('  ZOË  ')).toBe('zoe');
    expect(normaliseText('Agnieszka Wiśniewska')).toBe('agnieszka wisniewska');
    expect(normaliseText('Łukasz')).toBe('lukasz');
    expect(normaliseText('Søren Straße')).toBe('soren strasse');
    expect(normaliseText("O'Brien")).toBe('obrien');
    expect(normaliseText('O’Connor')).toBe('oconnor');
    expect(nameTokens('Mary-Jane  Smith')).toEqual(['mary', 'jane', 'smith']);
    expect(nameTokens(' - ')).toEqual([]);
  });

  it('keeps a double-barrelled surname whole and also splits it into parts', () => {
    expect(familyForms('Smith-Jones')).toEqual({ whole: 'smithjones', parts: ['smith', 'jones'] });
    expect(familyForms('Smith Jones')).toEqual({ whole: 'smithjones', parts: ['smith', 'jones'] });
    expect(familyForms('Jones')).toEqual({ whole: 'jones', parts: [] });
  });

  it('treats Mac and Mc, and O with or without an apostrophe or space, as one spelling', () => {
    expect(familyForms('MacCarthy').whole).toBe('mccarthy');
    expect(familyForms('McCarthy').whole).toBe('mccarthy');
    expect(familyForms('Mc Carthy').whole).toBe('mccarthy');
    expect(familyForms('Mac Donald').whole).toBe('mcdonald');
    expect(familyForms('Macey').whole).toBe('macey');
    expect(familyForms("O'Brien").whole).toBe('obrien');
    expect(familyForms('O Brien')).toEqual({ whole: 'obrien', parts: [] });
  });

  it('keeps particles attached instead of matching them as a part', () => {
    expect(familyForms('Al-Hassan')).toEqual({ whole: 'alhassan', parts: [] });
    expect(familyForms('van der Berg')).toEqual({ whole: 'vanderberg', parts: [] });
    expect(familyForms('De Souza-Hughes')).toEqual({ whole: 'desouzahughes', parts: ['desouza', 'hughes'] });
  });

  it('gives alike-sounding names one phonetic code', () => {
    expect(phonetic('stephen')).toBe(phonetic('steven'));
    expect(phonetic('catherine')).toBe(phonetic('kathryn'));
    expect(phonetic('smith')).toBe(phonetic('smyth'));
    expect(phonetic('kowalski')).toBe(phonetic('kowalska'));
    expect(phonetic('smith')).not.toBe(phonetic('jones'));
  });
});

describe('nicknames', () => {
  it('maps UK nicknames to one canonical given name', () => {
    for (const name of ['bob', 'bobby', 'rob', 'robbie', 'robert']) expect(canonicalGiven(name)).toBe('robert');
    for (const name of ['kate', 'katie', 'kat', 'cath', 'kathy', 'katherine', 'catherine', 'kathryn']) expect(canonicalGiven(name)).toBe('katherine');
    for (const name of ['bill', 'will', 'liam']) expect(canonicalGiven(name)).toBe('william');
    for (const name of ['peggy', 'maggie', 'meg']) expect(canonicalGiven(name)).toBe('margaret');
    for (const name of ['jim', 'jimmy', 'jamie']) expect(canonicalGiven(name)).toBe('james');
    for (const name of ['liz', 'beth', 'betty', 'lizzie']) expect(canonicalGiven(name)).toBe('elizabeth');
    for (const name of ['harry', 'hal']) expect(canonicalGiven(name)).toBe('henry');
    for (const name of ['becky', 'becca']) expect(canonicalGiven(name)).toBe('rebecca');
    for (const name of ['mo', 'mohammed', 'muhammad', 'mohamed', 'mohammad']) expect(canonicalGiven(name)).toBe('mohammed');
    expect(canonicalGiven('sasha')).toBe(canonicalGiven('alexandra'));
    expect(canonicalGiven('sasha')).toBe(canonicalGiven('alexander'));
    expect(canonicalGiven('ted')).toBe(canonicalGiven('eddie'));
    expect(canonicalGiven('jack')).toBe(canonicalGiven('john'));
    expect(canonicalGiven('dave')).toBe('david');
    expect(canonicalGiven('mike')).toBe('michael');
    expect(canonicalGiven('zebedee')).toBe('zebedee');
  });

  it('knows which forms are short and which names share a group', () => {
    expect(isShortForm('bob')).toBe(true);
    expect(isShortForm('robert')).toBe(false);
    expect(sameGivenGroup('bob', 'robert')).toBe(true);
    expect(sameGivenGroup('bob', 'william')).toBe(false);
    expect(sameGivenGroup('zebedee', 'zebedee')).toBe(false);
  });

  it('has at least 80 groups, each name in only one, all written normalised', () => {
    expect(GIVEN_NAME_GROUPS.length).toBeGreaterThanOrEqual(80);
    const seen = new Map<string, number>();
    GIVEN_NAME_GROUPS.forEach((group, i) => {
      expect(group.full.length).toBeGreaterThan(0);
      for (const name of [...group.full, ...group.short]) {
        expect(name).toMatch(/^[a-z]+$/);
        expect(seen.get(name), `${name} is in groups ${seen.get(name)} and ${i}`).toBeUndefined();
        seen.set(name, i);
      }
    });
  });
});

describe('dates, postcodes, phones and addresses', () => {
  it('accepts only real calendar dates and orders day and month', () => {
    expect(dateDigits('1985-03-07')).toBe('19850307');
    expect(dateDigits('1985-02-30')).toBeNull();
    expect(dateDigits('07/03/1985')).toBeNull();
    expect(unorderedDayMonth('19850307')).toBe('19850307');
    expect(unorderedDayMonth('19850703')).toBe('19850307');
    expect(unorderedDayMonth('19851225')).toBe('19851225');
  });

  it('normalises a postcode and finds its district (outward code)', () => {
    expect(normalisePostcode('de1 4ab')).toEqual({ compact: 'DE14AB', display: 'DE1 4AB', district: 'DE1' });
    expect(normalisePostcode('SW1A1AA')).toEqual({ compact: 'SW1A1AA', display: 'SW1A 1AA', district: 'SW1A' });
    expect(normalisePostcode('XN12 3QF')?.district).toBe('XN12');
    expect(normalisePostcode('not a postcode')?.district).toBeNull();
    expect(normalisePostcode('  ')).toBeNull();
  });

  it('writes every form of a UK phone number the same way', () => {
    for (const phone of ['07700 900123', '+44 7700 900123', '+44 (0)7700 900123', '0044 7700 900123', '07700-900-123']) {
      expect(normalisePhone(phone)).toBe('07700900123');
    }
    expect(normalisePhone('123')).toBeNull();
  });

  it('compares address lines without flat wording or punctuation', () => {
    expect(normaliseAddressLine('Flat 3, 52 Yarrowby Lane')).toBe(normaliseAddressLine('3 52 yarrowby lane'));
  });
});

describe('string similarity', () => {
  it('counts typing slips, including swapped neighbours, as one edit', () => {
    expect(editDistance('smith', 'smith')).toBe(0);
    expect(editDistance('smith', 'smiht')).toBe(1);
    expect(editDistance('smith', 'smth')).toBe(1);
    expect(editDistance('smith', 'smitth')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('scores Jaro–Winkler as the textbook examples do', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('calls names similar only when one or two slips apart', () => {
    expect(speltSimilarly('thompson', 'thomspon')).toBe(true);
    expect(speltSimilarly('amy', 'aym')).toBe(true);
    expect(speltSimilarly('smith', 'jones')).toBe(false);
    expect(speltSimilarly('smith', 'smithson')).toBe(false);
  });
});
