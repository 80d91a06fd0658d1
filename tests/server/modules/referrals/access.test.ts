import { describe, expect, it } from 'vitest';
import { ApiError, MyReferrals, ReferralDetail, ScreeningQueue } from '@marac/shared';
import { decide, referralAudit, referralSubmission, referralWorld, rowCounts, submitReferral } from './factories';

describe('GET /api/referrals/:id', () => {
  it('shows a referral to its referrer and to the coordinator and chair of its area, auditing each view', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    for (const [agent, userId] of [
      [world.agents.rep, world.users.rep.id],
      [world.agents.coordinator, world.users.coordinator.id],
      [world.agents.chair, world.users.chair.id],
    ] as const) {
      const response = await agent.request({ method: 'GET', url: `/api/referrals/${referral.id}` });
      expect(response.statusCode).toBe(200);
      expect(ReferralDetail.parse(response.json()).id).toBe(referral.id);
      expect(referralAudit(world).at(-1)).toMatchObject({ action: 'view', entityType: 'referral', entityId: referral.id, userId, detail: null });
    }
  });

  it('answers 404, exactly as for a referral that does not exist, to another agency’s representative and to another area’s coordinator and chair', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const missing = await world.agents.coordinator.request({ method: 'GET', url: `/api/referrals/${crypto.randomUUID()}` });
    expect(missing.statusCode).toBe(404);
    const before = rowCounts(world);
    for (const agent of [world.agents.housingRep, world.agents.otherCoordinator, world.agents.otherChair]) {
      const response = await agent.request({ method: 'GET', url: `/api/referrals/${referral.id}` });
      expect(response.statusCode).toBe(404);
      const body = ApiError.parse(response.json());
      expect(body.code).toBe('not_found');
      expect(body.message).toBe(ApiError.parse(missing.json()).message);
    }
    expect(rowCounts(world)).toEqual(before);
  });

  it('refuses roles that never see referrals', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const response = await world.agents.observer.request({ method: 'GET', url: `/api/referrals/${referral.id}` });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Alice');
  });

  it('requires a signed-in user', async () => {
    const world = await referralWorld();
    const response = await world.app.inject({ method: 'GET', url: `/api/referrals/${crypto.randomUUID()}` });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/referrals/mine', () => {
  it("lists only the user's own referrals and drafts, with status labels and the reason screening gave", async () => {
    const world = await referralWorld();
    const first = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    world.clock.advanceMinutes(1);
    const second = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { victim: { ...referralSubmission(world.area.id).victim, givenName: 'Beatrice' } }));
    await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    await world.agents.rep.request({ method: 'POST', url: '/api/referral-drafts', payload: { payload: { step: 2 } } });
    await world.agents.housingRep.request({ method: 'POST', url: '/api/referral-drafts', payload: { payload: { step: 2 } } });
    world.clock.advanceMinutes(1);
    expect((await decide(world.agents.coordinator, first.id, { decision: 'request_information', reason: 'Please confirm the address.' })).statusCode).toBe(200);

    const response = await world.agents.rep.request({ method: 'GET', url: '/api/referrals/mine' });
    expect(response.statusCode).toBe(200);
    const mine = MyReferrals.parse(response.json());
    expect(mine).toMatchObject({ total: 2, limit: 50, offset: 0, draftTotal: 1 });
    expect(mine.items.map((r) => [r.id, r.status, r.statusLabel, r.victimName, r.reason])).toEqual([
      [second.id, 'submitted', 'Awaiting screening', 'Beatrice Ashdown', null],
      [first.id, 'more_information_requested', 'More information requested', 'Alice Ashdown', 'Please confirm the address.'],
    ]);
    expect(mine.drafts).toHaveLength(1);
    expect(referralAudit(world).at(-1)).toMatchObject({ action: 'list', entityType: 'referral', userId: world.users.rep.id, detail: { mine: true, returned: 2, drafts: 1 } });

    const paged = MyReferrals.parse((await world.agents.rep.request({ method: 'GET', url: '/api/referrals/mine?limit=1&offset=1' })).json());
    expect(paged.items.map((r) => r.id)).toEqual([first.id]);
    expect(paged.total).toBe(2);
  });

  it('is for those who refer', async () => {
    const world = await referralWorld();
    expect((await world.agents.chair.request({ method: 'GET', url: '/api/referrals/mine' })).statusCode).toBe(403);
  });
});

describe('role boundaries around screening', () => {
  it('refuses the screening queue to representatives and observers', async () => {
    const world = await referralWorld();
    for (const agent of [world.agents.rep, world.agents.observer]) {
      const response = await agent.request({ method: 'GET', url: '/api/screening' });
      expect(response.statusCode).toBe(403);
      expect(ApiError.parse(response.json()).code).toBe('forbidden');
    }
  });

  it('keeps another area’s referrals out of a coordinator’s queue and decisions', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const queue = ScreeningQueue.parse((await world.agents.otherCoordinator.request({ method: 'GET', url: '/api/screening' })).json());
    expect(queue.items).toEqual([]);
    expect(queue.total).toBe(0);
    const before = rowCounts(world);
    const response = await decide(world.agents.otherCoordinator, referral.id, { decision: 'reject', reason: 'Not ours' });
    expect(response.statusCode).toBe(404);
    const after = rowCounts(world);
    expect(after).toEqual(before);
  });

  it('lets a chair read the queue and the referral but not decide', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const queue = ScreeningQueue.parse((await world.agents.chair.request({ method: 'GET', url: '/api/screening' })).json());
    expect(queue.items.map((i) => i.id)).toEqual([referral.id]);
    expect((await world.agents.chair.request({ method: 'GET', url: `/api/referrals/${referral.id}` })).statusCode).toBe(200);
    const before = rowCounts(world);
    const decision = await decide(world.agents.chair, referral.id, { decision: 'accept' });
    expect(decision.statusCode).toBe(403);
    expect(rowCounts(world)).toEqual(before);
  });

  it('does not let a representative decide, even on their own referral', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    expect((await decide(world.agents.rep, referral.id, { decision: 'accept' })).statusCode).toBe(403);
  });
});
