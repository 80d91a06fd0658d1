import { describe, expect, it } from 'vitest';
import { ApiError, RepeatWindowList } from '@marac/shared';
import { auditEvents, cases } from '../../../../server/src/db/schema';
import { makeUser, signIn, type Agent } from '../../helper';
import { acceptedReferral, referralSubmission, referralWorld, rowCounts, type World } from '../referrals/factories';
import { countWindowsLapsingBetween, windowsLapsingBetween } from '../../../../server/src/modules/history/windows';
import { plainReferral, setRepeatAnchor } from './helpers';

/** A case for a victim of this given name, opened by a referral on `referralDate` and accepted in the area. */
async function caseOf(world: World, givenName: string, referralDate: string, area: 'area' | 'other' = 'area') {
  const victim = { ...referralSubmission(world.area.id).victim, givenName, aliases: [] };
  const areaId = world[area].id;
  const referral = await acceptedReferral(world, plainReferral(areaId, { victim, referralDate, incidentDates: [] }), {
    coordinator: area === 'area' ? world.agents.coordinator : world.agents.otherCoordinator,
    areaId,
  });
  return { referralId: referral.id, caseId: referral.caseId!, name: `${givenName} Ashdown` };
}

async function windows(agent: Agent, query = '') {
  const response = await agent.request({ method: 'GET', url: `/api/repeat-windows${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return RepeatWindowList.parse(response.json());
}

const names = (items: RepeatWindowList['lapsingSoon']) => items.map((i) => i.victimName);
/** Case history the platform has no API for yet (hearings, closing, transfers), written directly. */
const updateCase = (world: World, caseId: string, assignments: string, ...values: string[]) =>
  world.database.sqlite.prepare(`update cases set ${assignments} where id = ?`).run(...values, caseId);

describe('GET /api/repeat-windows', () => {
  it('lists windows lapsing in the next 30 days, soonest first, and lapsed in the last 30, latest first, to the day', async () => {
    const world = await referralWorld();
    // Today is 23 November 2026; counted from the last referral, a window lapses on its anniversary.
    const tomorrow = await caseOf(world, 'Tamsin', '2025-11-24');
    const lapsing = await caseOf(world, 'Lara', '2025-12-10');
    await caseOf(world, 'Thea', '2025-12-23');
    await caseOf(world, 'Beyond', '2025-12-24');
    await caseOf(world, 'Today', '2025-11-23');
    await caseOf(world, 'Lena', '2025-11-01');
    await caseOf(world, 'Edge', '2025-10-24');
    await caseOf(world, 'Older', '2025-10-23');
    await caseOf(world, 'Recent', '2026-06-01');

    const list = await windows(world.agents.coordinator);
    expect(list.today).toBe('2026-11-23');
    expect(list.noticeDays).toBe(30);
    expect(list.lapsingSoon.map((i) => [i.victimName, i.daysUntilLapse, i.lapsesOn])).toEqual([
      ['Tamsin Ashdown', 1, '2026-11-24'],
      ['Lara Ashdown', 17, '2026-12-10'],
      ['Thea Ashdown', 30, '2026-12-23'],
    ]);
    expect(list.lapsedRecently.map((i) => [i.victimName, i.daysUntilLapse, i.lapsesOn])).toEqual([
      ['Today Ashdown', 0, '2026-11-23'],
      ['Lena Ashdown', -22, '2026-11-01'],
      ['Edge Ashdown', -30, '2026-10-24'],
    ]);
    const theCase = world.database.db.select().from(cases).all().find((c) => c.id === lapsing.caseId)!;
    expect(list.lapsingSoon[1]).toEqual({
      caseId: lapsing.caseId,
      caseReference: theCase.reference,
      area: { id: world.area.id, name: 'Testshire', code: 'TST' },
      victimName: 'Lara Ashdown',
      status: 'lapsing_soon',
      anchor: 'last_referral',
      anchorDate: '2025-12-10',
      lapsesOn: '2026-12-10',
      daysUntilLapse: 17,
    });
    expect(list.lapsedRecently.every((i) => i.status === 'lapsed_recently')).toBe(true);
    // Nothing beyond what the list needs: no address or date of birth.
    expect(JSON.stringify(list)).not.toMatch(/Example Street|TS1 2AB|1990-04-12/);
    expect(list.lapsingSoon[0]!.caseId).toBe(tomorrow.caseId);
    expect([list.lapsingSoonTotal, list.lapsedRecentlyTotal]).toEqual([3, 3]);
  });

  it('finds every anchor whose window lapses on a day, month ends included, and shows the first of a long list with the count of all', async () => {
    const world = await referralWorld();
    const leap = await caseOf(world, 'Leap', '2025-10-01');
    const eve = await caseOf(world, 'Eve', '2025-10-02');
    const after = await caseOf(world, 'After', '2025-10-03');
    // Histories from before the platform, written directly: a window from 29 February lapses on 28 February.
    updateCase(world, leap.caseId, 'last_referral_date = ?', '2024-02-29');
    updateCase(world, eve.caseId, 'last_referral_date = ?', '2024-02-28');
    updateCase(world, after.caseId, 'last_referral_date = ?', '2024-03-01');
    const viewer = { ...world.users.coordinator, areaIds: [world.area.id], agencyId: null, disclosed: new Set<string>() };
    const db = world.database.db;
    expect(names(windowsLapsingBetween(db, viewer, [world.area.id], '2025-02-28', '2025-02-28', '2025-02-28'))).toEqual(['Eve Ashdown', 'Leap Ashdown']);
    expect(countWindowsLapsingBetween(db, viewer, [world.area.id], '2025-02-28', '2025-02-28')).toBe(2);
    expect(names(windowsLapsingBetween(db, viewer, [world.area.id], '2025-02-28', '2025-03-01', '2025-02-28', { limit: 2 }))).toEqual(['Eve Ashdown', 'Leap Ashdown']);
    expect(names(windowsLapsingBetween(db, viewer, [world.area.id], '2025-02-28', '2025-03-01', '2025-02-28', { limit: 1, latestFirst: true }))).toEqual(['After Ashdown']);
    expect(countWindowsLapsingBetween(db, viewer, [world.area.id], '2025-02-28', '2025-03-01')).toBe(3);
  });

  it('keeps closed cases on the list and leaves out cases transferred to another area', async () => {
    const world = await referralWorld();
    const closed = await caseOf(world, 'Clara', '2025-12-01');
    const moved = await caseOf(world, 'Mona', '2025-12-02');
    updateCase(world, closed.caseId, 'status = ?, closed_at = ?', 'closed', '2026-01-10T12:00:00.000Z');
    updateCase(world, moved.caseId, 'status = ?, transferred_to_area_id = ?', 'transferred_out', world.other.id);
    expect(names((await windows(world.agents.coordinator)).lapsingSoon)).toEqual(['Clara Ashdown']);
  });

  it('counts from the last hearing where the area says so, and from the referral until a case is heard', async () => {
    const world = await referralWorld();
    await setRepeatAnchor(world, world.area.id, 'last_hearing');
    const heard = await caseOf(world, 'Hetty', '2025-10-01');
    updateCase(world, heard.caseId, 'last_hearing_date = ?', '2025-12-01');
    // Heard in January: by its referral it would have lapsed 13 days ago; by its hearing it is open.
    const heardLater = await caseOf(world, 'Jan', '2025-11-10');
    updateCase(world, heardLater.caseId, 'last_hearing_date = ?', '2026-01-10');
    await caseOf(world, 'Unheard', '2025-12-05');

    const list = await windows(world.agents.coordinator);
    expect(list.lapsingSoon.map((i) => [i.victimName, i.anchor, i.anchorDate, i.lapsesOn, i.daysUntilLapse])).toEqual([
      ['Hetty Ashdown', 'last_hearing', '2025-12-01', '2026-12-01', 8],
      ['Unheard Ashdown', 'last_hearing', '2025-12-05', '2026-12-05', 12],
    ]);
    expect(list.lapsedRecently).toEqual([]);

    // The same cases counted from the referral.
    await setRepeatAnchor(world, world.area.id, 'last_referral');
    const byReferral = await windows(world.agents.coordinator);
    expect(byReferral.lapsingSoon.map((i) => [i.victimName, i.anchor])).toEqual([['Unheard Ashdown', 'last_referral']]);
    expect(byReferral.lapsedRecently.map((i) => [i.victimName, i.daysUntilLapse])).toEqual([['Jan Ashdown', -13]]);
  });

  it('covers the user’s areas, or one of them when asked, and never another area’s cases', async () => {
    const world = await referralWorld();
    await caseOf(world, 'Tessa', '2025-12-01');
    await caseOf(world, 'Olive', '2025-12-02', 'other');

    expect(names((await windows(world.agents.coordinator)).lapsingSoon)).toEqual(['Tessa Ashdown']);
    expect(names((await windows(world.agents.chair)).lapsingSoon)).toEqual(['Tessa Ashdown']);
    expect(names((await windows(world.agents.otherCoordinator)).lapsingSoon)).toEqual(['Olive Ashdown']);

    const both = await makeUser(world.database, { role: 'coordinator', areaIds: [world.area.id, world.other.id], email: 'both@test.invalid' });
    const bothAgent = await signIn(world.app, both.email);
    expect(names((await windows(bothAgent)).lapsingSoon)).toEqual(['Tessa Ashdown', 'Olive Ashdown']);
    const filtered = await windows(bothAgent, `?areaId=${world.other.id}`);
    expect(filtered.lapsingSoon.map((i) => [i.victimName, i.area.name, i.area.code])).toEqual([['Olive Ashdown', 'Otherton', 'OTH']]);
  });

  it('refuses an area that is not the user’s, an invalid area id and roles without the list, changing nothing', async () => {
    const world = await referralWorld();
    await caseOf(world, 'Olive', '2025-12-02', 'other');
    const before = rowCounts(world);
    for (const query of [`?areaId=${world.other.id}`, `?areaId=${crypto.randomUUID()}`, '?areaId=not-an-id']) {
      const response = await world.agents.coordinator.request({ method: 'GET', url: `/api/repeat-windows${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaId']);
      expect(response.body).not.toContain('Olive');
    }
    for (const agent of [world.agents.rep, world.agents.observer]) {
      expect((await agent.request({ method: 'GET', url: '/api/repeat-windows' })).statusCode).toBe(403);
    }
    expect((await world.app.inject({ method: 'GET', url: '/api/repeat-windows' })).statusCode).toBe(401);
    expect(rowCounts(world)).toEqual(before);
  });

  it('audits each listing with the area asked for and the number returned, without personal data', async () => {
    const world = await referralWorld();
    await caseOf(world, 'Tessa', '2025-12-01');
    await caseOf(world, 'Lena', '2025-11-01');
    world.clock.advanceMinutes(3);
    await windows(world.agents.coordinator);
    await windows(world.agents.chair, `?areaId=${world.area.id}`);
    const listed = world.database.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === 'list' && e.entityType === 'case');
    expect(listed).toMatchObject([
      { userId: world.users.coordinator.id, entityId: null, at: '2026-11-23T10:03:00.000Z', detail: { repeatWindows: true, areaId: null, returned: 2 } },
      { userId: world.users.chair.id, entityId: null, detail: { repeatWindows: true, areaId: world.area.id, returned: 2 } },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/Tessa|Lena|Ashdown/);
  });
});
