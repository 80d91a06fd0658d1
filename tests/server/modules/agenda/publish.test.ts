import { PublishedAgenda, type MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { agendaVersions, meetings, outbox, research } from '../../../../server/src/db/schema';
import { makeAgency } from '../../helper';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

async function publishWorld() {
  const world = await referralWorld();
  const db = world.database.db;
  // The factory's agencies have no mailbox; give the police one, and add a mental health service with one.
  world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac.police@police.test.invalid', world.police.id);
  const health = makeAgency(world.database, [world.area.id], { name: 'Testshire Mental Health', kind: 'mental_health', secureEmail: 'marac@mh.test.invalid' });
  return { ...world, db, health };
}

async function acceptedCase(world: World, changes: Record<string, unknown>) {
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, changes));
  expect((await decide(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  return referral;
}

async function meetingWithAgenda(world: World): Promise<MeetingSummary> {
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: 'one_off', date: '2026-12-08', startTime: '09:30', referralCutoff: '2026-11-23' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as MeetingSummary;
}

const publish = (world: World, meetingId: string, agent = world.agents.coordinator) => agent.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/publish`, payload: { version: meetingVersion(world, meetingId) } });

describe('publishing an agenda', () => {
  it('refuses an empty agenda and changes nothing', async () => {
    const world = await publishWorld();
    const m = await meetingWithAgenda(world);
    const response = await publish(world, m.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ field: 'agenda', message: 'Add at least one case before publishing the agenda' }]);
    expect(world.db.select().from(agendaVersions).all()).toEqual([]);
    expect(world.db.select().from(meetings).all().find((r) => r.id === m.id)?.status).toBe('planned');
  });

  it('freezes a numbered version, gives each invited agency a research task per case, and never the unsafe agency', async () => {
    const world = await publishWorld();
    const safe = await acceptedCase(world, { victim: { givenName: 'Sasha', familyName: 'Safe', datesOfBirth: ['1985-01-01'], gender: 'female', address: null } });
    // This referral names the mental health service as unsafe: a relative of the perpetrator works there.
    const unsafe = await acceptedCase(world, {
      victim: { givenName: 'Ursula', familyName: 'Unsafe', datesOfBirth: ['1986-01-01'], gender: 'female', address: null },
      unsafeContacts: [{ name: 'Dora Brook', relationship: "Perpetrator's mother, works at the service", email: null, agencyId: world.health.id, reason: 'Passes information on' }],
    });
    const m = await meetingWithAgenda(world);
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: meetingVersion(world, m.id) } })).statusCode).toBe(200);

    const response = await publish(world, m.id);
    expect(response.statusCode, response.body).toBe(200);
    const published = PublishedAgenda.parse(response.json());
    // Police, housing and mental health are invited: 3 tasks for one case, 2 for the other.
    expect(published).toMatchObject({ version: 1, researchTasks: 5, withheldCount: 1, notices: 2 });
    expect(published.agenda.meeting.status).toBe('agenda_published');
    const tasks = world.db.select().from(research).all();
    const caseOf = (referralId: string) => published.agenda.items.find((i) => i.referrals.some((r) => r.id === referralId))?.caseId;
    expect(tasks.filter((t) => t.caseId === caseOf(unsafe.id)).map((t) => t.agencyId).sort()).toEqual([world.police.id, world.housing.id].sort());
    expect(tasks.filter((t) => t.caseId === caseOf(safe.id))).toHaveLength(3);
    expect(tasks.every((t) => t.status === 'not_started' && t.dueDate === published.agenda.meeting.researchDeadline)).toBe(true);

    const versions = world.db.select().from(agendaVersions).all();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ meetingId: m.id, version: 1 });

    // Notices go to the mailboxes with a link and counts, and nothing about the people.
    const notices = world.db.select().from(outbox).all();
    expect(notices.map((n) => n.recipient).sort()).toEqual(['marac.police@police.test.invalid', 'marac@mh.test.invalid']);
    const police = notices.find((n) => n.recipient.startsWith('marac.police')) as (typeof notices)[number];
    expect(police.subject).toBe('MARAC agenda published: Testshire, 8 December 2026');
    expect(police.body).toContain('Your agency has 2 cases to research by 4 December 2026.');
    expect(police.body).toContain(`/meetings/${m.id}`);
    expect(notices.find((n) => n.recipient.startsWith('marac@mh'))?.body).toContain('Your agency has 1 case to research');
    for (const n of notices) expect(`${n.subject} ${n.body}`).not.toMatch(/Sasha|Ursula|Safe|Unsafe|Bernard|Brook|Dora/);
  });

  it('publishes a changed agenda as the next version without doubling research tasks', async () => {
    const world = await publishWorld();
    await acceptedCase(world, {});
    const m = await meetingWithAgenda(world);
    await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: meetingVersion(world, m.id) } });
    expect(PublishedAgenda.parse((await publish(world, m.id)).json()).version).toBe(1);
    const tasks = world.db.select().from(research).all().length;
    const again = PublishedAgenda.parse((await publish(world, m.id)).json());
    expect(again).toMatchObject({ version: 2, researchTasks: 0 });
    expect(world.db.select().from(research).all()).toHaveLength(tasks);
    expect(world.db.select().from(outbox).all().filter((n) => n.subject.startsWith('MARAC agenda updated'))).toHaveLength(2);
  });

  it('is the coordinator’s to do', async () => {
    const world = await publishWorld();
    await acceptedCase(world, {});
    const m = await meetingWithAgenda(world);
    await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: meetingVersion(world, m.id) } });
    expect((await publish(world, m.id, world.agents.chair)).statusCode).toBe(403);
    expect((await publish(world, m.id, world.agents.otherCoordinator)).statusCode).toBe(404);
    expect(world.db.select().from(agendaVersions).all()).toEqual([]);
  });
});

describe('an agenda changed by two people', () => {
  async function builtAgenda() {
    const world = await publishWorld();
    await acceptedCase(world, { victim: { givenName: 'Sasha', familyName: 'Safe', datesOfBirth: ['1985-01-01'], gender: 'female', address: null } });
    await acceptedCase(world, { victim: { givenName: 'Tara', familyName: 'Second', datesOfBirth: ['1986-02-02'], gender: 'female', address: null } });
    const m = await meetingWithAgenda(world);
    const built = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/generate`, payload: { version: 0 } });
    expect(built.statusCode, built.body).toBe(200);
    return { world, m, agenda: PublishedAgenda.shape.agenda.parse(built.json().agenda) };
  }
  const state = (world: World & { db: typeof world.database.db }) => ({
    meetings: world.db.select().from(meetings).all(),
    items: world.database.sqlite.prepare('select id, position, pinned, status from agenda_items order by id').all(),
    versions: world.db.select().from(agendaVersions).all(),
  });
  const changeOf = (world: World, meetingId: string, payload: Record<string, unknown>) =>
    world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/agenda/changes`, payload });

  it('refuses a build, a change or a publication from a version someone else has changed since, changing nothing', async () => {
    const { world, m, agenda } = await builtAgenda();
    const seen = agenda.meeting.version;
    expect(seen).toBe(1);
    const [first, second] = agenda.items;
    // Another coordinator pins the second case first.
    const theirs = await changeOf(world, m.id, { change: 'pin', itemId: second?.id, pinned: true, version: seen });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(PublishedAgenda.shape.agenda.parse(theirs.json()).meeting.version).toBe(seen + 1);
    const before = state(world);
    for (const [path, body] of [
      ['changes', { change: 'position', itemId: second?.id, position: 1, version: seen }],
      ['changes', { change: 'remove', itemId: first?.id, reason: 'Moved away', version: seen }],
      ['generate', { version: seen }],
      ['publish', { version: seen }],
    ] as const) {
      const stale = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${m.id}/agenda/${path}`, payload: body });
      expect(stale.statusCode, `${path}: ${stale.body}`).toBe(409);
      expect(stale.json()).toMatchObject({ message: 'Someone else changed this meeting’s agenda since you opened it: their version is shown; check it, then make your change again', fields: [{ field: 'version' }] });
      expect(state(world)).toEqual(before);
    }
    const published = await publish(world, m.id);
    expect(published.statusCode, published.body).toBe(200);
    expect(PublishedAgenda.parse(published.json()).agenda.meeting.version).toBe(seen + 2);
  });

  it('lets exactly one of two changes sent at once from the same version win', async () => {
    const { world, m, agenda } = await builtAgenda();
    const [first, second] = agenda.items;
    const answers = await Promise.all([
      changeOf(world, m.id, { change: 'position', itemId: second?.id, position: 1, version: agenda.meeting.version }),
      changeOf(world, m.id, { change: 'remove', itemId: second?.id, reason: 'Moved away', version: agenda.meeting.version }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(first).toBeDefined();
    expect(meetingVersion(world, m.id)).toBe(agenda.meeting.version + 1);
  });
});
