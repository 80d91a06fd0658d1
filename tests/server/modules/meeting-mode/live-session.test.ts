import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../../server/src/db/schema';
import { makeUser, signIn } from '../../helper';
import { policyWorld, publishedCase, startWithAttendees, TODAY } from '../cases/world';
import { follow } from './sse-client';
import { adminVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026 in London; sessions end after 30 idle minutes.

const streams: { close(): void }[] = [];
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});

/** A meeting under way today with one case; the chair, police and housing have signed its statement. */
async function liveWorld() {
  const world = await policyWorld();
  const admin = await makeUser(world.database, { role: 'administrator', areaIds: [world.area.id], email: 'admin@test.invalid' });
  const { caseId, meeting, item } = await publishedCase(world, { date: TODAY });
  await startWithAttendees(world, meeting.id);
  const base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  const watch = async (agent: Parameters<typeof follow>[1]) => {
    const stream = await follow(base, agent, meeting.id);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.until((r) => r.some((e) => e.event === 'meeting_status'));
    return stream;
  };
  const open = async (agent = world.agents.chair) => expect((await agent.request({ method: 'POST', url: `/api/meetings/${meeting.id}/cases/${item.id}/open` })).statusCode).toBe(204);
  return { ...world, admin: await signIn(world.app, admin.email), caseId, meeting, item, watch, open };
}

describe('a live stream is checked at every event', () => {
  it('ends when the person signs out', async () => {
    const world = await liveWorld();
    const housing = await world.watch(world.agents.housingRep);
    expect((await world.agents.housingRep.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    await housing.ended();
  });

  it('ends when an administrator disables the account', async () => {
    const world = await liveWorld();
    const housing = await world.watch(world.agents.housingRep);
    const police = await world.watch(world.agents.rep);
    expect((await world.admin.request({ method: 'POST', url: `/api/admin/users/${world.users.housingRep.id}/disable`, payload: { version: adminVersion(world, 'users', world.users.housingRep.id) } })).statusCode).toBe(200);
    await housing.ended();
    // Everyone else follows on.
    await world.open();
    await police.until((r) => r.some((e) => e.event === 'case_opened'));
    expect(police.isOpen()).toBe(true);
  });

  it('ends at the first event after the session has expired, sending it nothing', async () => {
    const world = await liveWorld();
    const housing = await world.watch(world.agents.housingRep);
    world.clock.advanceMinutes(31);
    const chair = await signIn(world.app, world.users.chair.email);
    await world.open(chair);
    await housing.ended();
    expect(housing.received.filter((e) => e.event === 'case_opened')).toEqual([]);
  });

  it('stops sending a case the moment a bar names the person, and audits every case event it sends as a view', async () => {
    const world = await liveWorld();
    const housing = await world.watch(world.agents.housingRep);
    const police = await world.watch(world.agents.rep);
    await world.open();
    await housing.until((r) => r.some((e) => e.event === 'case_opened'));
    const recorded = await world.agents.coordinator.request({
      method: 'POST',
      url: `/api/cases/${world.caseId}/bars`,
      payload: { name: 'Testshire Homes', agencyId: world.housing.id, email: null, reason: 'Officer related to the perpetrator' },
    });
    expect(recorded.statusCode).toBe(201);
    const saved = await world.agents.chair.request({
      method: 'PUT',
      url: `/api/meetings/${world.meeting.id}/cases/${world.item.id}/record`,
      payload: { revision: 0, riskAnalysis: { harms: 'Threats to kill' }, outcome: 'Refuge place found' },
    });
    expect(saved.statusCode).toBe(200);
    await police.until((r) => r.some((e) => e.event === 'case_recorded'));
    // Housing's screen asks for the case and is refused; its stream never carries the case again.
    expect((await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/cases/${world.item.id}` })).statusCode).toBe(404);
    await world.open();
    await police.until((r) => r.filter((e) => e.event === 'case_opened').length === 2);
    expect(housing.received.filter((e) => e.data['caseId'] === world.caseId).map((e) => e.event)).toEqual(['case_opened']);

    const viewed = world.database.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.entityType === 'case' && e.action === 'view' && e.detail?.['live'] === true);
    expect(viewed.filter((e) => e.userId === world.users.rep.id && e.entityId === world.caseId).length).toBeGreaterThanOrEqual(2);
    expect(viewed.filter((e) => e.userId === world.users.housingRep.id).length).toBe(1);
  });

  it('ends every stream when the platform shuts down, so the screens reconnect to it once it is back', async () => {
    const world = await liveWorld();
    const police = await world.watch(world.agents.rep);
    const housing = await world.watch(world.agents.housingRep);
    // Closing waits for requests in flight; the streams must not hold it up.
    await world.app.close();
    await police.ended();
    await housing.ended();
  });
});
