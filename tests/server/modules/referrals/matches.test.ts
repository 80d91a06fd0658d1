import { describe, expect, it } from 'vitest';
import { ApiError, type ReferralMatches, type SubjectMatches } from '@marac/shared';
import { auditEvents, casePeople, cases, identityDecisions, people, subjectMatchDecisions } from '../../../../server/src/db/schema';
import { makeUser, signIn, type Agent } from '../../helper';
import { BERNARD, VERA, kinds, plainReferral } from '../history/helpers';
import {
  acceptedReferral,
  decide,
  decideMatch,
  matchDecided,
  personOf,
  referralMatches,
  referralSubmission,
  referralWorld,
  rowCounts,
  submitReferral,
  viewReferral,
  type World,
} from './factories';

const subject = (matches: ReferralMatches, role: SubjectMatches['role']) => matches.subjects.find((s) => s.role === role)!;
const decisionsOf = (s: SubjectMatches) => s.candidates.map((c) => [c.personId, c.decision]);

/** Alice, now at another address and without a phone: matching finds her by name and date of birth. */
const MOVED_ALICE = {
  givenName: 'Alice',
  familyName: 'Ashdown',
  aliases: [],
  datesOfBirth: ['1990-04-12'],
  gender: 'female',
  address: { line1: '5 New Road', line2: null, town: 'Newtown', postcode: 'TS1 5XY' },
  phone: null,
};

/** Expects the request to be refused with `status` (naming `field` when given) and nothing at all to change. */
async function refused(world: World, request: () => Promise<{ statusCode: number; json: () => unknown; body: string }>, status: number, field?: string) {
  const before = rowCounts(world);
  const response = await request();
  expect(response.statusCode, response.body).toBe(status);
  const body = ApiError.parse(response.json());
  if (field) expect(body.fields.map((f) => f.field)).toEqual([field]);
  expect(rowCounts(world)).toEqual(before);
  return body;
}

const personAudit = (world: World) =>
  world.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType === 'person');

/** Alice accepted twice as two held people on two cases, nobody having matched them. */
async function twoRecords() {
  const world = await referralWorld();
  const first = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-02-01' }));
  const second = await acceptedReferral(world, plainReferral(world.area.id), { submitter: world.agents.housingRep });
  expect(second.caseId).not.toBe(first.caseId);
  return { ...world, first, second };
}

describe('GET /api/referrals/:id/matches', () => {
  it('shows held people who may be the people named, with reasons in plain words and only postcode districts', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(
      world.agents.housingRep,
      plainReferral(world.area.id, { victim: MOVED_ALICE, perpetrators: [{ ...BERNARD, address: { line1: '3 Far Close', line2: null, town: null, postcode: 'TS2 3FC' } }] }),
    );

    const matches = await referralMatches(world.agents.coordinator, second.id);
    expect(matches).toMatchObject({ referralId: second.id, decidable: true });
    expect(matches.subjects.map((s) => [s.subjectId, s.role, s.displayName, s.linkedPersonId, s.linkFixed])).toEqual([
      [second.victim.id, 'victim', 'Alice Ashdown', null, false],
      [second.perpetrators[0]!.id, 'perpetrator', 'Bernard Brook', null, false],
    ]);
    const [alice] = subject(matches, 'victim').candidates;
    expect(alice).toMatchObject({
      personId: first.victim.personId,
      displayName: 'Alice Ashdown',
      otherNames: ['Ali Ashdown'],
      datesOfBirth: ['1990-04-12'],
      postcodeDistricts: ['TS1'],
      roles: [{ role: 'victim', areaName: 'Testshire', caseCount: 1 }],
      visibleCases: [{ id: first.caseId, reference: 'TST-2026-0001', areaName: 'Testshire', role: 'victim' }],
      hiddenCaseCount: 0,
      roleConflict: null,
      decision: null,
    });
    expect(alice!.score).toBeGreaterThanOrEqual(50);
    expect(alice!.reasons).toEqual(expect.arrayContaining(['same given name', 'same surname', 'same date of birth', 'shares postcode district TS1']));
    expect(subject(matches, 'perpetrator').candidates).toMatchObject([
      { personId: first.perpetrators[0]!.personId, postcodeDistricts: ['TS2'], roles: [{ role: 'perpetrator', areaName: 'Testshire', caseCount: 1 }] },
    ]);
    // The held records' own addresses and phone stay out of the answer.
    expect(JSON.stringify(matches)).not.toMatch(/Example Street|2AB|9 Other Road|9ZZ|900001|Testford/);
  });

  it('names a role conflict, and links cases only in areas the coordinator works in, counting the others', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-02-01' }));
    // In Otherton, Alice was named as the perpetrator against Vera.
    const otherton = await submitReferral(
      world.agents.rep,
      plainReferral(world.other.id, {
        victim: VERA,
        perpetrators: [{ givenName: 'Alice', familyName: 'Ashdown', datesOfBirth: ['1990-04-12'], gender: 'female', relationshipToVictim: 'Ex-partner' }],
      }),
    );
    await matchDecided(world.agents.otherCoordinator, otherton.id, otherton.perpetrators[0]!.id, first.victim.personId!, 'confirm');
    expect((await decide(world.agents.otherCoordinator, otherton.id, { decision: 'accept', areaId: world.other.id })).statusCode).toBe(200);
    const othertonCase = world.database.db.select().from(cases).all().find((c) => c.areaId === world.other.id)!;

    const later = await submitReferral(world.agents.housingRep, plainReferral(world.area.id));
    const alice = subject(await referralMatches(world.agents.coordinator, later.id), 'victim').candidates[0]!;
    expect(alice.personId).toBe(first.victim.personId);
    expect([...alice.roles].sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: 'perpetrator', areaName: 'Otherton', caseCount: 1 },
      { role: 'victim', areaName: 'Testshire', caseCount: 1 },
    ]);
    expect(alice.visibleCases).toEqual([{ id: first.caseId, reference: 'TST-2026-0001', areaName: 'Testshire', role: 'victim' }]);
    expect(alice.hiddenCaseCount).toBe(1);
    expect(alice.roleConflict).toBe('Held as a perpetrator in 1 case; this referral names them as the victim');
    expect(JSON.stringify(alice)).not.toContain(othertonCase.id);

    const both = await makeUser(world.database, { role: 'coordinator', areaIds: [world.area.id, world.other.id], email: 'both@test.invalid' });
    const bothAgent = await signIn(world.app, both.email);
    const seen = subject(await referralMatches(bothAgent, later.id), 'victim').candidates[0]!;
    expect(seen.visibleCases.map((c) => [c.reference, c.role]).sort()).toEqual([
      ['OTH-2026-0001', 'perpetrator'],
      ['TST-2026-0001', 'victim'],
    ]);
    expect(seen.hiddenCaseCount).toBe(0);

    // The other way round: Vera's perpetrator is held as a victim in Testshire.
    const fromOtherton = subject(await referralMatches(bothAgent, otherton.id), 'perpetrator');
    expect(fromOtherton.linkedPersonId).toBe(first.victim.personId);
    expect(fromOtherton.linkFixed).toBe(true);
    expect(fromOtherton.candidates.find((c) => c.personId === first.victim.personId)?.roleConflict).toBe(
      'Held as a victim in 1 case; this referral names them as a perpetrator',
    );
  });

  it('audits a view of the referral and of every held person shown, without personal data', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    world.clock.advanceMinutes(5);
    await referralMatches(world.agents.coordinator, second.id);

    const views = world.database.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === 'view' && e.at === '2026-11-23T10:05:00.000Z');
    expect(views.find((e) => e.entityType === 'referral')).toMatchObject({ entityId: second.id, userId: world.users.coordinator.id, detail: { matches: true } });
    const shown = [first.victim.personId, first.perpetrators[0]!.personId, first.householdMembers[0]!.personId];
    expect(
      views
        .filter((e) => e.entityType === 'person')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([...shown].sort());
    expect(views.filter((e) => e.entityType === 'person').every((e) => e.userId === world.users.coordinator.id && e.detail?.['referralId'] === second.id)).toBe(true);
    expect(JSON.stringify(views)).not.toMatch(/Alice|Ashdown|TS1/);
  });

  it('is for the coordinators of the referral’s area only: other roles are refused, other areas told it does not exist', async () => {
    const world = await referralWorld();
    await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const url = `/api/referrals/${second.id}/matches`;
    const before = rowCounts(world);
    // The referrer too: matches show people held in other cases.
    for (const agent of [world.agents.rep, world.agents.housingRep, world.agents.chair, world.agents.observer]) {
      const response = await agent.request({ method: 'GET', url });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Ashdown');
    }
    const missing = await world.agents.coordinator.request({ method: 'GET', url: `/api/referrals/${crypto.randomUUID()}/matches` });
    expect(missing.statusCode).toBe(404);
    const elsewhere = await world.agents.otherCoordinator.request({ method: 'GET', url });
    expect(elsewhere.statusCode).toBe(404);
    expect(ApiError.parse(elsewhere.json()).message).toBe(ApiError.parse(missing.json()).message);
    expect((await world.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect(rowCounts(world)).toEqual(before);
  });

  it('still lists a rejected referral’s matches, as no longer decidable', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    expect((await decide(world.agents.coordinator, second.id, { decision: 'reject', reason: 'Sent twice.' })).statusCode).toBe(200);
    const matches = await referralMatches(world.agents.coordinator, second.id);
    expect(matches.decidable).toBe(false);
    expect(subject(matches, 'victim').candidates.map((c) => c.personId)).toEqual([first.victim.personId]);
  });
});

describe('POST /api/referrals/:id/subjects/:subjectId/matches while screening', () => {
  it('confirming links the subject to the held person; accepting then continues the victim’s case with no new people', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    world.clock.advanceMinutes(5);

    const afterVictim = await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'confirm');
    expect(subject(afterVictim, 'victim')).toMatchObject({ linkedPersonId: first.victim.personId, linkFixed: false });
    expect(decisionsOf(subject(afterVictim, 'victim'))).toEqual([[first.victim.personId, 'confirmed']]);
    // The score and reasons of a confirmed person are still shown.
    expect(subject(afterVictim, 'victim').candidates[0]!.reasons).toContain('same date of birth');
    expect(personOf(world, second.victim.id)).toBe(first.victim.personId);
    expect(world.database.db.select().from(subjectMatchDecisions).all()).toMatchObject([
      { subjectId: second.victim.id, personId: first.victim.personId, decision: 'confirmed', decidedBy: world.users.coordinator.id, decidedAt: '2026-11-23T10:05:00.000Z' },
    ]);
    expect(personAudit(world).filter((e) => e.action === 'decide')).toMatchObject([
      {
        entityId: first.victim.personId,
        userId: world.users.coordinator.id,
        detail: { referralId: second.id, subjectId: second.victim.id, decision: 'confirmed', stage: 'screening' },
      },
    ]);
    await matchDecided(world.agents.coordinator, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!, 'confirm');
    await matchDecided(world.agents.coordinator, second.id, second.householdMembers[0]!.id, first.householdMembers[0]!.personId!, 'confirm');

    const peopleBefore = world.database.db.select().from(people).all().length;
    const linksBefore = world.database.db.select().from(casePeople).all().length;
    const accepted = await decide(world.agents.coordinator, second.id, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = await viewReferral(world.agents.coordinator, second.id);
    expect(detail.caseId).toBe(first.caseId);
    expect(detail.caseReference).toBe('TST-2026-0001');
    expect(detail.victim.personId).toBe(first.victim.personId);
    expect(world.database.db.select().from(people).all()).toHaveLength(peopleBefore);
    expect(world.database.db.select().from(cases).all()).toHaveLength(1);
    expect(world.database.db.select().from(casePeople).all()).toHaveLength(linksBefore);
    expect(kinds(detail.flags)).toEqual(expect.arrayContaining(['repeat', 'repeat_perpetrator']));

    // Once accepted the link is fixed, and the confirmed person is still shown as such.
    const fixed = subject(await referralMatches(world.agents.coordinator, second.id), 'victim');
    expect(fixed).toMatchObject({ linkedPersonId: first.victim.personId, linkFixed: true });
    expect(decisionsOf(fixed)).toEqual([[first.victim.personId, 'confirmed']]);
  });

  it('rejecting stops the suggestion and unlinks; at acceptance the rejection is kept between the two held people', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'confirm');
    expect(kinds((await viewReferral(world.agents.coordinator, second.id)).flags)).toContain('repeat');

    const rejected = await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'reject');
    expect(subject(rejected, 'victim').linkedPersonId).toBeNull();
    expect(decisionsOf(subject(rejected, 'victim'))).toEqual([[first.victim.personId, 'rejected']]);
    expect(personOf(world, second.victim.id)).toBeNull();
    expect(kinds((await viewReferral(world.agents.coordinator, second.id)).flags)).not.toContain('repeat');
    expect(world.database.db.select().from(identityDecisions).all()).toEqual([]);

    expect((await decide(world.agents.coordinator, second.id, { decision: 'accept' })).statusCode).toBe(200);
    const newVictim = personOf(world, second.victim.id)!;
    expect(newVictim).not.toBe(first.victim.personId);
    expect(world.database.db.select().from(identityDecisions).all()).toMatchObject([
      { personId: newVictim, otherPersonId: first.victim.personId, decision: 'rejected', decidedBy: world.users.coordinator.id },
    ]);
    const held = subject(await referralMatches(world.agents.coordinator, second.id), 'victim');
    expect(held).toMatchObject({ linkedPersonId: newVictim, linkFixed: true });
    // Shown once, as rejected, never again as a suggestion.
    expect(decisionsOf(held)).toEqual([[first.victim.personId, 'rejected']]);
    const detail = await viewReferral(world.agents.coordinator, second.id);
    expect(detail.caseId).not.toBe(first.caseId);
    expect(kinds(detail.flags)).not.toContain('repeat');
  });

  it('confirming another person replaces the earlier link, which becomes a suggestion again', async () => {
    const world = await referralWorld();
    // Two held records for Alice, never confirmed as one.
    const one = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-01-10' }));
    const two = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-03-10' }));
    const third = await submitReferral(world.agents.housingRep, plainReferral(world.area.id));
    const suggested = subject(await referralMatches(world.agents.coordinator, third.id), 'victim');
    expect(suggested.candidates.map((c) => c.personId).sort()).toEqual([one.victim.personId, two.victim.personId].sort());

    await matchDecided(world.agents.coordinator, third.id, third.victim.id, one.victim.personId!, 'confirm');
    const replaced = subject(await matchDecided(world.agents.coordinator, third.id, third.victim.id, two.victim.personId!, 'confirm'), 'victim');
    expect(replaced.linkedPersonId).toBe(two.victim.personId);
    expect(decisionsOf(replaced)).toEqual([
      [two.victim.personId, 'confirmed'],
      [one.victim.personId, null],
    ]);
    expect(world.database.db.select().from(subjectMatchDecisions).all().map((d) => [d.personId, d.decision])).toEqual([[two.victim.personId, 'confirmed']]);
    expect(flagOfRepeat(await viewReferral(world.agents.coordinator, third.id))).toMatchObject({ previousReferralDate: '2026-03-10' });
  });

  it('never lets a rejection taken while screening overturn a confirmation between held people', async () => {
    const world = await twoRecords();
    const { first, second } = world;
    await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'confirm');
    const confirmedPair = world.database.db.select().from(identityDecisions).all();
    expect(confirmedPair).toMatchObject([{ decision: 'confirmed' }]);

    // Both records are suggested for a third referral; the coordinator rejects one and confirms the other.
    const third = await submitReferral(world.agents.rep, plainReferral(world.area.id, { referralDate: '2026-11-22' }));
    const suggested = subject(await referralMatches(world.agents.coordinator, third.id), 'victim');
    expect(suggested.candidates.map((c) => c.personId).sort()).toEqual([first.victim.personId, second.victim.personId].sort());
    await matchDecided(world.agents.coordinator, third.id, third.victim.id, first.victim.personId!, 'reject');
    await matchDecided(world.agents.coordinator, third.id, third.victim.id, second.victim.personId!, 'confirm');
    expect((await decide(world.agents.coordinator, third.id, { decision: 'accept' })).statusCode).toBe(200);

    // The earlier confirmation stands, and with it the history read across both records.
    expect(world.database.db.select().from(identityDecisions).all()).toEqual(confirmedPair);
    expect(flagOfRepeat(await viewReferral(world.agents.coordinator, second.id))).toMatchObject({ previousReferralDate: '2026-02-01' });
    expect(flagOfRepeat(await viewReferral(world.agents.coordinator, third.id))).toMatchObject({ previousReferralDate: '2026-11-20' });
  });

  it('shows a person linked by hand, whom matching would not have suggested, without a score', async () => {
    const world = await referralWorld();
    const alice = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-02-01' }));
    const vera = await acceptedReferral(world, plainReferral(world.area.id, { victim: VERA, referralDate: '2026-03-01' }));
    const later = await submitReferral(world.agents.housingRep, plainReferral(world.area.id));

    const victim = subject(await matchDecided(world.agents.coordinator, later.id, later.victim.id, vera.victim.personId!, 'confirm'), 'victim');
    expect(victim.linkedPersonId).toBe(vera.victim.personId);
    expect(victim.candidates.map((c) => [c.personId, c.decision, c.score === null])).toEqual([
      [vera.victim.personId, 'confirmed', true],
      [alice.victim.personId, null, false],
    ]);
    expect(victim.candidates[0]!.reasons).toEqual(expect.arrayContaining(['different given name', 'different date of birth']));
  });

  it('refuses a decision that cannot be taken, changing nothing', async () => {
    const world = await referralWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-02-01' }));
    const second = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    const victimId = first.victim.personId!;
    const post = (agent: Agent, subjectId: string, payload: Record<string, unknown>, referralId = second.id) => () =>
      decideMatch(agent, referralId, subjectId, payload);

    await refused(world, post(world.agents.coordinator, second.victim.id, { personId: crypto.randomUUID(), decision: 'confirm' }), 400, 'personId');
    await refused(world, post(world.agents.coordinator, second.victim.id, { personId: 'someone', decision: 'confirm' }), 400, 'personId');
    await refused(world, post(world.agents.coordinator, second.victim.id, { personId: victimId, decision: 'maybe' }), 400, 'decision');
    await refused(world, post(world.agents.coordinator, crypto.randomUUID(), { personId: victimId, decision: 'confirm' }), 404);
    // A subject of another referral reads as one that does not exist.
    await refused(world, post(world.agents.coordinator, first.victim.id, { personId: victimId, decision: 'confirm' }), 404);
    // Only coordinators decide, and only in their own areas.
    await refused(world, post(world.agents.housingRep, second.victim.id, { personId: victimId, decision: 'confirm' }), 403);
    await refused(world, post(world.agents.chair, second.victim.id, { personId: victimId, decision: 'confirm' }), 403);
    await refused(world, post(world.agents.otherCoordinator, second.victim.id, { personId: victimId, decision: 'confirm' }), 404);

    // One held person cannot be two of the people a referral names.
    await matchDecided(world.agents.coordinator, second.id, second.victim.id, victimId, 'confirm');
    const body = await refused(world, post(world.agents.coordinator, second.perpetrators[0]!.id, { personId: victimId, decision: 'confirm' }), 409, 'personId');
    expect(body.code).toBe('conflict');

    // Nothing more is decided on a rejected or merged referral.
    const rejected = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    expect((await decide(world.agents.coordinator, rejected.id, { decision: 'reject', reason: 'Sent twice.' })).statusCode).toBe(200);
    await refused(world, post(world.agents.coordinator, rejected.victim.id, { personId: victimId, decision: 'confirm' }, rejected.id), 409);
    const merged = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    expect((await decide(world.agents.coordinator, merged.id, { decision: 'merge', intoReferralId: second.id })).statusCode).toBe(200);
    await refused(world, post(world.agents.coordinator, merged.victim.id, { personId: victimId, decision: 'reject' }, merged.id), 409);
  });
});

describe('POST /api/referrals/:id/subjects/:subjectId/matches after acceptance', () => {
  it('confirms two held records as one person: history is read across both', async () => {
    const world = await twoRecords();
    const { first, second } = world;
    expect((await viewReferral(world.agents.coordinator, second.id)).flags).toEqual([]);
    world.clock.advanceMinutes(5);
    const after = subject(await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'confirm'), 'victim');
    expect(after).toMatchObject({ linkedPersonId: second.victim.personId, linkFixed: true });
    expect(decisionsOf(after)).toEqual([[first.victim.personId, 'confirmed']]);
    expect(world.database.db.select().from(identityDecisions).all()).toMatchObject([
      { personId: second.victim.personId, otherPersonId: first.victim.personId, decision: 'confirmed', decidedBy: world.users.coordinator.id, decidedAt: '2026-11-23T10:05:00.000Z' },
    ]);
    expect(personAudit(world).filter((e) => e.action === 'decide')).toMatchObject([
      { entityId: first.victim.personId, detail: { referralId: second.id, subjectId: second.victim.id, decision: 'confirmed', stage: 'held' } },
    ]);
    // The link itself does not change: each referral keeps its own held person and case.
    expect(personOf(world, second.victim.id)).toBe(second.victim.personId);
    expect(flagOfRepeat(await viewReferral(world.agents.coordinator, second.id))).toMatchObject({ previousReferralDate: '2026-02-01', daysLeft: 73 });
  });

  it('rejects a pair so it is never suggested again, and can take back a confirmation', async () => {
    const world = await twoRecords();
    const { first, second } = world;
    const rejected = subject(await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'reject'), 'victim');
    expect(decisionsOf(rejected)).toEqual([[first.victim.personId, 'rejected']]);
    expect(world.database.db.select().from(identityDecisions).all()).toMatchObject([
      { personId: second.victim.personId, otherPersonId: first.victim.personId, decision: 'rejected' },
    ]);
    // From the first referral the pair is decided too.
    expect(decisionsOf(subject(await referralMatches(world.agents.coordinator, first.id), 'victim'))).toEqual([[second.victim.personId, 'rejected']]);

    // Changing one's mind both ways keeps one row for the pair.
    await matchDecided(world.agents.coordinator, first.id, first.victim.id, second.victim.personId!, 'confirm');
    expect(kinds((await viewReferral(world.agents.coordinator, second.id)).flags)).toContain('repeat');
    const undone = subject(await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'reject'), 'victim');
    expect(decisionsOf(undone)).toEqual([[first.victim.personId, 'rejected']]);
    expect(world.database.db.select().from(identityDecisions).all().map((d) => d.decision)).toEqual(['rejected']);
    expect(kinds((await viewReferral(world.agents.coordinator, second.id)).flags)).not.toContain('repeat');
  });

  it('refuses to unlink the person accepted, or to reject a person confirmed the same through others', async () => {
    const world = await twoRecords();
    const { first, second } = world;
    await refused(world, () => decideMatch(world.agents.coordinator, second.id, second.victim.id, { personId: second.victim.personId, decision: 'reject' }), 409, 'personId');
    await refused(world, () => decideMatch(world.agents.coordinator, second.id, second.victim.id, { personId: second.victim.personId, decision: 'confirm' }), 409, 'personId');
    // Nor can the victim be confirmed as someone else this referral names, or as one confirmed to be them.
    await refused(world, () => decideMatch(world.agents.coordinator, second.id, second.victim.id, { personId: second.perpetrators[0]!.personId, decision: 'confirm' }), 409, 'personId');
    await matchDecided(world.agents.coordinator, second.id, second.perpetrators[0]!.id, first.perpetrators[0]!.personId!, 'confirm');
    await refused(world, () => decideMatch(world.agents.coordinator, second.id, second.victim.id, { personId: first.perpetrators[0]!.personId, decision: 'confirm' }), 409, 'personId');

    // A third record of Alice, confirmed as the second, which is confirmed as the first.
    const third = await acceptedReferral(world, plainReferral(world.area.id, { referralDate: '2026-11-22' }), { submitter: world.agents.housingRep });
    await matchDecided(world.agents.coordinator, third.id, third.victim.id, second.victim.personId!, 'confirm');
    await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId!, 'confirm');
    expect(flagOfRepeat(await viewReferral(world.agents.coordinator, third.id))).toMatchObject({ previousReferralDate: '2026-11-20' });
    const body = await refused(
      world,
      () => decideMatch(world.agents.coordinator, third.id, third.victim.id, { personId: first.victim.personId, decision: 'reject' }),
      409,
      'personId',
    );
    expect(body.message).toMatch(/already confirmed/);
  });
});

function flagOfRepeat(detail: { flags: { kind: string }[] }) {
  const repeat = detail.flags.filter((f) => f.kind === 'repeat');
  expect(repeat).toHaveLength(1);
  return repeat[0]!;
}
