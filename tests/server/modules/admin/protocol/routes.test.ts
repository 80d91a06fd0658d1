import { Agenda, CreatedMeetingSeries, MeetingInvitationList, MeetingSummary, ProtocolRegister } from '@marac/shared';
import { meetingVersion } from '../../meetings/versions';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../../../../server/src/db/client';
import { agendaItems, auditEvents, meetingInvitations, meetings, protocolSignatures, research } from '../../../../../server/src/db/schema';
import { generateHistory } from '../../../../../server/src/demo/generate';
import { makeAgency, makeUser, signIn, signProtocol, type Agent } from '../../../helper';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../../referrals/factories';

// The test clock reads Monday 23 November 2026 in London.

/**
 * The referral world (Testshire and Otherton, police and housing signed up for their areas) with an
 * administrator, and three more agencies: one serving Testshire that never signed, one that signed and
 * withdrew, and one serving only Otherton.
 */
async function protocolWorld() {
  const world = await referralWorld();
  const { database } = world;
  const admin = await makeUser(database, { role: 'administrator', areaIds: [], email: 'admin@test.invalid', name: 'Ada Admin' });
  const mind = makeAgency(database, [world.area.id], { name: 'Testshire Mind', kind: 'mental_health', protocolSigned: false });
  const school = makeAgency(database, [world.area.id], { name: 'Testshire Schools', kind: 'education', protocolSigned: false });
  const withdrawn = signProtocol(database, world.area.id, school.id, { signedOn: '2025-04-01', signatory: 'Wyn Withdrawer, Head', withdrawnOn: '2026-06-30', recordedBy: admin.id });
  const health = makeAgency(database, [world.other.id], { name: 'Otherton Health', kind: 'primary_care' });
  return { ...world, admin, mind, school, withdrawn, health, agent: await signIn(world.app, 'admin@test.invalid') };
}
type ProtocolWorld = Awaited<ReturnType<typeof protocolWorld>>;

const url = (areaId: string) => `/api/admin/areas/${areaId}/protocol`;
const sign = (world: ProtocolWorld, payload: Record<string, unknown>, areaId = world.area.id, agent: Agent = world.agent) =>
  agent.request({ method: 'POST', url: url(areaId), payload });
const withdraw = (world: ProtocolWorld, signatureId: string, payload: Record<string, unknown>, areaId = world.area.id, agent: Agent = world.agent) =>
  agent.request({ method: 'POST', url: `${url(areaId)}/${signatureId}/withdraw`, payload });

const protocolAudit = (world: ProtocolWorld) =>
  world.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType === 'protocol_signature');

/** Rows in every table a signature or a withdrawal writes to. */
const rowCounts = (world: ProtocolWorld) => {
  const db = world.database.db;
  return { signatures: db.select().from(protocolSignatures).all().length, invitations: db.select().from(meetingInvitations).all().length, audit: db.select().from(auditEvents).all().length };
};

const standingInvitees = (world: ProtocolWorld, meetingId: string) =>
  world.database.db
    .select()
    .from(meetingInvitations)
    .all()
    .filter((i) => i.meetingId === meetingId && i.caseId === null)
    .map((i) => i.agencyId)
    .sort();

const byName = (...agencies: { id: string }[]) => agencies.map((a) => a.id).sort();

async function oneOffMeeting(world: World, date = '2026-12-08') {
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date, startTime: '09:30', referralCutoff: '2026-11-23' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return MeetingSummary.parse(created.json());
}

/** An accepted referral put on the meeting's agenda; returns its case, the one the agenda did not have. */
async function caseOnAgenda(world: World, meetingId: string, changes: Record<string, unknown> = {}) {
  const before = new Set(world.database.db.select().from(agendaItems).all().filter((item) => item.meetingId === meetingId).map((item) => item.caseId));
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, changes));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const generated = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/generate`, payload: { version: meetingVersion(world, meetingId) } });
  expect(generated.statusCode, generated.body).toBe(200);
  const added = Agenda.parse(generated.json().agenda).items.map((item) => item.caseId).filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return added[0] as string;
}

const publish = async (world: World, meetingId: string) =>
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/publish`, payload: { version: meetingVersion(world, meetingId) } })).statusCode).toBe(200);

describe('GET /api/admin/areas/:areaId/protocol', () => {
  it('lists each agency serving the area with where it stands, and the history latest first, audited', async () => {
    const world = await protocolWorld();
    const response = await world.agent.request({ method: 'GET', url: url(world.area.id) });
    expect(response.statusCode, response.body).toBe(200);
    const register = ProtocolRegister.parse(response.json());
    expect(register.areaName).toBe('Testshire');
    expect(register.agencies.map((a) => [a.agencyName, a.status])).toEqual([
      ['Testshire Homes', 'signed'],
      ['Testshire Mind', 'not_signed'],
      ['Testshire Police', 'signed'],
      ['Testshire Schools', 'withdrawn'],
    ]);
    const police = register.agencies.find((a) => a.agencyId === world.police.id);
    // The helper's signatures were recorded by the world's first user.
    expect(police?.signature).toMatchObject({ signedOn: '2026-01-01', signatory: 'Sam Signer, Head of Service', recordedBy: world.users.rep.id, recordedByName: 'Rita Rep', withdrawnOn: null });
    expect(register.agencies.find((a) => a.agencyId === world.school.id)?.signature).toMatchObject({
      id: world.withdrawn.id,
      signedOn: '2025-04-01',
      signatory: 'Wyn Withdrawer, Head',
      recordedByName: 'Ada Admin',
      withdrawnOn: '2026-06-30',
    });
    expect(register.agencies.find((a) => a.agencyId === world.mind.id)).toMatchObject({ agencyKind: 'mental_health', agencyDisabled: false, signature: null });
    // Otherton's agencies and signatures are not Testshire's business.
    expect(register.history.map((s) => [s.agencyName, s.signedOn])).toEqual([
      ['Testshire Homes', '2026-01-01'],
      ['Testshire Police', '2026-01-01'],
      ['Testshire Schools', '2025-04-01'],
    ]);

    const audit = protocolAudit(world);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'list', entityId: world.area.id, userId: world.admin.id, detail: { areaId: world.area.id, agencies: 4, signatures: 3 } });
    expect(JSON.stringify(audit[0]?.detail)).not.toMatch(/Signer|Withdrawer/);
  });

  it('answers 404 for an area that does not exist, and is for administrators only', async () => {
    const world = await protocolWorld();
    expect((await world.agent.request({ method: 'GET', url: url('00000000-0000-4000-8000-000000000001') })).statusCode).toBe(404);
    for (const agent of [world.agents.coordinator, world.agents.chair, world.agents.rep, world.agents.observer]) {
      expect((await agent.request({ method: 'GET', url: url(world.area.id) })).statusCode).toBe(403);
    }
    expect((await world.app.inject({ method: 'GET', url: url(world.area.id) })).statusCode).toBe(401);
    expect(protocolAudit(world)).toEqual([]);
  });
});

describe('POST /api/admin/areas/:areaId/protocol', () => {
  it('records a signature, invites the agency to the meetings whose agenda is not yet out, and audits ids only', async () => {
    const world = await protocolWorld();
    const planned = await oneOffMeeting(world, '2026-12-08');
    const published = await oneOffMeeting(world, '2026-12-15');
    await caseOnAgenda(world, published.id);
    await publish(world, published.id);
    expect(standingInvitees(world, planned.id)).toEqual(byName(world.police, world.housing));

    const response = await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-20', signatory: '  Dr Mo Signer, Clinical Director  ' });
    expect(response.statusCode, response.body).toBe(201);
    const register = ProtocolRegister.parse(response.json());
    const row = register.agencies.find((a) => a.agencyId === world.mind.id);
    expect(row).toMatchObject({ status: 'signed', signature: { signedOn: '2026-11-20', signatory: 'Dr Mo Signer, Clinical Director', recordedBy: world.admin.id, recordedByName: 'Ada Admin', withdrawnOn: null } });
    expect(register.history[0]?.agencyName).toBe('Testshire Mind');

    // The planned meeting invites the agency now; the published one's agenda went out without it.
    expect(standingInvitees(world, planned.id)).toEqual(byName(world.police, world.housing, world.mind));
    expect(standingInvitees(world, published.id)).toEqual(byName(world.police, world.housing));

    const audit = protocolAudit(world);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      entityId: row?.signature?.id,
      userId: world.admin.id,
      detail: { areaId: world.area.id, agencyId: world.mind.id, invitationsAdded: 1 },
    });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('Signer');
  });

  it('records a new signature after a withdrawal, keeping both in the history', async () => {
    const world = await protocolWorld();
    const response = await sign(world, { agencyId: world.school.id, signedOn: '2026-11-23', signatory: 'Nia New, Head' });
    expect(response.statusCode, response.body).toBe(201);
    const register = ProtocolRegister.parse(response.json());
    expect(register.agencies.find((a) => a.agencyId === world.school.id)).toMatchObject({ status: 'signed', signature: { signatory: 'Nia New, Head' } });
    expect(register.history.filter((s) => s.agencyId === world.school.id).map((s) => [s.signedOn, s.withdrawnOn])).toEqual([
      ['2026-11-23', null],
      ['2025-04-01', '2026-06-30'],
    ]);
  });

  it('names every wrong field and writes nothing', async () => {
    const world = await protocolWorld();
    const before = rowCounts(world);

    const future = await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-24', signatory: 'Dr Mo Signer' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ field: 'signedOn', message: 'The date signed must be today or in the past' }]);

    const elsewhere = await sign(world, { agencyId: world.health.id, signedOn: '2026-11-20', signatory: 'Hal Health' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields).toEqual([{ field: 'agencyId', message: 'Choose an agency that serves this area: add the area to the agency first' }]);

    const unknown = await sign(world, { agencyId: '00000000-0000-4000-8000-000000000002', signedOn: '2026-11-20', signatory: 'Nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([{ field: 'agencyId', message: 'Choose an agency from the list' }]);

    const closed = makeAgency(world.database, [world.area.id], { name: 'Closed Service', disabledAt: '2026-01-01T00:00:00.000Z', protocolSigned: false });
    expect((await sign(world, { agencyId: closed.id, signedOn: '2026-11-20', signatory: 'Cy Closed' })).json().fields).toEqual([
      { field: 'agencyId', message: 'Choose an agency from the list' },
    ]);

    const blank = await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-20', signatory: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toEqual([{ field: 'signatory', message: 'Enter the name of the person who signed for the agency' }]);

    const empty = await sign(world, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['agencyId', 'signatory', 'signedOn']);

    const notADate = await sign(world, { agencyId: world.mind.id, signedOn: '2026-02-30', signatory: 'Dr Mo Signer' });
    expect(notADate.json().fields).toEqual([{ field: 'signedOn', message: 'Enter the date the protocol was signed, like 27 3 2026' }]);

    // Both problems at once, so the form can mark both.
    const both = await sign(world, { agencyId: world.health.id, signedOn: '2027-01-01', signatory: 'Hal Health' });
    expect(both.json().fields.map((f: { field: string }) => f.field)).toEqual(['agencyId', 'signedOn']);

    const twice = await sign(world, { agencyId: world.police.id, signedOn: '2026-11-20', signatory: 'Pat Police' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields).toEqual([{ field: 'agencyId', message: 'This agency signed on 1 January 2026 and has not withdrawn: withdraw that signature first' }]);

    expect((await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-20', signatory: 'Dr Mo Signer' }, '00000000-0000-4000-8000-000000000003')).statusCode).toBe(404);
    expect(rowCounts(world)).toEqual(before);
  });

  it('is for administrators only', async () => {
    const world = await protocolWorld();
    const before = rowCounts(world);
    for (const agent of [world.agents.coordinator, world.agents.chair, world.agents.rep, world.agents.observer]) {
      expect((await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-20', signatory: 'Dr Mo Signer' }, world.area.id, agent)).statusCode).toBe(403);
    }
    expect(rowCounts(world)).toEqual(before);
  });
});

describe('POST /api/admin/areas/:areaId/protocol/:signatureId/withdraw', () => {
  it('records the withdrawal; the agency leaves the meetings whose agenda is not yet out and keeps what it was sent', async () => {
    const world = await protocolWorld();
    const planned = await oneOffMeeting(world, '2026-12-08');
    const caseId = await caseOnAgenda(world, planned.id);
    const published = await oneOffMeeting(world, '2026-12-15');
    // A coordinator had invited the housing provider for the planned meeting's case as well.
    world.database.db.insert(meetingInvitations).values({ id: crypto.randomUUID(), meetingId: planned.id, agencyId: world.housing.id, caseId }).run();
    await caseOnAgenda(world, published.id, { victim: { ...referralSubmission(world.area.id).victim, givenName: 'Bea', familyName: 'Bowden', datesOfBirth: ['1985-09-09'] } });
    await publish(world, published.id);
    const housingSignature = world.database.db.select().from(protocolSignatures).all().find((s) => s.agencyId === world.housing.id && s.areaId === world.area.id);

    const response = await withdraw(world, housingSignature?.id as string, { withdrawnOn: '2026-11-23' });
    expect(response.statusCode, response.body).toBe(200);
    const register = ProtocolRegister.parse(response.json());
    expect(register.agencies.find((a) => a.agencyId === world.housing.id)).toMatchObject({ status: 'withdrawn', signature: { id: housingSignature?.id, withdrawnOn: '2026-11-23' } });

    const invitations = world.database.db.select().from(meetingInvitations).all().filter((i) => i.agencyId === world.housing.id);
    expect(invitations.map((i) => i.meetingId)).toEqual([published.id]);
    const audit = protocolAudit(world);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      entityId: housingSignature?.id,
      detail: { areaId: world.area.id, agencyId: world.housing.id, fields: ['withdrawnOn'], invitationsRemoved: 2 },
    });
  });

  it('refuses a date to come, one before the signature and a second withdrawal, writing nothing', async () => {
    const world = await protocolWorld();
    const signature = world.database.db.select().from(protocolSignatures).all().find((s) => s.agencyId === world.police.id && s.areaId === world.area.id);
    const id = signature?.id as string;
    const before = rowCounts(world);

    const future = await withdraw(world, id, { withdrawnOn: '2026-11-24' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ field: 'withdrawnOn', message: 'The date withdrawn must be today or in the past' }]);
    const early = await withdraw(world, id, { withdrawnOn: '2025-12-31' });
    expect(early.json().fields).toEqual([{ field: 'withdrawnOn', message: 'The date withdrawn must be on or after the date signed, 1 January 2026' }]);
    const missing = await withdraw(world, id, {});
    expect(missing.json().fields).toEqual([{ field: 'withdrawnOn', message: 'Enter the date the agency withdrew, like 27 3 2026' }]);
    const again = await withdraw(world, world.withdrawn.id, { withdrawnOn: '2026-11-23' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('This signature was already withdrawn on 30 June 2026');
    // A signature of another area, or none at all, reads as not existing.
    expect((await withdraw(world, id, { withdrawnOn: '2026-11-23' }, world.other.id)).statusCode).toBe(404);
    expect((await withdraw(world, '00000000-0000-4000-8000-000000000004', { withdrawnOn: '2026-11-23' })).statusCode).toBe(404);
    for (const agent of [world.agents.coordinator, world.agents.chair, world.agents.rep, world.agents.observer]) {
      expect((await withdraw(world, id, { withdrawnOn: '2026-11-23' }, world.area.id, agent)).statusCode).toBe(403);
    }
    expect(rowCounts(world)).toEqual(before);
    expect(world.database.db.select().from(protocolSignatures).all().find((s) => s.id === id)?.withdrawnOn).toBeNull();
  });
});

describe('invitations follow the register', () => {
  it('invites to a new series and meeting only the enabled serving agencies with a current signature', async () => {
    const world = await protocolWorld();
    const response = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/meeting-series',
      payload: { areaId: world.area.id, name: 'Testshire MARAC', recurrence: 'fortnightly', weekday: 'tuesday', firstDate: '2026-12-01', startTime: '09:30' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(CreatedMeetingSeries.parse(response.json()).meetingsCreated).toBe(13);
    const seriesMeetings = world.database.db.select().from(meetings).all();
    for (const meeting of seriesMeetings) expect(standingInvitees(world, meeting.id)).toEqual(byName(world.police, world.housing));

    const oneOff = await oneOffMeeting(world);
    expect(standingInvitees(world, oneOff.id)).toEqual(byName(world.police, world.housing));
  });

  it('refuses to invite for one case an agency that never signed or has withdrawn, writing nothing', async () => {
    const world = await protocolWorld();
    const meeting = await oneOffMeeting(world);
    const caseId = await caseOnAgenda(world, meeting.id);
    const before = rowCounts(world);
    for (const agency of [world.mind, world.school, world.health]) {
      const refused = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: agency.id, caseId, version: meetingVersion(world, meeting.id) } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        message: 'This agency is not signed up to the area’s information-sharing protocol, so it cannot be invited',
        fields: [{ field: 'agencyId', message: 'Not signed up to this area’s information-sharing protocol: an administrator records signatures in the protocol register' }],
      });
    }
    expect(rowCounts(world)).toEqual(before);

    // Once the administrator records the signature, the same invitation goes through.
    expect((await sign(world, { agencyId: world.mind.id, signedOn: '2026-11-23', signatory: 'Dr Mo Signer' })).statusCode).toBe(201);
    const list = MeetingInvitationList.parse((await world.agents.chair.request({ method: 'GET', url: `/api/meetings/${meeting.id}/invitations` })).json());
    // Signing invited it to the whole meeting, whose agenda is not yet out.
    expect(list.find((i) => i.agencyId === world.mind.id)).toMatchObject({ caseId: null });
  });

  it('sends a withdrawn agency nothing more when a published agenda is published again', async () => {
    const world = await protocolWorld();
    const meeting = await oneOffMeeting(world);
    const first = await caseOnAgenda(world, meeting.id);
    await publish(world, meeting.id);
    const tasks = () => world.database.db.select().from(research).all().filter((t) => t.agencyId === world.housing.id).map((t) => t.caseId);
    expect(tasks()).toEqual([first]);

    const signature = world.database.db.select().from(protocolSignatures).all().find((s) => s.agencyId === world.housing.id && s.areaId === world.area.id);
    expect((await withdraw(world, signature?.id as string, { withdrawnOn: '2026-11-23' })).statusCode).toBe(200);
    const second = await caseOnAgenda(world, meeting.id, { victim: { ...referralSubmission(world.area.id).victim, givenName: 'Bea', familyName: 'Bowden', datesOfBirth: ['1985-09-09'] } });
    expect(second).not.toBe(first);
    await publish(world, meeting.id);

    // The invitation and the first task stay; the police, still signed up, get the new case.
    expect(tasks()).toEqual([first]);
    expect(world.database.db.select().from(research).all().filter((t) => t.agencyId === world.police.id).map((t) => t.caseId).sort()).toEqual([first, second].sort());
  });
});

describe('demo data', () => {
  it('invites to each meeting only agencies with a current signature for its area', () => {
    const database = openDatabase(':memory:');
    migrateDatabase(database.db);
    try {
      generateHistory(database, { seed: 7, today: '2026-11-22', referrals: 30, passwordHash: 'not-a-real-hash' });
      const unsigned = database.sqlite
        .prepare(
          `SELECT count(*) AS n FROM meeting_invitations i JOIN meetings m ON m.id = i.meeting_id
           WHERE NOT EXISTS (SELECT 1 FROM protocol_signatures s WHERE s.area_id = m.area_id AND s.agency_id = i.agency_id AND s.withdrawn_on IS NULL)`,
        )
        .get() as { n: number };
      expect((database.sqlite.prepare('SELECT count(*) AS n FROM meeting_invitations').get() as { n: number }).n).toBeGreaterThan(0);
      expect(unsigned.n).toBe(0);
    } finally {
      database.close();
    }
  });
});
