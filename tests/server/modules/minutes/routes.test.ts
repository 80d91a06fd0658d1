import { Agenda, MeetingSummary, Minutes } from '@marac/shared';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { actions, meetings, outbox } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral } from '../referrals/factories';

// The test clock reads Monday 23 November 2026 in London.

/** A meeting today with two cases; housing is named unsafe for the second. Research, attendance and a record made. */
async function recordedMeeting() {
  const world = await referralWorld();
  world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac@homes.test.invalid', world.housing.id);
  const first = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
  const second = await submitReferral(
    world.agents.rep,
    referralSubmission(world.area.id, {
      victim: { givenName: 'Bea', familyName: 'Second', datesOfBirth: ['1984-04-04'], gender: 'female', address: null },
      householdMembers: [],
      unsafeContacts: [{ name: 'Hal Housing', relationship: 'Cousin of the perpetrator', email: null, agencyId: world.housing.id, reason: 'Related' }],
    }),
  );
  for (const r of [first, second]) expect((await decide(world.agents.coordinator, r.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const meeting = MeetingSummary.parse(
    (
      await world.agents.coordinator.request({
        method: 'POST',
        url: '/api/meetings',
        payload: { areaId: world.area.id, kind: 'emergency', date: '2026-11-23', startTime: '15:00', location: 'Civic Centre', referralCutoff: '2026-11-23' },
      })
    ).json(),
  );
  const agenda = Agenda.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate` })).json().agenda);
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish` });
  const firstItem = agenda.items.find((i) => i.referrals.some((r) => r.id === first.id))!;
  const secondItem = agenda.items.find((i) => i.referrals.some((r) => r.id === second.id))!;
  const research = (agent: typeof world.agents.rep, caseId: string, facts: string) =>
    agent.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/research/${caseId}`, payload: { knownToAgency: true, facts, opinion: 'Opinion words', researchedBy: 'Researcher', submit: true } });
  expect((await research(world.agents.housingRep, firstItem.caseId, 'Housing facts for the first case')).statusCode).toBe(200);
  expect((await research(world.agents.rep, secondItem.caseId, 'Police facts for the second case')).statusCode).toBe(200);
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/attendance`, payload: { kind: 'attendee', userId: world.users.chair.id } });
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/attendance`, payload: { kind: 'apology', userId: world.users.housingRep.id, informationSent: true } });
  expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress' } })).statusCode).toBe(200);
  await world.agents.chair.request({
    method: 'PUT',
    url: `/api/meetings/${meeting.id}/cases/${firstItem.id}/record`,
    payload: { revision: 0, riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: 'Sister nearby' }, outcome: 'Safety plan agreed' },
  });
  await world.agents.chair.request({
    method: 'POST',
    url: `/api/meetings/${meeting.id}/cases/${firstItem.id}/actions`,
    payload: { agencyId: world.housing.id, description: 'Fit extra locks', category: 'housing', dueDate: '2026-12-01' },
  });
  return { ...world, meeting, firstItem, secondItem };
}

const url = (meetingId: string, rest = '') => `/api/meetings/${meetingId}/minutes${rest}`;

describe('minutes', () => {
  it('are generated from what was recorded, edited, signed off and distributed to each agency for its own cases', async () => {
    const world = await recordedMeeting();
    // Two actions from an earlier meeting of the area, one for each agency, come back for review.
    const { db } = world.database;
    const earlier = { ...db.select().from(meetings).all().find((m) => m.id === world.meeting.id)!, id: crypto.randomUUID(), date: '2026-11-02', status: 'closed' as const };
    db.insert(meetings).values(earlier).run();
    for (const [agencyId, description] of [
      [world.police.id, 'Police review of bail conditions'],
      [world.housing.id, 'Housing transfer application'],
    ] as const) {
      db.insert(actions)
        .values({ id: crypto.randomUUID(), caseId: world.firstItem.caseId, meetingId: earlier.id, agencyId, description, category: 'other', dueDate: '2026-11-20', status: 'open', createdBy: world.users.chair.id, createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z' })
        .run();
    }
    const generated = await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate') });
    expect(generated.statusCode, generated.body).toBe(200);
    const draft = Minutes.parse(generated.json());
    expect(draft.status).toBe('draft');
    expect(draft.content).toMatchObject({ areaName: 'Testshire', date: '2026-11-23', location: 'Civic Centre' });
    expect(draft.content.attendance.map((a) => [a.name, a.kind, a.informationSent])).toEqual([
      ['Hal Housing', 'apology', true],
      ['Chad Chair', 'attendee', false],
    ]);
    const first = draft.content.cases.find((c) => c.itemId === world.firstItem.id)!;
    expect(first.shared).toEqual([{ agencyName: 'Testshire Homes', knownToAgency: true, facts: 'Housing facts for the first case', opinion: 'Opinion words', risksIdentified: null, protectiveFactors: null }]);
    expect(first).toMatchObject({ outcome: 'Safety plan agreed', riskAnalysis: { harms: 'Threats to kill' } });
    expect(first.actions).toEqual([{ agencyName: 'Testshire Homes', ownerName: null, description: 'Fit extra locks', linkedRisk: null, category: 'housing', dueDate: '2026-12-01' }]);

    // The coordinator's words survive a regeneration.
    const edit = await world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { notes: 'Quorate.', cases: [{ itemId: world.firstItem.id, summary: 'Discussed at length.' }] } });
    expect(edit.statusCode).toBe(200);
    const again = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate') })).json());
    expect(again.content.notes).toBe('Quorate.');
    expect(again.content.cases.find((c) => c.itemId === world.firstItem.id)?.summary).toBe('Discussed at length.');

    // Nobody outside the area's staff reads them before distribution; only the chair signs off.
    expect((await world.agents.rep.request({ method: 'GET', url: url(world.meeting.id) })).statusCode).toBe(404);
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/sign-off') })).statusCode).toBe(403);
    const signed = Minutes.parse((await world.agents.chair.request({ method: 'POST', url: url(world.meeting.id, '/sign-off') })).json());
    expect(signed).toMatchObject({ status: 'signed_off', signedOffByName: 'Chad Chair' });
    expect(world.database.db.select().from(meetings).all().find((m) => m.id === world.meeting.id)?.status).toBe('minuted');
    expect((await world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { notes: 'Too late' } })).statusCode).toBe(409);

    const distributed = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/distribute') })).json());
    expect(distributed.status).toBe('distributed');
    const notice = world.database.db.select().from(outbox).all().find((n) => n.subject.startsWith('MARAC minutes'));
    expect(notice).toMatchObject({ recipient: 'marac@homes.test.invalid' });
    expect(notice?.body).toContain('1 case for your agency');
    expect(notice?.body).not.toMatch(/Alice|Bea|Ashdown|Second/);

    // Housing was named unsafe for the second case: its minutes hold the first only.
    const housing = Minutes.parse((await world.agents.housingRep.request({ method: 'GET', url: url(world.meeting.id) })).json());
    expect(housing.content.cases.map((c) => c.itemId)).toEqual([world.firstItem.id]);
    expect(JSON.stringify(housing)).not.toContain('Police facts for the second case');
    const police = Minutes.parse((await world.agents.rep.request({ method: 'GET', url: url(world.meeting.id) })).json());
    expect(police.content.cases.map((c) => c.itemId).sort()).toEqual([world.firstItem.id, world.secondItem.id].sort());
    // Each agency reads the review of its own earlier actions only; the coordinator reads both.
    expect(distributed.content.reviews.map((r) => r.description).sort()).toEqual(['Housing transfer application', 'Police review of bail conditions']);
    expect(police.content.reviews.map((r) => r.description)).toEqual(['Police review of bail conditions']);
    expect(housing.content.reviews.map((r) => r.description)).toEqual(['Housing transfer application']);

    // The PDF each agency downloads holds its own cases and names it.
    const pdf = await world.agents.housingRep.request({ method: 'GET', url: url(world.meeting.id, '/pdf') });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(pdf.rawPayload) }).getText()).text;
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('for Hal Housing, Testshire Homes');
    expect(text).toContain('Housing facts for the first case');
    expect(text).toContain('Minutes due by');
    expect(text).not.toContain('Police facts for the second case');
  });

  it('are not written before the meeting starts, nor distributed before sign-off', async () => {
    const world = await referralWorld();
    const meeting = MeetingSummary.parse(
      (await world.agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30' } })).json(),
    );
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(meeting.id, '/generate') })).statusCode).toBe(409);
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(meeting.id, '/distribute') })).statusCode).toBe(409);
  });
});
