import { ChaseResult, MeetingSummary, ResearchGrid, ResearchHistory, ResearchTask, ResearchTaskList } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { outbox, research } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion, researchVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026 in London.

/** A published agenda of one case, for a meeting today (so it can be started) or later. */
async function publishedWorld(date = '2026-12-08') {
  const world = await referralWorld();
  world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac@homes.test.invalid', world.housing.id);
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: date === '2026-11-23' ? 'emergency' : 'one_off', date, startTime: '15:00', referralCutoff: '2026-11-23' },
  });
  const meeting = MeetingSummary.parse(created.json());
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } });
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  const caseId = (world.database.sqlite.prepare('SELECT case_id FROM referrals WHERE id = ?').get(referral.id) as { case_id: string }).case_id;
  return { ...world, meeting, caseId };
}

/** Housing's save, from the task as it now stands unless the body names the version it started from. */
const save = (world: World, meetingId: string, caseId: string, body: Record<string, unknown>) =>
  world.agents.housingRep.request({ method: 'PUT', url: `/api/meetings/${meetingId}/research/${caseId}`, payload: { version: researchVersion(world, meetingId, caseId, world.housing.id), ...body } });

const complete = { knownToAgency: true, facts: 'Tenancy in the victim’s name since 2021; two reports of noise.', opinion: 'Officer believes the victim is isolated.', researchedBy: 'H. Officer' };

describe('research by each agency', () => {
  it('lists only the agency’s own tasks, keeps drafts, and submits with facts and opinion apart', async () => {
    const world = await publishedWorld();
    const mine = ResearchTaskList.parse((await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research` })).json());
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId: world.caseId, status: 'not_started', editable: true, position: 1, agencyId: world.housing.id });

    const draft = await save(world, world.meeting.id, world.caseId, { facts: 'Started checking records' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(ResearchTask.parse(draft.json())).toMatchObject({ status: 'draft', facts: 'Started checking records', submittedAt: null, version: 1 });

    const submitted = ResearchTask.parse((await save(world, world.meeting.id, world.caseId, { ...complete, submit: true })).json());
    expect(submitted).toMatchObject({ status: 'submitted', facts: complete.facts, opinion: complete.opinion, submittedAt: '2026-11-23T10:00:00.000Z', version: 2 });

    const history = ResearchHistory.parse((await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research/${world.caseId}/history` })).json());
    expect(history.map((h) => [h.status, h.content.facts, h.savedByName])).toEqual([
      ['draft', 'Started checking records', 'Hal Housing'],
      ['submitted', complete.facts, 'Hal Housing'],
    ]);
    // The police see their own task, never the housing service's words.
    const police = await world.agents.rep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research` });
    expect(police.body).not.toContain('Tenancy');
    expect(ResearchTaskList.parse(police.json()).every((t) => t.agencyId === world.police.id)).toBe(true);
  });

  it('records "not known to us" as its own outcome', async () => {
    const world = await publishedWorld();
    const response = await save(world, world.meeting.id, world.caseId, { knownToAgency: false, researchedBy: 'H. Officer', submit: true });
    expect(ResearchTask.parse(response.json()).status).toBe('not_known');
  });

  it('refuses an incomplete submission field by field and keeps the earlier draft', async () => {
    const world = await publishedWorld();
    await save(world, world.meeting.id, world.caseId, { facts: 'Draft words' });
    const before = world.database.db.select().from(research).all();
    const response = await save(world, world.meeting.id, world.caseId, { knownToAgency: true, withheld: 'Details of a live investigation', submit: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      { field: 'withheldReason', message: 'Say why this is held back' },
      { field: 'facts', message: 'Enter the facts your agency will share' },
      { field: 'researchedBy', message: 'Enter who in your agency did the research' },
    ]);
    expect(world.database.db.select().from(research).all()).toEqual(before);
  });

  it('refuses research once the meeting has started', async () => {
    const world = await publishedWorld('2026-11-23');
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, world.meeting.id) } })).statusCode).toBe(200);
    const late = await save(world, world.meeting.id, world.caseId, { ...complete, submit: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/meeting has started/);
    expect(ResearchTaskList.parse((await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research` })).json())[0]?.editable).toBe(false);
  });

  it('gives coordinators a completeness grid and a chase that names nobody', async () => {
    const world = await publishedWorld();
    await save(world, world.meeting.id, world.caseId, { ...complete, submit: true });
    const grid = ResearchGrid.parse((await world.agents.chair.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research-grid` })).json());
    expect(grid.agencies.map((a) => a.name)).toEqual(['Testshire Homes', 'Testshire Police']);
    expect(grid.cases).toEqual([{ caseId: world.caseId, caseReference: expect.stringMatching(/^TST-/), position: 1, statuses: { [world.housing.id]: 'submitted', [world.police.id]: 'not_started' } }]);
    expect(grid.outstanding).toBe(1);
    expect(JSON.stringify(grid)).not.toContain('Tenancy');

    // Police have no mailbox in this world and housing has submitted: nobody to chase by e-mail yet.
    world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac@police.test.invalid', world.police.id);
    const chase = ChaseResult.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/research/chase` })).json());
    expect(chase).toEqual({ agenciesChased: 1, tasksOutstanding: 1 });
    const again = ChaseResult.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/research/chase` })).json());
    expect(again.agenciesChased).toBe(0);
    const notice = world.database.db.select().from(outbox).all().find((n) => n.subject.startsWith('MARAC research outstanding'));
    expect(notice?.recipient).toBe('marac@police.test.invalid');
    expect(notice?.body).toContain('1 research task for the Testshire MARAC on 8 December 2026 not yet submitted');
    expect((await world.agents.rep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research-grid` })).statusCode).toBe(403);
  });
});

describe('research saved by two people of one agency', () => {
  const taskOf = (world: Awaited<ReturnType<typeof publishedWorld>>) =>
    world.database.db.select().from(research).all().find((t) => t.caseId === world.caseId && t.agencyId === world.housing.id);

  it('refuses a save from a version a colleague has saved over since, changing nothing, and takes one from the newer version', async () => {
    const world = await publishedWorld();
    const opened = ResearchTaskList.parse((await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/research` })).json())[0];
    expect(opened?.version).toBe(0);
    const colleague = await save(world, world.meeting.id, world.caseId, { ...complete, submit: true, version: 0 });
    expect(colleague.statusCode, colleague.body).toBe(200);
    const before = { task: taskOf(world), revisions: world.database.sqlite.prepare('select count(*) as n from research_revisions').get() };

    const stale = await save(world, world.meeting.id, world.caseId, { version: 0, facts: 'Only a draft' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }] });
    expect(stale.json().message).toMatch(/^Someone else changed your agency’s research for this case since you opened it: their version is shown/);
    expect({ task: taskOf(world), revisions: world.database.sqlite.prepare('select count(*) as n from research_revisions').get() }).toEqual(before);

    const fresh = await save(world, world.meeting.id, world.caseId, { ...complete, facts: 'Both sets of facts', submit: true, version: 1 });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(ResearchTask.parse(fresh.json())).toMatchObject({ facts: 'Both sets of facts', version: 2 });
  });

  it('lets exactly one of two saves sent at once from the same version win', async () => {
    const world = await publishedWorld();
    const answers = await Promise.all(['First words', 'Second words'].map((facts) => save(world, world.meeting.id, world.caseId, { version: 0, facts })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = ResearchTask.parse(answers.find((a) => a.statusCode === 200)?.json());
    expect(taskOf(world)).toMatchObject({ version: 1, facts: winner.facts });
  });
});
