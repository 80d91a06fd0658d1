/**
 * Turns names, dates of birth, postcodes and phone numbers as agencies type them into comparable forms.
 * Everything here is pure and cheap: it runs for every person when keys are rebuilt for millions.
 */

import { doubleMetaphone } from 'double-metaphone';
import { GIVEN_NAME_GROUPS } from './given-names';

// ---- Names -------------------------------------------------------------------------------------------

/** Letters that Unicode decomposition leaves alone but agencies' systems write as plain Latin. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h',
};

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´ʼ]/g;
const NOT_LETTERS = /[^a-z]+/g;
const NOT_ASCII = /[^ -~]/;
const NOT_ASCII_ALL = /[^ -~]/g;

/**
 * Lower case, accents removed, apostrophes dropped (O'Brien → obrien) and every other run of
 * non-letters (hyphens, spaces, dots) turned into a single space.
 */
export function normaliseText(value: string): string {
  let text = value.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
  if (NOT_ASCII.test(text)) text = text.replace(NOT_ASCII_ALL, (c) => LETTER_FOLDS[c] ?? ' ');
  return text.replace(NOT_LETTERS, ' ').trim();
}

export const nameTokens = (value: string): string[] => {
  const text = normaliseText(value);
  return text === '' ? [] : text.split(' ');
};

/**
 * Words that begin a surname but are not a surname on their own (Al-Hassan, van der Berg, De Souza):
 * they stay attached to the next word rather than being matched as a part.
 */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'bin', 'ibn', 'abu', 'bint', 'ben', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter',
  'le', 'la', 'st', 'ap', 'ni', 'nic', 'ui', 'mc', 'mac', 'o',
]);

/**
 * Mac and Mc are written both ways for the same family (MacCarthy, McCarthy, Mc Carthy), so both
 * become "mc". Only before a consonant: Macey and Mace are not Mc names.
 */
function foldMac(word: string): string {
  if (word.length > 4 && word.startsWith('mac') && !'aeiouy'.includes(word[3] as string)) return `mc${word.slice(3)}`;
  return word;
}

export interface FamilyForms {
  /** The whole surname as one word: "smith-jones" → "smithjones", "o'brien" → "obrien". */
  readonly whole: string;
  /** Each barrel of a double-barrelled or hyphenated surname; empty for a single surname. */
  readonly parts: readonly string[];
}

/** The forms a surname is matched under: whole, and each part of a double-barrelled name. */
export function familyForms(family: string): FamilyForms {
  const tokens = nameTokens(family);
  const words: string[] = [];
  let pending = '';
  for (const token of tokens) {
    if (SURNAME_PARTICLES.has(token)) {
      pending += token;
      continue;
    }
    words.push(foldMac(pending + token));
    pending = '';
  }
  if (pending !== '') words.push(pending);
  const whole = words.join('');
  return { whole, parts: words.length > 1 ? words.filter((w) => w.length > 1) : [] };
}

// ---- Given names and nicknames -------------------------------------------------------------------------

interface GivenEntry {
  /** The group's first full name: the same for every name of the group. */
  readonly canonical: string;
  readonly short: boolean;
}

const GIVEN_INDEX: ReadonlyMap<string, GivenEntry> = (() => {
  const index = new Map<string, GivenEntry>();
  for (const group of GIVEN_NAME_GROUPS) {
    const canonical = group.full[0] as string;
    for (const name of group.full) index.set(name, { canonical, short: false });
    for (const name of group.short) index.set(name, { canonical, short: true });
  }
  return index;
})();

/** The group a given name belongs to (Bob, Rob, Robbie → robert; Kate, Cath → katherine), or the name itself. */
export function canonicalGiven(token: string): string {
  return GIVEN_INDEX.get(token)?.canonical ?? token;
}

/** Whether the token is a short form (a nickname) in the table. */
export function isShortForm(token: string): boolean {
  return GIVEN_INDEX.get(token)?.short === true;
}

/** Whether two normalised given names are in the same nickname or spelling group. */
export function sameGivenGroup(a: string, b: string): boolean {
  const ga = GIVEN_INDEX.get(a);
  const gb = GIVEN_INDEX.get(b);
  return ga !== undefined && gb !== undefined && ga.canonical === gb.canonical;
}

// ---- Phonetic codes --------------------------------------------------------------------------------------

const PHONETIC_CACHE = new Map<string, string>();
const PHONETIC_CACHE_LIMIT = 200_000;

/**
 * Double Metaphone primary code of a normalised word. Only the primary: the secondary code would double
 * the keys for little gain, since typos that change the code are caught by the date-of-birth keys.
 * Names repeat a great deal, so codes are remembered.
 */
export function phonetic(word: string): string {
  let code = PHONETIC_CACHE.get(word);
  if (code === undefined) {
    code = word === '' ? '' : doubleMetaphone(word)[0];
    // A name Metaphone gives no code for (all silent letters) still needs a key of its own.
    if (code === '') code = word.toUpperCase();
    if (PHONETIC_CACHE.size >= PHONETIC_CACHE_LIMIT) PHONETIC_CACHE.clear();
    PHONETIC_CACHE.set(word, code);
  }
  return code;
}

// ---- Dates of birth --------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` that is a real calendar date, as the eight digits `YYYYMMDD`; otherwise null. */
export function dateDigits(value: string): string | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}${m}${d}`;
}

/**
 * The date with its day and month in a fixed order (the smaller first), so a date and its day/month
 * swap give the same text: 1985-03-07 and 1985-07-03 both become 19850307.
 */
export function unorderedDayMonth(digits: string): string {
  const month = digits.slice(4, 6);
  const day = digits.slice(6, 8);
  return month <= day ? digits : `${digits.slice(0, 4)}${day}${month}`;
}

// ---- Postcodes and phones -----------------------------------------------------------------------------------

const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

export interface Postcode {
  /** Upper case without spaces: "DE14AB". */
  readonly compact: string;
  /** As printed: "DE1 4AB". */
  readonly display: string;
  /** The outward code (postcode district), "DE1"; null when the text is not a UK postcode. */
  readonly district: string | null;
}

export function normalisePostcode(value: string): Postcode | null {
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact === '') return null;
  const match = UK_POSTCODE.exec(compact);
  if (!match) return { compact, display: compact, district: null };
  const [, outward, inward] = match as unknown as [string, string, string];
  return { compact, display: `${outward} ${inward}`, district: outward };
}

/**
 * Digits only, in UK national form: +44 7700 900123, 0044 (0)7700 900123 and 07700 900123 are one
 * number. Null when fewer than six digits remain (an extension or a fragment, not a number).
 */
export function normalisePhone(value: string): string | null {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('44') && digits.length >= 11) {
    digits = digits.slice(2);
    if (!digits.startsWith('0')) digits = `0${digits}`;
  }
  return digits.length >= 6 ? digits : null;
}

/** Address first lines compared loosely: case, punctuation and "flat"/"apartment" wording ignored. */
export function normaliseAddressLine(value: string): string {
  return normaliseText(value.replace(/\b(flat|apartment|apt|unit)\b\.?/gi, ' ')).replace(/ /g, '');
}
