/**
 * Planted true matches for the matching benchmark: a stored person written down again the way another
 * agency might, with one kind of error or change each, and invented strangers who are not stored at all.
 */

import type { Gender } from '@marac/shared';
import { GIVEN_NAME_GROUPS } from '../../server/src/modules/people/matching/given-names';
import { nameTokens, phonetic } from '../../server/src/modules/people/matching/normalise';
import type { CandidateQuery } from '../../server/src/modules/people/matching/find-candidates';
import type { PersonRecord } from '../../server/src/modules/people/matching/records';
import { NAME_GROUPS, NAME_GROUP_WEIGHTS, address, familyNameFor, phoneNumber, type NameGroup } from '../../server/src/demo/names';
import type { Random } from '../../server/src/demo/random';

export const VARIANT_KINDS = [
  'typo',
  'transposed letters',
  'phonetic respelling',
  'nickname',
  'surname change (old one recorded)',
  'hyphenated surname',
  'day and month swapped',
  'date of birth one digit off',
  'date of birth missing',
  'new surname, same postcode',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Short forms of a given name, or full forms when it is itself a short form. */
function nicknamesOf(given: string): string[] {
  const token = nameTokens(given)[0];
  if (token === undefined) return [];
  for (const group of GIVEN_NAME_GROUPS) {
    if (group.full.includes(token)) return [...group.short];
    if (group.short.includes(token)) return [...group.full];
  }
  return [];
}

function typo(rng: Random, word: string): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const lower = word.toLowerCase();
    const at = rng.int(1, Math.max(1, lower.length - 1));
    const letter = LETTERS[rng.int(0, 25)] as string;
    const op = rng.int(0, 2);
    const changed =
      op === 0 ? lower.slice(0, at) + letter + lower.slice(at + 1) : op === 1 ? lower.slice(0, at) + letter + lower.slice(at) : lower.slice(0, at) + lower.slice(at + 1);
    if (changed !== lower && changed.length >= 2 && /^[a-z]+$/.test(changed)) return title(changed);
  }
  return word;
}

function transpose(rng: Random, word: string): string {
  const lower = word.toLowerCase();
  const positions = [...lower].flatMap((c, i) => (i + 1 < lower.length && c !== lower[i + 1] && /[a-z]/.test(c) && /[a-z]/.test(lower[i + 1] as string) ? [i] : []));
  if (positions.length === 0) return word;
  const at = rng.pick(positions);
  return title(lower.slice(0, at) + lower[at + 1] + lower[at] + lower.slice(at + 2));
}

/** Spelling changes that keep the sound: what a name becomes when written down from speech. */
const RESPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/ph/, 'f'], [/f/, 'ph'], [/ck/, 'k'], [/c(?=[aou])/, 'k'], [/k/, 'c'], [/y/, 'i'], [/i/, 'y'], [/ie$/, 'y'], [/y$/, 'ie'], [/ey$/, 'y'],
  [/([bdfglmnprst])\1/, '$1'], [/([bdglmnprt])(?=[aeiouy])/, '$1$1'], [/s$/, 'z'], [/ou/, 'ow'], [/ei/, 'ie'], [/ie/, 'ei'], [/ee/, 'ea'],
  [/(?<=.)a(?=[^aeiou])/, 'e'], [/(?<=.)e(?=[^aeiou])/, 'a'], [/(?<=.)o(?=[^aeiou])/, 'u'], [/th$/, 'the'], [/v/, 'ph'], [/x/, 'cks'], [/ai/, 'ay'],
];

function respell(rng: Random, word: string): string | null {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  const code = phonetic(lower);
  const options = RESPELLINGS.map(([pattern, replacement]) => lower.replace(pattern, replacement)).filter((w) => w !== lower && phonetic(w) === code);
  return options.length === 0 ? null : title(rng.pick(options));
}

function isRealDate(digits: string): boolean {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2026 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const iso = (digits: string) => `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;

function oneDigitOff(rng: Random, dob: string): string | null {
  const digits = dob.replace(/-/g, '');
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const at = rng.int(0, 7);
    const changed = digits.slice(0, at) + String(rng.int(0, 9)) + digits.slice(at + 1);
    const swapped = digits.slice(0, 4) + digits.slice(6, 8) + digits.slice(4, 6);
    if (changed !== digits && changed !== swapped && isRealDate(changed)) return iso(changed);
  }
  return null;
}

function swapDayMonth(dob: string): string | null {
  const day = Number(dob.slice(8, 10));
  const month = Number(dob.slice(5, 7));
  return day <= 12 && day !== month ? `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}` : null;
}

/** A surname from the generator's lists that does not sound like `family`. */
function otherSurname(rng: Random, family: string, gender: Gender): string {
  for (;;) {
    const group = NAME_GROUPS[rng.weightedIndex(NAME_GROUP_WEIGHTS)] as NameGroup;
    const candidate = familyNameFor(group, rng.pick(group.family), gender === 'female' ? 'female' : 'male');
    if (phonetic(candidate.toLowerCase().replace(/[^a-z]/g, '')) !== phonetic(family.toLowerCase().replace(/[^a-z]/g, ''))) return candidate;
  }
}

/** The query as a referral would carry it: main name, first date of birth, current address and phone. */
function baseQuery(person: PersonRecord, rng: Random, moved: boolean): CandidateQuery {
  const home = person.addresses[0];
  const fresh = address(rng, rng.chance(0.5));
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    otherNames: [],
    datesOfBirth: person.datesOfBirth.slice(0, 1),
    addresses: moved || home === undefined ? [{ line1: fresh.line1, postcode: fresh.postcode }] : [{ line1: home.line1, postcode: home.postcode }],
    phones: moved ? [] : person.phones.slice(0, 1),
    gender: person.gender,
  };
}

/**
 * Kinds where the person may also have moved since. Not a missing date of birth: with neither a date
 * nor an address only the names are left, and among a million people a name is shared by dozens.
 */
const MAY_HAVE_MOVED: ReadonlySet<VariantKind> = new Set(VARIANT_KINDS.filter((k) => k !== 'date of birth missing' && k !== 'new surname, same postcode'));

/**
 * `person` written down with one variant of `kind`, or null when it does not apply to them (no date of
 * birth to swap, no nickname for the name...). Half the queries (of the kinds that allow it) also come
 * from a new address with no phone, so that names and dates have to carry the match on their own.
 */
export function plantVariant(rng: Random, person: PersonRecord, kind: VariantKind): CandidateQuery | null {
  const moved = MAY_HAVE_MOVED.has(kind) && rng.chance(0.5);
  const q = baseQuery(person, rng, moved);
  const dob = q.datesOfBirth?.[0];
  const onGiven = rng.chance(0.5);
  switch (kind) {
    case 'typo': {
      if (onGiven) q.givenName = typo(rng, q.givenName);
      else q.familyName = typo(rng, q.familyName);
      return q.givenName === person.givenName && q.familyName === person.familyName ? null : q;
    }
    case 'transposed letters': {
      if (onGiven) q.givenName = transpose(rng, q.givenName);
      else q.familyName = transpose(rng, q.familyName);
      return q.givenName === person.givenName && q.familyName === person.familyName ? null : q;
    }
    case 'phonetic respelling': {
      const respelt = onGiven ? respell(rng, q.givenName) : respell(rng, q.familyName);
      if (respelt === null) return null;
      if (onGiven) q.givenName = respelt;
      else q.familyName = respelt;
      return q;
    }
    case 'nickname': {
      const options = nicknamesOf(q.givenName);
      if (options.length === 0) return null;
      q.givenName = title(rng.pick(options));
      return q;
    }
    case 'surname change (old one recorded)': {
      q.otherNames = [{ givenName: q.givenName, familyName: q.familyName, kind: 'previous_name' }];
      q.familyName = otherSurname(rng, q.familyName, person.gender);
      return q;
    }
    case 'hyphenated surname': {
      const other = otherSurname(rng, q.familyName, person.gender);
      q.familyName = rng.chance(0.5) ? `${q.familyName}-${other}` : `${other}-${q.familyName}`;
      return q;
    }
    case 'day and month swapped': {
      const swapped = dob === undefined ? null : swapDayMonth(dob);
      if (swapped === null) return null;
      q.datesOfBirth = [swapped];
      return q;
    }
    case 'date of birth one digit off': {
      const off = dob === undefined ? null : oneDigitOff(rng, dob);
      if (off === null) return null;
      q.datesOfBirth = [off];
      return q;
    }
    case 'date of birth missing': {
      if (dob === undefined) return null;
      q.datesOfBirth = [];
      return q;
    }
    case 'new surname, same postcode': {
      if (person.addresses.length === 0 || dob === undefined) return null;
      q.familyName = otherSurname(rng, q.familyName, person.gender);
      return q;
    }
  }
}

/** Someone who is not stored: names, date of birth and address drawn like the generator's, at random. */
export function inventPerson(rng: Random): CandidateQuery {
  const group = NAME_GROUPS[rng.weightedIndex(NAME_GROUP_WEIGHTS)] as NameGroup;
  const gender: Gender = rng.chance(0.8) ? 'female' : 'male';
  const given = rng.pick(gender === 'female' ? group.female : group.male);
  const family = familyNameFor(group, rng.pick(group.family), gender);
  const age = rng.int(16, 80);
  const dob = rng.dateBetween(`${2026 - age - 1}-11-23`, `${2026 - age}-11-22`);
  const home = address(rng, rng.chance(0.5));
  return {
    givenName: given,
    familyName: family,
    otherNames: [],
    datesOfBirth: rng.chance(0.92) ? [dob] : [],
    addresses: [{ line1: home.line1, postcode: home.postcode }],
    phones: rng.chance(0.6) ? [phoneNumber(rng)] : [],
    gender,
  };
}
