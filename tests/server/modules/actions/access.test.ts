import { describe, expect, it } from 'vitest';
import { ActionList, ActionReview, CaseActions } from '@marac/shared';
import { makeAgency, makeUser, signIn } from '../../helper';
import { actionWorld, auditOf, detail, meetingOn, reassign, snapshot, update } from './world';

/**
 * Police and housing each hold an action on Ada's case; housing's second action is given to a health
 * agency that joined the area after the agenda went out (so it was never invited for the case). A
 * second case names the housing representative as someone it is not safe to contact.
 */
async function scopedWorld() {
  const world = await actionWorld();
  const police = await world.first.agree(world.police.id, 'Flag the address for a priority response', '2026-12-04');
  const housing = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-12-04');
  const moved = await world.first.agree(world.housing.id, 'Arrange a health visitor', '2026-12-04');
  const health = makeAgency(world.database, [world.area.id], { name: 'Testshire Health', kind: 'midwifery_health_visiting' });
  const healthUser = await makeUser(world.database, { role: 'agency_representative', agencyId: health.id, areaIds: [world.area.id], email: 'health@test.invalid', name: 'Hana Health' });
  const reassigned = await reassign(world, world.agents.coordinator, moved, { agencyId: health.id, note: 'Health visiting is the health trust’s' });
  expect(reassigned.statusCode, reassigned.body).toBe(200);
  const unsafe = await meetingOn(world, world.agents, '2026-11-23', 'Bea', {
    unsafeContacts: [{ name: 'Hal Housing', relationship: 'Cousin of the perpetrator', email: 'housing@test.invalid', agencyId: null, reason: 'Related' }],
  });
  const hidden = await unsafe.agree(world.housing.id, 'Check the tenancy', '2026-12-04');
  return { ...world, actions: { police, housing, moved, hidden }, health, healthRep: await signIn(world.app, healthUser.email), unsafe };
}

const list = async (agent: Parameters<typeof detail>[0], query = '') => {
  const response = await agent.request({ method: 'GET', url: `/api/actions${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return ActionList.parse(response.json());
};

describe('an agency representative reaches only their own agency’s actions', () => {
  it('lists their agency’s actions only, whatever agency, case or area the request names', async () => {
    const world = await scopedWorld();
    const housing = await list(world.agents.housingRep);
    expect(housing.items.map((a) => a.id)).toEqual([world.actions.housing]);
    expect(housing.counts).toEqual({ open: 1, due_soon: 0, overdue: 0, completed: 0, closed: 0 });
    expect((await list(world.agents.rep)).items.map((a) => a.id)).toEqual([world.actions.police]);
    expect((await list(world.healthRep)).items.map((a) => a.id)).toEqual([world.actions.moved]);
    // Naming another agency, its case or another area narrows to nothing; it never widens.
    expect((await list(world.agents.housingRep, `?agencyId=${world.police.id}`)).total).toBe(0);
    expect((await list(world.agents.housingRep, `?caseId=${world.unsafe.caseId}`)).total).toBe(0);
    expect((await list(world.agents.housingRep, `?areaId=${world.other.id}`)).total).toBe(0);
    // The coordinator sees them all, and can narrow by agency.
    const all = await list(world.agents.coordinator);
    expect(all.items.map((a) => a.id).sort()).toEqual(Object.values(world.actions).sort());
    expect((await list(world.agents.coordinator, `?agencyId=${world.housing.id}`)).items.map((a) => a.id).sort()).toEqual([world.actions.housing, world.actions.hidden].sort());
    expect((await list(world.agents.otherCoordinator)).total).toBe(0);
    // Other roles have no action list.
    expect((await world.agents.observer.request({ method: 'GET', url: '/api/actions' })).statusCode).toBe(403);
  });

  it('reads every other action as not existing, and cannot update or reassign it', async () => {
    const world = await scopedWorld();
    const before = snapshot(world);
    for (const [agent, id] of [
      [world.agents.housingRep, world.actions.police],
      [world.agents.rep, world.actions.housing],
      // Given away: the housing representative no longer reaches it.
      [world.agents.housingRep, world.actions.moved],
      // A case naming the housing representative as unsafe to contact: not even their agency's action on it.
      [world.agents.housingRep, world.actions.hidden],
      [world.agents.otherCoordinator, world.actions.police],
      [world.agents.otherChair, world.actions.housing],
    ] as const) {
      expect((await agent.request({ method: 'GET', url: `/api/actions/${id}` })).statusCode).toBe(404);
      expect((await update(world, agent, id, { status: 'in_progress', note: 'Trying' })).statusCode).toBe(404);
    }
    expect((await reassign(world, world.agents.otherCoordinator, world.actions.police, { agencyId: world.housing.id, note: 'Mine now' })).statusCode).toBe(404);
    // Reassigning is for the coordinator or chair: a representative is refused before anything is read.
    expect((await reassign(world, world.agents.rep, world.actions.police, { agencyId: world.housing.id, note: 'Yours now' })).statusCode).toBe(403);
    expect((await world.agents.observer.request({ method: 'GET', url: `/api/actions/${world.actions.police}` })).statusCode).toBe(403);
    expect(snapshot(world)).toEqual(before);

    // Their own is theirs to read and update.
    expect((await detail(world.healthRep, world.actions.moved)).agencyName).toBe('Testshire Health');
    expect((await update(world, world.agents.housingRep, world.actions.housing, { status: 'in_progress', note: 'Locksmith booked' })).statusCode).toBe(201);
  });

  it('shows the case behind an action only as far as the agency was invited for it, and only its own actions there', async () => {
    const world = await scopedWorld();
    const caseUrl = (caseId: string) => `/api/cases/${caseId}/actions`;
    const housing = await world.agents.housingRep.request({ method: 'GET', url: caseUrl(world.first.caseId) });
    expect(housing.statusCode, housing.body).toBe(200);
    const view = CaseActions.parse(housing.json());
    expect(view.actions.map((a) => a.id)).toEqual([world.actions.housing]);
    expect(view.hiddenActionCount).toBe(2);
    expect(view).toMatchObject({ canReview: false, canClose: false });
    // Health holds an action on the case but was never invited for it; the housing representative is
    // named unsafe on the second case; other areas' chairs and coordinators are elsewhere.
    expect((await world.healthRep.request({ method: 'GET', url: caseUrl(world.first.caseId) })).statusCode).toBe(404);
    expect((await world.agents.housingRep.request({ method: 'GET', url: caseUrl(world.unsafe.caseId) })).statusCode).toBe(404);
    expect((await world.agents.otherChair.request({ method: 'GET', url: caseUrl(world.first.caseId) })).statusCode).toBe(404);
    expect((await world.agents.observer.request({ method: 'GET', url: caseUrl(world.first.caseId) })).statusCode).toBe(403);
    const coordinator = CaseActions.parse((await world.agents.coordinator.request({ method: 'GET', url: caseUrl(world.first.caseId) })).json());
    expect(coordinator.actions).toHaveLength(3);
    expect(coordinator.hiddenActionCount).toBe(0);
    expect(auditOf(world, 'case').filter((e) => e.action === 'view' && e.entityId === world.first.caseId)).toHaveLength(2);

    // Only the area's chair records an outcome review.
    const before = snapshot(world);
    const review = { outcome: 'Risk reduced; safety plan in place', closeInvolvement: false };
    for (const [agent, status] of [
      [world.agents.housingRep, 403],
      [world.agents.coordinator, 403],
      [world.agents.otherChair, 404],
    ] as const) {
      expect((await agent.request({ method: 'POST', url: `/api/cases/${world.first.caseId}/outcome-reviews`, payload: review })).statusCode).toBe(status);
    }
    expect(snapshot(world)).toEqual(before);
  });

  it('shows the area review to its representatives, linking only their own agency’s figures', async () => {
    const world = await scopedWorld();
    const url = `/api/actions/review?areaId=${world.area.id}`;
    const housing = ActionReview.parse((await world.agents.housingRep.request({ method: 'GET', url })).json());
    const rowOf = (review: ActionReview, name: string) => review.agencies.find((a) => a.agencyName === name);
    // The figures count only what the policy lets the viewer see: Bea's case names this representative
    // as unsafe, so its action is not counted for them, though the coordinator counts it.
    expect(rowOf(housing, 'Testshire Homes')?.total).toEqual({ value: 1, filter: { areaId: world.area.id, agencyId: world.housing.id } });
    expect(rowOf(housing, 'Testshire Police')?.total).toEqual({ value: 1, filter: null });
    expect(housing.totals.total).toEqual({ value: 3, filter: null });
    const coordinator = ActionReview.parse((await world.agents.coordinator.request({ method: 'GET', url })).json());
    expect(coordinator.totals.total.value).toBe(4);
    expect(rowOf(coordinator, 'Testshire Police')?.total.filter).toEqual({ areaId: world.area.id, agencyId: world.police.id });
    expect(coordinator.totals.total.filter).toEqual({ areaId: world.area.id });
    expect((await world.agents.otherCoordinator.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await world.agents.observer.request({ method: 'GET', url })).statusCode).toBe(403);
  });
});
