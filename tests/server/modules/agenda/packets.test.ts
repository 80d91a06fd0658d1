import { MeetingList, PacketList, ResearchPacket, type MeetingSummary } from '@marac/shared';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../../../server/src/db/schema';
import { makeUser, signIn } from '../../helper';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

/**
 * A published agenda with two cases. The second names the housing service as unsafe to contact, and
 * a police officer by e-mail, so neither receives its packet.
 */
async function publishedWorld() {
  const world = await referralWorld();
  const accept = async (changes: Record<string, unknown>) => {
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, changes));
    expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
    return referral;
  };
  const plain = await accept({ unsafeContacts: [] });
  const guarded = await accept({
    victim: { givenName: 'Greta', familyName: 'Guarded', aliases: [{ givenName: 'Gret', familyName: 'Guarded' }], datesOfBirth: ['1979-09-09'], gender: 'female', address: { line1: '5 Hidden Lane', line2: null, town: 'Testford', postcode: 'TS1 9QQ' } },
    unsafeContacts: [
      { name: 'Hal Housing', relationship: "Perpetrator's brother", email: null, agencyId: world.housing.id, reason: 'Works at the service' },
      { name: 'Paula Police', relationship: "Perpetrator's cousin", email: 'paula.police@test.invalid', agencyId: null, reason: 'Related to the perpetrator' },
    ],
  });
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30', referralCutoff: '2026-11-23' },
  });
  const meeting = created.json() as MeetingSummary;
  await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } });
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  await makeUser(world.database, { role: 'agency_representative', agencyId: world.police.id, areaIds: [world.area.id], email: 'paula.police@test.invalid', name: 'Paula Police' });
  const paula = await signIn(world.app, 'paula.police@test.invalid');
  const caseOf = (referralId: string) => (world.database.sqlite.prepare('SELECT case_id FROM referrals WHERE id = ?').get(referralId) as { case_id: string }).case_id;
  return { ...world, meeting, plain, guarded, paula, plainCase: caseOf(plain.id), guardedCase: caseOf(guarded.id) };
}

const packets = async (agent: World['agents']['rep'], meetingId: string) => PacketList.parse((await agent.request({ method: 'GET', url: `/api/meetings/${meetingId}/packets` })).json());

describe('research packets', () => {
  it('gives each agency the packets of its cases, and none to an agency or person named unsafe', async () => {
    const world = await publishedWorld();
    expect((await packets(world.agents.rep, world.meeting.id)).map((p) => p.caseId).sort()).toEqual([world.plainCase, world.guardedCase].sort());
    expect((await packets(world.agents.housingRep, world.meeting.id)).map((p) => p.caseId)).toEqual([world.plainCase]);
    expect((await packets(world.paula, world.meeting.id)).map((p) => p.caseId)).toEqual([world.plainCase]);
    for (const agent of [world.agents.housingRep, world.paula]) {
      expect((await agent.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/packets/${world.guardedCase}` })).statusCode).toBe(404);
      expect((await agent.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/packets/${world.guardedCase}/pdf` })).statusCode).toBe(404);
    }
    expect((await world.agents.otherCoordinator.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/packets` })).statusCode).toBe(404);
    // Representatives find the published meeting their agency is invited to in their list of meetings.
    const listed = MeetingList.parse((await world.agents.housingRep.request({ method: 'GET', url: '/api/meetings?from=2026-12-01' })).json());
    expect(listed.map((m) => [m.id, m.status])).toEqual([[world.meeting.id, 'agenda_published']]);
  });

  it('shows a representative nothing of a meeting their agency is not invited to', async () => {
    const world = await publishedWorld();
    world.database.sqlite.prepare('DELETE FROM meeting_invitations WHERE agency_id = ?').run(world.housing.id);
    expect(MeetingList.parse((await world.agents.housingRep.request({ method: 'GET', url: '/api/meetings?from=2026-12-01' })).json())).toEqual([]);
    for (const url of [`/api/meetings/${world.meeting.id}`, `/api/meetings/${world.meeting.id}/packets`, `/api/meetings/${world.meeting.id}/agenda/pdf`]) {
      expect((await world.agents.housingRep.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('carries identifiers, flags and the referring agency, and never the narrative, answers or unsafe contacts', async () => {
    const world = await publishedWorld();
    const response = await world.agents.rep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/packets/${world.guardedCase}` });
    expect(response.statusCode).toBe(200);
    const packet = ResearchPacket.parse(response.json());
    expect(packet).toMatchObject({ caseId: world.guardedCase, areaName: 'Testshire', referringAgencyName: 'Testshire Police', researchDeadline: '2026-12-04', meetingDate: '2026-12-08' });
    expect(packet.people.find((p) => p.role === 'victim')).toEqual({
      role: 'victim',
      name: 'Greta Guarded',
      otherNames: ['Gret Guarded'],
      datesOfBirth: ['1979-09-09'],
      address: '5 Hidden Lane, Testford, TS1 9QQ',
      otherAddresses: [],
    });
    // The child has no address of their own and lives with the victim.
    expect(packet.people.find((p) => p.role === 'child')?.address).toBe('5 Hidden Lane, Testford, TS1 9QQ');
    expect(packet.flags.map((f) => f.kind)).toContain('children_in_household');
    expect(response.body).not.toMatch(/invented incident|Paula|Hal Housing|Being killed|07700|TS\/C\/2026/);
    const views = world.database.db.select().from(auditEvents).all().filter((e) => e.action === 'view' && e.entityId === world.guardedCase);
    expect(views).toHaveLength(1);
  });

  it('prints the packet and the agenda as PDFs marked with the recipient, the date and OFFICIAL-SENSITIVE', async () => {
    const world = await publishedWorld();
    const response = await world.agents.rep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/packets/${world.guardedCase}/pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).not.toMatch(/Greta|Guarded/);
    const parsed = await new PDFParse({ data: new Uint8Array(response.rawPayload) }).getText();
    expect(parsed.text).toContain('OFFICIAL-SENSITIVE');
    expect(parsed.text).toContain('for Rita Rep, Testshire Police');
    expect(parsed.text).toContain('23 November 2026');
    expect(parsed.text).toContain('Victim: Greta Guarded');
    expect(parsed.text).toContain('Also known as: Gret Guarded');
    expect(parsed.text).toContain('Date of birth: 9 September 1979');
    expect(parsed.text).not.toContain('Paula');

    const agenda = await world.agents.housingRep.request({ method: 'GET', url: `/api/meetings/${world.meeting.id}/agenda/pdf` });
    expect(agenda.statusCode).toBe(200);
    const agendaText = (await new PDFParse({ data: new Uint8Array(agenda.rawPayload) }).getText()).text;
    expect(agendaText).toContain('Testshire MARAC agenda');
    expect(agendaText).toContain('for Hal Housing, Testshire Homes');
    // The housing service is not invited to the guarded case, so its agenda does not show it.
    expect(agendaText).not.toContain('Greta');
    expect(agendaText).toContain('Alice Ashdown');
    const exports = world.database.db.select().from(auditEvents).all().filter((e) => e.action === 'export');
    expect(exports.map((e) => e.entityType).sort()).toEqual(['agenda', 'case']);
  });
});
