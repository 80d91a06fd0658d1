import { Agenda, CreatedMeetingSeries, MeetingInvitationList, MeetingList, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { auditEvents, meetings, research } from '../../../../server/src/db/schema';
import { makeAgency, signProtocol } from '../../helper';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from './versions';

// The test clock reads Monday 23 November 2026 in London.

async function weeklyMondays(world: World) {
  const response = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meeting-series',
    payload: { areaId: world.area.id, name: 'Testshire MARAC', recurrence: 'weekly', weekday: 'monday', firstDate: '2026-11-30', startTime: '09:30' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return CreatedMeetingSeries.parse(response.json());
}

const meetingOn = async (world: World, date: string) =>
  MeetingList.parse((await world.agents.coordinator.request({ method: 'GET', url: `/api/meetings?from=${date}&to=${date}` })).json())[0] as MeetingSummary;

/** A change from the meeting as it now stands, unless the payload names the version it started from. */
const patch = (world: World, id: string, payload: Record<string, unknown>, agent = world.agents.coordinator) =>
  agent.request({ method: 'PATCH', url: `/api/meetings/${id}`, payload: { version: meetingVersion(world, id), ...payload } });

/** One accepted referral on the agenda of a one-off meeting on 8 December. */
async function meetingWithCase(world: World, changes: Record<string, unknown> = {}) {
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, changes));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30', referralCutoff: '2026-11-23' },
  });
  const meeting = MeetingSummary.parse(created.json());
  const generated = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } });
  const agenda = Agenda.parse(generated.json().agenda);
  return { meeting, referral, caseId: agenda.items[0]?.caseId as string };
}

describe('changing a meeting', () => {
  it('moves a meeting off a bank holiday, counting the deadlines again with the series’ working days', async () => {
    const world = await referralWorld();
    await weeklyMondays(world);
    const boxing = await meetingOn(world, '2026-12-28');
    expect(boxing.bankHoliday).toMatch(/Boxing Day/);

    const response = await patch(world, boxing.id, { date: '2026-12-29' });
    expect(response.statusCode, response.body).toBe(200);
    // Eight working days before Tuesday 29 December, skipping Christmas Day and the substitute Boxing Day.
    expect(MeetingSummary.parse(response.json())).toMatchObject({
      date: '2026-12-29',
      bankHoliday: null,
      referralCutoff: '2026-12-15',
      circulationDate: '2026-12-18',
      researchDeadline: '2026-12-23',
      minutesDueDate: '2027-01-04',
    });
    const audit = world.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'meeting' && e.action === 'update');
    // Counted back over the same holidays, only the minutes deadline moves with the date.
    expect(audit.at(-1)?.detail).toEqual({ fields: ['date', 'minutesDueDate'] });
  });

  it('re-times the agenda when the start time changes', async () => {
    const world = await referralWorld();
    const { meeting } = await meetingWithCase(world);
    expect((await patch(world, meeting.id, { startTime: '13:00', location: 'Civic Centre, Room 4' })).statusCode).toBe(200);
    const agenda = Agenda.parse((await world.agents.coordinator.request({ method: 'GET', url: `/api/meetings/${meeting.id}/agenda` })).json());
    expect(agenda.items.map((i) => i.slotStart)).toEqual(['13:00']);
    expect(agenda.meeting.location).toBe('Civic Centre, Room 4');
    // A change that does not mention the place leaves it alone.
    const resized = MeetingSummary.parse((await patch(world, meeting.id, { capacity: 12 })).json());
    expect(resized).toMatchObject({ capacity: 12, location: 'Civic Centre, Room 4', startTime: '13:00' });
  });

  it('refuses a date in the past, a cut-off after the meeting and a capacity below the cases listed, changing nothing', async () => {
    const world = await referralWorld();
    const { meeting } = await meetingWithCase(world);
    const before = world.database.db.select().from(meetings).all();
    const past = await patch(world, meeting.id, { date: '2026-11-20' });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields.map((f: { field: string }) => f.field)).toContain('date');
    const late = await patch(world, meeting.id, { referralCutoff: '2026-12-09' });
    expect(late.json().fields).toEqual([{ field: 'referralCutoff', message: 'The referral cut-off must be on or before the meeting date' }]);
    const full = await patch(world, meeting.id, { capacity: 0 });
    expect(full.json().fields).toEqual([{ field: 'capacity', message: 'A meeting must be able to hear at least 1 case' }]);
    expect(world.database.db.select().from(meetings).all()).toEqual(before);
    expect((await patch(world, meeting.id, { startTime: '10:00' }, world.agents.chair)).statusCode).toBe(403);
  });
});

describe('inviting an agency for one case', () => {
  it('invites, gives a research task once the agenda is out, and withdraws', async () => {
    const world = await referralWorld();
    // The practice signed the area's protocol only after the agenda was out, so it is invited to no meeting as a whole.
    const health = makeAgency(world.database, [world.area.id], { name: 'Testshire Health', kind: 'primary_care', protocolSigned: false });
    const { meeting, caseId } = await meetingWithCase(world);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
    signProtocol(world.database, world.area.id, health.id);

    const invited = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: health.id, caseId, version: meetingVersion(world, meeting.id) } });
    expect(invited.statusCode, invited.body).toBe(201);
    const list = MeetingInvitationList.parse(invited.json());
    const forCase = list.find((i) => i.agencyId === health.id);
    expect(forCase).toMatchObject({ agencyName: 'Testshire Health', caseId });
    expect(list.filter((i) => i.caseId === null).map((i) => i.agencyName).sort()).toEqual(['Testshire Homes', 'Testshire Police']);
    const tasks = () => world.database.db.select().from(research).all().filter((t) => t.agencyId === health.id);
    expect(tasks()).toMatchObject([{ caseId, status: 'not_started', dueDate: meeting.researchDeadline }]);

    const again = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: health.id, caseId, version: meetingVersion(world, meeting.id) } });
    expect(again.statusCode).toBe(409);
    const withdrawn = await world.agents.coordinator.request({ method: 'DELETE', url: `/api/meetings/${meeting.id}/invitations/${forCase?.id}?version=${meetingVersion(world, meeting.id)}` });
    expect(withdrawn.statusCode).toBe(204);
    expect(tasks()).toEqual([]);
    const standing = list.find((i) => i.caseId === null);
    expect((await world.agents.coordinator.request({ method: 'DELETE', url: `/api/meetings/${meeting.id}/invitations/${standing?.id}?version=${meetingVersion(world, meeting.id)}` })).statusCode).toBe(409);
  });

  it('never invites an agency the referral names as unsafe, nor for a case not on the agenda', async () => {
    const world = await referralWorld();
    const mental = makeAgency(world.database, [world.area.id], { name: 'Testshire Mind', kind: 'mental_health' });
    world.database.sqlite.prepare('DELETE FROM agency_areas WHERE agency_id = ?').run(mental.id);
    const { meeting, caseId } = await meetingWithCase(world, {
      unsafeContacts: [{ name: 'Dora Brook', relationship: "Perpetrator's mother", email: null, agencyId: mental.id, reason: 'Works there' }],
    });
    const unsafe = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: mental.id, caseId, version: meetingVersion(world, meeting.id) } });
    expect(unsafe.statusCode).toBe(400);
    expect(unsafe.json().fields).toEqual([{ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact' }]);
    const elsewhere = await world.agents.coordinator.request({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/invitations`,
      payload: { agencyId: mental.id, caseId: '00000000-0000-4000-8000-000000000099', version: meetingVersion(world, meeting.id) },
    });
    expect(elsewhere.json().fields).toEqual([{ field: 'caseId', message: 'Choose a case on this agenda' }]);
    expect(MeetingInvitationList.parse((await world.agents.chair.request({ method: 'GET', url: `/api/meetings/${meeting.id}/invitations` })).json()).some((i) => i.agencyId === mental.id)).toBe(false);
  });
});

describe('a meeting changed by two people', () => {
  it('refuses a change from a version someone else has changed since, changing nothing, and takes one from the newer version', async () => {
    const world = await referralWorld();
    const { meeting } = await meetingWithCase(world);
    const shown = meetingVersion(world, meeting.id);
    const theirs = await patch(world, meeting.id, { version: shown, location: 'Civic Centre, Room 4' });
    expect(MeetingSummary.parse(theirs.json())).toMatchObject({ location: 'Civic Centre, Room 4', version: shown + 1 });
    const before = world.database.db.select().from(meetings).all();

    const stale = await patch(world, meeting.id, { version: shown, location: 'Town Hall' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      code: 'conflict',
      message: 'Someone else changed this meeting since you opened it: their version is shown; check it, then make your change again',
      fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }],
      requestId: expect.any(String),
    });
    expect(world.database.db.select().from(meetings).all()).toEqual(before);

    const fresh = await patch(world, meeting.id, { version: shown + 1, startTime: '13:00' });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(MeetingSummary.parse(fresh.json())).toMatchObject({ location: 'Civic Centre, Room 4', startTime: '13:00', version: shown + 2 });
    // Saving what is already there is no change and takes no version.
    expect(MeetingSummary.parse((await patch(world, meeting.id, { startTime: '13:00' })).json()).version).toBe(shown + 2);
  });

  it('lets exactly one of two changes sent at once from the same version win', async () => {
    const world = await referralWorld();
    const { meeting } = await meetingWithCase(world);
    const shown = meetingVersion(world, meeting.id);
    const answers = await Promise.all(['Room 1', 'Room 2'].map((location) => patch(world, meeting.id, { version: shown, location })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = MeetingSummary.parse(answers.find((a) => a.statusCode === 200)?.json());
    expect(world.database.db.select().from(meetings).all().find((m) => m.id === meeting.id)).toMatchObject({ location: winner.location, version: shown + 1 });
  });

  it('refuses an invitation or its withdrawal sent from a version of the meeting someone else has changed since', async () => {
    const world = await referralWorld();
    const health = makeAgency(world.database, [world.area.id], { name: 'Testshire Health', kind: 'primary_care', protocolSigned: false });
    const { meeting, caseId } = await meetingWithCase(world);
    signProtocol(world.database, world.area.id, health.id);
    const shown = meetingVersion(world, meeting.id);
    expect((await patch(world, meeting.id, { version: shown, location: 'Room 2' })).statusCode).toBe(200);
    const invitations = () => world.database.sqlite.prepare('select id, agency_id as agencyId, case_id as caseId from meeting_invitations order by rowid').all();
    const before = invitations();
    const stale = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: health.id, caseId, version: shown } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().fields).toEqual([{ field: 'version', message: 'Changed by someone else meanwhile' }]);
    expect(invitations()).toEqual(before);
    const invited = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: health.id, caseId, version: shown + 1 } });
    expect(invited.statusCode, invited.body).toBe(201);
    const id = MeetingInvitationList.parse(invited.json()).find((i) => i.agencyId === health.id)?.id;
    const after = invitations();
    // The invitation took the meeting's next version: a withdrawal from before it is refused.
    expect((await world.agents.coordinator.request({ method: 'DELETE', url: `/api/meetings/${meeting.id}/invitations/${id}?version=${shown + 1}` })).statusCode).toBe(409);
    expect(invitations()).toEqual(after);
    expect((await world.agents.coordinator.request({ method: 'DELETE', url: `/api/meetings/${meeting.id}/invitations/${id}` })).statusCode).toBe(400);
    expect((await world.agents.coordinator.request({ method: 'DELETE', url: `/api/meetings/${meeting.id}/invitations/${id}?version=${shown + 2}` })).statusCode).toBe(204);
  });
});
