import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '@marac/shared';
import { auditEvents } from '../../../../server/src/db/schema';
import { makeAgency, makeArea, makeUser, signIn, testApp, type Agent } from '../../helper';

/**
 * Three areas; agencies serving one or two of them, one disabled; users of different roles in
 * different areas.
 */
async function directoryWorld() {
  const ctx = await testApp();
  const { database } = ctx;
  const north = makeArea(database, { name: 'North', code: 'NTH' });
  const south = makeArea(database, { name: 'South', code: 'STH' });
  const east = makeArea(database, { name: 'East', code: 'EST' });
  const agencies = {
    police: makeAgency(database, [north.id, south.id], { name: 'Shire Police', kind: 'police', secureEmail: 'marac@police.test.invalid' }),
    housing: makeAgency(database, [north.id], { name: 'North Homes', kind: 'housing' }),
    health: makeAgency(database, [east.id], { name: 'East Health', kind: 'primary_care' }),
    closed: makeAgency(database, [north.id], { name: 'Closed Charity', kind: 'specialist_service', disabledAt: '2026-06-01T00:00:00.000Z' }),
    nowhere: makeAgency(database, [], { name: 'Unplaced Agency', kind: 'other' }),
  };
  const users = {
    rep: await makeUser(database, { role: 'agency_representative', agencyId: agencies.police.id, areaIds: [north.id] }),
    coordinator: await makeUser(database, { role: 'coordinator', areaIds: [north.id, east.id] }),
    observer: await makeUser(database, { role: 'observer', areaIds: [south.id] }),
    admin: await makeUser(database, { role: 'administrator', areaIds: [] }),
  };
  const agents: Record<keyof typeof users, Agent> = {
    rep: await signIn(ctx.app, users.rep.email),
    coordinator: await signIn(ctx.app, users.coordinator.email),
    observer: await signIn(ctx.app, users.observer.email),
    admin: await signIn(ctx.app, users.admin.email),
  };
  return { ...ctx, areas: { north, south, east }, agencies, users, agents };
}

async function directory(agent: Agent) {
  const response = await agent.request({ method: 'GET', url: '/api/agencies' });
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.body, list: AgencyDirectory.parse(response.json()) };
}

describe('GET /api/agencies', () => {
  it('lists the enabled agencies serving the user’s areas, by name, with only those areas', async () => {
    const world = await directoryWorld();
    const { north, south, east } = world.areas;
    const { police, housing, health } = world.agencies;

    expect((await directory(world.agents.rep)).list).toEqual([
      { id: housing.id, name: 'North Homes', kind: 'housing', areaIds: [north.id] },
      { id: police.id, name: 'Shire Police', kind: 'police', areaIds: [north.id] },
    ]);
    expect((await directory(world.agents.coordinator)).list).toEqual([
      { id: health.id, name: 'East Health', kind: 'primary_care', areaIds: [east.id] },
      { id: housing.id, name: 'North Homes', kind: 'housing', areaIds: [north.id] },
      { id: police.id, name: 'Shire Police', kind: 'police', areaIds: [north.id] },
    ]);
    expect((await directory(world.agents.observer)).list).toEqual([{ id: police.id, name: 'Shire Police', kind: 'police', areaIds: [south.id] }]);
    // A user with no areas is served by no agency.
    expect((await directory(world.agents.admin)).list).toEqual([]);
  });

  it('never lists a disabled agency or one serving none of the user’s areas, and sends no contact details', async () => {
    const world = await directoryWorld();
    const { body, list } = await directory(world.agents.coordinator);
    expect(list.map((a) => a.id)).not.toContain(world.agencies.closed.id);
    expect(list.map((a) => a.id)).not.toContain(world.agencies.nowhere.id);
    expect(body).not.toMatch(/Closed Charity|Unplaced|secureEmail|police\.test\.invalid|createdAt/);
  });

  it('is read by anyone signed in, without an audit row, and by nobody else', async () => {
    const world = await directoryWorld();
    const audited = () => world.database.db.select().from(auditEvents).all().length;
    const before = audited();
    await directory(world.agents.rep);
    expect(audited()).toBe(before);
    const response = await world.app.inject({ method: 'GET', url: '/api/agencies' });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain('Shire Police');
  });
});
