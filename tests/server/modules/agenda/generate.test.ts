import { Agenda, GeneratedAgenda, MeetingSummary, ReferralDetail } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { agendaItems, auditEvents, referrals } from '../../../../server/src/db/schema';
import { decide, linkSubjectToPerson, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026; the factory's referrals are dated 20 November.

async function meeting(world: World, changes: Record<string, unknown> = {}): Promise<MeetingSummary> {
  const response = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30', referralCutoff: '2026-11-23', ...changes },
  });
  expect(response.statusCode, response.body).toBe(201);
  return MeetingSummary.parse(response.json());
}

/** A referral submitted by the police representative and accepted into Testshire. */
async function accepted(world: World, changes: Record<string, unknown> = {}): Promise<ReferralDetail> {
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, changes));
  const response = await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id });
  expect(response.statusCode, response.body).toBe(200);
  return ReferralDetail.parse(response.json());
}

/** A victim nobody else in the test shares, so each referral opens its own case. */
const victim = (givenName: string, familyName: string, dob: string) => ({
  givenName,
  familyName,
  aliases: [],
  datesOfBirth: [dob],
  gender: 'female',
  address: { line1: `${familyName} House`, line2: null, town: 'Testford', postcode: 'TS1 4XY' },
  phone: null,
});
const perpetrator = (givenName: string, familyName: string, dob: string) => ({ givenName, familyName, datesOfBirth: [dob], gender: 'male', relationshipToVictim: 'Ex-partner' });

async function generate(world: World, meetingId: string): Promise<GeneratedAgenda> {
  const response = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/generate`, payload: { version: meetingVersion(world, meetingId) } });
  expect(response.statusCode, response.body).toBe(200);
  return GeneratedAgenda.parse(response.json());
}

async function change(world: World, meetingId: string, payload: Record<string, unknown>) {
  return world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/changes`, payload: { version: meetingVersion(world, meetingId), ...payload } });
}

/** Each entry by the reference of the first referral it lists. */
const ref = (entry: Agenda['items'][number] | undefined) => entry?.referrals[0]?.reference;
const order = (agenda: Agenda) => agenda.items.map(ref);

describe('generating an agenda', () => {
  it('orders urgent, then repeat, then children, then oldest, with 12-minute slots from the start', async () => {
    const world = await referralWorld();
    const plainOld = await accepted(world, { referralDate: '2026-11-02', victim: victim('Olive', 'Oldfield', '1980-01-01'), householdMembers: [] });
    const plainNew = await accepted(world, { referralDate: '2026-11-18', victim: victim('Nina', 'Newby', '1981-01-01'), householdMembers: [] });
    const children = await accepted(world, { referralDate: '2026-11-19', victim: victim('Cleo', 'Childs', '1982-01-01') });
    const repeat = await accepted(world, { referralDate: '2026-11-20', knownRepeat: true, victim: victim('Rosa', 'Repton', '1983-01-01'), householdMembers: [] });
    const urgent = await accepted(world, { referralDate: '2026-11-21', urgent: true, victim: victim('Uma', 'Urquhart', '1984-01-01'), householdMembers: [] });
    const m = await meeting(world);

    const { agenda, overflow } = await generate(world, m.id);
    expect(overflow).toEqual([]);
    expect(order(agenda)).toEqual([urgent, repeat, children, plainOld, plainNew].map((r) => r.reference));
    expect(agenda.items.map((i) => i.slotStart)).toEqual(['09:30', '09:42', '09:54', '10:06', '10:18']);
    expect(agenda.items[0]).toMatchObject({ urgent: true, victimName: 'Uma Urquhart', pinned: false, manuallyPlaced: false, status: 'listed' });
    expect(agenda.items[2]?.flags.map((f) => f.kind)).toContain('children_in_household');
    expect(agenda.meeting.listedCount).toBe(5);

    // Each listed referral now names the meeting, so a second meeting does not take it again.
    const listedOn = world.database.db.select().from(referrals).all().filter((r) => r.agendaMeetingId === m.id);
    expect(listedOn).toHaveLength(5);
    const later = await meeting(world, { date: '2026-12-15' });
    expect((await generate(world, later.id)).agenda.items).toEqual([]);
  });

  it('leaves out referrals after the cut-off, and those not accepted', async () => {
    const world = await referralWorld();
    const inTime = await accepted(world, { referralDate: '2026-11-20', victim: victim('Ida', 'Intime', '1980-02-02') });
    await accepted(world, { referralDate: '2026-11-23', victim: victim('Lola', 'Late', '1980-03-03') });
    await submitReferral(world.agents.rep, referralSubmission(world.area.id, { victim: victim('Wendy', 'Waiting', '1980-04-04') }));
    const m = await meeting(world, { referralCutoff: '2026-11-20' });
    expect(order((await generate(world, m.id)).agenda)).toEqual([inTime.reference]);
  });

  it('puts cases sharing a perpetrator next to each other', async () => {
    const world = await referralWorld();
    const first = await accepted(world, { referralDate: '2026-11-01', victim: victim('Amy', 'Alder', '1990-01-01'), perpetrators: [perpetrator('Saul', 'Serial', '1985-05-05')], householdMembers: [] });
    const between = await accepted(world, { referralDate: '2026-11-05', victim: victim('Bea', 'Birch', '1991-01-01'), perpetrators: [perpetrator('Tom', 'Other', '1986-06-06')], householdMembers: [] });
    const pending = await submitReferral(
      world.agents.rep,
      referralSubmission(world.area.id, { referralDate: '2026-11-10', victim: victim('Cat', 'Cedar', '1992-01-01'), perpetrators: [perpetrator('Saul', 'Serial', '1985-05-05')], householdMembers: [] }),
    );
    // The coordinator confirms that the perpetrator is the one already held, then accepts.
    const held = first.perpetrators[0]?.personId as string;
    linkSubjectToPerson(world, pending.perpetrators[0]?.id as string, held);
    expect((await decide(world.agents.coordinator, pending.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);

    const m = await meeting(world);
    const { agenda } = await generate(world, m.id);
    expect(order(agenda)).toEqual([first.reference, pending.reference, between.reference]);
    const [a, b, c] = agenda.items;
    expect(a?.linkedItemIds).toEqual([b?.id]);
    expect(b?.linkedItemIds).toEqual([a?.id]);
    expect(c?.linkedItemIds).toEqual([]);
  });

  it('moves what does not fit to the next planned meeting and reports it', async () => {
    const world = await referralWorld();
    const refs = [];
    for (const [i, name] of ['Ann', 'Bet', 'Cas'].entries()) {
      refs.push(await accepted(world, { referralDate: `2026-11-1${i}`, victim: victim(name, 'Capacity', `198${i}-01-01`), householdMembers: [] }));
    }
    const small = await meeting(world, { capacity: 2 });
    const next = await meeting(world, { date: '2026-12-15' });
    const { agenda, overflow } = await generate(world, small.id);
    expect(order(agenda)).toEqual([refs[0]?.reference, refs[1]?.reference]);
    expect(overflow).toEqual([{ caseId: refs[2]?.caseId, caseReference: refs[2]?.caseReference, movedToMeetingId: next.id, movedToDate: '2026-12-15' }]);
    const nextAgenda = Agenda.parse((await world.agents.coordinator.request({ method: 'GET', url: `/api/meetings/${next.id}/agenda` })).json());
    expect(order(nextAgenda)).toEqual([refs[2]?.reference]);
    // The platform changed the next meeting's agenda: a change from a screen read before that is refused.
    expect(nextAgenda.meeting.version).toBe(next.version + 1);
  });

  it('keeps pins, hand moves and removals when rebuilt', async () => {
    const world = await referralWorld();
    const refs = [];
    for (const [i, name] of ['Dee', 'Eve', 'Fay', 'Gil'].entries()) {
      refs.push(await accepted(world, { referralDate: `2026-11-0${i + 1}`, victim: victim(name, 'Pinner', `197${i}-01-01`), householdMembers: [] }));
    }
    const m = await meeting(world);
    const other = await meeting(world, { date: '2026-12-15' });
    const first = (await generate(world, m.id)).agenda;
    const [dee, eve, fay, gil] = first.items;

    // Gil to the top (which pins him there), Eve off with a reason, Fay to the other meeting.
    expect((await change(world, m.id, { change: 'position', itemId: gil?.id, position: 1 })).statusCode).toBe(200);
    expect((await change(world, m.id, { change: 'remove', itemId: eve?.id, reason: 'Victim moved out of the area' })).statusCode).toBe(200);
    expect((await change(world, m.id, { change: 'move', itemId: fay?.id, toMeetingId: other.id })).statusCode).toBe(200);

    const rebuilt = (await generate(world, m.id)).agenda;
    expect(rebuilt.items.map((i) => [ref(i), i.position, i.pinned])).toEqual([
      [ref(gil), 1, true],
      [ref(dee), 2, false],
    ]);
    expect(rebuilt.removed).toMatchObject([{ caseId: eve?.caseId, removedReason: 'Victim moved out of the area' }]);
    const otherAgenda = (await generate(world, other.id)).agenda;
    // Fay stays where she was put by hand; Eve, off the first agenda, waits and is listed here.
    expect(otherAgenda.items.map((i) => [ref(i), i.manuallyPlaced])).toEqual(
      expect.arrayContaining([
        [ref(fay), true],
        [ref(eve), false],
      ]),
    );
    const audit = world.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'agenda' && e.action === 'update');
    expect(audit.map((e) => e.detail?.['change'] ?? 'generated')).toEqual(['generated', 'position', 'remove', 'move', 'generated', 'generated']);
  });

  it('refuses bad changes field by field and changes nothing', async () => {
    const world = await referralWorld();
    await accepted(world, { victim: victim('Hal', 'Full', '1970-01-01'), householdMembers: [] });
    await accepted(world, { victim: victim('Ivy', 'Full', '1971-01-01'), householdMembers: [] });
    const m = await meeting(world);
    const full = await meeting(world, { date: '2026-12-15', capacity: 1 });
    const items = (await generate(world, m.id)).agenda.items;
    await generate(world, full.id);
    // Fill the one place on the later meeting by moving a case there.
    expect((await change(world, m.id, { change: 'move', itemId: items[0]?.id, toMeetingId: full.id })).statusCode).toBe(200);
    const before = world.database.db.select().from(agendaItems).all();

    const noReason = await change(world, m.id, { change: 'remove', itemId: items[1]?.id, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([{ field: 'reason', message: 'Give the reason the case is taken off the agenda' }]);
    const intoFull = await change(world, m.id, { change: 'move', itemId: items[1]?.id, toMeetingId: full.id });
    expect(intoFull.statusCode).toBe(400);
    expect(intoFull.json().fields).toEqual([{ field: 'toMeetingId', message: 'That meeting is full: remove or move a case from it first' }]);
    const notHere = await change(world, full.id, { change: 'pin', itemId: items[1]?.id, pinned: true });
    expect(notHere.statusCode).toBe(404);
    expect(world.database.db.select().from(agendaItems).all()).toEqual(before);
  });

  it('lets the area’s chair read the agenda but only its coordinator build it', async () => {
    const world = await referralWorld();
    await accepted(world, { victim: victim('Jo', 'Access', '1972-01-01') });
    const m = await meeting(world);
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: meetingVersion(world, m.id) } })).statusCode).toBe(403);
    await generate(world, m.id);
    const read = await world.agents.chair.request({ method: 'GET', url: `/api/meetings/${m.id}/agenda` });
    expect(read.statusCode).toBe(200);
    expect(Agenda.parse(read.json()).items).toHaveLength(1);
    expect((await world.agents.otherCoordinator.request({ method: 'GET', url: `/api/meetings/${m.id}/agenda` })).statusCode).toBe(404);
    expect((await world.agents.otherCoordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: meetingVersion(world, m.id) } })).statusCode).toBe(404);
    expect((await world.agents.rep.request({ method: 'GET', url: `/api/meetings/${m.id}/agenda` })).statusCode).toBe(403);
  });
});
