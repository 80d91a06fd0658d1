import { Agenda, CaseRecord, MeetingSummary } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { actionUpdates, actions } from '../../../../server/src/db/schema';
import { signIn } from '../../helper';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

/** An emergency meeting on today's date with one case, published and started; returns its agenda. */
async function meetingToday(world: World, agents: Pick<World['agents'], 'coordinator' | 'chair' | 'rep'>, date: string, victim: string) {
  const referral = await submitReferral(agents.rep, referralSubmission(world.area.id, { referralDate: date, victim: { givenName: victim, familyName: 'Review', datesOfBirth: ['1980-01-01'], gender: 'female', address: null } }));
  expect((await decide(agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const meeting = MeetingSummary.parse(
    (await agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'emergency', date, startTime: '15:00', referralCutoff: date } })).json(),
  );
  const agenda = Agenda.parse((await agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).json().agenda);
  expect((await agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  expect((await agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  return { meeting, itemId: agenda.items[0]?.id as string };
}

describe('reviewing earlier actions at the next meeting', () => {
  it('marks each completed, not possible, not completed or carried forward, and keeps the reason', async () => {
    const world = await referralWorld();
    // Monday 23 November: the first meeting agrees three actions due the next Monday.
    const first = await meetingToday(world, world.agents, '2026-11-23', 'Ada');
    const ids: string[] = [];
    for (const description of ['Fit extra locks', 'Arrange a refuge place', 'Refer to the perpetrator programme']) {
      const added = CaseRecord.parse(
        (
          await world.agents.chair.request({
            method: 'POST',
            url: `/api/meetings/${first.meeting.id}/cases/${first.itemId}/actions`,
            payload: { agencyId: world.housing.id, description, dueDate: '2026-11-30' },
          })
        ).json(),
      );
      ids.push(added.actions.at(-1)?.id as string);
    }
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${first.meeting.id}/status`, payload: { status: 'minuted', version: meetingVersion(world, first.meeting.id) } })).statusCode).toBe(200);

    // Two weeks later (Monday 7 December) the next meeting reviews them.
    world.clock.advanceMinutes(14 * 24 * 60);
    const agents = { coordinator: await signIn(world.app, world.users.coordinator.email), chair: await signIn(world.app, world.users.chair.email), rep: await signIn(world.app, world.users.rep.email) };
    const next = await meetingToday(world, agents, '2026-12-07', 'Bel');
    const agendaUrl = `/api/meetings/${next.meeting.id}/agenda`;
    const before = Agenda.parse((await agents.chair.request({ method: 'GET', url: agendaUrl })).json());
    expect(before.reviews.map((r) => r.description).sort()).toEqual(['Arrange a refuge place', 'Fit extra locks', 'Refer to the perpetrator programme']);
    expect(before.reviews.every((r) => r.outcome === null && r.overdue)).toBe(true);

    const review = (actionId: string, body: Record<string, unknown>) => agents.chair.request({ method: 'POST', url: `/api/meetings/${next.meeting.id}/reviews/${actionId}`, payload: body });
    expect((await review(ids[0]!, { outcome: 'completed' })).statusCode).toBe(204);
    expect((await review(ids[1]!, { outcome: 'not_possible', note: 'The victim moved out of the area' })).statusCode).toBe(204);
    expect((await review(ids[2]!, { outcome: 'carried_forward' })).statusCode).toBe(204);

    const statuses = world.database.db.select().from(actions).all();
    expect(ids.map((id) => statuses.find((a) => a.id === id)?.status)).toEqual(['completed', 'not_possible', 'open']);
    // Each review is a change to the action: an update sent from a page read before it is refused.
    expect(ids.map((id) => statuses.find((a) => a.id === id)?.version)).toEqual([1, 1, 1]);
    const stale = await agents.rep.request({ method: 'POST', url: `/api/actions/${ids[2]}/updates`, payload: { version: 0, status: 'in_progress', note: 'Started' } });
    expect(stale.statusCode).toBe(404);
    const housing = await signIn(world.app, world.users.housingRep.email);
    const refused = await housing.request({ method: 'POST', url: `/api/actions/${ids[2]}/updates`, payload: { version: 0, status: 'completed', note: 'Locks fitted' } });
    expect(refused.statusCode).toBe(409);
    expect(world.database.db.select().from(actions).all().find((a) => a.id === ids[2])?.status).toBe('open');
    const notes = world.database.db.select().from(actionUpdates).all().filter((u) => u.actionId === ids[1]);
    expect(notes.at(-1)).toMatchObject({ status: 'not_possible', note: 'The victim moved out of the area', occurredOn: '2026-12-07' });
    // Reviewed actions stay on this meeting's list with what was decided, closed or not.
    const after = Agenda.parse((await agents.chair.request({ method: 'GET', url: agendaUrl })).json());
    expect(Object.fromEntries(after.reviews.map((r) => [r.actionId, r.outcome]))).toEqual({ [ids[0]!]: 'completed', [ids[1]!]: 'not_possible', [ids[2]!]: 'carried_forward' });

    const bad = await review(ids[0]!, { outcome: 'forgotten' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['outcome']);
    expect((await review('00000000-0000-4000-8000-000000000000', { outcome: 'completed' })).statusCode).toBe(404);
    expect((await agents.rep.request({ method: 'POST', url: `/api/meetings/${next.meeting.id}/reviews/${ids[0]}`, payload: { outcome: 'completed' } })).statusCode).toBe(403);
  });
});
