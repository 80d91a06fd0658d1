import { MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { agendaItems, cases, meetings } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from './versions';

// The test clock reads Monday 23 November 2026 in London.

async function publishedMeeting(world: World, date: string) {
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'emergency', date, startTime: '14:00', referralCutoff: '2026-11-23' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const meeting = MeetingSummary.parse(created.json());
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } });
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  return meeting;
}

/** A step from the meeting as it now stands, unless a version is given. */
const step = (world: World, meetingId: string, status: string, agent = world.agents.chair, version = meetingVersion(world, meetingId)) =>
  agent.request({ method: 'POST', url: `/api/meetings/${meetingId}/status`, payload: { status, version } });

describe('a meeting’s steps after publication', () => {
  it('starts on its day, is minuted with its cases heard and the hearing recorded, then closes', async () => {
    const world = await referralWorld();
    const meeting = await publishedMeeting(world, '2026-11-23');
    const started = await step(world, meeting.id, 'in_progress');
    expect(started.statusCode, started.body).toBe(200);
    expect(MeetingSummary.parse(started.json()).status).toBe('in_progress');
    // Once started, the agenda is fixed.
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(409);

    expect((await step(world, meeting.id, 'minuted')).statusCode).toBe(200);
    const items = world.database.db.select().from(agendaItems).all().filter((i) => i.meetingId === meeting.id);
    expect(items.map((i) => i.status)).toEqual(['heard']);
    expect(world.database.db.select().from(cases).all().find((c) => c.id === items[0]?.caseId)?.lastHearingDate).toBe('2026-11-23');

    expect(MeetingSummary.parse((await step(world, meeting.id, 'closed', world.agents.coordinator)).json()).status).toBe('closed');
  });

  it('refuses a step out of order or a start before the day, changing nothing', async () => {
    const world = await referralWorld();
    const later = await publishedMeeting(world, '2026-11-30');
    const early = await step(world, later.id, 'in_progress');
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([{ field: 'status', message: 'A meeting cannot start before its date' }]);
    const skipped = await step(world, later.id, 'minuted');
    expect(skipped.json().fields).toEqual([{ field: 'status', message: 'The meeting must have started first; it has published its agenda' }]);
    expect(world.database.db.select().from(meetings).all().find((m) => m.id === later.id)?.status).toBe('agenda_published');
    expect((await step(world, later.id, 'in_progress', world.agents.rep)).statusCode).toBe(403);
    expect((await step(world, later.id, 'in_progress', world.agents.otherChair)).statusCode).toBe(404);
  });
});

describe('a meeting’s step taken by two people', () => {
  it('is refused from a version someone else has changed since, changing nothing, and taken from the newer one', async () => {
    const world = await referralWorld();
    const meeting = await publishedMeeting(world, '2026-11-23');
    const shown = meetingVersion(world, meeting.id);
    // The coordinator moves the meeting to another room while the chair's screen is open.
    expect((await world.agents.coordinator.request({ method: 'PATCH', url: `/api/meetings/${meeting.id}`, payload: { version: shown, location: 'Room 2' } })).statusCode).toBe(200);
    const before = world.database.db.select().from(meetings).all();
    const stale = await step(world, meeting.id, 'in_progress', world.agents.chair, shown);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }] });
    expect(world.database.db.select().from(meetings).all()).toEqual(before);
    const fresh = await step(world, meeting.id, 'in_progress', world.agents.chair, shown + 1);
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(MeetingSummary.parse(fresh.json())).toMatchObject({ status: 'in_progress', location: 'Room 2', version: shown + 2 });
  });

  it('is taken once when two people take it at once from the same version', async () => {
    const world = await referralWorld();
    const meeting = await publishedMeeting(world, '2026-11-23');
    const version = meetingVersion(world, meeting.id);
    const answers = await Promise.all([step(world, meeting.id, 'in_progress', world.agents.chair, version), step(world, meeting.id, 'in_progress', world.agents.coordinator, version)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(meetingVersion(world, meeting.id)).toBe(version + 1);
  });
});
