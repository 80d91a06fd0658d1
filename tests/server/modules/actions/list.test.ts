import { describe, expect, it } from 'vitest';
import { ActionList, ActionReview, HomeSummary, type ActionFigure } from '@marac/shared';
import type { Agent } from '../../helper';
import { actionWorld, auditOf, daysLater, update } from './world';

/**
 * Agreed on Monday 23 November; read on Thursday 26, when "due soon" runs to 3 December.
 * Police: a (due 23, overdue), b (30, due soon), c (1 Dec, due soon), e (completed on the 24th).
 * Housing: d (due 25, overdue), f (not possible), g (not completed, recorded by the coordinator).
 */
async function trackedWorld() {
  const world = await actionWorld();
  const agree = world.first.agree;
  const ids = {
    a: await agree(world.police.id, 'Flag the address', '2026-11-23'),
    b: await agree(world.police.id, 'Bail check', '2026-11-30'),
    c: await agree(world.police.id, 'Clare’s Law disclosure', '2026-12-01'),
    d: await agree(world.housing.id, 'Fit target hardening', '2026-11-25'),
    e: await agree(world.police.id, 'Serve the DVPN', '2026-11-24'),
    f: await agree(world.housing.id, 'Housing transfer', '2026-12-11'),
    g: await agree(world.housing.id, 'Sanctuary scheme referral', '2026-11-24'),
  };
  const agents = await daysLater(world, 3);
  expect((await update(world, agents.rep, ids.e, { status: 'completed', note: 'Served', occurredOn: '2026-11-24' })).statusCode).toBe(201);
  expect((await update(world, agents.housingRep, ids.f, { status: 'not_possible', note: 'The victim moved out of the area' })).statusCode).toBe(201);
  expect((await update(world, agents.coordinator, ids.g, { status: 'not_completed', note: 'No referral was made' })).statusCode).toBe(201);
  return { ...world, ids, agents };
}

async function list(agent: Agent, query: Record<string, string | number> = {}) {
  const response = await agent.request({ method: 'GET', url: `/api/actions?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}` });
  expect(response.statusCode, response.body).toBe(200);
  return ActionList.parse(response.json());
}

describe('the list of actions', () => {
  it('counts and filters by state: open, due soon, overdue, completed, closed', async () => {
    const world = await trackedWorld();
    const { ids, agents } = world;
    const all = await list(agents.coordinator);
    expect(all).toMatchObject({ today: '2026-11-26', total: 7, counts: { open: 4, due_soon: 2, overdue: 2, completed: 1, closed: 3 } });
    const byState = async (state: string) => (await list(agents.coordinator, { state })).items.map((a) => a.id);
    expect(await byState('open')).toEqual([ids.a, ids.d, ids.b, ids.c]);
    expect(await byState('due_soon')).toEqual([ids.b, ids.c]);
    expect(await byState('overdue')).toEqual([ids.a, ids.d]);
    expect(await byState('completed')).toEqual([ids.e]);
    expect((await byState('closed')).sort()).toEqual([ids.e, ids.f, ids.g].sort());

    const overdue = (await list(agents.coordinator, { state: 'overdue' })).items[0];
    expect(overdue).toMatchObject({ id: ids.a, overdue: true, dueSoon: false, agencyName: 'Testshire Police', areaName: 'Testshire', meetingDate: '2026-11-23', closedOn: null, escalation: null });
    expect(overdue?.caseReference).toMatch(/^TST-/);
    expect((await list(agents.coordinator, { state: 'completed' })).items[0]).toMatchObject({ closedOn: '2026-11-24', overdue: false });

    // The police representative's own figures.
    const police = await list(agents.rep);
    expect(police.counts).toEqual({ open: 3, due_soon: 2, overdue: 1, completed: 1, closed: 1 });
    // Counts follow the other filters, whatever the state shown.
    expect((await list(agents.coordinator, { state: 'overdue', agencyId: world.housing.id })).counts).toEqual({ open: 1, due_soon: 0, overdue: 1, completed: 0, closed: 2 });
  });

  it('filters by status, meeting, case, agency and due dates, and pages', async () => {
    const world = await trackedWorld();
    const { ids, agents } = world;
    expect((await list(agents.coordinator, { status: 'not_possible' })).items.map((a) => a.id)).toEqual([ids.f]);
    expect((await list(agents.coordinator, { dueFrom: '2026-11-25', dueTo: '2026-11-30' })).items.map((a) => a.id)).toEqual([ids.d, ids.b]);
    expect((await list(agents.coordinator, { meetingId: world.first.meeting.id })).total).toBe(7);
    expect((await list(agents.coordinator, { caseId: world.first.caseId, agencyId: world.police.id })).total).toBe(4);
    expect((await list(agents.coordinator, { meetingId: '00000000-0000-4000-8000-000000000000' })).total).toBe(0);
    const first = await list(agents.coordinator, { limit: 2 });
    const next = await list(agents.coordinator, { limit: 2, offset: 2 });
    expect(first).toMatchObject({ total: 7, limit: 2, offset: 0 });
    expect(first.items).toHaveLength(2);
    expect(next.items.map((a) => a.id)).not.toContain(first.items[0]?.id);
    for (const bad of ['state=late', 'status=done', 'dueFrom=2026-13-01', 'limit=0', 'agencyId=police']) {
      const response = await agents.coordinator.request({ method: 'GET', url: `/api/actions?${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().fields.map((f: { field: string }) => f.field)).toEqual([bad.split('=')[0]]);
    }
    // Each list is audited with the names of the filters, never their values.
    const audit = auditOf(world, 'action').filter((e) => e.action === 'list');
    // Paging is not a filter: the last list, the second page, named none.
    expect(audit.at(-1)?.detail).toEqual({ filters: [], total: 7, shown: 2 });
    expect(audit.find((e) => (e.detail as { filters: string[] }).filters.includes('status'))?.detail).toEqual({ filters: ['status'], total: 1, shown: 1 });
  });

  it('gives the representative’s home page the same counts', async () => {
    const world = await trackedWorld();
    const home = HomeSummary.parse((await world.agents.rep.request({ method: 'GET', url: '/api/home' })).json());
    expect(Object.fromEntries(home.figures.map((f) => [f.key, f.value]))).toMatchObject({ actions_open: 3, actions_overdue: 1, actions_due_7_days: 2 });
    const housing = HomeSummary.parse((await world.agents.housingRep.request({ method: 'GET', url: '/api/home' })).json());
    expect(Object.fromEntries(housing.figures.map((f) => [f.key, f.value]))).toMatchObject({ actions_open: 1, actions_overdue: 1, actions_due_7_days: 0 });
  });
});

describe('the area’s review of its actions', () => {
  it('gives each agency its completion rate, overdue, not possible against not completed and time to completion, each linked to its actions', async () => {
    const world = await trackedWorld();
    const { agents } = world;
    const response = await agents.coordinator.request({ method: 'GET', url: `/api/actions/review?areaId=${world.area.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const review = ActionReview.parse(response.json());
    const values = (name: string) => {
      const row = name === 'All agencies' ? review.totals : review.agencies.find((a) => a.agencyName === name);
      if (!row) throw new Error(`no row for ${name}`);
      return {
        total: row.total.value,
        open: row.open.value,
        overdue: row.overdue.value,
        completed: row.completed.value,
        notPossible: row.notPossible.value,
        notCompleted: row.notCompleted.value,
        due: row.due,
        completionRate: row.completionRate,
        medianDaysToComplete: row.medianDaysToComplete,
      };
    };
    expect(values('Testshire Police')).toEqual({ total: 4, open: 3, overdue: 1, completed: 1, notPossible: 0, notCompleted: 0, due: 2, completionRate: 0.5, medianDaysToComplete: 1 });
    expect(values('Testshire Homes')).toEqual({ total: 3, open: 1, overdue: 1, completed: 0, notPossible: 1, notCompleted: 1, due: 3, completionRate: 0, medianDaysToComplete: null });
    expect(values('All agencies')).toEqual({ total: 7, open: 4, overdue: 2, completed: 1, notPossible: 1, notCompleted: 1, due: 5, completionRate: 0.2, medianDaysToComplete: 1 });
    expect(review.agencies.map((a) => a.agencyName)).toEqual(['Testshire Homes', 'Testshire Police']);

    // Every figure's filter, given to the list, shows exactly the actions it counts.
    for (const row of [review.totals, ...review.agencies]) {
      for (const figure of [row.total, row.open, row.overdue, row.completed, row.notPossible, row.notCompleted] as ActionFigure[]) {
        expect(figure.filter).not.toBeNull();
        const shown = await list(agents.coordinator, figure.filter as Record<string, string>);
        expect(shown.total, JSON.stringify(figure.filter)).toBe(figure.value);
      }
    }

    // A due-date range narrows the review and its links alike.
    const ranged = ActionReview.parse(
      (await agents.coordinator.request({ method: 'GET', url: `/api/actions/review?areaId=${world.area.id}&dueFrom=2026-11-24&dueTo=2026-11-25` })).json(),
    );
    expect(ranged.totals.total).toEqual({ value: 3, filter: { areaId: world.area.id, dueFrom: '2026-11-24', dueTo: '2026-11-25' } });
    expect((await list(agents.coordinator, ranged.totals.overdue.filter as Record<string, string>)).items.map((a) => a.id)).toEqual([world.ids.d]);
    expect(auditOf(world, 'action').filter((e) => (e.detail as { review?: boolean } | null)?.review)).toHaveLength(2);
  });
});
