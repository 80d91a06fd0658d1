import { Agenda, MeetingSummary, Minutes } from '@marac/shared';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { actions, meetings, minutes, outbox } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral } from '../referrals/factories';
import { meetingVersion, researchVersion } from '../meetings/versions';

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
  const agenda = Agenda.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).json().agenda);
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } });
  const firstItem = agenda.items.find((i) => i.referrals.some((r) => r.id === first.id))!;
  const secondItem = agenda.items.find((i) => i.referrals.some((r) => r.id === second.id))!;
  const research = (agent: typeof world.agents.rep, agencyId: string, caseId: string, facts: string) =>
    agent.request({
      method: 'PUT',
      url: `/api/meetings/${meeting.id}/research/${caseId}`,
      payload: { version: researchVersion(world, meeting.id, caseId, agencyId), knownToAgency: true, facts, opinion: 'Opinion words', researchedBy: 'Researcher', submit: true },
    });
  expect((await research(world.agents.housingRep, world.housing.id, firstItem.caseId, 'Housing facts for the first case')).statusCode).toBe(200);
  expect((await research(world.agents.rep, world.police.id, secondItem.caseId, 'Police facts for the second case')).statusCode).toBe(200);
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/attendance`, payload: { kind: 'attendee', userId: world.users.chair.id } });
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/attendance`, payload: { kind: 'apology', userId: world.users.housingRep.id, informationSent: true } });
  expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
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
    const generated = await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate'), payload: { version: 0 } });
    expect(generated.statusCode, generated.body).toBe(200);
    const draft = Minutes.parse(generated.json());
    expect(draft).toMatchObject({ status: 'draft', version: 0 });
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
    const edit = await world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { version: draft.version, notes: 'Quorate.', cases: [{ itemId: world.firstItem.id, summary: 'Discussed at length.' }] } });
    expect(edit.statusCode).toBe(200);
    const edited = Minutes.parse(edit.json());
    expect(edited.version).toBe(1);
    const again = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate'), payload: { version: edited.version } })).json());
    expect(again.content.notes).toBe('Quorate.');
    expect(again.content.cases.find((c) => c.itemId === world.firstItem.id)?.summary).toBe('Discussed at length.');

    // Nobody outside the area's staff reads them before distribution; only the chair signs off.
    expect((await world.agents.rep.request({ method: 'GET', url: url(world.meeting.id) })).statusCode).toBe(404);
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/sign-off'), payload: { version: again.version } })).statusCode).toBe(403);
    const signed = Minutes.parse((await world.agents.chair.request({ method: 'POST', url: url(world.meeting.id, '/sign-off'), payload: { version: again.version } })).json());
    expect(signed).toMatchObject({ status: 'signed_off', signedOffByName: 'Chad Chair' });
    expect(world.database.db.select().from(meetings).all().find((m) => m.id === world.meeting.id)?.status).toBe('minuted');
    expect((await world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { version: signed.version, notes: 'Too late' } })).statusCode).toBe(409);

    const distributed = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/distribute'), payload: { version: signed.version } })).json());
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
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(meeting.id, '/generate'), payload: { version: 0 } })).statusCode).toBe(409);
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(meeting.id, '/distribute'), payload: { version: 0 } })).statusCode).toBe(409);
  });
});

describe('minutes changed by two people', () => {
  const rowOf = (world: Awaited<ReturnType<typeof recordedMeeting>>) => world.database.db.select().from(minutes).all().find((m) => m.meetingId === world.meeting.id);

  it('refuse an edit, a generation, a sign-off or a distribution from a version someone else has changed since, changing nothing', async () => {
    const world = await recordedMeeting();
    const draft = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate'), payload: { version: 0 } })).json());
    const theirs = await world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { version: draft.version, notes: 'Quorate.', cases: [] } });
    expect(theirs.statusCode, theirs.body).toBe(200);
    const before = rowOf(world);

    // Everything sent from the draft as first generated is now behind.
    for (const [method, rest, agent, body] of [
      ['PUT', '', world.agents.coordinator, { notes: 'Not quorate.', cases: [] }],
      ['POST', '/generate', world.agents.coordinator, {}],
      ['POST', '/sign-off', world.agents.chair, {}],
    ] as const) {
      const stale = await agent.request({ method, url: url(world.meeting.id, rest), payload: { version: draft.version, ...body } });
      expect(stale.statusCode, `${method} ${rest}: ${stale.body}`).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'conflict',
        message: 'Someone else changed these minutes since you opened it: their version is shown; check it, then make your change again',
        fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }],
      });
      expect(rowOf(world)).toEqual(before);
    }
    expect(world.database.db.select().from(meetings).all().find((m) => m.id === world.meeting.id)?.status).toBe('in_progress');

    // From the version they were shown, the chair signs off; a distribution from before that is refused.
    const signed = await world.agents.chair.request({ method: 'POST', url: url(world.meeting.id, '/sign-off'), payload: { version: Minutes.parse(theirs.json()).version } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(Minutes.parse(signed.json())).toMatchObject({ status: 'signed_off', version: 2, content: { notes: 'Quorate.' } });
    const late = await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/distribute'), payload: { version: 1 } });
    expect(late.statusCode).toBe(409);
    expect(rowOf(world)?.status).toBe('signed_off');
    expect((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/distribute'), payload: { version: 2 } })).statusCode).toBe(200);
  });

  it('let exactly one of two edits sent at once from the same version win', async () => {
    const world = await recordedMeeting();
    const draft = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: url(world.meeting.id, '/generate'), payload: { version: 0 } })).json());
    const edit = (notes: string) => world.agents.coordinator.request({ method: 'PUT', url: url(world.meeting.id), payload: { version: draft.version, notes, cases: [] } });
    const answers = await Promise.all([edit('First words.'), edit('Second words.')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200);
    expect(rowOf(world)).toMatchObject({ version: 1, content: { notes: Minutes.parse(winner?.json()).content.notes } });
  });
});
