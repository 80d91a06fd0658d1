import { MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { agendaItems, cases, meetings } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';

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
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate` });
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish` })).statusCode).toBe(200);
  return meeting;
}

const step = (world: World, meetingId: string, status: string, agent = world.agents.chair) =>
  agent.request({ method: 'POST', url: `/api/meetings/${meetingId}/status`, payload: { status } });

describe('a meeting’s steps after publication', () => {
  it('starts on its day, is minuted with its cases heard and the hearing recorded, then closes', async () => {
    const world = await referralWorld();
    const meeting = await publishedMeeting(world, '2026-11-23');
    const started = await step(world, meeting.id, 'in_progress');
    expect(started.statusCode, started.body).toBe(200);
    expect(MeetingSummary.parse(started.json()).status).toBe('in_progress');
    // Once started, the agenda is fixed.
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate` })).statusCode).toBe(409);

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
