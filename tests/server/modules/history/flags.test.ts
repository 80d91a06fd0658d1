import { describe, expect, it } from 'vitest';
import { ScreeningQueue, type ReferralDetail } from '@marac/shared';
import { cases } from '../../../../server/src/db/schema';
import { makeUser, signIn } from '../../helper';
import {
  acceptedReferral,
  decide,
  heardAt,
  matchDecided,
  referralMatches,
  referralSubmission,
  referralWorld,
  submitReferral,
  viewReferral,
  type World,
} from '../referrals/factories';
import { BERNARD, VERA, WENDY, confirmSame, flagOf, kinds, plainReferral, setRepeatAnchor } from './helpers';

/** Alice's first referral, accepted in Testshire on `referralDate`. */
const firstReferral = (world: World, referralDate: string, changes: Record<string, unknown> = {}) =>
  acceptedReferral(world, plainReferral(world.area.id, { referralDate, incidentDates: [], ...changes }));

/** A later referral for Alice from housing, with the victim confirmed as the held person of `earlier`. */
async function repeatOf(world: World, earlier: ReferralDetail, referralDate: string, changes: Record<string, unknown> = {}) {
  const referral = await submitReferral(world.agents.housingRep, plainReferral(world.area.id, { referralDate, incidentDates: [], ...changes }));
  await confirmSame(world, referral.id, referral.victim.id, earlier.victim.personId!);
  return referral;
}

const flagsFor = async (agent: World['agents']['coordinator'], referralId: string) => (await viewReferral(agent, referralId)).flags;

describe('the repeat flag', () => {
  it('counts 12 months from the last referral: a repeat the day before the anniversary with 1 day left, not on the anniversary', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2025-11-21');
    const dayBefore = await repeatOf(world, first, '2026-11-20');
    const midYear = await repeatOf(world, first, '2026-06-01');
    const anniversary = await repeatOf(world, first, '2026-11-21');

    expect(await flagsFor(world.agents.coordinator, dayBefore.id)).toEqual([
      {
        kind: 'repeat',
        label: 'Repeat',
        detail: 'Previous referral on 21 November 2025. Counting from the last referral on 21 November 2025, 1 day of the 12-month window was left.',
        relatedCases: [{ id: first.caseId, reference: 'TST-2026-0001', areaName: 'Testshire' }],
        hiddenRelatedCount: 0,
        previousReferralDate: '2025-11-21',
        anchorDate: '2025-11-21',
        daysLeft: 1,
      },
    ]);
    expect(flagOf(await flagsFor(world.agents.coordinator, midYear.id), 'repeat')).toMatchObject({
      previousReferralDate: '2025-11-21',
      anchorDate: '2025-11-21',
      daysLeft: 173,
      detail: 'Previous referral on 21 November 2025. Counting from the last referral on 21 November 2025, 173 days of the 12-month window were left.',
    });
    // The window is closed on the anniversary itself.
    expect(await flagsFor(world.agents.coordinator, anniversary.id)).toEqual([]);
  });

  it('counts from the latest earlier referral, and never from a later one', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2025-03-01');
    // Alice referred again in July 2025 (confirmed as the same person, so her case continues).
    const second = await submitReferral(world.agents.housingRep, plainReferral(world.area.id, { referralDate: '2025-07-15', incidentDates: [] }));
    await confirmSame(world, second.id, second.victim.id, first.victim.personId!);
    expect((await decide(world.agents.coordinator, second.id, { decision: 'accept' })).statusCode).toBe(200);

    const third = await repeatOf(world, first, '2026-07-01');
    expect(flagOf(await flagsFor(world.agents.coordinator, third.id), 'repeat')).toMatchObject({ previousReferralDate: '2025-07-15', anchorDate: '2025-07-15', daysLeft: 14 });
    // The first referral is not a repeat of the later one.
    expect(kinds(await flagsFor(world.agents.coordinator, first.id))).not.toContain('repeat');
    expect(flagOf(await flagsFor(world.agents.coordinator, second.id), 'repeat')).toMatchObject({ previousReferralDate: '2025-03-01', daysLeft: 229 });
  });

  it('counts from the last hearing when the area says so, from a heard agenda item before the new referral', async () => {
    const world = await referralWorld();
    await setRepeatAnchor(world, world.area.id, 'last_hearing');
    const first = await firstReferral(world, '2025-10-01');
    const later = await repeatOf(world, first, '2026-10-10');

    // Not heard yet: the window runs from the referral itself, which lapsed on 1 October 2026.
    expect(await flagsFor(world.agents.coordinator, later.id)).toEqual([]);

    heardAt(world, first, '2025-10-20');
    expect(flagOf(await flagsFor(world.agents.coordinator, later.id), 'repeat')).toMatchObject({
      detail: 'Previous referral on 1 October 2025. Counting from the last hearing on 20 October 2025, 10 days of the 12-month window were left.',
      previousReferralDate: '2025-10-01',
      anchorDate: '2025-10-20',
      daysLeft: 10,
    });

    // A hearing after the new referral's date is not history it could repeat.
    heardAt(world, first, '2026-10-15');
    expect(flagOf(await flagsFor(world.agents.coordinator, later.id), 'repeat').anchorDate).toBe('2025-10-20');

    // Flags are computed when read: back on the referral anchor, the same referral is not a repeat.
    await setRepeatAnchor(world, world.area.id, 'last_referral');
    expect(await flagsFor(world.agents.coordinator, later.id)).toEqual([]);
  });

  it('counts from the last hearing date kept on the case, up to the day before its anniversary', async () => {
    const world = await referralWorld();
    await setRepeatAnchor(world, world.area.id, 'last_hearing');
    const first = await firstReferral(world, '2025-10-01');
    world.database.db.update(cases).set({ lastHearingDate: '2025-10-20' }).run();
    const dayBefore = await repeatOf(world, first, '2026-10-19');
    const anniversary = await repeatOf(world, first, '2026-10-20');

    expect(flagOf(await flagsFor(world.agents.coordinator, dayBefore.id), 'repeat')).toMatchObject({ previousReferralDate: '2025-10-01', anchorDate: '2025-10-20', daysLeft: 1 });
    expect(await flagsFor(world.agents.coordinator, anniversary.id)).toEqual([]);
  });

  it('is raised across areas; the earlier case is linked only for a coordinator of its area and otherwise counted', async () => {
    const world = await referralWorld();
    // Alice was referred in Otherton last year.
    const earlier = await acceptedReferral(world, plainReferral(world.other.id, { referralDate: '2026-01-15', incidentDates: [] }), {
      coordinator: world.agents.otherCoordinator,
      areaId: world.other.id,
    });
    const later = await repeatOf(world, earlier, '2026-11-20');

    const otherCase = { id: earlier.caseId, reference: 'OTH-2026-0001', areaName: 'Otherton' };
    for (const agent of [world.agents.coordinator, world.agents.chair]) {
      const flags = await flagsFor(agent, later.id);
      expect(kinds(flags)).toEqual(['repeat', 'cross_area_history']);
      expect(flagOf(flags, 'repeat')).toMatchObject({
        detail: 'Previous referral on 15 January 2026 in Otherton. Counting from the last referral on 15 January 2026, 56 days of the 12-month window were left.',
        relatedCases: [],
        hiddenRelatedCount: 1,
        previousReferralDate: '2026-01-15',
        daysLeft: 56,
      });
      expect(flagOf(flags, 'cross_area_history')).toMatchObject({ detail: 'Earlier MARAC cases in Otherton', relatedCases: [], hiddenRelatedCount: 1 });
      expect(JSON.stringify(flags)).not.toContain(earlier.caseId!);
    }

    const both = await makeUser(world.database, { role: 'coordinator', areaIds: [world.area.id, world.other.id], email: 'both@test.invalid' });
    const flags = await flagsFor(await signIn(world.app, both.email), later.id);
    expect(flagOf(flags, 'repeat')).toMatchObject({ relatedCases: [otherCase], hiddenRelatedCount: 0 });
    expect(flagOf(flags, 'cross_area_history')).toMatchObject({ relatedCases: [otherCase], hiddenRelatedCount: 0 });

    // Otherton's coordinator cannot open the Testshire referral at all.
    expect((await world.agents.otherCoordinator.request({ method: 'GET', url: `/api/referrals/${later.id}` })).statusCode).toBe(404);
  });
});

describe('repeat and serial perpetrators', () => {
  it('flags a repeat perpetrator, not a serial one, when the same perpetrator is named against the same victim again', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    const second = await repeatOf(world, first, '2026-11-20');
    await confirmSame(world, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!);

    const flags = await flagsFor(world.agents.coordinator, second.id);
    expect(kinds(flags)).toEqual(['repeat', 'repeat_perpetrator']);
    expect(flagOf(flags, 'repeat_perpetrator')).toMatchObject({
      label: 'Repeat perpetrator',
      detail: 'The perpetrator is named against this victim in 1 other referral as well',
      relatedCases: [{ id: first.caseId, reference: 'TST-2026-0001', areaName: 'Testshire' }],
      hiddenRelatedCount: 0,
    });
  });

  it('flags a serial perpetrator, not a repeat one, when the same perpetrator is named against different victims', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    const second = await submitReferral(world.agents.housingRep, plainReferral(world.area.id, { victim: VERA }));
    // Nothing about Vera matches Alice: only the perpetrator is suggested.
    const matches = await referralMatches(world.agents.coordinator, second.id);
    expect(matches.subjects.map((s) => s.candidates.map((c) => c.personId))).toEqual([[], [first.perpetrators[0]!.personId]]);
    await confirmSame(world, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!);

    const flags = await flagsFor(world.agents.coordinator, second.id);
    expect(kinds(flags)).toEqual(['serial_perpetrator']);
    expect(flags[0]).toMatchObject({
      label: 'Serial perpetrator',
      detail: 'The perpetrator is named against 1 other victim in 1 referral',
      relatedCases: [{ id: first.caseId, reference: 'TST-2026-0001' }],
    });

    // A third victim, with the same perpetrator as the second of two: counted per victim and per referral.
    expect((await decide(world.agents.coordinator, second.id, { decision: 'accept' })).statusCode).toBe(200);
    const third = await submitReferral(
      world.agents.rep,
      plainReferral(world.area.id, { victim: WENDY, perpetrators: [{ givenName: 'Unrelated', familyName: 'Person' }, BERNARD] }),
    );
    await confirmSame(world, third.id, third.perpetrators[1]!.id, first.perpetrators[0]!.personId!);
    const thirdFlags = await flagsFor(world.agents.coordinator, third.id);
    expect(kinds(thirdFlags)).toEqual(['serial_perpetrator']);
    expect(thirdFlags[0]!.detail).toBe('Perpetrator 2 is named against 2 other victims in 2 referrals');
    expect(thirdFlags[0]!.relatedCases.map((c) => c.reference)).toEqual(['TST-2026-0001', 'TST-2026-0002']);
  });

  it('treats two victim records confirmed as one person as the same victim: a repeat, not a serial perpetrator', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    // Screening confirmed only the perpetrator; Alice was accepted as a new person on a new case.
    const second = await submitReferral(world.agents.housingRep, plainReferral(world.area.id));
    await confirmSame(world, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!);
    expect((await decide(world.agents.coordinator, second.id, { decision: 'accept' })).statusCode).toBe(200);
    const accepted = await viewReferral(world.agents.coordinator, second.id);
    expect(accepted.victim.personId).not.toBe(first.victim.personId);
    expect(kinds(accepted.flags)).toEqual(['serial_perpetrator']);

    // Later the coordinator confirms the two held records of Alice are one person.
    const matches = await referralMatches(world.agents.coordinator, second.id);
    const victim = matches.subjects.find((s) => s.role === 'victim')!;
    expect(victim.candidates.map((c) => [c.personId, c.decision])).toEqual([[first.victim.personId, null]]);
    await matchDecided(world.agents.coordinator, second.id, victim.subjectId, first.victim.personId!, 'confirm');

    const flags = await flagsFor(world.agents.coordinator, second.id);
    expect(kinds(flags)).toEqual(['repeat', 'repeat_perpetrator']);
    expect(flagOf(flags, 'repeat')).toMatchObject({ previousReferralDate: '2026-02-01', daysLeft: 73 });
    // Read from the first referral the other way round: the same victim again, later.
    expect(kinds(await flagsFor(world.agents.coordinator, first.id))).toEqual(['repeat_perpetrator']);
  });

  it('flags a role conflict when the victim here is a perpetrator in another case, and the other way round', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    const reversed = await submitReferral(
      world.agents.housingRep,
      plainReferral(world.area.id, {
        victim: { givenName: 'Bernard', familyName: 'Brook', aliases: [], datesOfBirth: ['1987-02-01'], gender: 'male', address: BERNARD.address, phone: null },
        perpetrators: [{ givenName: 'Alice', familyName: 'Ashdown', datesOfBirth: ['1990-04-12'], gender: 'female', relationshipToVictim: 'Ex-partner' }],
      }),
    );
    await confirmSame(world, reversed.id, reversed.victim.id, first.perpetrators[0]!.personId!);
    await confirmSame(world, reversed.id, reversed.perpetrators[0]!.id, first.victim.personId!);

    const flags = await flagsFor(world.agents.coordinator, reversed.id);
    expect(flags.filter((f) => f.kind === 'role_conflict').map((f) => [f.label, f.detail, f.relatedCases.map((c) => c.reference)])).toEqual([
      ['Victim and perpetrator in different cases', 'The perpetrator is named as a victim in 1 other referral', ['TST-2026-0001']],
      ['Victim and perpetrator in different cases', 'The victim is named as a perpetrator in 1 other referral', ['TST-2026-0001']],
    ]);
    expect(kinds(flags)).not.toContain('repeat');
  });
});

describe('flags come only from confirmed history', () => {
  it('raises nothing for a suggestion; confirming the victim raises the repeat flag in the referral and the queue, rejecting removes it', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    const second = await submitReferral(world.agents.housingRep, plainReferral(world.area.id, { referralDate: '2026-11-20' }));
    const suggested = (await referralMatches(world.agents.coordinator, second.id)).subjects[0]!.candidates;
    expect(suggested.map((c) => [c.personId, c.decision])).toEqual([[first.victim.personId, null]]);
    expect(suggested[0]!.score).toBeGreaterThanOrEqual(90);

    const queueFlags = async () => {
      const response = await world.agents.coordinator.request({ method: 'GET', url: '/api/screening' });
      return ScreeningQueue.parse(response.json()).items.find((i) => i.id === second.id)!.flags;
    };
    expect(await flagsFor(world.agents.coordinator, second.id)).toEqual([]);
    expect(await queueFlags()).toEqual([]);

    await confirmSame(world, second.id, second.victim.id, first.victim.personId!);
    expect(flagOf(await flagsFor(world.agents.coordinator, second.id), 'repeat')).toMatchObject({ previousReferralDate: '2026-02-01', daysLeft: 73 });
    expect(await queueFlags()).toEqual([{ kind: 'repeat', label: 'Repeat' }]);

    await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'reject');
    expect(await flagsFor(world.agents.coordinator, second.id)).toEqual([]);
    expect(await queueFlags()).toEqual([]);
  });

  it('shows an agency representative, even the referrer, only flags from the referral itself and no case reference', async () => {
    const world = await referralWorld();
    const first = await firstReferral(world, '2026-02-01');
    const base = referralSubmission(world.area.id);
    const second = await submitReferral(
      world.agents.housingRep,
      referralSubmission(world.area.id, { previousMaracElsewhere: { area: 'Farshire', date: null }, perpetrators: base.perpetrators }),
    );
    await confirmSame(world, second.id, second.victim.id, first.victim.personId!);
    await confirmSame(world, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!);
    expect((await decide(world.agents.coordinator, second.id, { decision: 'accept' })).statusCode).toBe(200);

    const coordinatorView = await viewReferral(world.agents.coordinator, second.id);
    expect(coordinatorView.caseReference).toBe('TST-2026-0001');
    expect(kinds(coordinatorView.flags)).toEqual(['children_in_household', 'pregnancy_or_baby', 'repeat', 'repeat_perpetrator', 'cross_area_history']);
    expect(flagOf(coordinatorView.flags, 'cross_area_history').detail).toBe('The referrer reports an earlier MARAC in Farshire');

    const referrerView = await viewReferral(world.agents.housingRep, second.id);
    expect(referrerView.caseId).toBe(first.caseId);
    expect(referrerView.caseReference).toBeNull();
    expect(kinds(referrerView.flags)).toEqual(['children_in_household', 'pregnancy_or_baby', 'cross_area_history']);
    expect(referrerView.flags.every((f) => f.relatedCases.length === 0 && f.hiddenRelatedCount === 0)).toBe(true);
    expect(JSON.stringify(referrerView.flags)).not.toMatch(/TST-2026|February/);
  });
});

describe('flags from the referral itself', () => {
  it('counts children and household members under 18, not adults', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(
      world.agents.rep,
      plainReferral(world.area.id, {
        householdMembers: [
          { role: 'child', givenName: 'Cara', familyName: 'Ashdown', datesOfBirth: ['2019-06-30'] },
          { role: 'household_member', givenName: 'Teri', familyName: 'Ashdown', datesOfBirth: ['2010-01-01'] },
          { role: 'household_member', givenName: 'Gran', familyName: 'Ashdown', datesOfBirth: ['1950-01-01'] },
        ],
      }),
    );
    expect(referral.flags).toEqual([
      {
        kind: 'children_in_household',
        label: 'Children in household',
        detail: '2 children in the household',
        relatedCases: [],
        hiddenRelatedCount: 0,
        previousReferralDate: null,
        anchorDate: null,
        daysLeft: null,
      },
    ]);
    const one = await submitReferral(world.agents.rep, plainReferral(world.area.id, { householdMembers: [{ role: 'child', givenName: 'Dan', familyName: 'Ashdown' }] }));
    expect(one.flags.map((f) => f.detail)).toEqual(['1 child in the household']);
  });

  it('flags pregnancy from DASH question 9 or a child under 18 months, and not a child of exactly 18 months', async () => {
    const world = await referralWorld();
    const base = referralSubmission(world.area.id);
    const child = (dob: string) => ({ householdMembers: [{ role: 'child', givenName: 'Baby', familyName: 'Ashdown', datesOfBirth: [dob] }] });

    const pregnant = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { householdMembers: [] }));
    expect(flagOf(pregnant.flags, 'pregnancy_or_baby')).toMatchObject({
      label: 'Pregnancy or baby under 18 months',
      detail: 'DASH question 9 (pregnancy or a baby in the last 18 months) answered yes',
    });
    // Referred on 2026-11-20: born 2025-05-21 is a day short of 18 months; born 2025-05-20 is 18 months.
    const baby = await submitReferral(world.agents.rep, plainReferral(world.area.id, child('2025-05-21')));
    expect(kinds(baby.flags)).toEqual(['children_in_household', 'pregnancy_or_baby']);
    expect(flagOf(baby.flags, 'pregnancy_or_baby').detail).toBe('A child in the household is under 18 months old');
    const toddler = await submitReferral(world.agents.rep, plainReferral(world.area.id, child('2025-05-20')));
    expect(kinds(toddler.flags)).toEqual(['children_in_household']);
    const both = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { ...child('2026-09-01'), perpetrators: base.perpetrators }));
    expect(flagOf(both.flags, 'pregnancy_or_baby').detail).toBe(
      'DASH question 9 (pregnancy or a baby in the last 18 months) answered yes; a child in the household is under 18 months old',
    );
  });

  it('flags a victim aged 16 or 17 on the referral date, and not one of 18', async () => {
    const world = await referralWorld();
    const base = referralSubmission(world.area.id);
    const victimBorn = (dob: string) => plainReferral(world.area.id, { victim: { ...base.victim, datesOfBirth: [dob] } });
    const sixteen = await submitReferral(world.agents.rep, victimBorn('2010-11-20'));
    expect(sixteen.flags).toMatchObject([{ kind: 'victim_aged_16_17', label: 'Victim aged 16–17', detail: 'The victim was 16 on the referral date' }]);
    // A day short of 18.
    const seventeen = await submitReferral(world.agents.rep, victimBorn('2008-11-21'));
    expect(seventeen.flags.map((f) => f.detail)).toEqual(['The victim was 17 on the referral date']);
    const eighteen = await submitReferral(world.agents.rep, victimBorn('2008-11-20'));
    expect(eighteen.flags).toEqual([]);
  });

  it('flags each perpetrator aged 17 or under on the referral date', async () => {
    const world = await referralWorld();
    const young = (dob: string) => ({ ...BERNARD, datesOfBirth: [dob] });
    const seventeen = await submitReferral(world.agents.rep, plainReferral(world.area.id, { perpetrators: [young('2008-11-21')] }));
    expect(seventeen.flags).toMatchObject([{ kind: 'perpetrator_under_18', label: 'Perpetrator aged 17 or under', detail: 'The perpetrator was 17 on the referral date' }]);
    const adult = await submitReferral(world.agents.rep, plainReferral(world.area.id, { perpetrators: [young('2008-11-20')] }));
    expect(adult.flags).toEqual([]);
    const two = await submitReferral(world.agents.rep, plainReferral(world.area.id, { perpetrators: [young('1980-01-01'), { givenName: 'Kid', familyName: 'Brook', datesOfBirth: ['2011-05-05'] }] }));
    expect(two.flags.map((f) => f.detail)).toEqual(['Perpetrator 2 was 15 on the referral date']);
  });
});

describe('flags from the case', () => {
  it('flags a window lapsing within 30 days and a case transferred in', async () => {
    const world = await referralWorld();
    const lapsing = await firstReferral(world, '2025-12-10');
    expect(flagOf(await flagsFor(world.agents.coordinator, lapsing.id), 'window_lapsing')).toMatchObject({
      label: '12-month window lapsing',
      detail: 'The 12-month window lapses on 10 December 2026',
      anchorDate: '2025-12-10',
    });
    const open = await acceptedReferral(world, plainReferral(world.area.id, { victim: VERA, referralDate: '2026-06-01', incidentDates: [] }));
    expect(await flagsFor(world.agents.coordinator, open.id)).toEqual([]);

    world.database.db.update(cases).set({ transferredFromAreaId: world.other.id }).run();
    expect(kinds(await flagsFor(world.agents.coordinator, open.id))).toEqual(['transferred_in']);
    expect(flagOf(await flagsFor(world.agents.coordinator, open.id), 'transferred_in').detail).toBe('Transferred in from Otherton');
    // The referrer sees neither.
    expect((await viewReferral(world.agents.rep, lapsing.id)).flags).toEqual([]);
  });
});
