import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, ActionDetail, type ActionStatus } from '@marac/shared';
import { actionUpdates, notifications } from '../../../../server/src/db/schema';
import { makeAgency, signIn } from '../../helper';
import { actionWorld, auditOf, daysLater, detail, reassign, setStatus, snapshot, update } from './world';

const CLOSED: ActionStatus[] = ['completed', 'not_possible', 'not_completed'];

/** What each actor may do from each status: every other pair is refused. */
function expected(from: ActionStatus, to: ActionStatus, actor: 'agency' | 'marac'): number {
  if (CLOSED.includes(from)) return actor === 'marac' && (to === 'open' || to === 'in_progress') ? 201 : 409;
  if (to === 'not_completed' && actor === 'agency') return 403;
  if (to === 'open' && from !== 'open') return 409;
  return 201;
}

describe('updating an action: the status graph', () => {
  it('allows and refuses each transition, for the agency and for the coordinator, with a reason in words', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Flag the address for a priority response', '2026-12-04');
    const outcomes: string[] = [];
    for (const [actor, email] of [
      ['agency', world.users.rep.email],
      ['marac', world.users.coordinator.email],
    ] as const) {
      // Signed in for this round: the clock moves a minute per update, past an idle session's limit.
      const agent = await signIn(world.app, email);
      for (const from of ACTION_STATUSES) {
        for (const to of ACTION_STATUSES) {
          setStatus(world, actionId, from);
          // History is in the order it was recorded: each update a moment after the one before.
          world.clock.advanceMinutes(1);
          const before = snapshot(world);
          const response = await update(world, agent, actionId, { status: to, note: 'What was done' });
          outcomes.push(`${actor} ${from} → ${to}: ${response.statusCode}`);
          expect(response.statusCode, `${actor} ${from} → ${to}: ${response.body}`).toBe(expected(from, to, actor));
          if (response.statusCode === 201) {
            const after = ActionDetail.parse(response.json());
            expect(after.status).toBe(to);
            expect(after.history.at(-1)).toMatchObject({ status: to, note: 'What was done', occurredOn: '2026-11-23' });
          } else {
            // A refusal explains itself on the status field and changes nothing, audit included.
            expect(response.json().fields).toEqual([{ field: 'status', message: response.json().message }]);
            expect(snapshot(world)).toEqual(before);
          }
        }
      }
    }
    // 2 actors × 36 pairs, each checked above.
    expect(outcomes).toHaveLength(72);
  });

  it('explains why a closed action or a step back is refused', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Flag the address', '2026-12-04');
    await update(world, world.agents.rep, actionId, { status: 'in_progress', note: null });
    const back = await update(world, world.agents.rep, actionId, { status: 'open', note: 'Not started after all' });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toBe('An action that is in progress cannot go back to open');
    const failed = await update(world, world.agents.rep, actionId, { status: 'not_completed', note: 'We did not do it' });
    expect(failed.statusCode).toBe(403);
    expect(failed.json().message).toBe('Only the MARAC coordinator or chair can record that an action was not completed by the agency');

    expect((await update(world, world.agents.rep, actionId, { status: 'completed', note: 'Marker placed on the address' })).statusCode).toBe(201);
    const closed = await update(world, world.agents.rep, actionId, { status: 'in_progress', note: 'More to do' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toBe('This action is closed (completed): only the MARAC coordinator can reopen it');
    const sideways = await update(world, world.agents.coordinator, actionId, { status: 'not_possible', note: 'Moved away' });
    expect(sideways.statusCode).toBe(409);
    expect(sideways.json().message).toBe('This action is closed (completed): reopen it as open or in progress first');

    // The coordinator reopens it, with the reason; the agency can then carry on.
    const reopened = await update(world, world.agents.coordinator, actionId, { status: 'in_progress', note: 'The marker was removed in error' });
    expect(reopened.statusCode).toBe(201);
    expect(ActionDetail.parse(reopened.json()).allowedStatuses).toEqual(['in_progress', 'completed', 'not_possible', 'not_completed', 'escalated']);
    expect(ActionDetail.parse((await world.agents.rep.request({ method: 'GET', url: `/api/actions/${actionId}` })).json()).allowedStatuses).toEqual([
      'in_progress',
      'completed',
      'not_possible',
      'escalated',
    ]);
  });
});

describe('updating an action: what an update carries', () => {
  it('keeps every update as history with who, when and what was done', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Serve the DVPN', '2026-12-04');
    world.clock.advanceMinutes(10);
    expect((await update(world, world.agents.rep, actionId, { status: 'in_progress', note: 'Officer allocated' })).statusCode).toBe(201);
    world.clock.advanceMinutes(10);
    // A note-only update keeps the status.
    expect((await update(world, world.agents.rep, actionId, { status: 'in_progress', note: 'Notice drafted' })).statusCode).toBe(201);
    const agents = await daysLater(world, 2);
    const done = await update(world, agents.rep, actionId, { status: 'completed', note: 'Notice served on the perpetrator', occurredOn: '2026-11-24' });
    expect(done.statusCode, done.body).toBe(201);
    const action = ActionDetail.parse(done.json());
    expect(action).toMatchObject({ status: 'completed', closedOn: '2026-11-24', overdue: false, allowedStatuses: [], canReassign: false });
    expect(action.history.map((h) => [h.status, h.note, h.occurredOn, h.updatedByName, h.updatedAt])).toEqual([
      ['open', 'Agreed at the meeting', '2026-11-23', 'Chad Chair', '2026-11-23T10:00:00.000Z'],
      ['in_progress', 'Officer allocated', '2026-11-23', 'Rita Rep', '2026-11-23T10:10:00.000Z'],
      ['in_progress', 'Notice drafted', '2026-11-23', 'Rita Rep', '2026-11-23T10:20:00.000Z'],
      ['completed', 'Notice served on the perpetrator', '2026-11-24', 'Rita Rep', '2026-11-25T10:20:00.000Z'],
    ]);
    expect(action.history.slice(1).every((h) => h.updatedBy === world.users.rep.id)).toBe(true);
    // Every update and view is audited, with ids and field names, never the note.
    const audit = auditOf(world, 'action').filter((e) => e.entityId === actionId);
    expect(audit.filter((e) => e.action === 'update').map((e) => e.detail)).toEqual([
      expect.objectContaining({ from: 'open', to: 'in_progress', fields: ['status', 'note'] }),
      expect.objectContaining({ from: 'in_progress', to: 'in_progress' }),
      expect.objectContaining({ from: 'in_progress', to: 'completed', fields: ['status', 'note', 'occurredOn'] }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Notice served');
    await detail(agents.rep, actionId);
    expect(auditOf(world, 'action').filter((e) => e.entityId === actionId && e.action === 'view')).toHaveLength(1);
  });

  it('refuses bad input and changes nothing: no note where one is needed, an unknown status, a date in the future or before the meeting, a closed action', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Serve the DVPN', '2026-12-04');
    const before = snapshot(world);
    const refused = async (payload: Record<string, unknown>, status: number) => {
      const response = await update(world, world.agents.rep, actionId, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(snapshot(world)).toEqual(before);
      return response.json() as { code: string; message: string; fields: { field: string; message: string }[] };
    };
    expect((await refused({ status: 'completed', note: null }, 400)).fields).toEqual([{ field: 'note', message: 'Say what was done to complete the action' }]);
    expect((await refused({ status: 'completed', note: '   ' }, 400)).fields).toEqual([{ field: 'note', message: 'Say what was done to complete the action' }]);
    expect((await refused({ status: 'completed' }, 400)).fields).toEqual([{ field: 'note', message: 'Say what was done to complete the action' }]);
    expect((await refused({ status: 'not_possible' }, 400)).fields).toEqual([{ field: 'note', message: 'Say what changed that made the action impossible' }]);
    expect((await refused({ status: 'escalated' }, 400)).fields).toEqual([{ field: 'note', message: 'Say why the action is escalated' }]);
    expect((await refused({ status: 'open' }, 400)).fields).toEqual([{ field: 'note', message: 'Add a note of what was done' }]);
    expect((await refused({ status: 'finished', note: 'Done' }, 400)).fields.map((f) => f.field)).toEqual(['status']);
    expect((await refused({ note: 'Done' }, 400)).fields).toEqual([{ field: 'status', message: 'Choose the status of the action' }]);
    expect((await refused({ status: 'completed', note: 'x'.repeat(2001) }, 400)).fields).toEqual([{ field: 'note', message: 'Must be 2000 characters or fewer' }]);
    expect((await refused({ status: 'in_progress', occurredOn: '2026-11-24' }, 400)).fields).toEqual([{ field: 'occurredOn', message: 'The date cannot be in the future' }]);
    expect((await refused({ status: 'in_progress', occurredOn: '2026-11-20' }, 400)).fields).toEqual([
      { field: 'occurredOn', message: 'The date cannot be before the meeting that agreed the action (23 November 2026)' },
    ]);
    expect((await refused({ status: 'in_progress', occurredOn: '2026-02-30' }, 400)).fields.map((f) => f.field)).toEqual(['occurredOn']);

    // An action closed (by the meeting's review, here) refuses the agency's update.
    setStatus(world, actionId, 'not_possible');
    const closed = snapshot(world);
    const response = await update(world, world.agents.rep, actionId, { status: 'completed', note: 'Done after all' });
    expect(response.statusCode).toBe(409);
    expect(snapshot(world)).toEqual(closed);
  });

  it('lets the coordinator record an update for the agency, and only in their own area', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-12-04');
    const byCoordinator = await update(world, world.agents.coordinator, actionId, { status: 'not_completed', note: 'Housing did not attend and gave no reason' });
    expect(byCoordinator.statusCode).toBe(201);
    const rows = world.database.db.select().from(actionUpdates).all().filter((u) => u.actionId === actionId);
    expect(rows.at(-1)).toMatchObject({ status: 'not_completed', updatedBy: world.users.coordinator.id });
    const before = snapshot(world);
    expect((await update(world, world.agents.otherCoordinator, actionId, { status: 'open', note: 'Reopen' })).statusCode).toBe(404);
    expect((await update(world, world.agents.observer, actionId, { status: 'open', note: 'Reopen' })).statusCode).toBe(403);
    expect(snapshot(world)).toEqual(before);
  });
});

describe('reassigning an action to another agency', () => {
  it('is the coordinator’s or chair’s: kept in the history, with the reason and a new due date, and the new agency told', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Check the tenancy for the victim', '2026-12-04');
    world.clock.advanceMinutes(5);
    const response = await reassign(world, world.agents.coordinator, actionId, { agencyId: world.housing.id, note: 'Housing hold the tenancy record', ownerName: 'H. Officer', dueDate: '2026-12-11' });
    expect(response.statusCode, response.body).toBe(200);
    const action = ActionDetail.parse(response.json());
    expect(action).toMatchObject({ agencyId: world.housing.id, agencyName: 'Testshire Homes', ownerName: 'H. Officer', dueDate: '2026-12-11', status: 'open', canReassign: true });
    expect(action.history.at(-1)).toMatchObject({
      status: 'open',
      note: 'Housing hold the tenancy record',
      fromAgencyId: world.police.id,
      fromAgencyName: 'Testshire Police',
      toAgencyId: world.housing.id,
      toAgencyName: 'Testshire Homes',
      dueDate: '2026-12-11',
      updatedByName: 'Cora Coordinator',
    });
    // The housing representative now has it, and has been told; the police no longer reach it.
    expect((await detail(world.agents.housingRep, actionId)).history).toHaveLength(2);
    const told = world.database.db.select().from(notifications).all();
    expect(told.map((n) => [n.userId, n.subject])).toEqual([[world.users.housingRep.id, 'Action reassigned to your agency, due 11 December 2026']]);
    expect((await world.agents.rep.request({ method: 'GET', url: `/api/actions/${actionId}` })).statusCode).toBe(404);
    expect(auditOf(world, 'action').filter((e) => e.entityId === actionId && e.action === 'update').map((e) => e.detail)).toEqual([
      expect.objectContaining({ reassigned: true, fromAgencyId: world.police.id, toAgencyId: world.housing.id, dueDateChanged: true }),
    ]);
    // The chair may give it back.
    const back = await reassign(world, world.agents.chair, actionId, { agencyId: world.police.id, note: 'Police to lead after all' });
    expect(back.statusCode, back.body).toBe(200);
    expect(ActionDetail.parse(back.json())).toMatchObject({ agencyId: world.police.id, dueDate: '2026-12-11', ownerName: null });
  });

  it('refuses an agency that does not serve the area, is disabled or has not signed its protocol, and a closed action', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Check the tenancy', '2026-12-04');
    const elsewhere = makeAgency(world.database, [world.other.id], { name: 'Otherton Homes', kind: 'housing' });
    const disabled = makeAgency(world.database, [world.area.id], { name: 'Closed Service', kind: 'other', disabledAt: '2026-06-01T00:00:00.000Z' });
    const unsigned = makeAgency(world.database, [world.area.id], { name: 'New Service', kind: 'other' });
    world.database.sqlite.prepare('delete from protocol_signatures where agency_id = ?').run(unsigned.id);
    const before = snapshot(world);
    const refused = async (payload: Record<string, unknown>, status = 400) => {
      const response = await reassign(world, world.agents.coordinator, actionId, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(snapshot(world)).toEqual(before);
      return response.json() as { message: string; fields: { field: string; message: string }[] };
    };
    const notServing = 'Choose an agency that serves this MARAC area and has signed its information-sharing protocol';
    for (const agency of [elsewhere, disabled, unsigned]) {
      expect((await refused({ agencyId: agency.id, note: 'Theirs' })).fields).toEqual([{ field: 'agencyId', message: notServing }]);
    }
    expect((await refused({ agencyId: '00000000-0000-4000-8000-000000000000', note: 'Theirs' })).fields).toEqual([{ field: 'agencyId', message: notServing }]);
    expect((await refused({ agencyId: world.police.id, note: 'Same' })).fields).toEqual([{ field: 'agencyId', message: 'The action is already with this agency: choose another' }]);
    expect((await refused({ agencyId: world.housing.id })).fields).toEqual([{ field: 'note', message: 'Say why the action is reassigned' }]);
    expect((await refused({ agencyId: world.housing.id, note: 'Theirs', dueDate: '2026-11-20' })).fields).toEqual([{ field: 'dueDate', message: 'The due date must be today or later' }]);
    expect((await refused({ note: 'Theirs' })).fields).toEqual([{ field: 'agencyId', message: 'Choose the agency that takes the action over' }]);
    setStatus(world, actionId, 'completed');
    const closed = snapshot(world);
    const response = await reassign(world, world.agents.coordinator, actionId, { agencyId: world.housing.id, note: 'Theirs' });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('A closed action cannot be reassigned: reopen it first');
    expect(snapshot(world)).toEqual(closed);
  });
});

describe('an action changed by two people', () => {
  it('refuses an update or a reassignment from a version someone else has changed since, changing nothing, and takes one from the newer version', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Flag the address', '2026-12-04');
    const seen = await detail(world.agents.rep, actionId);
    expect(seen.version).toBe(0);
    // The coordinator escalates it while the police officer's page is open.
    const theirs = await update(world, world.agents.coordinator, actionId, { version: 0, status: 'escalated', note: 'No progress reported' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(ActionDetail.parse(theirs.json())).toMatchObject({ status: 'escalated', version: 1 });
    const before = snapshot(world);

    // Sent from what the officer saw before: it would have put the status back to in progress.
    const stale = await update(world, world.agents.rep, actionId, { version: 0, status: 'in_progress', note: 'Marker being placed' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      code: 'conflict',
      message: 'Someone else changed this action since you opened it: their version is shown; check it, then make your change again',
      fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }],
      requestId: expect.any(String),
    });
    expect(snapshot(world)).toEqual(before);
    const staleMove = await reassign(world, world.agents.chair, actionId, { version: 0, agencyId: world.housing.id, note: 'Housing to lead' });
    expect(staleMove.statusCode).toBe(409);
    expect(snapshot(world)).toEqual(before);

    // Shown the escalation, the officer sends their update again from it.
    const fresh = await update(world, world.agents.rep, actionId, { version: 1, status: 'in_progress', note: 'Marker being placed' });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(ActionDetail.parse(fresh.json())).toMatchObject({ status: 'in_progress', version: 2 });
    const moved = await reassign(world, world.agents.chair, actionId, { version: 2, agencyId: world.housing.id, note: 'Housing to lead' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(ActionDetail.parse(moved.json())).toMatchObject({ agencyId: world.housing.id, version: 3 });
  });

  it('lets exactly one of two updates sent at once from the same version win', async () => {
    const world = await actionWorld();
    const actionId = await world.first.agree(world.police.id, 'Flag the address', '2026-12-04');
    const answers = await Promise.all([
      update(world, world.agents.rep, actionId, { version: 0, status: 'completed', note: 'Marker placed' }),
      update(world, world.agents.coordinator, actionId, { version: 0, status: 'escalated', note: 'No progress reported' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const winner = ActionDetail.parse(answers.find((a) => a.statusCode === 201)?.json());
    const after = await detail(world.agents.coordinator, actionId);
    expect(after).toMatchObject({ status: winner.status, version: 1 });
    expect(after.history).toHaveLength(2);
  });
});
