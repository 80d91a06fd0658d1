import { describe, expect, it, vi } from 'vitest';
import { NotificationPage } from '@marac/shared';
import { transaction } from '../../../../server/src/db/client';
import { actionReminders, actionUpdates, actions, areas, auditEvents, notifications, outbox } from '../../../../server/src/db/schema';
import { runActionReminders, runActionRemindersInPages, startActionReminders } from '../../../../server/src/modules/actions/reminders';
import { JobRegistry } from '../../../../server/src/lib/jobs';
import { makeUser, signIn } from '../../helper';
import { actionWorld, detail, reassign, rowCounts, update, type ActionWorld } from './world';
import { adminVersion } from '../meetings/versions';

const PUBLIC_URL = 'https://marac.test.invalid';

/** One run of the daily job for `today`, as the platform runs it. */
const runOn = (world: ActionWorld, today: string) =>
  transaction(world.database, (db) => runActionReminders(db, today, new Date(`${today}T07:00:00.000Z`), PUBLIC_URL));

const stagesOf = (world: ActionWorld, actionId: string) =>
  world.database.db
    .select()
    .from(actionReminders)
    .all()
    .filter((r) => r.actionId === actionId)
    .map((r) => `${r.kind} ${r.sentOn}`);

const statusOf = (world: ActionWorld, actionId: string) => world.database.db.select().from(actions).all().find((a) => a.id === actionId)?.status;

/** Police and housing have secure mailboxes, so the e-mails can be read in the outbox. */
async function chasingWorld() {
  const world = await actionWorld();
  const mailbox = world.database.sqlite.prepare('update agencies set secure_email = ? where id = ?');
  mailbox.run('police.marac@police.test.invalid', world.police.id);
  mailbox.run('housing.marac@homes.test.invalid', world.housing.id);
  return world;
}

describe('the daily chase of open actions', () => {
  it('reminds before the due date, when overdue, and escalates to the coordinator then the chair, counting working days', async () => {
    const world = await chasingWorld();
    // Monday 23 November: due Wednesday 25 (reminded from Monday, 2 working days before) and Friday 27.
    const early = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-25');
    const later = await world.first.agree(world.police.id, 'Flag the address', '2026-11-27');

    expect(runOn(world, '2026-11-23')).toMatchObject({ workingDay: true, reminders: 1, escalated: 0 });
    expect(stagesOf(world, early)).toEqual(['due_soon 2026-11-23']);
    expect(stagesOf(world, later)).toEqual([]);
    runOn(world, '2026-11-24');
    expect(stagesOf(world, later)).toEqual([]);
    runOn(world, '2026-11-25');
    expect(stagesOf(world, later)).toEqual(['due_soon 2026-11-25']);
    // Overdue the day after the due date.
    runOn(world, '2026-11-26');
    expect(stagesOf(world, early)).toEqual(['due_soon 2026-11-23', 'overdue 2026-11-26']);
    // Nothing is sent at the weekend; Monday catches up.
    expect(runOn(world, '2026-11-28')).toMatchObject({ workingDay: false, reminders: 0 });
    expect(stagesOf(world, later)).toEqual(['due_soon 2026-11-25']);
    runOn(world, '2026-11-30');
    expect(stagesOf(world, later)).toEqual(['due_soon 2026-11-25', 'overdue 2026-11-30']);

    // Due Wednesday 25: overdue 4 working days on Tuesday 1 December, 5 on Wednesday 2 — escalated then.
    runOn(world, '2026-12-01');
    expect(statusOf(world, early)).toBe('open');
    expect(runOn(world, '2026-12-02')).toMatchObject({ escalated: 1 });
    expect(statusOf(world, early)).toBe('escalated');
    expect(stagesOf(world, early).at(-1)).toBe('escalated_coordinator 2026-12-02');
    const history = world.database.db.select().from(actionUpdates).all().filter((u) => u.actionId === early);
    expect(history.at(-1)).toMatchObject({ status: 'escalated', updatedBy: null, occurredOn: '2026-12-02', note: 'Escalated to the coordinator by the platform: overdue for 5 working days (due 25 November 2026)' });
    expect(world.database.db.select().from(auditEvents).all().filter((e) => e.entityId === early && e.userId === null)).toMatchObject([
      { action: 'update', entityType: 'action', detail: { escalatedTo: 'coordinator', automatic: true, overdueWorkingDays: 5 } },
    ]);
    // 10 working days overdue on Wednesday 9 December: the chair.
    runOn(world, '2026-12-08');
    expect(stagesOf(world, early)).not.toContain('escalated_chair 2026-12-08');
    runOn(world, '2026-12-09');
    expect(stagesOf(world, early).at(-1)).toBe('escalated_chair 2026-12-09');
    expect(world.database.db.select().from(actionUpdates).all().filter((u) => u.actionId === early).at(-1)?.note).toBe(
      'Escalated to the chair by the platform: overdue for 10 working days (due 25 November 2026)',
    );

    // The action's page shows where it stands.
    const agents = { coordinator: await signIn(world.app, world.users.coordinator.email) };
    const seen = await detail(agents.coordinator, early);
    expect(seen).toMatchObject({ status: 'escalated', escalation: 'chair' });
    expect(seen.reminders.map((r) => r.kind)).toEqual(['due_soon', 'overdue', 'escalated_coordinator', 'escalated_chair']);
    expect(seen.history.at(-1)).toMatchObject({ updatedBy: null, updatedByName: null });
  });

  it('gives an escalated action a new version, so an update sent from a page read before it is refused', async () => {
    const world = await chasingWorld();
    const action = await world.first.agree(world.police.id, 'Flag the address', '2026-11-25');
    const seen = await detail(world.agents.rep, action);
    expect(runOn(world, '2026-12-02')).toMatchObject({ escalated: 1 });
    const before = rowCounts(world);
    const stale = await update(world, world.agents.rep, action, { version: seen.version, status: 'in_progress', note: 'Working on it' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().fields).toEqual([{ field: 'version', message: 'Changed by someone else meanwhile' }]);
    expect(statusOf(world, action)).toBe('escalated');
    expect(rowCounts(world)).toEqual(before);
    const fresh = await update(world, world.agents.rep, action, { version: seen.version + 1, status: 'in_progress', note: 'Working on it' });
    expect(fresh.statusCode, fresh.body).toBe(201);
  });

  it('counts bank holidays out: due 23 December, escalated on 4 January and not before', async () => {
    const world = await chasingWorld();
    const action = await world.first.agree(world.housing.id, 'Refer to the sanctuary scheme', '2026-12-23');
    // Two working days before Wednesday 23 December is Monday 21.
    runOn(world, '2026-12-18');
    expect(stagesOf(world, action)).toEqual([]);
    runOn(world, '2026-12-21');
    expect(stagesOf(world, action)).toEqual(['due_soon 2026-12-21']);
    // Christmas Day (Friday) and the Boxing Day substitute (Monday 28) are not working days.
    expect(runOn(world, '2026-12-25').workingDay).toBe(false);
    expect(runOn(world, '2026-12-28').workingDay).toBe(false);
    runOn(world, '2026-12-24');
    // Overdue working days: 24, 29, 30, 31 December, then 4 January (1 January is New Year's Day).
    runOn(world, '2026-12-31');
    expect(statusOf(world, action)).toBe('open');
    expect(runOn(world, '2027-01-01').workingDay).toBe(false);
    runOn(world, '2027-01-04');
    expect(stagesOf(world, action)).toEqual(['due_soon 2026-12-21', 'overdue 2026-12-24', 'escalated_coordinator 2027-01-04']);
  });

  it('follows the area’s own thresholds, set by an administrator', async () => {
    const world = await chasingWorld();
    const admin = await signIn(world.app, (await makeUser(world.database, { role: 'administrator', areaIds: [] })).email);
    const settings = { actionReminderWorkingDays: 0, actionEscalateToCoordinatorWorkingDays: 1, actionEscalateToChairWorkingDays: 2 };
    const changed = await admin.request({ method: 'PATCH', url: `/api/admin/areas/${world.area.id}`, payload: { version: adminVersion(world, 'areas', world.area.id), settings } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(world.database.db.select().from(areas).all().find((a) => a.id === world.area.id)?.settings).toMatchObject({ repeatAnchor: 'last_referral', ...settings });
    const action = await world.first.agree(world.police.id, 'Bail check', '2026-11-25');
    runOn(world, '2026-11-24');
    expect(stagesOf(world, action)).toEqual([]);
    runOn(world, '2026-11-25');
    expect(stagesOf(world, action)).toEqual(['due_soon 2026-11-25']);
    runOn(world, '2026-11-26');
    expect(stagesOf(world, action)).toEqual(['due_soon 2026-11-25', 'overdue 2026-11-26', 'escalated_coordinator 2026-11-26']);
    runOn(world, '2026-11-27');
    expect(stagesOf(world, action).at(-1)).toBe('escalated_chair 2026-11-27');
  });

  it('is safe to run twice: a second run the same day writes nothing, and catching up tells only of the furthest stage', async () => {
    const world = await chasingWorld();
    const housing = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-25');
    const police = await world.first.agree(world.police.id, 'Flag the address', '2026-11-24');
    const first = runOn(world, '2026-11-23');
    expect(first).toMatchObject({ reminders: 2, notifications: 2, notices: 2 });
    const after = rowCounts(world);
    expect(runOn(world, '2026-11-23')).toMatchObject({ reminders: 0, escalated: 0, notifications: 0, notices: 0 });
    expect(rowCounts(world)).toEqual(after);

    // No run for two weeks: both reach the chair stage at once; each stage is recorded but told once.
    const caughtUp = runOn(world, '2026-12-10');
    expect(caughtUp).toMatchObject({ reminders: 6, escalated: 2 });
    expect(stagesOf(world, housing)).toEqual(['due_soon 2026-11-23', 'overdue 2026-12-10', 'escalated_coordinator 2026-12-10', 'escalated_chair 2026-12-10']);
    const updates = world.database.db.select().from(actionUpdates).all().filter((u) => u.actionId === housing && u.updatedBy === null);
    expect(updates.map((u) => u.note)).toEqual(['Escalated to the chair by the platform: overdue for 11 working days (due 25 November 2026)']);
    const steady = rowCounts(world);
    expect(runOn(world, '2026-12-10')).toMatchObject({ reminders: 0, notifications: 0, notices: 0 });
    expect(runOn(world, '2026-12-11')).toMatchObject({ reminders: 0, notifications: 0, notices: 0 });
    expect(rowCounts(world)).toEqual(steady);
    expect(statusOf(world, police)).toBe('escalated');
  });

  it('tells the agency, the coordinator and the chair in the platform and by e-mail, without personal data', async () => {
    const world = await chasingWorld();
    const action = await world.first.agree(world.housing.id, 'Fit target hardening to the property', '2026-11-25');
    runOn(world, '2026-11-23');
    runOn(world, '2026-12-02');
    runOn(world, '2026-12-09');

    const inbox = async (email: string) => {
      const agent = await signIn(world.app, email);
      const response = await agent.request({ method: 'GET', url: '/api/notifications' });
      expect(response.statusCode).toBe(200);
      return { agent, page: NotificationPage.parse(response.json()) };
    };
    const caseReference = world.database.sqlite.prepare('select reference from cases where id = ?').get(world.first.caseId) as { reference: string };
    const housing = await inbox(world.users.housingRep.email);
    expect(housing.page.items.map((n) => n.subject)).toEqual(['Overdue action escalated to the chair', 'Overdue action escalated to the coordinator', 'Action due 25 November 2026']);
    expect(housing.page.items[2]).toMatchObject({ link: `/actions/${action}`, body: `An action your agency agreed at the MARAC for case ${caseReference.reference} is due on 25 November 2026. Update it when it is done.` });
    expect(housing.page.unread).toBe(3);
    const coordinator = await inbox(world.users.coordinator.email);
    expect(coordinator.page.items.map((n) => n.subject)).toEqual(['Overdue action escalated to the chair', 'Overdue action escalated to the coordinator']);
    expect(coordinator.page.items[1]?.body).toBe(`An action Testshire Homes agreed at the MARAC for case ${caseReference.reference}, due on 25 November 2026, has been overdue for 5 working days.`);
    const chair = await inbox(world.users.chair.email);
    expect(chair.page.items.map((n) => n.subject)).toEqual(['Overdue action escalated to the chair']);
    // The police were not concerned.
    expect((await inbox(world.users.rep.email)).page.total).toBe(0);

    // Reading one: only one's own.
    const id = housing.page.items[0]?.id as string;
    expect((await coordinator.agent.request({ method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(404);
    expect((await housing.agent.request({ method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(204);
    const unread = NotificationPage.parse((await housing.agent.request({ method: 'GET', url: '/api/notifications?unread=true' })).json());
    expect(unread).toMatchObject({ total: 2, unread: 2 });

    const mail = world.database.db.select().from(outbox).all();
    expect(mail.map((m) => [m.recipient, m.subject])).toEqual([
      ['housing.marac@homes.test.invalid', 'MARAC actions to update: Testshire'],
      ['coord@test.invalid', 'MARAC actions escalated to you: Testshire'],
      ['housing.marac@homes.test.invalid', 'MARAC actions to update: Testshire'],
      ['coord@test.invalid', 'MARAC actions escalated to you: Testshire'],
      ['chair@test.invalid', 'MARAC actions escalated to you: Testshire'],
      ['housing.marac@homes.test.invalid', 'MARAC actions to update: Testshire'],
    ]);
    expect(mail[0]?.body).toBe(
      `Your agency has actions from the Testshire MARAC that need updating:\n\n- 1 action due soon\n\nSign in to update them: ${PUBLIC_URL}/actions?areaId=${world.area.id}`,
    );
    expect(mail[4]?.body).toContain('1 overdue action in the Testshire MARAC has been escalated to you as its chair.');
    for (const m of mail) {
      for (const personal of ['Ada', 'Tracker', 'Alice', 'Bernard', caseReference.reference, 'target hardening']) expect(`${m.subject} ${m.body}`).not.toContain(personal);
    }
  });

  it('stops chasing a closed action, and starts again for a new agency and due date', async () => {
    const world = await chasingWorld();
    const done = await world.first.agree(world.police.id, 'Flag the address', '2026-11-25');
    const moved = await world.first.agree(world.police.id, 'Bail check', '2026-11-25');
    expect((await update(world, world.agents.rep, done, { status: 'completed', note: 'Marker placed' })).statusCode).toBe(201);
    runOn(world, '2026-12-02');
    expect(stagesOf(world, done)).toEqual([]);
    expect(stagesOf(world, moved)).toEqual(['overdue 2026-12-02', 'escalated_coordinator 2026-12-02']);

    world.clock.advanceMinutes(9 * 24 * 60);
    const coordinator = await signIn(world.app, world.users.coordinator.email);
    const response = await reassign(world, coordinator, moved, { agencyId: world.housing.id, note: 'Housing hold the tenancy', dueDate: '2026-12-09' });
    expect(response.statusCode, response.body).toBe(200);
    runOn(world, '2026-12-10');
    expect(stagesOf(world, moved)).toEqual(['overdue 2026-12-02', 'escalated_coordinator 2026-12-02', 'overdue 2026-12-10']);
    const housingNotices = world.database.db.select().from(notifications).all().filter((n) => n.userId === world.users.housingRep.id);
    expect(housingNotices.map((n) => n.subject)).toEqual(['Action reassigned to your agency, due 9 December 2026', 'Action overdue']);
  });

  it('works through a backlog page by page, each page committed on its own, reaching every action once', async () => {
    const world = await chasingWorld();
    // More open actions than one page holds (250), all due this Wednesday.
    const agreed: string[] = [];
    for (let i = 0; i < 260; i++) agreed.push(await world.first.agree(i % 2 ? world.housing.id : world.police.id, `Safety step ${i}`, '2026-11-25'));
    const commits: number[] = [];
    const watcher = world.database.sqlite.prepare('select count(*) as n from action_reminders');
    const report = await runActionRemindersInPages(
      world.database,
      '2026-11-23',
      () => {
        // Each page reads the clock once, inside its own transaction: what earlier pages wrote is committed by then.
        commits.push((watcher.get() as { n: number }).n);
        return new Date('2026-11-23T07:00:00.000Z');
      },
      PUBLIC_URL,
    );
    expect(report).toMatchObject({ workingDay: true, reminders: 260 });
    expect(commits).toEqual([0, 250]);
    expect(new Set(world.database.db.select().from(actionReminders).all().map((r) => r.actionId))).toEqual(new Set(agreed));
    // Again the same day: nothing more.
    expect(runOn(world, '2026-11-23')).toMatchObject({ reminders: 0, notifications: 0, notices: 0 });
  });

  it('runs when started and again when the day changes, on the app’s clock, reporting each run', async () => {
    const world = await chasingWorld();
    const action = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-25');
    const log = { warn: (details: object, message: string) => console.error(message, details) };
    const jobs = new JobRegistry();
    // Only the job's timer is faked: its checks run when the test says, never against the wall clock.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const job = startActionReminders(world.database, world.clock.now, PUBLIC_URL, log, jobs, 10);
      await job.idle();
      // When started: Monday 23 November, two working days before the due date.
      expect(stagesOf(world, action)).toEqual(['due_soon 2026-11-23']);
      vi.advanceTimersByTime(50);
      await job.idle();
      expect(stagesOf(world, action)).toEqual(['due_soon 2026-11-23']);
      expect(jobs.list()).toMatchObject([{ name: 'action-reminders', runs: 1, failures: 0, lastError: null }]);
      world.clock.advanceMinutes(3 * 24 * 60);
      vi.advanceTimersByTime(10);
      await job.idle();
      expect(stagesOf(world, action)).toEqual(['due_soon 2026-11-23', 'overdue 2026-11-26']);
      expect(jobs.list()).toMatchObject([{ runs: 2, lastSuccessAt: world.clock.now() }]);
      expect(await job.run()).toMatchObject({ today: '2026-11-26', reminders: 0 });
      job.stop();
      world.clock.advanceMinutes(7 * 24 * 60);
      vi.advanceTimersByTime(50);
      await job.idle();
      expect(stagesOf(world, action)).toHaveLength(2);
      expect(jobs.list()).toMatchObject([{ runs: 2 }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
