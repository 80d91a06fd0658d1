/**
 * Personal data made of recognisable tokens, each belonging to exactly one referral (or one case's
 * record, or one draft), so any response, notice or PDF can be searched for them and every hit traced
 * back to where it came from. Words are "Zq" and four base-36 characters; postcodes start "QZ"; dates
 * of birth and phone numbers are unique in the world and searched in the forms the platform prints.
 */

import { longDate } from '@marac/shared';

export type TokenOwner =
  /** Someone a referral names: their names, dates of birth, address, phone. */
  | { kind: 'subject'; referralId: string; subjectId: string }
  /** What the referral itself says: the incident, the victim's fears, the unsafe contacts' names. */
  | { kind: 'referral'; referralId: string }
  /** What the meeting or an agency recorded about a case: research, risk analysis, actions, outcomes. */
  | { kind: 'case'; caseId: string }
  /** A referral draft: the form's state, its author's alone. */
  | { kind: 'draft'; userId: string };

export interface Token {
  /** As written into the world. */
  value: string;
  owner: TokenOwner;
}

const BASE_ADULT = Date.UTC(1950, 0, 1);
const BASE_CHILD = Date.UTC(2012, 0, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Hands out tokens that never repeat within a world. */
export class TokenMint {
  private words = 0;
  private postcodes = 0;
  private adults = 0;
  private children = 0;
  private phones = 0;

  word(): string {
    return `Zq${(this.words++).toString(36).padStart(4, '0')}`;
  }

  /** A valid UK postcode shape no real area uses: QZ, two digits, a digit and two letters. */
  postcode(): string {
    const n = this.postcodes++;
    const letters = (k: number) => String.fromCharCode(65 + (k % 26)) + String.fromCharCode(65 + (Math.floor(k / 26) % 26));
    return `QZ${10 + (n % 90)} ${Math.floor(n / 90) % 10}${letters(Math.floor(n / 900))}`;
  }

  /** 1950 onwards, 41 days apart: always an adult, never a date the platform uses for anything else. */
  adultBirthDate(): string {
    return iso(BASE_ADULT + this.adults++ * 41 * DAY);
  }

  /** 2012 onwards, 5 days apart: a child in the household. */
  childBirthDate(): string {
    return iso(BASE_CHILD + this.children++ * 5 * DAY);
  }

  phone(): string {
    return `07700 9${String(this.phones++).padStart(5, '0')}`;
  }
}

/** The forms a token can be printed in, each as searched (lower case). */
export function searchForms(value: string): string[] {
  const lower = value.toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return [lower, longDate(value).toLowerCase()];
  if (/^07700 9\d{5}$/.test(value)) return [lower, lower.replace(/\s/g, '')];
  return [lower];
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const CANDIDATES = new RegExp(
  [`zq[0-9a-z]{4}`, `qz\\d{2} \\d[a-z]{2}`, `\\d{4}-\\d{2}-\\d{2}`, `\\d{1,2} (?:${MONTHS}) \\d{4}`, `07700 ?9\\d{5}`].join('|'),
  'g',
);

/** Every token of the index found in the text, by the form it was found in. */
export function findTokens(text: string, index: ReadonlyMap<string, Token>): Token[] {
  const found = new Map<string, Token>();
  for (const match of text.toLowerCase().matchAll(CANDIDATES)) {
    const token = index.get(match[0]);
    if (token) found.set(token.value, token);
  }
  return [...found.values()];
}

/** References of cases and referrals (`ZA-2026-0001`, `ZA-R-2026-00001`) in the text, upper case. */
export function findReferences(text: string, codes: readonly string[]): string[] {
  const pattern = new RegExp(`\\b(?:${codes.join('|')})-(?:R-)?\\d{4}-\\d{4,5}\\b`, 'gi');
  return [...new Set([...text.matchAll(pattern)].map((m) => m[0].toUpperCase()))];
}
