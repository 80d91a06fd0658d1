import { describe, expect, it } from 'vitest';
import { HomeSummary, type ActionStatus, type ReferralStatus } from '@marac/shared';
import type { Database_ } from '../../../../server/src/db/client';
import {
  actions,
  agendaItemReferrals, agendaItems,
  auditEvents,
  cases,
  meetingInvitations,
  meetings,
  people,
  referrals,
  research,
} from '../../../../server/src/db/schema';
import { makeAgency, makeArea, makeUser, signIn, testApp } from '../../helper';

// Today, by the test clock, is 2026-11-23 in London.

let serial = 0;
const nextRef = (prefix: string) => `${prefix}-${String(++serial).padStart(5, '0')}`;
const STAMP = '2026-01-01T00:00:00.000Z';

function insertPerson(database: Database_) {
  const id = crypto.randomUUID();
  database.db.insert(people).values({ id, givenName: 'Sam', familyName: 'Sample', gender: 'female', createdAt: STAMP, updatedAt: STAMP }).run();
  return id;
}

function insertCase(database: Database_, areaId: string, lastReferralDate: string) {
  const id = crypto.randomUUID();
  database.db
    .insert(cases)
    .values({ id, reference: nextRef('CASE'), areaId, victimPersonId: insertPerson(database), status: 'open', openedAt: STAMP, lastReferralDate })
    .run();
  return id;
}

function insertReferral(
  database: Database_,
  fields: { areaId: string; status: ReferralStatus; agencyId: string; referrerUserId: string; caseId?: string | null },
) {
  const id = crypto.randomUUID();
  database.db
    .insert(referrals)
    .values({
      id,
      reference: nextRef('REF'),
      status: fields.status,
      areaId: fields.areaId,
      caseId: fields.caseId ?? null,
      referringAgencyId: fields.agencyId,
      referrerUserId: fields.referrerUserId,
      referrerName: 'Referrer',
      referrerContact: 'referrer@test.invalid',
      enteredByUserId: fields.referrerUserId,
      referralDate: '2026-11-10',
      urgent: false,
      dashScore: 15,
      criteriaMet: ['visible_high_risk'],
      incidentDates: ['2026-11-01'],
      victimDetails: {
        language: null,
        interpreterNeeded: false,
        gp: null,
        contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null },
        diversity: { ethnicity: 'not_known', disability: 'not_known', lgbt: 'not_known' },
      },
      consent: { victimAware: true, consentGiven: 'yes', reason: null },
      narrative: { recentIncident: null, history: null, supportInPlace: null, risksAndTriggers: null },
      policeReferences: [],
      createdAt: STAMP,
      updatedAt: STAMP,
    })
    .run();
  return id;
}

function insertMeeting(database: Database_, areaId: string, date: string, startTime = '10:00') {
  const id = crypto.randomUUID();
  database.db
    .insert(meetings)
    .values({
      id,
      areaId,
      kind: 'scheduled',
      date,
      startTime,
      capacity: 20,
      minutesPerCase: 15,
      status: 'planned',
      referralCutoff: date,
      circulationDate: date,
      researchDeadline: date,
      minutesDueDate: date,
      createdAt: STAMP,
    })
    .run();
  return id;
}

/** An agenda entry for a case, listing the referral when one is given. */
function insertAgendaItem(database: Database_, meetingId: string, caseId: string, referralId: string | null, status: 'listed' | 'heard' | 'deferred' | 'removed') {
  const id = crypto.randomUUID();
  database.db.insert(agendaItems).values({ id, meetingId, caseId, position: 1, status }).run();
  if (referralId) database.db.insert(agendaItemReferrals).values({ itemId: id, referralId }).run();
  // As agenda generation does: a referral listed at a meeting names it until it is taken off the agenda.
  if (referralId && status !== 'removed') database.sqlite.prepare('update referrals set agenda_meeting_id = ? where id = ?').run(meetingId, referralId);
  // As minuting does: a case heard keeps the date of its latest hearing.
  if (status === 'heard') {
    database.sqlite
      .prepare('update cases set last_hearing_date = (select date from meetings where id = ?) where id = ? and (last_hearing_date is null or last_hearing_date < (select date from meetings where id = ?))')
      .run(meetingId, caseId, meetingId);
  }
}

function insertAction(
  database: Database_,
  fields: { caseId: string; meetingId: string; agencyId: string; dueDate: string; status: ActionStatus; createdBy: string },
) {
  database.db
    .insert(actions)
    .values({ id: crypto.randomUUID(), description: 'Safety planning', category: 'victim_safety', createdAt: STAMP, updatedAt: STAMP, ...fields })
    .run();
}

function insertResearch(database: Database_, fields: { meetingId: string; caseId: string; agencyId: string; status: 'not_started' | 'draft' | 'submitted' | 'not_known' }) {
  database.db.insert(research).values({ id: crypto.randomUUID(), dueDate: '2026-11-25', updatedAt: STAMP, ...fields }).run();
}

const invite = (database: Database_, meetingId: string, agencyId: string) =>
  database.db.insert(meetingInvitations).values({ id: crypto.randomUUID(), meetingId, agencyId }).run();

/**
 * Two areas with different numbers everywhere, so any leak from one into the other shows:
 *
 * Area A (Alphashire): 2 referrals awaiting screening, 1 accepted and not listed, 2 overdue actions,
 * 1 escalated, 1 window lapsing, 1 case heard; upcoming meetings on 30 Nov and 14 Dec.
 * Area B (Betashire): 3 awaiting, 0 not listed, 3 overdue, 0 escalated, 2 lapsing, 0 heard in 12 months;
 * an upcoming meeting on 1 Dec.
 *
 * Housing (serves A) and Police (serves A and B) hold the actions; Housing is invited to A's 30 Nov
 * meeting, Police to B's 1 Dec meeting.
 */
async function world() {
  const ctx = await testApp();
  const { database } = ctx;
  const a = makeArea(database, { name: 'Alphashire', code: 'ALPHA' });
  const b = makeArea(database, { name: 'Betashire', code: 'BETA' });
  const housing = makeAgency(database, [a.id], { name: 'Alpha Housing', kind: 'housing' });
  const police = makeAgency(database, [a.id, b.id], { name: 'Shire Police', kind: 'police' });

  const coordinatorA = await makeUser(database, { role: 'coordinator', areaIds: [a.id], email: 'coord.a@test.invalid' });
  const coordinatorB = await makeUser(database, { role: 'coordinator', areaIds: [b.id], email: 'coord.b@test.invalid' });
  const chairA = await makeUser(database, { role: 'chair', areaIds: [a.id], email: 'chair.a@test.invalid' });
  const observerA = await makeUser(database, { role: 'observer', areaIds: [a.id], email: 'observer.a@test.invalid' });
  const housingRep = await makeUser(database, { role: 'agency_representative', agencyId: housing.id, areaIds: [a.id], email: 'housing.rep@test.invalid' });
  const policeRep = await makeUser(database, { role: 'agency_representative', agencyId: police.id, areaIds: [a.id, b.id], email: 'police.rep@test.invalid' });

  // Cases: lapsing windows are those whose last referral was between 2025-11-23 and 2025-12-23.
  const caseA = insertCase(database, a.id, '2025-12-01');
  const caseA2 = insertCase(database, a.id, '2026-10-01');
  insertCase(database, a.id, '2025-11-01'); // already lapsed
  const caseB = insertCase(database, b.id, '2025-12-05');
  insertCase(database, b.id, '2025-12-20');

  // Referrals in A: submitted and more-information by the housing rep, a draft by them too, accepted ones.
  const byHousing = { agencyId: housing.id, referrerUserId: housingRep.id };
  const byPolice = { agencyId: police.id, referrerUserId: policeRep.id };
  insertReferral(database, { areaId: a.id, status: 'submitted', ...byHousing });
  insertReferral(database, { areaId: a.id, status: 'more_information_requested', ...byHousing });
  insertReferral(database, { areaId: a.id, status: 'draft', ...byHousing });
  insertReferral(database, { areaId: a.id, status: 'rejected', ...byHousing });
  insertReferral(database, { areaId: a.id, status: 'accepted', caseId: caseA2, ...byPolice });
  const listedA = insertReferral(database, { areaId: a.id, status: 'accepted', caseId: caseA, ...byPolice });
  // Referrals in B: three awaiting screening, one accepted and already listed.
  for (let i = 0; i < 3; i++) insertReferral(database, { areaId: b.id, status: 'submitted', ...byPolice });
  const listedB = insertReferral(database, { areaId: b.id, status: 'accepted', caseId: caseB, ...byPolice });

  // Meetings.
  const pastA = insertMeeting(database, a.id, '2026-11-02');
  const nextA = insertMeeting(database, a.id, '2026-11-30', '09:30');
  const laterA = insertMeeting(database, a.id, '2026-12-14');
  const pastB = insertMeeting(database, b.id, '2026-11-03');
  const oldB = insertMeeting(database, b.id, '2025-06-01');
  const nextB = insertMeeting(database, b.id, '2026-12-01');

  insertAgendaItem(database, pastA, caseA, listedA, 'heard');
  insertAgendaItem(database, nextA, caseA, listedA, 'listed');
  // Listed without its referral: that referral still counts as not yet on an agenda.
  insertAgendaItem(database, nextA, caseA2, null, 'listed');
  insertAgendaItem(database, laterA, caseA2, null, 'removed');
  insertAgendaItem(database, oldB, caseB, listedB, 'heard');

  invite(database, pastA, housing.id);
  invite(database, nextA, housing.id);
  invite(database, nextB, police.id);

  // Actions in A.
  const inA = { caseId: caseA, meetingId: pastA, createdBy: coordinatorA.id };
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-11-20', status: 'open' }); // overdue
  insertAction(database, { ...inA, agencyId: police.id, dueDate: '2026-11-01', status: 'in_progress' }); // overdue
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-11-01', status: 'completed' }); // closed
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-10-01', status: 'not_possible' }); // closed
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-12-31', status: 'escalated' }); // open, escalated
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-11-23', status: 'open' }); // due today
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-11-30', status: 'open' }); // due in 7 days
  insertAction(database, { ...inA, agencyId: housing.id, dueDate: '2026-12-01', status: 'open' }); // due in 8 days
  // Actions in B, all the police's.
  const inB = { caseId: caseB, meetingId: pastB, createdBy: coordinatorB.id, agencyId: police.id };
  insertAction(database, { ...inB, dueDate: '2026-10-01', status: 'open' });
  insertAction(database, { ...inB, dueDate: '2026-11-22', status: 'in_progress' });
  insertAction(database, { ...inB, dueDate: '2026-11-10', status: 'open' });
  insertAction(database, { ...inB, dueDate: '2026-11-10', status: 'not_completed' });

  // Research: housing has one task outstanding for a meeting to come, one draft for a past meeting, one submitted.
  insertResearch(database, { meetingId: nextA, caseId: caseA, agencyId: housing.id, status: 'not_started' });
  insertResearch(database, { meetingId: laterA, caseId: caseA, agencyId: housing.id, status: 'submitted' });
  insertResearch(database, { meetingId: pastA, caseId: caseA, agencyId: housing.id, status: 'draft' });
  insertResearch(database, { meetingId: nextB, caseId: caseB, agencyId: police.id, status: 'draft' });
  insertResearch(database, { meetingId: nextA, caseId: caseA2, agencyId: police.id, status: 'not_started' });

  return { ...ctx, a, b, housing, police, coordinatorA, coordinatorB, chairA, observerA, housingRep, policeRep, meetings: { nextA, laterA, nextB } };
}

async function homeOf(ctx: Awaited<ReturnType<typeof testApp>>, email: string) {
  const agent = await signIn(ctx.app, email);
  const response = await agent.request({ method: 'GET', url: '/api/home' });
  expect(response.statusCode).toBe(200);
  const summary = HomeSummary.parse(response.json());
  const figures = Object.fromEntries(summary.figures.map((f) => [f.key, f.value]));
  return { summary, figures };
}

describe('GET /api/home', () => {
  it('needs a session', async () => {
    const { app } = await testApp();
    expect((await app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it("shows a coordinator the real counts of their own area and none of another's", async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'coord.a@test.invalid');
    expect(summary.role).toBe('coordinator');
    expect(figures).toEqual({
      referrals_awaiting_screening: 2,
      referrals_not_listed: 1,
      actions_overdue: 2,
      actions_escalated: 1,
      windows_lapsing: 1,
      cases_heard_12_months: 1,
    });
    expect(summary.upcomingMeetings.map((m) => ({ id: m.id, date: m.date, areaName: m.areaName, cases: m.cases }))).toEqual([
      { id: ctx.meetings.nextA, date: '2026-11-30', areaName: 'Alphashire', cases: 2 },
      { id: ctx.meetings.laterA, date: '2026-12-14', areaName: 'Alphashire', cases: 0 },
    ]);
  });

  it('shows the other area’s coordinator only that area', async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'coord.b@test.invalid');
    expect(figures).toEqual({
      referrals_awaiting_screening: 3,
      referrals_not_listed: 0,
      actions_overdue: 3,
      actions_escalated: 0,
      windows_lapsing: 2,
      cases_heard_12_months: 0,
    });
    expect(summary.upcomingMeetings.map((m) => m.id)).toEqual([ctx.meetings.nextB]);
  });

  it('gives a chair the same area figures as a coordinator', async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'chair.a@test.invalid');
    expect(summary.role).toBe('chair');
    expect(figures).toMatchObject({ referrals_awaiting_screening: 2, actions_overdue: 2 });
  });

  it('shows an observer only the cases heard', async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'observer.a@test.invalid');
    expect(summary.role).toBe('observer');
    expect(figures).toEqual({ cases_heard_12_months: 1 });
    expect(summary.upcomingMeetings.map((m) => m.id)).toEqual([ctx.meetings.nextA, ctx.meetings.laterA]);
  });

  it("shows an agency representative only their agency's actions and the meetings it is invited to", async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'housing.rep@test.invalid');
    expect(summary.role).toBe('agency_representative');
    expect(figures).toEqual({
      actions_open: 5,
      actions_overdue: 1,
      actions_due_7_days: 2,
      research_outstanding: 1,
      referrals_in_progress: 3,
    });
    expect(summary.upcomingMeetings.map((m) => m.id)).toEqual([ctx.meetings.nextA]);
    expect(summary.upcomingMeetings[0]).toMatchObject({ date: '2026-11-30', startTime: '09:30', cases: 2 });
  });

  it("shows another agency's representative their own figures and invitations", async () => {
    const ctx = await world();
    const { summary, figures } = await homeOf(ctx, 'police.rep@test.invalid');
    expect(figures).toEqual({
      actions_open: 4,
      actions_overdue: 4,
      actions_due_7_days: 0,
      research_outstanding: 2,
      referrals_in_progress: 3,
    });
    expect(summary.upcomingMeetings.map((m) => m.id)).toEqual([ctx.meetings.nextB]);
  });

  it('moves with the clock: an action due today is overdue tomorrow', async () => {
    const ctx = await world();
    const before = (await homeOf(ctx, 'housing.rep@test.invalid')).figures;
    ctx.clock.advanceMinutes(24 * 60);
    const after = (await homeOf(ctx, 'housing.rep@test.invalid')).figures;
    expect(before.actions_overdue).toBe(1);
    expect(after.actions_overdue).toBe(2);
  });

  it('shows an administrator the counts of users, agencies, areas and failed sign-ins today', async () => {
    const { app, database } = await testApp();
    const a = makeArea(database, { name: 'Alphashire', code: 'ALPHA' });
    makeArea(database, { name: 'Gone Vale', code: 'GONE', disabledAt: '2026-05-01T00:00:00.000Z' });
    makeArea(database, { name: 'Betashire', code: 'BETA' });
    const agency = makeAgency(database, [a.id], { name: 'Alpha Housing', kind: 'housing' });
    makeAgency(database, [a.id], { name: 'Old Agency', disabledAt: '2026-05-01T00:00:00.000Z' });
    await makeUser(database, { role: 'administrator', areaIds: [a.id], email: 'admin@test.invalid' });
    await makeUser(database, { role: 'coordinator', areaIds: [a.id] });
    await makeUser(database, { role: 'agency_representative', agencyId: agency.id, areaIds: [a.id] });
    await makeUser(database, { role: 'chair', areaIds: [a.id], disabledAt: '2026-06-01T00:00:00.000Z' });
    // A failed sign-in yesterday does not count; two today do.
    database.db
      .insert(auditEvents)
      .values({ id: crypto.randomUUID(), at: '2026-11-22T23:59:59.000Z', action: 'sign_in_failed', entityType: 'session' })
      .run();
    for (const password of ['wrong one', 'wrong two']) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password } });
    }
    const { summary, figures } = await homeOf({ app, database } as Awaited<ReturnType<typeof testApp>>, 'admin@test.invalid');
    expect(summary.role).toBe('administrator');
    expect(figures).toEqual({ users_active: 3, users_disabled: 1, agencies: 1, areas: 2, sign_in_failures_today: 2 });
  });

  it("counts today's failed sign-ins by the London day, also in summer time", async () => {
    const ctx = await testApp();
    const a = makeArea(ctx.database);
    await makeUser(ctx.database, { role: 'administrator', areaIds: [a.id], email: 'admin@test.invalid' });
    // 2027-07-15T23:30Z is 00:30 on 16 July in London (BST).
    ctx.clock.advanceMinutes((Date.parse('2027-07-15T23:30:00.000Z') - Date.parse('2026-11-23T10:00:00.000Z')) / 60_000);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.invalid', password: 'wrong one' } });
    const { figures } = await homeOf(ctx, 'admin@test.invalid');
    expect(figures.sign_in_failures_today).toBe(1);
  });
});
