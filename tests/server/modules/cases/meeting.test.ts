import { describe, expect, it } from 'vitest';
import { ActionList, CONFIDENTIALITY_STATEMENT_VERSION, MeetingCaseView, Minutes, NotificationPage, ResearchGrid } from '@marac/shared';
import { actionWorld, daysLater, meetingOn, reassign, TODAY, update } from '../actions/world';
import { referralSubmission, submitReferral } from '../referrals/factories';
import { decided, get, housingUnsafe, policyWorld, publishedCase, startWithAttendees } from './world';
import { minutesVersion, researchVersion } from '../meetings/versions';

describe('actions on a case follow its bars', () => {
  it('refuses an action for an agency the case bars, hides the actions it owned, and asks the coordinator to reassign them', async () => {
    const world = await actionWorld();
    const { agents } = world;
    const owned = await world.first.agree(world.housing.id, 'Fit extra locks', '2026-12-01');
    expect((await get(agents.housingRep, `/api/actions/${owned}`)).statusCode).toBe(200);

    // A duplicate referral naming housing is merged into the case.
    const duplicate = await submitReferral(agents.rep, referralSubmission(world.area.id, { referralDate: TODAY, unsafeContacts: housingUnsafe(world) }));
    const merged = await decided(agents.coordinator, duplicate.id, { decision: 'merge', intoReferralId: world.first.referralId });
    expect(merged.barEffects[0]).toMatchObject({ agencyName: 'Testshire Homes', openActions: 1 });
    const told = NotificationPage.parse((await get(agents.coordinator, '/api/notifications')).json()).items.find((n) => n.subject.startsWith('Testshire Homes'));
    expect(told?.body).toContain('It owns 1 open action on the case: reassign it to another agency.');

    // Housing no longer reads, lists or updates it.
    expect((await get(agents.housingRep, `/api/actions/${owned}`)).statusCode).toBe(404);
    expect(ActionList.parse((await get(agents.housingRep, '/api/actions')).json()).total).toBe(0);
    expect((await update(world, agents.housingRep, owned, { status: 'in_progress', note: 'Booked' })).statusCode).toBe(404);

    // No new action for housing on the case, and none reassigned to it.
    const refused = await agents.chair.request({ method: 'POST', url: `/api/meetings/${world.first.meeting.id}/cases/${world.first.itemId}/actions`, payload: { agencyId: world.housing.id, description: 'Move her', dueDate: '2026-12-01' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact: choose another' }]);
    const police = await agents.chair.request({ method: 'POST', url: `/api/meetings/${world.first.meeting.id}/cases/${world.first.itemId}/actions`, payload: { agencyId: world.police.id, description: 'Flag the address', dueDate: '2026-12-01' } });
    expect(police.statusCode).toBe(201);
    const policeAction = police.json().actions.at(-1).id as string;
    const backToHousing = await reassign(world, agents.coordinator, policeAction, { agencyId: world.housing.id, note: 'Housing can do it' });
    expect(backToHousing.statusCode).toBe(400);
    expect(backToHousing.json().fields).toEqual([{ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact: choose another' }]);
    // The coordinator moves housing's action to the police.
    expect((await reassign(world, agents.coordinator, owned, { agencyId: world.police.id, note: 'Housing is barred from the case' })).statusCode).toBe(200);
  });
});

/** A meeting under way today, the police and housing signed in to it; housing has submitted research holding something back. */
async function heldBackWorld() {
  const world = await policyWorld();
  const { caseId, meeting, item } = await publishedCase(world, { date: TODAY });
  const saved = await world.agents.housingRep.request({
    method: 'PUT',
    url: `/api/meetings/${meeting.id}/research/${caseId}`,
    payload: {
      version: researchVersion(world, meeting.id, caseId, world.housing.id),
      knownToAgency: true,
      facts: 'Tenancy in her name',
      withheld: 'A live investigation into the landlord',
      withheldReason: 'Police asked us not to share it yet',
      researchedBy: 'H. Officer',
      submit: true,
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await startWithAttendees(world, meeting.id);
  expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/cases/${item.id}/open` })).statusCode).toBe(204);
  return { ...world, caseId, meeting, item };
}

describe('what an agency holds but will not share', () => {
  it('is shown to the chair and coordinator, with its reason, and never to another agency, in a packet or in the minutes', async () => {
    const world = await heldBackWorld();
    const caseUrl = `/api/meetings/${world.meeting.id}/cases/${world.item.id}`;
    const chair = MeetingCaseView.parse((await get(world.agents.chair, caseUrl)).json());
    expect(chair.heldBack).toEqual([{ agencyName: 'Testshire Homes', withheld: 'A live investigation into the landlord', reason: 'Police asked us not to share it yet' }]);
    const grid = ResearchGrid.parse((await get(world.agents.coordinator, `/api/meetings/${world.meeting.id}/research-grid`)).json());
    expect(grid.heldBack).toEqual([{ caseId: world.caseId, caseReference: expect.any(String), agencyName: 'Testshire Homes', withheld: 'A live investigation into the landlord', reason: 'Police asked us not to share it yet' }]);

    const police = await get(world.agents.rep, caseUrl);
    expect(MeetingCaseView.parse(police.json()).heldBack).toBeNull();
    expect(police.body).not.toMatch(/live investigation|asked us not to share/);
    expect((await get(world.agents.rep, `/api/meetings/${world.meeting.id}/packets/${world.caseId}`)).body).not.toMatch(/live investigation/);

    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${world.meeting.id}/minutes/generate`, payload: { version: minutesVersion(world, world.meeting.id) } })).statusCode).toBe(200);
    const minutes = await get(world.agents.coordinator, `/api/meetings/${world.meeting.id}/minutes`);
    expect(minutes.body).not.toMatch(/live investigation|asked us not to share/);
  });
});

describe('minutes notes have a scope', () => {
  it('refuses meeting-wide notes that name a case, keeps case notes to those allowed the case, and never sends a barred agency its case', async () => {
    const world = await heldBackWorld();
    const url = `/api/meetings/${world.meeting.id}/minutes`;
    const generated = Minutes.parse((await world.agents.coordinator.request({ method: 'POST', url: `${url}/generate`, payload: { version: 0 } })).json());
    const entry = generated.content.cases[0];
    const before = generated.updatedAt;

    for (const notes of [`Discussed ${entry?.caseReference} at length`, 'alice ashdown was discussed']) {
      const refused = await world.agents.coordinator.request({ method: 'PUT', url, payload: { version: generated.version, notes, cases: [] } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([{ field: 'notes', message: `These notes are read by every agency, and they name case ${entry?.caseReference}: write what is about one case in that case’s summary` }]);
    }
    expect(Minutes.parse((await get(world.agents.coordinator, url)).json()).updatedAt).toBe(before);
    const saved = await world.agents.coordinator.request({
      method: 'PUT',
      url,
      payload: { version: generated.version, notes: 'Quorate. Next meeting in two weeks.', cases: [{ itemId: entry?.itemId, summary: 'Housing to rehouse urgently' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    // Housing is barred after the meeting: it is sent nothing of the case in the minutes.
    const recorded = await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${world.caseId}/bars`, payload: { name: 'Testshire Homes', agencyId: world.housing.id, email: null, reason: 'Officer related to the perpetrator' } });
    expect(recorded.statusCode).toBe(201);
    expect((await world.agents.chair.request({ method: 'POST', url: `${url}/sign-off`, payload: { version: minutesVersion(world, world.meeting.id) } })).statusCode).toBe(200);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `${url}/distribute`, payload: { version: minutesVersion(world, world.meeting.id) } })).statusCode).toBe(200);
    const housing = await get(world.agents.housingRep, url);
    expect(housing.statusCode).toBe(200);
    expect(Minutes.parse(housing.json()).content).toMatchObject({ cases: [], notes: 'Quorate. Next meeting in two weeks.' });
    expect(housing.body).not.toMatch(/rehouse|Alice/);
    const police = Minutes.parse((await get(world.agents.rep, url)).json());
    expect(police.content.cases.map((c) => c.summary)).toEqual(['Housing to rehouse urgently']);
    expect(world.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE recipient = 'marac@homes.test.invalid' AND dedupe_key LIKE 'minutes:%'").get()).toEqual({ n: 0 });
  });
});

describe('the case from one meeting to the next', () => {
  it('shows a meeting only the actions agreed before it, never one agreed later', async () => {
    const world = await actionWorld();
    await world.first.agree(world.police.id, 'First action', '2026-12-01');
    await world.first.minute();
    const victim = (await get(world.agents.coordinator, `/api/referrals/${world.first.referralId}`)).json().victim.personId as string;
    const agents = await daysLater(world, 7);
    const second = await meetingOn(world, agents, '2026-11-30', 'Ada', {}, victim);
    await second.agree(world.police.id, 'Second action', '2026-12-10');
    // The second meeting reads what the first agreed as earlier actions, and its own as its record.
    const chair = agents.chair;
    await agents.coordinator.request({ method: 'POST', url: `/api/meetings/${second.meeting.id}/attendance`, payload: { kind: 'attendee', userId: world.users.chair.id } });
    await chair.request({ method: 'POST', url: `/api/meetings/${second.meeting.id}/confidentiality`, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } });
    const view = MeetingCaseView.parse((await get(chair, `/api/meetings/${second.meeting.id}/cases/${second.itemId}`)).json());
    expect(view.earlierActions.map((a) => a.description)).toEqual(['First action']);
    expect(view.record.actions.map((a) => a.description)).toEqual(['Second action']);
  });
});
