import { describe, expect, it } from 'vitest';
import { ApiError, ScreeningQueue } from '@marac/shared';
import { makeUser, signIn, type Agent } from '../../helper';
import { dashAnswers, decide, referralAudit, referralSubmission, referralWorld, submitReferral } from './factories';

/**
 * Five referrals in Testshire and one in Otherton:
 *   old      2026-10-01  score 15, police
 *   urgent   2026-11-10  score 14, police, urgent
 *   repeat   2026-11-15  score 9 + repeat, housing, two perpetrators and two children
 *   recent   2026-11-22  score 20, police
 *   asked    2026-11-05  score 16, police, then more information requested
 *   elsewhere (Otherton) 2026-11-01
 */
async function queueWorld() {
  const world = await referralWorld();
  const base = referralSubmission(world.area.id);
  const old = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: '2026-10-01', incidentDates: [] }));
  const urgent = await submitReferral(
    world.agents.rep,
    referralSubmission(world.area.id, { referralDate: '2026-11-10', urgent: true, assessment: { ...(base.assessment as object), answers: dashAnswers(14) }, dashScore: 14 }),
  );
  const repeat = await submitReferral(
    world.agents.housingRep,
    referralSubmission(world.area.id, {
      referralDate: '2026-11-15',
      assessment: { ...(base.assessment as object), answers: dashAnswers(9) },
      dashScore: 9,
      knownRepeat: true,
      victim: { ...base.victim, givenName: 'Rhea', datesOfBirth: [] },
      perpetrators: [...(base.perpetrators as object[]), { givenName: 'Second', familyName: 'Person' }],
      householdMembers: [
        ...(base.householdMembers as object[]),
        { role: 'child', givenName: 'Dan', familyName: 'Ashdown' },
        { role: 'household_member', givenName: 'Gran', familyName: 'Ashdown' },
      ],
    }),
  );
  const recent = await submitReferral(
    world.agents.rep,
    referralSubmission(world.area.id, { referralDate: '2026-11-22', assessment: { ...(base.assessment as object), answers: dashAnswers(20) }, dashScore: 20 }),
  );
  const asked = await submitReferral(
    world.agents.rep,
    referralSubmission(world.area.id, { referralDate: '2026-11-05', assessment: { ...(base.assessment as object), answers: dashAnswers(16) }, dashScore: 16 }),
  );
  expect((await decide(world.agents.coordinator, asked.id, { decision: 'request_information', reason: 'Which school?' })).statusCode).toBe(200);
  const elsewhere = await submitReferral(world.agents.rep, referralSubmission(world.other.id, { referralDate: '2026-11-01' }));
  return { ...world, refs: { old, urgent, repeat, recent, asked, elsewhere } };
}

async function queue(agent: Agent, query = '') {
  const response = await agent.request({ method: 'GET', url: `/api/screening${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return ScreeningQueue.parse(response.json());
}

const ids = (q: ScreeningQueue) => q.items.map((i) => i.id);

describe('GET /api/screening', () => {
  it("lists the area's referrals awaiting screening, oldest first, with only minimal identifiers", async () => {
    const world = await queueWorld();
    const { refs } = world;
    const result = await queue(world.agents.coordinator);
    expect(result).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(ids(result)).toEqual([refs.old.id, refs.asked.id, refs.urgent.id, refs.repeat.id, refs.recent.id]);

    const item = result.items.find((i) => i.id === refs.repeat.id);
    expect(item).toEqual({
      id: refs.repeat.id,
      reference: refs.repeat.reference,
      status: 'submitted',
      statusLabel: 'Awaiting screening',
      area: { id: world.area.id, name: 'Testshire', code: 'TST' },
      referringAgencyName: 'Testshire Homes',
      referralDate: '2026-11-15',
      ageDays: 8,
      urgent: false,
      dashScore: 9,
      criteriaMet: ['repeat'],
      victim: { displayName: 'Rhea Ashdown', yearOfBirth: null },
      perpetratorCount: 2,
      childrenCount: 2,
      // Nine "yes" answers include question 9 (pregnancy or a baby in the last 18 months).
      flags: [
        { kind: 'children_in_household', label: 'Children in household' },
        { kind: 'pregnancy_or_baby', label: 'Pregnancy or baby under 18 months' },
      ],
    });
    expect(result.items.find((i) => i.id === refs.old.id)?.victim).toEqual({ displayName: 'Alice Ashdown', yearOfBirth: 1990 });
    // Nothing beyond the minimum: no address, full date of birth or narrative.
    expect(JSON.stringify(result)).not.toMatch(/1990-04-12|Example Street|TS1 2AB|invented incident/);
  });

  it('audits the listing with its filters and the count, without personal data', async () => {
    const world = await queueWorld();
    await queue(world.agents.coordinator, `?urgent=true&sort=score&areaId=${world.area.id}`);
    const row = referralAudit(world).at(-1);
    expect(row).toMatchObject({
      action: 'list',
      entityType: 'referral',
      entityId: null,
      userId: world.users.coordinator.id,
      detail: { screening: true, filters: { urgent: true, sort: 'score', areaId: world.area.id }, returned: 1, total: 1 },
    });
  });

  it('sorts newest first, by score, or urgent first', async () => {
    const world = await queueWorld();
    const { refs } = world;
    expect(ids(await queue(world.agents.coordinator, '?sort=newest'))).toEqual([refs.recent.id, refs.repeat.id, refs.urgent.id, refs.asked.id, refs.old.id]);
    expect(ids(await queue(world.agents.coordinator, '?sort=score'))).toEqual([refs.recent.id, refs.asked.id, refs.old.id, refs.urgent.id, refs.repeat.id]);
    expect(ids(await queue(world.agents.coordinator, '?sort=urgent'))).toEqual([refs.urgent.id, refs.old.id, refs.asked.id, refs.repeat.id, refs.recent.id]);
  });

  it('filters by status, urgency, repeat, referring agency and age, and pages', async () => {
    const world = await queueWorld();
    const { refs } = world;
    const c = world.agents.coordinator;
    expect(ids(await queue(c, '?status=more_information_requested'))).toEqual([refs.asked.id]);
    expect(ids(await queue(c, '?status=submitted'))).toEqual([refs.old.id, refs.urgent.id, refs.repeat.id, refs.recent.id]);
    expect(ids(await queue(c, '?urgent=true'))).toEqual([refs.urgent.id]);
    expect(ids(await queue(c, '?urgent=false'))).toHaveLength(4);
    expect(ids(await queue(c, '?repeat=true'))).toEqual([refs.repeat.id]);
    expect(ids(await queue(c, '?repeat=false'))).toHaveLength(4);
    expect(ids(await queue(c, `?referringAgencyId=${world.housing.id}`))).toEqual([refs.repeat.id]);
    // Referred 2026-10-01 and 2026-11-05 are 53 and 18 days old; 2026-11-10 is 13.
    expect(ids(await queue(c, '?olderThanDays=13'))).toEqual([refs.old.id, refs.asked.id]);
    expect(ids(await queue(c, '?olderThanDays=30'))).toEqual([refs.old.id]);
    const page = await queue(c, '?limit=2&offset=2');
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(ids(page)).toEqual([refs.urgent.id, refs.repeat.id]);
  });

  it('shows decided referrals only when asked for by status', async () => {
    const world = await queueWorld();
    const { refs } = world;
    expect((await decide(world.agents.coordinator, refs.old.id, { decision: 'reject', reason: 'Not personally connected.' })).statusCode).toBe(200);
    expect(ids(await queue(world.agents.coordinator))).not.toContain(refs.old.id);
    expect(ids(await queue(world.agents.coordinator, '?status=rejected,accepted'))).toEqual([refs.old.id]);
  });

  it('covers all of the user’s areas by default and one when asked, and refuses an area that is not theirs', async () => {
    const world = await queueWorld();
    const both = await makeUser(world.database, { role: 'coordinator', areaIds: [world.area.id, world.other.id], email: 'both@test.invalid' });
    const agent = await signIn(world.app, both.email);
    expect((await queue(agent)).total).toBe(6);
    expect(ids(await queue(agent, `?areaId=${world.other.id}`))).toEqual([world.refs.elsewhere.id]);

    const response = await world.agents.coordinator.request({ method: 'GET', url: `/api/screening?areaId=${world.other.id}` });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaId']);
  });

  it('names an invalid filter', async () => {
    const world = await referralWorld();
    for (const [query, field] of [
      ['?sort=alphabetical', 'sort'],
      ['?status=pending', 'status'],
      ['?urgent=yes', 'urgent'],
      ['?olderThanDays=-1', 'olderThanDays'],
      ['?limit=500', 'limit'],
      ['?areaId=not-an-id', 'areaId'],
    ] as const) {
      const response = await world.agents.coordinator.request({ method: 'GET', url: `/api/screening${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(ApiError.parse(response.json()).fields.map((f) => f.field.split('.')[0]), query).toEqual([field]);
    }
  });
});
