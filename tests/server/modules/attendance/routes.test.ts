import { AttendanceList, CONFIDENTIALITY_STATEMENT_VERSION, ConfidentialityStatus, MeetingList, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { attendance, confidentialityAttestations } from '../../../../server/src/db/schema';
import { referralWorld, type World } from '../referrals/factories';

// The test clock reads Monday 23 November 2026 in London.

async function meetingWorld() {
  const world = await referralWorld();
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30' },
  });
  const meeting = MeetingSummary.parse(created.json());
  // The statement is signed once the agenda is out; this meeting has none, so its status is set directly.
  world.database.sqlite.prepare("UPDATE meetings SET status = 'agenda_published' WHERE id = ?").run(meeting.id);
  return { ...world, meeting };
}

const record = (world: World, meetingId: string, body: Record<string, unknown>) =>
  world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/attendance`, payload: body });

describe('attendance', () => {
  it('records attendees from their accounts, apologies with information sent, and observers by name', async () => {
    const world = await meetingWorld();
    expect((await record(world, world.meeting.id, { kind: 'attendee', userId: world.users.rep.id })).statusCode).toBe(201);
    expect((await record(world, world.meeting.id, { kind: 'apology', userId: world.users.housingRep.id, informationSent: true })).statusCode).toBe(201);
    const last = await record(world, world.meeting.id, { kind: 'observer', name: 'Sam Student', agencyId: world.police.id });
    const list = AttendanceList.parse(last.json());
    expect(list.map((e) => [e.kind, e.name, e.agencyName, e.informationSent])).toEqual([
      ['apology', 'Hal Housing', 'Testshire Homes', true],
      ['attendee', 'Rita Rep', 'Testshire Police', false],
      ['observer', 'Sam Student', 'Testshire Police', false],
    ]);
    expect(AttendanceList.parse((await world.agents.chair.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/attendance` })).json())).toHaveLength(3);
  });

  it('refuses someone from outside the area, a nameless entry and a second entry for one person, changing nothing', async () => {
    const world = await meetingWorld();
    await record(world, world.meeting.id, { kind: 'attendee', userId: world.users.rep.id });
    const before = world.database.db.select().from(attendance).all();
    const outsider = await record(world, world.meeting.id, { kind: 'attendee', userId: world.users.otherCoordinator.id });
    expect(outsider.json().fields).toEqual([{ field: 'userId', message: 'Choose someone who works in this area' }]);
    const nameless = await record(world, world.meeting.id, { kind: 'observer' });
    expect(nameless.json().fields).toEqual([{ field: 'name', message: 'Enter the name of the person, or choose a platform user' }]);
    expect((await record(world, world.meeting.id, { kind: 'observer', userId: world.users.rep.id })).statusCode).toBe(409);
    expect(world.database.db.select().from(attendance).all()).toEqual(before);
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/attendance`, payload: { kind: 'observer', name: 'X' } })).statusCode).toBe(403);
  });
});

describe('the confidentiality statement', () => {
  it('is signed by each attendee on their own account, observers included', async () => {
    const world = await meetingWorld();
    await record(world, world.meeting.id, { kind: 'attendee', userId: world.users.rep.id });
    await record(world, world.meeting.id, { kind: 'observer', userId: world.users.observer.id });
    const url = `/api/meetings/${world.meeting.id}/confidentiality`;
    const unsigned = ConfidentialityStatus.parse((await world.agents.rep.request({ method: 'GET', url })).json());
    expect(unsigned).toMatchObject({ statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, signedAt: null });
    expect(unsigned.statement.join(' ')).toMatch(/unsafe to contact/);

    const notTicked = await world.agents.rep.request({ method: 'POST', url, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: false } });
    expect(notTicked.json().fields).toEqual([{ field: 'accepted', message: 'Confirm that you have read and accept the statement' }]);
    const signed = ConfidentialityStatus.parse((await world.agents.rep.request({ method: 'POST', url, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } })).json());
    expect(signed.signedAt).toBe('2026-11-23T10:00:00.000Z');
    expect((await world.agents.observer.request({ method: 'POST', url, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } })).statusCode).toBe(200);

    const list = AttendanceList.parse((await world.agents.coordinator.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/attendance` })).json());
    expect(list.map((e) => [e.name, e.signedAt])).toEqual([
      ['Rita Rep', '2026-11-23T10:00:00.000Z'],
      ['Obi Observer', '2026-11-23T10:00:00.000Z'],
    ]);
  });

  it('is reached by an observer through the meeting they are recorded at, and no other', async () => {
    const world = await meetingWorld();
    const other = MeetingSummary.parse(
      (await world.agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-09', startTime: '09:30' } })).json(),
    );
    world.database.sqlite.prepare("UPDATE meetings SET status = 'agenda_published' WHERE id = ?").run(other.id);
    const list = async () => MeetingList.parse((await world.agents.observer.request({ method: 'GET', url: '/api/meetings' })).json()).map((m) => m.id);
    const detail = (id: string) => world.agents.observer.request({ method: 'GET', url: `/api/meetings/${id}` });

    expect(await list()).toEqual([]);
    expect((await detail(world.meeting.id)).statusCode).toBe(404);
    await record(world, world.meeting.id, { kind: 'observer', userId: world.users.observer.id });
    expect(await list()).toEqual([world.meeting.id]);
    expect(MeetingSummary.parse((await detail(world.meeting.id)).json()).id).toBe(world.meeting.id);
    expect((await detail(other.id)).statusCode).toBe(404);

    // Recorded at a meeting whose agenda is not out yet, they find nothing of it.
    world.database.sqlite.prepare("UPDATE meetings SET status = 'planned' WHERE id = ?").run(world.meeting.id);
    expect(await list()).toEqual([]);
    expect((await detail(world.meeting.id)).statusCode).toBe(404);
  });

  it('cannot be signed by someone not recorded as attending, nor against an old version', async () => {
    const world = await meetingWorld();
    const url = `/api/meetings/${world.meeting.id}/confidentiality`;
    const stranger = await world.agents.housingRep.request({ method: 'POST', url, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } });
    expect(stranger.statusCode).toBe(409);
    await record(world, world.meeting.id, { kind: 'attendee', userId: world.users.housingRep.id });
    const old = await world.agents.housingRep.request({ method: 'POST', url, payload: { statementVersion: '2020-1', accepted: true } });
    expect(old.statusCode).toBe(409);
    expect(world.database.db.select().from(confidentialityAttestations).all()).toEqual([]);
  });
});
