import { describe, expect, it } from 'vitest';
import { CaseActions } from '@marac/shared';
import { viewReferral } from '../referrals/factories';
import { actionWorld, auditOf, daysLater, meetingOn, snapshot, update } from './world';

describe('a case’s actions across its meetings, and the chair’s outcome review', () => {
  it('shows every action of the case with its history, and closes the MARAC involvement only once all are closed', async () => {
    const world = await actionWorld();
    const policeAction = await world.first.agree(world.police.id, 'Flag the address for a priority response', '2026-11-30');
    world.clock.advanceMinutes(1);
    const housingAction = await world.first.agree(world.housing.id, 'Fit target hardening', '2026-11-30');
    await world.first.minute();
    const ada = (await viewReferral(world.agents.coordinator, world.first.referralId)).victim.personId as string;

    // Two weeks later Ada is referred again and heard again: the same case, a second meeting.
    let agents = await daysLater(world, 14);
    const second = await meetingOn(world, agents, '2026-12-07', 'Ada', {}, ada);
    expect(second.caseId).toBe(world.first.caseId);
    const laterAction = await second.agree(world.police.id, 'Clare’s Law disclosure', '2026-12-14');
    expect((await update(world, agents.housingRep, housingAction, { status: 'in_progress', note: 'Locksmith booked' })).statusCode).toBe(201);

    const url = `/api/cases/${world.first.caseId}/actions`;
    const view = CaseActions.parse((await agents.chair.request({ method: 'GET', url })).json());
    expect(view.meetings.map((m) => [m.id, m.date, m.status])).toEqual([
      [world.first.meeting.id, '2026-11-23', 'heard'],
      [second.meeting.id, '2026-12-07', 'listed'],
    ]);
    expect(view.actions.map((a) => [a.id, a.meetingDate, a.agencyName, a.status, a.overdue])).toEqual([
      [policeAction, '2026-11-23', 'Testshire Police', 'open', true],
      [housingAction, '2026-11-23', 'Testshire Homes', 'in_progress', true],
      [laterAction, '2026-12-07', 'Testshire Police', 'open', false],
    ]);
    expect(view.actions[1]?.history.map((h) => [h.status, h.note, h.updatedByName])).toEqual([
      ['open', 'Agreed at the meeting', 'Chad Chair'],
      ['in_progress', 'Locksmith booked', 'Hal Housing'],
    ]);
    expect(view).toMatchObject({ case: { status: 'open', closedAt: null, lastReferralDate: '2026-12-07', lastHearingDate: '2026-11-23' }, canReview: true, canClose: false, reviews: [] });

    // Closing while actions are open is refused, and nothing is written.
    const reviewUrl = `/api/cases/${world.first.caseId}/outcome-reviews`;
    const before = snapshot(world);
    const early = await agents.chair.request({ method: 'POST', url: reviewUrl, payload: { outcome: 'Risk reduced', closeInvolvement: true } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('3 actions are still open: record each as completed, not possible or not completed before closing the case');
    expect(snapshot(world)).toEqual(before);

    // An outcome review on its own is always possible.
    const noted = await agents.chair.request({ method: 'POST', url: reviewUrl, payload: { outcome: 'Actions under way; review again at the next meeting' } });
    expect(noted.statusCode, noted.body).toBe(201);
    expect(CaseActions.parse(noted.json()).reviews).toMatchObject([{ outcome: 'Actions under way; review again at the next meeting', closedInvolvement: false, reviewedByName: 'Chad Chair' }]);

    // Once every action is closed the chair closes the involvement.
    for (const [id, status, note] of [
      [policeAction, 'completed', 'Marker placed'],
      [housingAction, 'not_possible', 'Victim moved to a refuge'],
      [laterAction, 'completed', 'Disclosure made'],
    ] as const) {
      expect((await update(world, agents.coordinator, id, { status, note })).statusCode).toBe(201);
    }
    agents = await daysLater(world, 1);
    const closed = await agents.chair.request({ method: 'POST', url: reviewUrl, payload: { outcome: 'All actions done; MARAC involvement ends', closeInvolvement: true } });
    expect(closed.statusCode, closed.body).toBe(201);
    const after = CaseActions.parse(closed.json());
    expect(after).toMatchObject({ case: { status: 'closed', closedAt: '2026-12-08T10:01:00.000Z' }, canClose: false });
    expect(after.reviews.map((r) => r.closedInvolvement)).toEqual([true, false]);
    expect(auditOf(world, 'case').filter((e) => e.action === 'decide').map((e) => e.detail)).toEqual([
      expect.objectContaining({ closedInvolvement: false }),
      expect.objectContaining({ closedInvolvement: true }),
    ]);
    // A closed case is closed once; its actions stay closed.
    expect((await agents.chair.request({ method: 'POST', url: reviewUrl, payload: { outcome: 'Again', closeInvolvement: true } })).statusCode).toBe(409);
    const reopen = await update(world, agents.coordinator, policeAction, { status: 'open', note: 'Reopen' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().message).toBe('The MARAC involvement in this case is closed: its actions cannot be changed');

    // The repeat window keeps running: a month later Ada's new referral is a repeat, and the case reopens.
    agents = await daysLater(world, 30);
    const third = await meetingOn(world, agents, '2027-01-07', 'Ada', {}, ada);
    expect(third.caseId).toBe(world.first.caseId);
    const flags = (await viewReferral(agents.coordinator, third.referralId)).flags;
    expect(flags.find((f) => f.kind === 'repeat')).toMatchObject({ previousReferralDate: '2026-12-07' });
    const reopened = CaseActions.parse((await agents.chair.request({ method: 'GET', url })).json());
    expect(reopened).toMatchObject({ case: { status: 'open', closedAt: null, lastReferralDate: '2027-01-07' } });
    expect(reopened.reviews).toHaveLength(2);
  });

  it('refuses an outcome review without its outcome, and changes nothing', async () => {
    const world = await actionWorld();
    const url = `/api/cases/${world.first.caseId}/outcome-reviews`;
    const before = snapshot(world);
    const empty = await world.agents.chair.request({ method: 'POST', url, payload: { outcome: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([{ field: 'outcome', message: 'Record the outcome of the review' }]);
    const wrong = await world.agents.chair.request({ method: 'POST', url, payload: { outcome: 'Done', closeInvolvement: 'yes' } });
    expect(wrong.json().fields.map((f: { field: string }) => f.field)).toEqual(['closeInvolvement']);
    expect((await world.agents.chair.request({ method: 'POST', url: '/api/cases/00000000-0000-4000-8000-000000000000/outcome-reviews', payload: { outcome: 'Done' } })).statusCode).toBe(404);
    expect(snapshot(world)).toEqual(before);
  });
});
