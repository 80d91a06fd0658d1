import { Agenda, MeetingSummary } from '@marac/shared';
import { startWithAttendees } from '../cases/world';
import { afterEach, describe, expect, it } from 'vitest';
import { decide, referralSubmission, referralWorld, submitReferral } from '../referrals/factories';
import { follow } from './sse-client';
import { meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026 in London.

const streams: { close(): void }[] = [];
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});

/** A meeting under way today with two cases; the police are invited to both, housing to the first only. */
async function liveWorld() {
  const world = await referralWorld();
  const first = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
  const second = await submitReferral(
    world.agents.rep,
    referralSubmission(world.area.id, {
      victim: { givenName: 'Bea', familyName: 'Second', datesOfBirth: ['1984-04-04'], gender: 'female', address: null },
      householdMembers: [],
      // Housing must not receive this case.
      unsafeContacts: [{ name: 'Hal Housing', relationship: 'Cousin of the perpetrator', email: null, agencyId: world.housing.id, reason: 'Related' }],
    }),
  );
  for (const r of [first, second]) expect((await decide(world.agents.coordinator, r.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const meeting = MeetingSummary.parse(
    (
      await world.agents.coordinator.request({
        method: 'POST',
        url: '/api/meetings',
        payload: { areaId: world.area.id, kind: 'emergency', date: '2026-11-23', startTime: '15:00', referralCutoff: '2026-11-23' },
      })
    ).json(),
  );
  const agenda = Agenda.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).json().agenda);
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } });
  await startWithAttendees(world, meeting.id);
  const base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  const itemOf = (referralId: string) => agenda.items.find((i) => i.referrals.some((r) => r.id === referralId))!;
  return { ...world, meeting, base, firstItem: itemOf(first.id), secondItem: itemOf(second.id) };
}

describe('following the meeting live', () => {
  it('tells another attendee’s screen what the chair records as it happens, by ids alone', async () => {
    const world = await liveWorld();
    const police = await follow(world.base, world.agents.rep, world.meeting.id);
    streams.push(police);
    expect(police.status).toBe(200);
    expect(police.contentType).toMatch(/^text\/event-stream/);
    await police.until((r) => r.some((e) => e.event === 'meeting_status'));

    const saved = await world.agents.chair.request({
      method: 'PUT',
      url: `/api/meetings/${world.meeting.id}/cases/${world.firstItem.id}/record`,
      payload: { revision: 0, riskAnalysis: { harms: 'Threats to kill' }, outcome: 'Safety plan agreed' },
    });
    expect(saved.statusCode).toBe(200);
    await police.until((r) => r.some((e) => e.event === 'case_recorded'));
    const recorded = police.received.find((e) => e.event === 'case_recorded');
    // Ids only: the screen reads the case again through the audited read; no content crosses the stream.
    expect(recorded?.data).toEqual({ caseId: world.firstItem.caseId, itemId: world.firstItem.id, revision: 1, at: expect.any(String) });

    await world.agents.chair.request({
      method: 'POST',
      url: `/api/meetings/${world.meeting.id}/cases/${world.firstItem.id}/actions`,
      payload: { agencyId: world.police.id, description: 'Flag the address for urgent response', dueDate: '2026-11-25' },
    });
    await police.until((r) => r.some((e) => e.event === 'action_added'));
    expect(Object.keys(police.received.find((e) => e.event === 'action_added')?.data ?? {}).sort()).toEqual(['actionId', 'at', 'caseId', 'itemId']);
  });

  it('sends each attendee only the cases their agency is invited for', async () => {
    const world = await liveWorld();
    const housing = await follow(world.base, world.agents.housingRep, world.meeting.id);
    const police = await follow(world.base, world.agents.rep, world.meeting.id);
    streams.push(housing, police);
    for (const item of [world.secondItem, world.firstItem]) {
      expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/cases/${item.id}/open` })).statusCode).toBe(204);
    }
    await police.until((r) => r.filter((e) => e.event === 'case_opened').length === 2);
    await housing.until((r) => r.some((e) => e.event === 'case_opened'));
    // Housing is named unsafe for the second case: it only ever hears of the first.
    expect(housing.received.filter((e) => e.event === 'case_opened').map((e) => e.data['itemId'])).toEqual([world.firstItem.id]);
  });

  it('lets a screen that reconnects catch up from the last event it saw', async () => {
    const world = await liveWorld();
    const first = await follow(world.base, world.agents.rep, world.meeting.id);
    await first.until((r) => r.length > 0);
    const lastSeen = first.received.at(-1)!.id;
    first.close();
    // While the screen is away, the chair opens a case and records it.
    await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/cases/${world.firstItem.id}/open` });
    await world.agents.chair.request({
      method: 'PUT',
      url: `/api/meetings/${world.meeting.id}/cases/${world.firstItem.id}/record`,
      payload: { revision: 0, riskAnalysis: { harms: 'Stalking' }, outcome: null },
    });
    const again = await follow(world.base, world.agents.rep, world.meeting.id, lastSeen);
    streams.push(again);
    await again.until((r) => r.some((e) => e.event === 'case_recorded'));
    expect(again.received.map((e) => e.event)).toEqual(['case_opened', 'case_recorded']);
    expect(again.received.every((e) => e.id > lastSeen)).toBe(true);
  });

  it('shows nothing to someone who has not signed the confidentiality statement', async () => {
    const world = await liveWorld();
    const unsigned = await follow(world.base, world.agents.coordinator, world.meeting.id);
    expect(unsigned.status).toBe(403);
    expect(unsigned.received).toEqual([]);
  });
});
