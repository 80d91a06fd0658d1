/**
 * How likely two records are to be the same person, and why, in words a coordinator can check.
 *
 * Fellegi–Sunter style: each field comparison (given name, surname, date of birth, address, phone)
 * lands on one agreement level, and each level carries a weight, roughly log2 of how much more often
 * that level is seen between records of the same person than between records of different people.
 * The weights add up; the total is mapped onto 0–100 with a logistic curve. The weights were set from
 * those ratios and checked against the benchmark's planted matches and invented strangers.
 */

import type { Gender } from '@marac/shared';
import {
  canonicalGiven,
  dateDigits,
  familyForms,
  isShortForm,
  nameTokens,
  normaliseAddressLine,
  normalisePhone,
  normalisePostcode,
  phonetic,
  sameGivenGroup,
  type FamilyForms,
  type Postcode,
} from './normalise';
import type { NameKind } from './records';
import { speltSimilarly } from './similarity';

/** Someone to match, as a referral names them or as they are stored. */
export interface MatchSubject {
  givenName: string;
  familyName: string;
  otherNames?: readonly { givenName: string; familyName: string; kind: NameKind }[];
  /** `YYYY-MM-DD`; anything else is ignored. */
  datesOfBirth?: readonly string[];
  addresses?: readonly { line1?: string | null; postcode?: string | null }[];
  phones?: readonly string[];
  gender?: Gender | null;
}

export interface MatchScore {
  /** 0–100. */
  score: number;
  /** Plain-English evidence, strongest first. */
  reasons: string[];
  /** The summed weight behind the score, kept to order equal scores. */
  weight: number;
}

/** At or above this score a candidate is suggested to the coordinator. */
export const SUGGESTION_THRESHOLD = 50;

// ---- Prepared forms ------------------------------------------------------------------------------------

interface PreparedName {
  readonly kind: NameKind | 'primary';
  readonly given: readonly string[];
  readonly givenCodes: readonly string[];
  readonly family: FamilyForms;
  readonly familyCode: string;
  readonly partCodes: readonly string[];
  readonly display: { readonly given: string; readonly family: string };
}

export interface PreparedSubject {
  readonly names: readonly PreparedName[];
  readonly dates: readonly string[];
  readonly postcodes: readonly Postcode[];
  readonly addresses: readonly { readonly line: string; readonly postcode: string }[];
  readonly phones: readonly string[];
  readonly gender: Gender | null;
}

function prepareName(givenName: string, familyName: string, kind: PreparedName['kind']): PreparedName {
  const given = nameTokens(givenName);
  const family = familyForms(familyName);
  return {
    kind,
    given,
    givenCodes: given.map((g) => phonetic(g)),
    family,
    familyCode: family.whole === '' ? '' : phonetic(family.whole),
    partCodes: family.parts.map((p) => phonetic(p)),
    display: { given: givenName.trim(), family: familyName.trim() },
  };
}

/** Normalises a subject once, so it can be compared with many candidates cheaply. */
export function prepareSubject(subject: MatchSubject): PreparedSubject {
  const names = [prepareName(subject.givenName, subject.familyName, 'primary')];
  for (const other of subject.otherNames ?? []) names.push(prepareName(other.givenName, other.familyName, other.kind));
  const dates = new Set<string>();
  for (const dob of subject.datesOfBirth ?? []) {
    const digits = dateDigits(dob);
    if (digits !== null) dates.add(digits);
  }
  const postcodes = new Map<string, Postcode>();
  const addresses: { line: string; postcode: string }[] = [];
  for (const address of subject.addresses ?? []) {
    const postcode = address.postcode ? normalisePostcode(address.postcode) : null;
    if (postcode === null) continue;
    postcodes.set(postcode.compact, postcode);
    if (address.line1) addresses.push({ line: normaliseAddressLine(address.line1), postcode: postcode.compact });
  }
  const phones = new Set<string>();
  for (const phone of subject.phones ?? []) {
    const digits = normalisePhone(phone);
    if (digits !== null) phones.add(digits);
  }
  return { names, dates: [...dates], postcodes: [...postcodes.values()], addresses, phones: [...phones], gender: subject.gender ?? null };
}

// ---- Names -----------------------------------------------------------------------------------------------

type GivenLevel = 'exact' | 'group' | 'phonetic' | 'similar' | 'initial' | 'different' | 'missing';
type FamilyLevel = 'exact' | 'part' | 'phonetic' | 'similar' | 'different' | 'missing';

const GIVEN_WEIGHT: Record<GivenLevel, number> = { exact: 4, group: 3.5, phonetic: 3, similar: 2, initial: 1, different: -4.5, missing: 0 };
/** Surnames change on marriage and separation, so a different one counts against far less than a different given name. */
const FAMILY_WEIGHT: Record<FamilyLevel, number> = { exact: 4.5, part: 3.5, phonetic: 3, similar: 2, different: -2.5, missing: 0 };

const GIVEN_ORDER: readonly GivenLevel[] = ['exact', 'group', 'phonetic', 'similar', 'initial', 'different', 'missing'];

interface GivenComparison {
  level: GivenLevel;
  query: string;
  candidate: string;
}

function compareGivenTokens(q: string, c: string, qCode: string, cCode: string): GivenLevel {
  if (q === c) return 'exact';
  if (sameGivenGroup(q, c)) return 'group';
  if (q.length === 1 || c.length === 1) return q[0] === c[0] ? 'initial' : 'different';
  if (qCode === cCode) return 'phonetic';
  if (speltSimilarly(q, c)) return 'similar';
  return 'different';
}

function compareGiven(q: PreparedName, c: PreparedName): GivenComparison {
  if (q.given.length === 0 || c.given.length === 0) return { level: 'missing', query: '', candidate: '' };
  let best: GivenComparison = { level: 'different', query: q.given[0] as string, candidate: c.given[0] as string };
  // Every word against every word: a middle name used as the everyday name is common.
  for (let i = 0; i < q.given.length; i += 1) {
    for (let j = 0; j < c.given.length; j += 1) {
      const level = compareGivenTokens(q.given[i] as string, c.given[j] as string, q.givenCodes[i] as string, c.givenCodes[j] as string);
      if (GIVEN_ORDER.indexOf(level) < GIVEN_ORDER.indexOf(best.level)) {
        best = { level, query: q.given[i] as string, candidate: c.given[j] as string };
        if (level === 'exact') return best;
      }
    }
  }
  return best;
}

function compareFamily(q: PreparedName, c: PreparedName): FamilyLevel {
  const a = q.family;
  const b = c.family;
  if (a.whole === '' || b.whole === '') return 'missing';
  if (a.whole === b.whole) return 'exact';
  if (b.parts.includes(a.whole) || a.parts.includes(b.whole) || a.parts.some((p) => b.parts.includes(p))) return 'part';
  if (q.familyCode === c.familyCode) return 'phonetic';
  if (c.partCodes.includes(q.familyCode) || q.partCodes.includes(c.familyCode)) return 'part';
  if (speltSimilarly(a.whole, b.whole)) return 'similar';
  return 'different';
}

const title = (word: string): string => (word === '' ? word : word[0]?.toUpperCase() + word.slice(1));

function givenReason(g: GivenComparison, q: PreparedName, c: PreparedName): string | null {
  switch (g.level) {
    case 'exact':
      if (c.kind === 'nickname' || q.kind === 'nickname') return 'given name matches a recorded nickname';
      return 'same given name';
    case 'group': {
      const qShort = isShortForm(g.query);
      const cShort = isShortForm(g.candidate);
      if (qShort && !cShort) return `given name is a nickname of ${title(g.candidate)}`;
      if (cShort && !qShort) return `given name is a nickname of ${title(g.query)}`;
      if (qShort && cShort) return `given names are both short for ${title(canonicalGiven(g.query))}`;
      return `given name is another form of ${title(g.candidate)}`;
    }
    case 'phonetic':
      return 'given name sounds alike';
    case 'similar':
      return 'given name spelt similarly';
    case 'initial':
      return 'given name initial matches';
    case 'different':
      return 'different given name';
    case 'missing':
      return null;
  }
}

function familyReason(level: FamilyLevel, q: PreparedName, c: PreparedName): string | null {
  const previous = q.kind === 'previous_name' || c.kind === 'previous_name';
  switch (level) {
    case 'exact':
      return previous ? 'surname matches a previous name' : 'same surname';
    case 'part':
      return 'surname matches part of a double-barrelled name';
    case 'phonetic':
      return previous ? 'surname sounds like a previous name' : 'surname sounds alike';
    case 'similar':
      return previous ? 'surname spelt like a previous name' : 'surname spelt similarly';
    case 'different':
      return 'different surname';
    case 'missing':
      return null;
  }
}

interface NameEvidence {
  weight: number;
  reasons: { weight: number; text: string }[];
}

function compareNames(query: PreparedSubject, candidate: PreparedSubject): NameEvidence {
  let best: NameEvidence | null = null;
  let bestRank = Number.NEGATIVE_INFINITY;
  for (const q of query.names) {
    for (const c of candidate.names) {
      const given = compareGiven(q, c);
      const family = compareFamily(q, c);
      const gw = GIVEN_WEIGHT[given.level];
      const fw = FAMILY_WEIGHT[family];
      // Among equally strong pairs, prefer the names each record is mainly known by.
      const rank = gw + fw - (q.kind === 'primary' ? 0 : 0.01) - (c.kind === 'primary' ? 0 : 0.01);
      if (rank <= bestRank) continue;
      bestRank = rank;
      const reasons: { weight: number; text: string }[] = [];
      const alias = q.kind === 'alias' || c.kind === 'alias';
      if (alias && gw >= GIVEN_WEIGHT.phonetic && fw >= FAMILY_WEIGHT.phonetic) {
        reasons.push({ weight: gw + fw, text: 'alias matches' });
        if (given.level !== 'exact') reasons.push({ weight: gw - 0.1, text: givenReason(given, q, c) as string });
        if (family !== 'exact') reasons.push({ weight: fw - 0.1, text: familyReason(family, q, c) as string });
      } else {
        const gText = givenReason(given, q, c);
        const fText = familyReason(family, q, c);
        if (alias && fw >= FAMILY_WEIGHT.phonetic && fText !== null) reasons.push({ weight: fw, text: 'surname matches an alias' });
        else if (fText !== null) reasons.push({ weight: fw, text: fText });
        if (gText !== null) reasons.push({ weight: gw, text: gText });
        if ((q.kind === 'spelling_variant' || c.kind === 'spelling_variant') && given.level === 'exact' && family === 'exact') {
          reasons.push({ weight: 0, text: 'name matches a recorded spelling' });
        }
      }
      best = { weight: gw + fw, reasons };
    }
  }
  return best ?? { weight: 0, reasons: [] };
}

// ---- Dates of birth ----------------------------------------------------------------------------------------

type DateLevel = 'exact' | 'swapped' | 'one_digit' | 'transposed' | 'year_apart' | 'different' | 'missing';

const DATE_WEIGHT: Record<DateLevel, number> = {
  exact: 7,
  swapped: 5.5,
  one_digit: 4.5,
  transposed: 4.5,
  year_apart: 3,
  different: -6,
  missing: 0,
};

const DATE_REASON: Record<DateLevel, string> = {
  exact: 'same date of birth',
  swapped: 'date of birth with day and month swapped',
  one_digit: 'date of birth one digit different',
  transposed: 'date of birth with two digits transposed',
  year_apart: 'date of birth one year apart',
  different: 'different date of birth',
  missing: 'no date of birth to compare',
};

function compareDate(a: string, b: string): DateLevel {
  if (a === b) return 'exact';
  const ya = a.slice(0, 4);
  const ma = a.slice(4, 6);
  const da = a.slice(6, 8);
  if (ya === b.slice(0, 4) && ma === b.slice(6, 8) && da === b.slice(4, 6)) return 'swapped';
  let differences = 0;
  let first = -1;
  for (let i = 0; i < 8; i += 1) {
    if (a[i] !== b[i]) {
      differences += 1;
      if (first < 0) first = i;
    }
  }
  if (differences === 1) return 'one_digit';
  if (differences === 2 && a[first] === b[first + 1] && a[first + 1] === b[first]) return 'transposed';
  if (a.slice(4) === b.slice(4) && Math.abs(Number(ya) - Number(b.slice(0, 4))) === 1) return 'year_apart';
  return 'different';
}

function compareDates(query: PreparedSubject, candidate: PreparedSubject): DateLevel {
  if (query.dates.length === 0 || candidate.dates.length === 0) return 'missing';
  let best: DateLevel = 'different';
  for (const a of query.dates) {
    for (const b of candidate.dates) {
      const level = compareDate(a, b);
      if (DATE_WEIGHT[level] > DATE_WEIGHT[best]) best = level;
    }
  }
  return best;
}

// ---- Addresses, phones, gender -------------------------------------------------------------------------------

export interface ScoreContext {
  /** Phone numbers (normalised) that so many people share they say little about identity. */
  readonly commonPhones?: ReadonlySet<string>;
}

function contactEvidence(query: PreparedSubject, candidate: PreparedSubject, context: ScoreContext): { weight: number; text: string }[] {
  const evidence: { weight: number; text: string }[] = [];
  const shared = query.postcodes.find((q) => candidate.postcodes.some((c) => c.compact === q.compact));
  if (shared !== undefined) {
    const sameLine = query.addresses.some((q) => q.postcode === shared.compact && candidate.addresses.some((c) => c.postcode === q.postcode && c.line === q.line));
    evidence.push(sameLine ? { weight: 7, text: `shares address at ${shared.display}` } : { weight: 4.5, text: `shares postcode ${shared.display}` });
  } else {
    const district = query.postcodes.find((q) => q.district !== null && candidate.postcodes.some((c) => c.district === q.district));
    if (district !== undefined) evidence.push({ weight: 0.5, text: `shares postcode district ${district.district}` });
  }
  const phone = query.phones.find((q) => candidate.phones.includes(q));
  if (phone !== undefined) {
    evidence.push(
      context.commonPhones?.has(phone) ? { weight: 1, text: 'shares a phone number many other records also have' } : { weight: 5, text: 'shares phone number' },
    );
  }
  return evidence;
}

function genderEvidence(query: PreparedSubject, candidate: PreparedSubject): { weight: number; text: string }[] {
  const binary = (g: Gender | null) => g === 'female' || g === 'male';
  if (binary(query.gender) && binary(candidate.gender) && query.gender !== candidate.gender) return [{ weight: -2, text: 'recorded gender differs' }];
  return [];
}

// ---- The score ----------------------------------------------------------------------------------------

/** Weight at which the score is 50, and how many weight units double the odds. */
const MIDPOINT = 8;
const SPREAD = 1.5;

export function scoreFromWeight(weight: number): number {
  return Math.round(100 / (1 + 2 ** (-(weight - MIDPOINT) / SPREAD)));
}

/** Compares two prepared records. */
export function comparePrepared(query: PreparedSubject, candidate: PreparedSubject, context: ScoreContext = {}): MatchScore {
  const names = compareNames(query, candidate);
  const date = compareDates(query, candidate);
  const evidence = [
    ...names.reasons,
    { weight: DATE_WEIGHT[date], text: DATE_REASON[date] },
    ...contactEvidence(query, candidate, context),
    ...genderEvidence(query, candidate),
  ];
  const weight = names.weight + DATE_WEIGHT[date] + evidence.slice(names.reasons.length + 1).reduce((sum, e) => sum + e.weight, 0);
  // Agreements strongest first, then neutral notes, then what counts against, strongest first.
  const group = (w: number) => (w > 0 ? 0 : w === 0 ? 1 : 2);
  const reasons = evidence
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => group(a.weight) - group(b.weight) || Math.abs(b.weight) - Math.abs(a.weight) || a.i - b.i)
    .map((e) => e.text);
  return { score: scoreFromWeight(weight), reasons: [...new Set(reasons)], weight };
}

/** How likely `candidate` is to be the same person as `query`: a score of 0–100 and the reasons. */
export function scoreMatch(query: MatchSubject, candidate: MatchSubject, context: ScoreContext = {}): MatchScore {
  return comparePrepared(prepareSubject(query), prepareSubject(candidate), context);
}
