import { expect } from 'vitest';
import { adminVersion } from '../meetings/versions';
import type { Flag, FlagKind, RepeatAnchor } from '@marac/shared';
import { makeUser, signIn } from '../../helper';
import { dashAnswers, matchDecided, referralSubmission, type World } from '../referrals/factories';

/** Fourteen "yes" answers (visible high risk) with question 9, pregnancy or a baby, answered "no". */
export const answersWithoutPregnancy = () => dashAnswers(15).map((a) => (a.question === 9 ? { ...a, answer: 'no' as const } : a));

/**
 * A valid referral that raises no flag from its own content: adults only, no pregnancy. The victim is
 * Alice Ashdown and the perpetrator Bernard Brook, as in `referralSubmission`.
 */
export function plainReferral(areaId: string, changes: Record<string, unknown> = {}) {
  const base = referralSubmission(areaId);
  return referralSubmission(areaId, {
    assessment: { ...(base.assessment as object), answers: answersWithoutPregnancy() },
    dashScore: 14,
    householdMembers: [],
    ...changes,
  });
}

/** Another victim, unlike Alice in every way matching looks at. */
export const VERA = {
  givenName: 'Vera',
  familyName: 'Vale',
  aliases: [],
  datesOfBirth: ['1985-09-03'],
  gender: 'female',
  address: { line1: '7 Quay Street', line2: null, town: 'Testford', postcode: 'TS2 7QQ' },
  phone: '07700 900777',
};

/** A third victim, unlike Alice and Vera. */
export const WENDY = {
  givenName: 'Wendy',
  familyName: 'Warrington',
  aliases: [],
  datesOfBirth: ['1979-01-27'],
  gender: 'female',
  address: { line1: '12 Mill Lane', line2: null, town: 'Testford', postcode: 'TS1 4MM' },
  phone: null,
};

/** The perpetrator `referralSubmission` names. */
export const BERNARD = {
  givenName: 'Bernard',
  familyName: 'Brook',
  datesOfBirth: ['1987-02-01'],
  gender: 'male',
  address: { line1: '9 Other Road', line2: null, town: 'Testford', postcode: 'TS2 9ZZ' },
  relationshipToVictim: 'Ex-partner',
};

/** An administrator changes the area's repeat anchor through the admin API. */
export async function setRepeatAnchor(world: World, areaId: string, repeatAnchor: RepeatAnchor) {
  const admin = await makeUser(world.database, { role: 'administrator', areaIds: [] });
  const agent = await signIn(world.app, admin.email);
  const response = await agent.request({ method: 'PATCH', url: `/api/admin/areas/${areaId}`, payload: { version: adminVersion(world, 'areas', areaId), settings: { repeatAnchor } } });
  expect(response.statusCode, response.body).toBe(200);
}

/** The area's coordinator confirms that a subject of the referral is the held person. */
export const confirmSame = (world: World, referralId: string, subjectId: string, personId: string, agent = world.agents.coordinator) =>
  matchDecided(agent, referralId, subjectId, personId, 'confirm');

export const kinds = (flags: Flag[]) => flags.map((f) => f.kind);

export function flagOf(flags: Flag[], kind: FlagKind): Flag {
  const found = flags.filter((f) => f.kind === kind);
  expect(found, `one ${kind} flag`).toHaveLength(1);
  return found[0]!;
}
