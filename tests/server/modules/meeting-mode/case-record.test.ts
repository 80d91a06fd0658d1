import { Agenda, CaseRecord, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { actionUpdates, actions, agendaItems } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026 in London.

/** A meeting today with one case, its agenda published; started unless asked otherwise. */
async function meetingUnderWay(start = true) {
  const world = await referralWorld();
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
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
  if (start) expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  return { ...world, meeting, itemId: agenda.items[0]?.id as string };
}

const recordUrl = (world: { meeting: MeetingSummary; itemId: string }) => `/api/meetings/${world.meeting.id}/cases/${world.itemId}/record`;
const analysis = { harms: 'Threats to kill; strangulation last month', contributingFactors: 'Separation in October', protectiveFactors: 'Supportive sister nearby' };

describe('recording a case at the meeting', () => {
  it('saves the risk analysis and outcome, and refuses a save over someone else’s newer one', async () => {
    const world = await meetingUnderWay();
    const opened = CaseRecord.parse((await world.agents.chair.request({ method: 'GET', url: recordUrl(world) })).json());
    expect(opened).toMatchObject({ revision: 0, riskAnalysis: null, outcome: null, actions: [] });

    // The chair and the coordinator both have revision 0 open; the chair saves first.
    const chair = await world.agents.chair.request({ method: 'PUT', url: recordUrl(world), payload: { revision: 0, riskAnalysis: analysis, outcome: 'Safety plan agreed' } });
    expect(chair.statusCode, chair.body).toBe(200);
    expect(CaseRecord.parse(chair.json())).toMatchObject({ revision: 1, outcome: 'Safety plan agreed', riskAnalysis: analysis });
    const coordinator = await world.agents.coordinator.request({
      method: 'PUT',
      url: recordUrl(world),
      payload: { revision: 0, riskAnalysis: { harms: 'Other words' }, outcome: 'Other outcome' },
    });
    expect(coordinator.statusCode).toBe(409);
    expect(coordinator.json().fields).toEqual([{ field: 'revision', message: 'Saved by someone else meanwhile' }]);
    const item = world.database.db.select().from(agendaItems).all().find((i) => i.id === world.itemId);
    expect(item).toMatchObject({ revision: 1, outcome: 'Safety plan agreed' });
  });

  it('records actions with an owning agency and a due date not in the past', async () => {
    const world = await meetingUnderWay();
    const url = `/api/meetings/${world.meeting.id}/cases/${world.itemId}/actions`;
    const added = await world.agents.coordinator.request({
      method: 'POST',
      url,
      payload: { agencyId: world.housing.id, ownerName: 'H. Officer', description: 'Fit target-hardening to the property', linkedRisk: 'Perpetrator knows the address', category: 'housing', dueDate: '2026-12-04' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const record = CaseRecord.parse(added.json());
    expect(record.actions).toMatchObject([{ agencyId: world.housing.id, status: 'open', dueDate: '2026-12-04', category: 'housing', meetingId: world.meeting.id }]);
    expect(world.database.db.select().from(actionUpdates).all()).toMatchObject([{ status: 'open', note: 'Agreed at the meeting' }]);

    const before = world.database.db.select().from(actions).all();
    const noOwner = await world.agents.coordinator.request({ method: 'POST', url, payload: { description: 'Something', dueDate: '2026-12-04' } });
    expect(noOwner.json().fields).toEqual([{ field: 'agencyId', message: 'Choose the agency that owns the action' }]);
    const noDate = await world.agents.coordinator.request({ method: 'POST', url, payload: { agencyId: world.police.id, description: 'Something' } });
    expect(noDate.json().fields).toEqual([{ field: 'dueDate', message: 'Enter the date the action is due' }]);
    const past = await world.agents.coordinator.request({ method: 'POST', url, payload: { agencyId: world.police.id, description: 'Something', dueDate: '2026-11-20' } });
    expect(past.json().fields).toEqual([{ field: 'dueDate', message: 'The due date must be today or later' }]);
    expect(world.database.db.select().from(actions).all()).toEqual(before);
  });

  it('is only for a meeting under way, and only for its chair and coordinator', async () => {
    const world = await meetingUnderWay(false);
    const early = await world.agents.chair.request({ method: 'PUT', url: recordUrl(world), payload: { revision: 0, riskAnalysis: analysis, outcome: null } });
    expect(early.statusCode).toBe(409);
    expect((await world.agents.rep.request({ method: 'GET', url: recordUrl(world) })).statusCode).toBe(403);
    expect((await world.agents.otherChair.request({ method: 'GET', url: recordUrl(world) })).statusCode).toBe(404);
  });
});
