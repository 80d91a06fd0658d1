import { Agenda, CONFIDENTIALITY_STATEMENT_VERSION, MeetingCaseView, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { decide, referralSubmission, referralWorld, submitReferral } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026 in London.

async function publishedToday() {
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
  const item = agenda.items[0]!;
  // Housing submits; the police only have a draft.
  await world.agents.housingRep.request({
    method: 'PUT',
    url: `/api/meetings/${meeting.id}/research/${item.caseId}`,
    payload: { version: 0, knownToAgency: true, facts: 'Housing holds a tenancy record', opinion: 'Housing officer is worried', researchedBy: 'H. Officer', submit: true },
  });
  await world.agents.rep.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/research/${item.caseId}`, payload: { version: 0, facts: 'Police draft, not ready' } });
  for (const user of [world.users.chair, world.users.rep]) {
    await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/attendance`, payload: { kind: 'attendee', userId: user.id } });
  }
  for (const agent of [world.agents.chair, world.agents.rep]) {
    await agent.request({ method: 'POST', url: `/api/meetings/${meeting.id}/confidentiality`, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } });
  }
  return { ...world, meeting, item, caseUrl: `/api/meetings/${meeting.id}/cases/${item.id}` };
}

describe('a case at the meeting', () => {
  it('shows other agencies’ research only once the meeting is under way and the chair has opened the case', async () => {
    const world = await publishedToday();
    // Before the meeting starts the police see only their own research (through the research API).
    expect((await world.agents.rep.request({ method: 'GET', url: world.caseUrl })).statusCode).toBe(409);
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, world.meeting.id) } })).statusCode).toBe(200);
    const notOpened = await world.agents.rep.request({ method: 'GET', url: world.caseUrl });
    expect(notOpened.statusCode).toBe(409);
    expect(notOpened.json().message).toBe('The chair has not opened this case yet');

    expect((await world.agents.chair.request({ method: 'POST', url: `${world.caseUrl}/open` })).statusCode).toBe(204);
    const view = MeetingCaseView.parse((await world.agents.rep.request({ method: 'GET', url: world.caseUrl })).json());
    expect(view).toMatchObject({ itemId: world.item.id, victimName: 'Alice Ashdown', referrals: [{ referringAgencyName: 'Testshire Police', dashScore: 15 }] });
    expect(view.shared.find((s) => s.agencyName === 'Testshire Homes')).toMatchObject({ status: 'submitted', facts: 'Housing holds a tenancy record', opinion: 'Housing officer is worried' });
    // A draft is not shared.
    expect(view.shared.find((s) => s.agencyName === 'Testshire Police')).toMatchObject({ status: 'draft', facts: null });
    expect(view.flags.map((f) => f.kind)).toContain('children_in_household');
  });

  it('shows nothing to someone who has not signed the statement, nor a case their agency is not invited for', async () => {
    const world = await publishedToday();
    await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, world.meeting.id) } });
    await world.agents.chair.request({ method: 'POST', url: `${world.caseUrl}/open` });
    // Housing is invited but its representative has not signed.
    expect((await world.agents.housingRep.request({ method: 'GET', url: world.caseUrl })).statusCode).toBe(403);
    expect((await world.agents.otherChair.request({ method: 'GET', url: world.caseUrl })).statusCode).toBe(404);
    // The chair, having signed, sees the case.
    expect((await world.agents.chair.request({ method: 'GET', url: world.caseUrl })).statusCode).toBe(200);
  });
});
