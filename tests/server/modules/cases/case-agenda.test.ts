import { describe, expect, it } from 'vitest';
import { Agenda, Minutes, ResearchPacket } from '@marac/shared';
import { packetVersions } from '../../../../server/src/db/schema';
import { acceptedReferral, matchDecided, referralSubmission, submitReferral, viewReferral, type World } from '../referrals/factories';
import { agendaOf, decided, get, housingUnsafe, laterReferral, policyWorld, publishedCase, TODAY } from './world';
import { meetingVersion, minutesVersion } from '../meetings/versions';

const packet = async (agent: World['agents']['rep'], meetingId: string, caseId: string) => {
  const response = await get(agent, `/api/meetings/${meetingId}/packets/${caseId}`);
  expect(response.statusCode, response.body).toBe(200);
  return ResearchPacket.parse(response.json());
};

describe('an agenda lists cases, and a packet is built from the whole case', () => {
  it('lists a case with two referrals once, both under it, and names in its packet everyone either referral names', async () => {
    const world = await policyWorld();
    const first = await acceptedReferral(world, referralSubmission(world.area.id, { referralDate: '2026-11-10' }));
    // The second referral names no child but gives the victim another name.
    const second = await submitReferral(
      world.agents.rep,
      referralSubmission(world.area.id, { referralDate: '2026-11-20', householdMembers: [], victim: { ...referralSubmission(world.area.id).victim, aliases: [{ givenName: 'Allie', familyName: 'Ash' }] } }),
    );
    await matchDecided(world.agents.coordinator, second.id, second.victim.id, first.victim.personId as string, 'confirm');
    await decided(world.agents.coordinator, second.id, { decision: 'accept', areaId: world.area.id });
    const created = await world.agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '10:00', referralCutoff: TODAY } });
    const meetingId = created.json().id as string;
    const generated = Agenda.parse((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/generate`, payload: { version: meetingVersion(world, meetingId) } })).json().agenda);
    expect(generated.items).toHaveLength(1);
    expect(generated.items[0]).toMatchObject({ caseId: first.caseId, referralDate: '2026-11-10', referrals: [{ reference: first.reference }, { reference: second.reference }] });
    expect(generated.meeting.listedCount).toBe(1);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/publish`, payload: { version: meetingVersion(world, meetingId) } })).statusCode).toBe(200);

    const sent = await packet(world.agents.rep, meetingId, first.caseId as string);
    expect(sent.people.filter((p) => p.role === 'victim')).toHaveLength(1);
    expect(sent.people.find((p) => p.role === 'victim')?.otherNames).toEqual(expect.arrayContaining(['Ali Ashdown', 'Allie Ash']));
    // Only the first referral names the child: the packet still does.
    expect(sent.people.find((p) => p.role === 'child')).toMatchObject({ name: 'Cara Ashdown', datesOfBirth: ['2019-06-30'] });
    expect(sent.people.filter((p) => p.role === 'perpetrator')).toHaveLength(1);
    expect(sent).toMatchObject({ version: 1, changes: [] });
  });

  it('gives agencies the other names, dates of birth and addresses of a confirmed identity, but none drawn from a case that bars the reader', async () => {
    const world = await policyWorld();
    // In the other area the perpetrator is held under another name, date of birth and address, on a
    // case that names housing as unsafe.
    const elsewhere = await acceptedReferral(
      world,
      referralSubmission(world.other.id, {
        victim: { givenName: 'Olga', familyName: 'Other', aliases: [], datesOfBirth: ['1992-02-02'], gender: 'female', address: { line1: '8 Far Lane', line2: null, town: 'Otherton', postcode: 'OT1 2BB' }, phone: null },
        perpetrators: [{ givenName: 'Bernie', familyName: 'Brooke', datesOfBirth: ['1987-01-02'], gender: 'male', address: { line1: '44 Secret Row', line2: null, town: 'Otherton', postcode: 'OT1 3CC' }, relationshipToVictim: 'Partner' }],
        householdMembers: [],
        unsafeContacts: housingUnsafe(world),
      }),
      { coordinator: world.agents.otherCoordinator, areaId: world.other.id },
    );
    const here = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    // The coordinator confirms the perpetrator is the one held elsewhere.
    await matchDecided(world.agents.coordinator, here.id, here.perpetrators[0]?.id as string, elsewhere.perpetrators[0]?.personId as string, 'confirm');
    await decided(world.agents.coordinator, here.id, { decision: 'accept', areaId: world.area.id });
    const accepted = await viewReferral(world.agents.coordinator, here.id);
    const created = await world.agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '10:00', referralCutoff: TODAY } });
    const meetingId = created.json().id as string;
    await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/generate`, payload: { version: meetingVersion(world, meetingId) } });
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/publish`, payload: { version: meetingVersion(world, meetingId) } })).statusCode).toBe(200);

    const police = (await packet(world.agents.rep, meetingId, accepted.caseId as string)).people.find((p) => p.role === 'perpetrator');
    expect(police?.otherNames).toContain('Bernie Brooke');
    expect(police?.datesOfBirth).toEqual(['1987-01-02', '1987-02-01']);
    expect(police?.otherAddresses).toContain('44 Secret Row, Otherton, OT1 3CC');
    // Housing is barred from the other case: nothing read from its records reaches housing through this one.
    const housingPacket = await get(world.agents.housingRep, `/api/meetings/${meetingId}/packets/${accepted.caseId}`);
    expect(housingPacket.statusCode).toBe(200);
    expect(housingPacket.body).not.toMatch(/Bernie|1987-01-02|Secret Row/);
    // The victim of the other case is no one in this case's packet.
    expect(housingPacket.body).not.toMatch(/Olga|Far Lane/);
  });

  it('keeps each published packet as sent, and says what changed in the next version', async () => {
    const world = await policyWorld();
    const { referral, caseId, meeting } = await publishedCase(world);
    await laterReferral(world, referral, { householdMembers: [{ role: 'child', givenName: 'Dan', familyName: 'Ashdown', datesOfBirth: ['2021-03-03'], relationshipToVictim: 'Son', relationshipToPerpetrator: 'Son', school: null }] });
    // Until the agenda is published again, agencies keep what they were sent.
    const before = await packet(world.agents.rep, meeting.id, caseId);
    expect(before.version).toBe(1);
    expect(before.people.map((p) => p.name)).not.toContain('Dan Ashdown');

    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
    const after = await packet(world.agents.rep, meeting.id, caseId);
    expect(after.version).toBe(2);
    expect(after.people.map((p) => p.name)).toContain('Dan Ashdown');
    expect(after.changes).toContain('Added: Dan Ashdown (child)');
    expect(world.database.db.select().from(packetVersions).all().map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('gives the meeting a new version when a referral joins a listed case, so a publication from the agenda seen before is refused', async () => {
    const world = await policyWorld();
    const { referral, meeting } = await publishedCase(world);
    const seen = (await agendaOf(world.agents.coordinator, meeting.id)).meeting.version;
    await laterReferral(world, referral, { householdMembers: [] });
    const now = await agendaOf(world.agents.coordinator, meeting.id);
    expect(now.meeting.version).toBe(seen + 1);
    expect(now.items[0]?.referrals).toHaveLength(2);
    const stale = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: seen } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().fields).toEqual([{ field: 'version', message: 'Changed by someone else meanwhile' }]);
    expect(world.database.db.select().from(packetVersions).all().map((v) => v.version)).toEqual([1]);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: now.meeting.version } })).statusCode).toBe(200);
  });
});

describe('what was heard is a record', () => {
  it('keeps the flags a hearing was told when a later referral would raise others, and shows those apart', async () => {
    const world = await policyWorld();
    const { referral, meeting, item } = await publishedCase(world, { date: TODAY, changes: { householdMembers: [] } });
    expect(item.flags.map((f) => f.kind)).not.toContain('repeat');
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/minutes/generate`, payload: { version: minutesVersion(world, meeting.id) } })).statusCode).toBe(200);
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/minutes/sign-off`, payload: { version: minutesVersion(world, meeting.id) } })).statusCode).toBe(200);

    // A referral entered late, dated before the first, makes the first a repeat.
    await laterReferral(world, referral, { referralDate: '2026-11-01', householdMembers: [] });
    const agenda = await agendaOf(world.agents.coordinator, meeting.id);
    const heard = agenda.items[0];
    expect(heard?.flags.map((f) => f.kind)).not.toContain('repeat');
    expect(heard?.flagsSince.map((f) => f.kind)).toContain('repeat');
    const minutes = Minutes.parse((await get(world.agents.coordinator, `/api/meetings/${meeting.id}/minutes`)).json());
    expect(minutes.content.cases[0]?.flags).not.toContain('Repeat');
  });
});
