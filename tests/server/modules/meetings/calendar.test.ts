import { CreatedMeetingSeries, MeetingList, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { auditEvents, meetingInvitations, meetingSeries, meetings } from '../../../../server/src/db/schema';
import { makeAgency, makeArea, makeUser, signIn, testApp } from '../../helper';

// The test clock reads Monday 23 November 2026 in London.
async function calendarWorld() {
  const ctx = await testApp();
  const { database } = ctx;
  const area = makeArea(database, { name: 'Testshire', code: 'TST' });
  const other = makeArea(database, { name: 'Otherton', code: 'OTH' });
  const police = makeAgency(database, [area.id], { name: 'Testshire Police', kind: 'police' });
  const housing = makeAgency(database, [area.id, other.id], { name: 'Testshire Homes', kind: 'housing' });
  makeAgency(database, [area.id], { name: 'Closed Service', kind: 'other', disabledAt: '2026-01-01T00:00:00.000Z' });
  makeAgency(database, [other.id], { name: 'Otherton Health', kind: 'primary_care' });
  await makeUser(database, { role: 'coordinator', areaIds: [area.id], email: 'coord@test.invalid' });
  await makeUser(database, { role: 'chair', areaIds: [area.id], email: 'chair@test.invalid' });
  await makeUser(database, { role: 'agency_representative', agencyId: police.id, areaIds: [area.id], email: 'rep@test.invalid' });
  const agents = {
    coordinator: await signIn(ctx.app, 'coord@test.invalid'),
    chair: await signIn(ctx.app, 'chair@test.invalid'),
    rep: await signIn(ctx.app, 'rep@test.invalid'),
  };
  return { ...ctx, area, other, police, housing, agents };
}

const series = (areaId: string, changes: Record<string, unknown> = {}) => ({
  areaId,
  name: 'Testshire MARAC',
  recurrence: 'fortnightly',
  weekday: 'tuesday',
  firstDate: '2026-12-01',
  startTime: '09:30',
  location: 'Town Hall, Committee Room 2',
  ...changes,
});

const counts = (world: Awaited<ReturnType<typeof calendarWorld>>) => {
  const db = world.database.db;
  return [meetingSeries, meetings, meetingInvitations, auditEvents].map((t) => db.select().from(t).all().length);
};

describe('meeting series', () => {
  it('puts 26 weeks of fortnightly meetings in the calendar with working-day deadlines and standing invitations', async () => {
    const world = await calendarWorld();
    const response = await world.agents.coordinator.request({ method: 'POST', url: '/api/meeting-series', payload: series(world.area.id) });
    expect(response.statusCode, response.body).toBe(201);
    const created = CreatedMeetingSeries.parse(response.json());
    expect(created.series).toMatchObject({ capacity: 20, minutesPerCase: 12, referralCutoffWorkingDays: 8, active: true });
    // 1 Dec 2026 to 24 May 2027 (today + 182 days): 13 fortnightly Tuesdays.
    expect(created.meetingsCreated).toBe(13);
    // 29 December falls in the Christmas week but is a working day; no meeting lands on a bank holiday.
    expect(created.onBankHolidays).toEqual([]);

    const list = MeetingList.parse((await world.agents.chair.request({ method: 'GET', url: '/api/meetings' })).json());
    expect(list.map((m) => m.date).slice(0, 3)).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
    const christmas = list.find((m) => m.date === '2026-12-29') as MeetingSummary;
    // Eight working days back from 29 December skip Christmas Day and Boxing Day (substitute Monday 28th).
    expect(christmas).toMatchObject({ referralCutoff: '2026-12-15', circulationDate: '2026-12-18', researchDeadline: '2026-12-23', minutesDueDate: '2027-01-04', status: 'planned', kind: 'scheduled', listedCount: 0, bankHoliday: null });

    const invited = world.database.db.select().from(meetingInvitations).all().filter((i) => i.meetingId === christmas.id);
    // The enabled agencies serving the area, not the disabled one nor another area's.
    expect(invited.map((i) => i.agencyId).sort()).toEqual([world.police.id, world.housing.id].sort());
  });

  it('flags meetings that fall on a bank holiday for the coordinator to move', async () => {
    const world = await calendarWorld();
    const response = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meeting-series',
      payload: series(world.area.id, { recurrence: 'weekly', weekday: 'monday', firstDate: '2026-11-30' }),
    });
    const created = CreatedMeetingSeries.parse(response.json());
    expect(created.onBankHolidays).toEqual([
      { date: '2026-12-28', holiday: expect.stringMatching(/Boxing Day/) },
      { date: '2027-03-29', holiday: 'Easter Monday' },
      { date: '2027-05-03', holiday: 'Early May bank holiday' },
    ]);
    const list = MeetingList.parse((await world.agents.coordinator.request({ method: 'GET', url: '/api/meetings?from=2027-03-29&to=2027-03-29' })).json());
    expect(list).toHaveLength(1);
    expect(list[0]?.bankHoliday).toBe('Easter Monday');
  });

  it('refuses an inconsistent series field by field and writes nothing', async () => {
    const world = await calendarWorld();
    const before = counts(world);
    const response = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meeting-series',
      payload: series(world.area.id, { capacity: 0, firstDate: '2026-12-02', referralCutoffWorkingDays: 2, circulationLeadWorkingDays: 5 }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ field: 'capacity', message: 'A meeting must be able to hear at least 1 case' }]);

    const second = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meeting-series',
      payload: series(world.area.id, { firstDate: '2026-12-02', referralCutoffWorkingDays: 2, circulationLeadWorkingDays: 5, onlineLink: 'http://insecure.example' }),
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().fields.map((f: { field: string }) => f.field)).toEqual(['onlineLink']);

    const third = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meeting-series',
      payload: series(world.area.id, { firstDate: '2026-12-02', referralCutoffWorkingDays: 2, circulationLeadWorkingDays: 5 }),
    });
    expect(third.statusCode).toBe(400);
    expect(third.json().fields).toEqual([
      { field: 'firstDate', message: 'The first meeting must be on a Tuesday' },
      { field: 'referralCutoffWorkingDays', message: 'The referral cut-off must come on or before the day the agenda is circulated' },
    ]);
    expect(counts(world)).toEqual(before);
  });

  it('is for coordinators of the area only', async () => {
    const world = await calendarWorld();
    expect((await world.agents.chair.request({ method: 'POST', url: '/api/meeting-series', payload: series(world.area.id) })).statusCode).toBe(403);
    expect((await world.agents.rep.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-10', startTime: '10:00' } })).statusCode).toBe(403);
    // A representative sees no meeting before its agenda is published.
    await world.agents.coordinator.request({ method: 'POST', url: '/api/meeting-series', payload: series(world.area.id) });
    expect(MeetingList.parse((await world.agents.rep.request({ method: 'GET', url: '/api/meetings' })).json())).toEqual([]);
    const elsewhere = await world.agents.coordinator.request({ method: 'POST', url: '/api/meeting-series', payload: series(world.other.id) });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields).toEqual([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  });
});

describe('one-off and emergency meetings', () => {
  it('counts an emergency meeting’s deadlines to the day itself', async () => {
    const world = await calendarWorld();
    const response = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { areaId: world.area.id, kind: 'emergency', date: '2026-11-24', startTime: '14:00', onlineLink: 'https://meet.example/emergency' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(MeetingSummary.parse(response.json())).toMatchObject({
      kind: 'emergency',
      referralCutoff: '2026-11-24',
      researchDeadline: '2026-11-24',
      minutesDueDate: '2026-11-27',
      capacity: 20,
    });
  });

  it('refuses a cut-off after the meeting, a date in the past and a capacity of 0, changing nothing', async () => {
    const world = await calendarWorld();
    const before = counts(world);
    const late = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-10', startTime: '10:00', referralCutoff: '2026-12-11' },
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields).toEqual([{ field: 'referralCutoff', message: 'The referral cut-off must be on or before the meeting date' }]);
    const past = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { areaId: world.area.id, kind: 'one_off', date: '2026-11-20', startTime: '10:00', referralCutoff: '2026-11-10' },
    });
    expect(past.json().fields.map((f: { field: string }) => f.field)).toContain('date');
    const empty = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meetings',
      payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-10', startTime: '10:00', capacity: 0 },
    });
    expect(empty.json().fields).toEqual([{ field: 'capacity', message: 'A meeting must be able to hear at least 1 case' }]);
    expect(counts(world)).toEqual(before);
  });
});
