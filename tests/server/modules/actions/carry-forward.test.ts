import { describe, expect, it } from 'vitest';
import { Agenda } from '@marac/shared';
import { transaction } from '../../../../server/src/db/client';
import { runActionReminders } from '../../../../server/src/modules/actions/reminders';
import { actionWorld, daysLater, meetingOn, update } from './world';

describe('carrying actions into the next meeting’s outstanding-actions review', () => {
  it('brings back every action not closed, overdue or not, again after “carried forward”, and never a closed one', async () => {
    const world = await actionWorld();
    // Monday 23 November.
    const carried = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-30');
    const reviewedDone = await world.first.agree(world.police.id, 'Flag the address', '2026-11-30');
    const doneBetween = await world.first.agree(world.housing.id, 'Arrange a refuge place', '2026-11-30');
    const inProgress = await world.first.agree(world.police.id, 'Bail check', '2026-12-02');
    const notYetDue = await world.first.agree(world.police.id, 'Probation licence review', '2027-01-15');
    await world.first.minute();

    // Between the meetings the agencies update: one finished, one under way; the job escalates the rest.
    expect((await update(world, world.agents.housingRep, doneBetween, { status: 'completed', note: 'Refuge place found' })).statusCode).toBe(201);
    expect((await update(world, world.agents.rep, inProgress, { status: 'in_progress', note: 'Bail conditions checked with the court' })).statusCode).toBe(201);
    transaction(world.database, (db) => runActionReminders(db, '2026-12-07', new Date('2026-12-07T07:00:00.000Z'), 'https://marac.test.invalid'));

    // Monday 7 December: the next meeting.
    let agents = await daysLater(world, 14);
    const second = await meetingOn(world, agents, '2026-12-07', 'Bel');
    const agendaOf = async (meetingId: string) => Agenda.parse((await agents.chair.request({ method: 'GET', url: `/api/meetings/${meetingId}/agenda` })).json());
    const reviews = (await agendaOf(second.meeting.id)).reviews;
    expect(Object.fromEntries(reviews.map((r) => [r.actionId, [r.status, r.overdue, r.outcome]]))).toEqual({
      [carried]: ['escalated', true, null],
      [reviewedDone]: ['escalated', true, null],
      [inProgress]: ['in_progress', true, null],
      [notYetDue]: ['open', false, null],
    });
    const review = (actionId: string, body: Record<string, unknown>) => agents.chair.request({ method: 'POST', url: `/api/meetings/${second.meeting.id}/reviews/${actionId}`, payload: body });
    expect((await review(carried, { outcome: 'carried_forward', note: 'Locksmith booked for next week' })).statusCode).toBe(204);
    expect((await review(reviewedDone, { outcome: 'completed' })).statusCode).toBe(204);
    const secondAction = await second.agree(world.housing.id, 'Housing transfer application', '2026-12-14');
    await second.minute();

    // Monday 21 December: carried forward comes again, with what the second meeting agreed and what is
    // still in progress; the one reviewed as completed does not.
    agents = await daysLater(world, 14);
    const third = await meetingOn(world, agents, '2026-12-21', 'Cat');
    const again = (await agendaOf(third.meeting.id)).reviews;
    expect(again.map((r) => r.actionId).sort()).toEqual([carried, inProgress, notYetDue, secondAction].sort());
    expect(again.find((r) => r.actionId === carried)).toMatchObject({ status: 'escalated', overdue: true, outcome: null });
    expect(again.find((r) => r.actionId === secondAction)).toMatchObject({ overdue: true, caseReference: expect.any(String) });
    // The second meeting's list keeps what it decided.
    expect(Object.fromEntries((await agendaOf(second.meeting.id)).reviews.filter((r) => r.outcome).map((r) => [r.actionId, r.outcome]))).toEqual({
      [carried]: 'carried_forward',
      [reviewedDone]: 'completed',
    });
  });
});
