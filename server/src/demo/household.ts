/**
 * The people in one synthetic case: victim, perpetrator(s), children and other household members.
 *
 * A household is a pure function of its serial number in the run, the area and the day the case opened. The generator
 * keeps only those three numbers per case and rebuilds the household when a repeat referral arrives,
 * which gives the repeat the very same people (same person ids, names and dates of birth) without holding
 * a million households in memory.
 */

import type { Gender, PersonRole } from '@marac/shared';
import { dayStr } from './calendar';
import {
  NAME_GROUPS,
  NAME_GROUP_WEIGHTS,
  NICKNAMES,
  SPELLING_VARIANTS,
  address,
  familyNameFor,
  gpPractice,
  phoneNumber,
  school,
  type Ethnicity,
  type GeneratedAddress,
  type NameGroup,
} from './names';
import { Random } from './random';

export type NameKind = 'alias' | 'previous_name' | 'spelling_variant' | 'nickname';

export interface OtherName {
  readonly given: string;
  readonly family: string;
  readonly kind: NameKind;
}

export interface Subject {
  readonly personId: string;
  readonly role: PersonRole;
  readonly given: string;
  readonly family: string;
  readonly gender: Gender;
  /** Day number of the date of birth as most records hold it. */
  readonly dobDay: number;
  /** Every date of birth on record, the usual one first. */
  readonly dobs: readonly string[];
  readonly otherNames: readonly OtherName[];
  readonly address: GeneratedAddress | null;
  readonly phone: string | null;
  readonly relToVictim: string | null;
  readonly relToPerp: string | null;
  readonly school: string | null;
  /** People shared between cases (serial perpetrator and the like): written to `people` only once. */
  readonly shared: boolean;
}

export interface VictimProfile {
  readonly language: string;
  readonly interpreterNeeded: boolean;
  readonly gp: string;
  readonly ethnicity: Ethnicity | 'not_known';
  readonly disability: 'yes' | 'no' | 'not_known';
  readonly lgbt: 'yes' | 'no' | 'not_known';
  readonly safeToCall: boolean;
  readonly safeTimes: string | null;
  readonly safeMethods: string | null;
}

export interface Household {
  readonly caseId: string;
  readonly victim: Subject;
  readonly perps: readonly Subject[];
  readonly children: readonly Subject[];
  readonly others: readonly Subject[];
  /** Current or former intimate partner, or a family member. */
  readonly intimate: boolean;
  readonly cohabiting: boolean;
  readonly profile: VictimProfile;
  /** Victim pregnant at the time of the first referral. */
  readonly pregnant: boolean;
}

export interface HouseholdOptions {
  readonly victimGender?: Gender;
  /** Use this person as the perpetrator (the serial perpetrator, or a former victim). */
  readonly perp?: Subject;
  /** The perpetrator's gender when one is generated. */
  readonly perpGender?: Gender;
}

const DAYS_PER_YEAR = 365.25;

function pickGroup(rng: Random): NameGroup {
  return NAME_GROUPS[rng.weightedIndex(NAME_GROUP_WEIGHTS)] as NameGroup;
}

/** A second date of birth as another agency holds it: day and month swapped where that is a real date. */
function alternativeDob(rng: Random, dob: string): string {
  const year = dob.slice(0, 4);
  const month = Number(dob.slice(5, 7));
  const day = Number(dob.slice(8, 10));
  if (day <= 12 && day !== month) return `${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`;
  if (rng.chance(0.5)) return `${Number(year) + (rng.chance(0.5) ? 1 : -1)}${dob.slice(4)}`;
  const otherDay = day === 1 ? 2 : day - 1;
  return `${dob.slice(0, 8)}${String(otherDay).padStart(2, '0')}`;
}

interface PersonSpec {
  readonly role: PersonRole;
  readonly group: NameGroup;
  readonly gender: Gender;
  readonly ageYears: number;
  readonly anchorDay: number;
  readonly family?: string;
  readonly address: GeneratedAddress | null;
  readonly phoneChance: number;
  readonly secondDobChance: number;
  readonly aliasChance: number;
  readonly nicknameChance: number;
  readonly variantChance: number;
  readonly relToVictim: string | null;
  readonly relToPerp: string | null;
  readonly school?: string | null;
  readonly previousFamily?: string;
  /** Day number of the date of birth, when the caller has already fixed it (babies). */
  readonly dobDay?: number;
}

function makePerson(rng: Random, spec: PersonSpec): Subject {
  const personId = rng.uuid();
  const genderForName = spec.gender === 'male' ? 'male' : spec.gender === 'female' ? 'female' : rng.chance(0.5) ? 'female' : 'male';
  const given = rng.pick(genderForName === 'female' ? spec.group.female : spec.group.male);
  const family = spec.family ?? familyNameFor(spec.group, rng.pick(spec.group.family), genderForName);
  const dobDay = spec.dobDay ?? Math.floor(spec.anchorDay - spec.ageYears * DAYS_PER_YEAR - rng.int(0, 364));
  const dob = dayStr(dobDay);
  const dobs = rng.chance(spec.secondDobChance) ? [dob, alternativeDob(rng, dob)] : [dob];
  const otherNames: OtherName[] = [];
  if (spec.previousFamily !== undefined && spec.previousFamily !== family) {
    otherNames.push({ given, family: spec.previousFamily, kind: 'previous_name' });
  }
  const variants = SPELLING_VARIANTS[given];
  if (variants !== undefined && rng.chance(spec.variantChance)) {
    otherNames.push({ given: rng.pick(variants), family, kind: 'spelling_variant' });
  }
  const familyVariants = SPELLING_VARIANTS[family];
  if (familyVariants !== undefined && rng.chance(spec.variantChance)) {
    otherNames.push({ given, family: rng.pick(familyVariants), kind: 'spelling_variant' });
  }
  const nicknames = NICKNAMES[given];
  if (nicknames !== undefined && rng.chance(spec.nicknameChance)) {
    otherNames.push({ given: rng.pick(nicknames), family, kind: 'nickname' });
  }
  if (rng.chance(spec.aliasChance)) {
    const aliasGroup = rng.chance(0.7) ? spec.group : pickGroup(rng);
    const alias: OtherName = {
      given: rng.chance(0.5) ? given : rng.pick(genderForName === 'female' ? aliasGroup.female : aliasGroup.male),
      family: familyNameFor(aliasGroup, rng.pick(aliasGroup.family), genderForName),
      kind: 'alias',
    };
    const known = (alias.given === given && alias.family === family) || otherNames.some((n) => n.given === alias.given && n.family === alias.family);
    if (!known) otherNames.push(alias);
  }
  return {
    personId,
    role: spec.role,
    given,
    family,
    gender: spec.gender,
    dobDay,
    dobs,
    otherNames,
    address: spec.address,
    phone: rng.chance(spec.phoneChance) ? phoneNumber(rng) : null,
    relToVictim: spec.relToVictim,
    relToPerp: spec.relToPerp,
    school: spec.school ?? null,
    shared: false,
  };
}

/** Ages of victims heard at MARAC cluster between 20 and 45; a few are 16 or 17. */
function victimAge(rng: Random): number {
  const band = rng.weightedIndex([1.5, 20, 33, 24, 13, 5.5, 3]);
  const ranges: readonly (readonly [number, number])[] = [[16, 17], [18, 24], [25, 34], [35, 44], [45, 54], [55, 64], [65, 84]];
  const [min, max] = ranges[band] as readonly [number, number];
  return rng.int(min, max);
}

const partnerLabel = (gender: Gender, kind: 'partner' | 'ex' | 'spouse' | 'ex_spouse' | 'dating' | 'ex_dating'): string => {
  const male = gender === 'male';
  const female = gender === 'female';
  switch (kind) {
    case 'partner':
      return 'partner';
    case 'ex':
      return 'ex-partner';
    case 'spouse':
      return male ? 'husband' : female ? 'wife' : 'spouse';
    case 'ex_spouse':
      return male ? 'ex-husband' : female ? 'ex-wife' : 'former spouse';
    case 'dating':
      return male ? 'boyfriend' : female ? 'girlfriend' : 'partner';
    case 'ex_dating':
      return male ? 'ex-boyfriend' : female ? 'ex-girlfriend' : 'ex-partner';
  }
};

const childLabel = (gender: Gender, step: boolean): string =>
  gender === 'male' ? (step ? 'stepson' : 'son') : gender === 'female' ? (step ? 'stepdaughter' : 'daughter') : step ? 'stepchild' : 'child';

const SAFE_TIMES = [
  'Weekdays 09:00–14:30, while the children are at school',
  'Mornings before 11:00',
  'Tuesday and Thursday afternoons, when he is at work',
  'Any time; she now lives alone',
  'Between 10:00 and 12:00 only',
  'Evenings after 19:00, when she is at her sister’s',
] as const;
const SAFE_METHODS = [
  'Call; do not leave a voicemail',
  'Text first and call only if she replies',
  'Call and withhold the number',
  'Call; ask for her by first name only',
  'Call her mobile only, never the landline',
] as const;
const UNSAFE_METHODS = [
  'Not safe to call: he checks her phone. Contact through the IDVA only',
  'Not safe to call: contact at the GP surgery appointment only',
  'Not safe to call or text; use her sister’s number and ask for “Jo”',
  'Not safe to call: he monitors the phone bill. Use the refuge landline',
] as const;

/**
 * Builds the people of one case. Every draw comes from (`salt`, `serial`), so the same arguments give the
 * same household; the serial number keeps households of one run apart.
 */
export function makeHousehold(salt: number, serial: number, inCity: boolean, anchorDay: number, options: HouseholdOptions = {}): Household {
  const rng = new Random(salt, serial);
  const caseId = rng.uuid();
  const group = pickGroup(rng);

  // Who is who: an intimate partner in most cases; a son, brother or parent in the rest.
  const intimate = options.perp !== undefined ? true : rng.chance(0.88);
  const givenVictimGender: Gender = options.victimGender ?? rng.weighted<Gender>(['female', 'male', 'non_binary'], [93.5, 6, 0.5]);
  const vAge = intimate ? victimAge(rng) : rng.int(18, 78);

  let perpGender: Gender;
  let relKind: 'partner' | 'ex' | 'spouse' | 'ex_spouse' | 'dating' | 'ex_dating' = 'partner';
  let familyRel: string | null = null;
  let perpAge: number;
  if (intimate) {
    perpGender =
      options.perp?.gender ??
      options.perpGender ??
      (givenVictimGender === 'male'
        ? rng.weighted<Gender>(['female', 'male'], [72, 28])
        : rng.weighted<Gender>(['male', 'female'], [96.5, 3.5]));
    relKind =
      options.perp !== undefined
        ? rng.pick(['partner', 'ex', 'dating', 'ex_dating'] as const)
        : rng.weighted(['partner', 'ex', 'spouse', 'ex_spouse', 'dating', 'ex_dating'] as const, [28, 34, 12, 8, 12, 6]);
    perpAge = options.perp ? Math.floor((anchorDay - options.perp.dobDay) / DAYS_PER_YEAR) : Math.max(vAge < 18 ? 17 : 18, vAge + rng.int(-4, 9));
  } else {
    // Abuse by a family member: adolescent-to-parent, sibling, or parent-to-adult-child abuse.
    const kind = vAge >= 40 ? rng.weighted(['child', 'sibling'], [75, 25]) : vAge < 26 ? rng.weighted(['parent', 'sibling'], [60, 40]) : 'sibling';
    perpGender = rng.weighted<Gender>(['male', 'female'], [85, 15]);
    if (kind === 'child') {
      familyRel = perpGender === 'male' ? 'son' : 'daughter';
      perpAge = Math.max(16, vAge - rng.int(18, 35));
    } else if (kind === 'parent') {
      familyRel = perpGender === 'male' ? 'father' : 'mother';
      perpAge = vAge + rng.int(19, 34);
    } else {
      familyRel = perpGender === 'male' ? 'brother' : 'sister';
      perpAge = Math.max(16, vAge + rng.int(-8, 8));
    }
  }
  const current = relKind === 'partner' || relKind === 'spouse' || relKind === 'dating';
  const married = relKind === 'spouse' || relKind === 'ex_spouse';
  const cohabiting = intimate ? (current ? rng.chance(0.6) : rng.chance(0.08)) : rng.chance(0.7);

  const victimAddress = address(rng, inCity);
  const perpGroup = familyRel !== null || rng.chance(0.82) ? group : pickGroup(rng);
  const perpFamilyBase = familyNameFor(perpGroup, rng.pick(perpGroup.family), perpGender);
  const victimOwnFamily = familyNameFor(group, rng.pick(group.family), givenVictimGender);
  // Many married women carry their husband's surname; agencies still hold the earlier one.
  const takesSpouseName = married && givenVictimGender === 'female' && perpGender === 'male' && rng.chance(0.65);

  const victim: Subject = makePerson(rng, {
    role: 'victim',
    group,
    gender: givenVictimGender,
    ageYears: vAge,
    anchorDay,
    family: takesSpouseName ? perpFamilyBase : familyRel !== null ? perpFamilyBase : victimOwnFamily,
    ...(takesSpouseName ? { previousFamily: victimOwnFamily } : {}),
    address: victimAddress,
    phoneChance: 0.9,
    secondDobChance: 0.07,
    aliasChance: 0.03,
    nicknameChance: 0.2,
    variantChance: 0.25,
    relToVictim: null,
    relToPerp: null,
  });

  const relToVictim = intimate ? partnerLabel(perpGender, relKind) : (familyRel as string);
  const perpAddress = cohabiting ? victimAddress : rng.chance(0.08) ? null : address(rng, rng.chance(0.75) ? inCity : !inCity);
  const perp: Subject = options.perp
    ? { ...options.perp, role: 'perpetrator', relToVictim, relToPerp: null }
    : makePerson(rng, {
        role: 'perpetrator',
        group: perpGroup,
        gender: perpGender,
        ageYears: perpAge,
        anchorDay,
        family: familyRel !== null ? victim.family : perpFamilyBase,
        address: perpAddress,
        phoneChance: 0.55,
        secondDobChance: 0.12,
        aliasChance: 0.15,
        nicknameChance: 0.3,
        variantChance: 0.15,
        relToVictim,
        relToPerp: null,
      });

  const perps: Subject[] = [perp];
  // Occasionally the partner's relatives take part (common in honour-based abuse).
  if (rng.chance(0.04)) {
    const relGender = rng.weighted<Gender>(['male', 'female'], [55, 45]);
    const rel = relGender === 'male' ? 'brother' : 'mother';
    perps.push(
      makePerson(rng, {
        role: 'perpetrator',
        group: perpGroup,
        gender: relGender,
        ageYears: rel === 'mother' ? perpAge + rng.int(20, 30) : Math.max(18, perpAge + rng.int(-6, 6)),
        anchorDay,
        family: perp.family,
        address: rng.chance(0.5) ? perpAddress : address(rng, inCity),
        phoneChance: 0.4,
        secondDobChance: 0.05,
        aliasChance: 0.05,
        nicknameChance: 0.1,
        variantChance: 0.1,
        relToVictim: intimate ? `${rel}-in-law` : rel,
        relToPerp: rel,
      }),
    );
  }

  const children: Subject[] = [];
  if (intimate && vAge >= 18 && vAge <= 52) {
    const maxAge = Math.min(17, vAge - 17);
    // Young parents have fewer children: no more than one for every two years since 17.
    const count = Math.min(rng.weightedIndex([40, 25, 20, 10, 5]), Math.max(1, Math.ceil(maxAge / 2)));
    for (let i = 0; i < count; i += 1) {
      const gender = rng.weighted<Gender>(['female', 'male'], [49, 51]);
      const age = rng.int(0, Math.max(0, maxAge));
      // Whether the perpetrator is the child's parent; a shared perpetrator from another case is not.
      const related = options.perp === undefined && rng.chance(0.7);
      const dobDay = Math.floor(anchorDay - age * DAYS_PER_YEAR - rng.int(0, 360));
      children.push(
        makePerson(rng, {
          role: 'child',
          group,
          gender,
          ageYears: age,
          anchorDay,
          dobDay,
          family: related ? perp.family : victim.family,
          address: victimAddress,
          phoneChance: age >= 12 ? 0.4 : 0,
          secondDobChance: 0.03,
          aliasChance: 0,
          nicknameChance: 0.05,
          variantChance: 0.05,
          relToVictim: childLabel(gender, false),
          relToPerp: related ? childLabel(gender, false) : current && cohabiting ? childLabel(gender, true) : 'no relation',
          school: school(rng, age),
        }),
      );
    }
    children.sort((a, b) => a.dobDay - b.dobDay);
  }

  const others: Subject[] = [];
  if (rng.chance(0.07)) {
    const kind = rng.weighted(['mother', 'sister', 'lodger', 'adult son'] as const, [40, 25, 15, 20]);
    const gender: Gender = kind === 'mother' || kind === 'sister' ? 'female' : 'male';
    if (kind !== 'adult son' || vAge >= 38) {
      others.push(
        makePerson(rng, {
          role: 'household_member',
          group,
          gender,
          ageYears: kind === 'mother' ? vAge + rng.int(19, 32) : kind === 'sister' ? Math.max(16, vAge + rng.int(-6, 6)) : kind === 'adult son' ? rng.int(18, vAge - 18) : rng.int(20, 60),
          anchorDay,
          ...(kind === 'lodger' ? {} : { family: victim.family }),
          address: victimAddress,
          phoneChance: 0.35,
          secondDobChance: 0.02,
          aliasChance: 0,
          nicknameChance: 0.05,
          variantChance: 0.05,
          relToVictim: kind === 'adult son' ? 'son' : kind,
          relToPerp: kind === 'adult son' ? (rng.chance(0.6) ? 'son' : 'stepson') : null,
        }),
      );
    }
  }

  const hasBaby = children.some((c) => anchorDay - c.dobDay < 548);
  const pregnant = givenVictimGender === 'female' && vAge >= 17 && vAge <= 42 && !hasBaby && rng.chance(0.06);

  const otherLanguage = group.language !== null && rng.chance(group.otherLanguageShare);
  const sameSex = (givenVictimGender === perpGender && intimate) || givenVictimGender === 'non_binary';
  const safeToCall = rng.chance(0.72);
  const profile: VictimProfile = {
    language: otherLanguage ? (group.language as string) : 'English',
    interpreterNeeded: otherLanguage && rng.chance(0.7),
    gp: gpPractice(rng),
    ethnicity: rng.chance(0.03) ? 'not_known' : group.ethnicity,
    disability: rng.weighted(['no', 'yes', 'not_known'] as const, [72, 14, 14]),
    lgbt: sameSex ? 'yes' : rng.weighted(['no', 'not_known', 'yes'] as const, [84, 14, 2]),
    safeToCall,
    safeTimes: safeToCall ? rng.pick(SAFE_TIMES) : null,
    safeMethods: safeToCall ? rng.pick(SAFE_METHODS) : rng.pick(UNSAFE_METHODS),
  };

  return { caseId, victim, perps, children, others, intimate, cohabiting, profile, pregnant };
}

/** The same person flagged as shared, so it is written to `people` once however many cases name it. */
export const asShared = (subject: Subject): Subject => ({ ...subject, shared: true });
