import { CaseActions, CaseOutcomeReviewInput } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, CASE_ID, HOUSING, MEETING_ID, POLICE, buildActionSummary, buildCaseActions, buildHistoryEntry } from './action-factories';
import { caseActions } from './action-handlers';

const EARLIER_MEETING = newId();

/** A case heard twice: one action from each meeting, both closed unless told otherwise. */
function heardTwice(overrides: Partial<CaseActions> = {}): CaseActions {
  const first = buildActionSummary({ meetingId: EARLIER_MEETING, meetingDate: '2026-06-09', agencyId: POLICE.id, agencyName: POLICE.name, description: 'Flag the address for priority response', status: 'completed', closedOn: '2026-06-12', dueDate: '2026-06-16', dueSoon: false, category: 'victim_safety' });
  const second = buildActionSummary({ status: 'not_possible', closedOn: '2026-11-20', dueSoon: false });
  return buildCaseActions({
    meetings: [
      { id: EARLIER_MEETING, date: '2026-06-09', status: 'heard' },
      { id: MEETING_ID, date: '2026-11-10', status: 'heard' },
    ],
    actions: [
      { ...first, history: [buildHistoryEntry({ actionId: first.id, status: 'completed', note: 'Marker placed on the address.', occurredOn: '2026-06-12', updatedByName: 'PC Robin Referrer' })] },
      { ...second, history: [buildHistoryEntry({ actionId: second.id, status: 'not_possible', note: 'The victim moved out of the area.', occurredOn: '2026-11-20' })] },
    ],
    ...overrides,
  });
}

const chair = () => signedInAs(buildMe({ role: 'chair', name: 'Chris Chair', areas: [AREA] }));
const reviewForm = () => screen.getByRole('region', { name: 'Record the outcome of the review' });

/** The case as the server holds it, and each review the page sent. */
function caseWorld(initial: CaseActions) {
  let current = initial;
  const sent: CaseOutcomeReviewInput[] = [];
  const post = http.post('/api/cases/:caseId/outcome-reviews', async ({ request }) => {
    const input = CaseOutcomeReviewInput.parse(await request.json());
    sent.push(input);
    current = CaseActions.parse({
      ...current,
      case: { ...current.case, ...(input.closeInvolvement ? { status: 'closed', closedAt: '2026-11-23T10:00:00.000Z' } : {}) },
      reviews: [{ id: newId(), outcome: input.outcome, closedInvolvement: input.closeInvolvement, reviewedByName: 'Chris Chair', reviewedAt: '2026-11-23T10:00:00.000Z' }, ...current.reviews],
      canClose: false,
    });
    return HttpResponse.json(current, { status: 201 });
  });
  return { sent, current: () => current, handlers: [caseActions(() => current), post] };
}

describe('a case’s actions', () => {
  it('shows every action across the case’s meetings with its status and history', async () => {
    const world = caseWorld(heardTwice());
    server.use(chair(), ...world.handlers);
    const { user } = renderApp(`/cases/${CASE_ID}/actions`);

    expect(await screen.findByRole('heading', { level: 1, name: /Actions for case NBC-2026-0012/ })).toBeInTheDocument();
    const june = screen.getByRole('region', { name: 'Agreed at the meeting on Tuesday 9 June 2026' });
    expect(within(june).getByRole('link', { name: 'Flag the address for priority response' })).toHaveAttribute('href', expect.stringMatching(/^\/actions\/[0-9a-f-]+$/));
    expect(june).toHaveTextContent(POLICE.name);
    expect(within(june).getByText('Completed', { selector: '.govuk-summary-list .govuk-tag' })).toBeInTheDocument();
    const november = screen.getByRole('region', { name: 'Agreed at the meeting on Tuesday 10 November 2026' });
    expect(within(november).getByText('Not possible – circumstances changed', { selector: '.govuk-summary-list .govuk-tag' })).toBeInTheDocument();
    await user.click(within(november).getByText(/History \(1 update\)/));
    expect(november).toHaveTextContent('The victim moved out of the area.');
    expect(screen.getByRole('link', { name: 'Show the case’s actions in the actions list' })).toHaveAttribute('href', `/actions?caseId=${CASE_ID}`);
  });

  it('lets the chair record an outcome without closing the case', async () => {
    const world = caseWorld(heardTwice({ canReview: true, canClose: true }));
    server.use(chair(), ...world.handlers);
    const { user } = renderApp(`/cases/${CASE_ID}/actions`);

    await screen.findByRole('region', { name: 'Record the outcome of the review' });
    await user.click(within(reviewForm()).getByRole('button', { name: 'Record the outcome' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Record the outcome of the review');
    expect(world.sent).toHaveLength(0);

    await user.type(within(reviewForm()).getByLabelText('Outcome'), 'Police marker in place; the victim has moved and is supported by the IDVA.');
    await user.click(within(reviewForm()).getByRole('button', { name: 'Record the outcome' }));

    expect(await screen.findByText('The outcome of the review has been recorded.')).toBeInTheDocument();
    expect(world.sent).toEqual([{ outcome: 'Police marker in place; the victim has moved and is supported by the IDVA.', closeInvolvement: false }]);
    expect(screen.getByRole('list', { name: 'Outcome reviews, newest first' })).toHaveTextContent('Recorded by Chris Chair');
  });

  it('closes the case’s MARAC involvement only after a confirmation saying the repeat window keeps running', async () => {
    const world = caseWorld(heardTwice({ canReview: true, canClose: true }));
    server.use(chair(), ...world.handlers);
    const { user } = renderApp(`/cases/${CASE_ID}/actions`);

    await screen.findByRole('region', { name: 'Record the outcome of the review' });
    await user.type(within(reviewForm()).getByLabelText('Outcome'), 'Every action closed; safety plan in place.');
    await user.click(within(reviewForm()).getByLabelText('Close the case’s MARAC involvement'));
    await user.click(within(reviewForm()).getByRole('button', { name: 'Record the outcome' }));

    const confirmation = screen.getByRole('region', { name: 'Close the MARAC involvement in NBC-2026-0012?' });
    expect(within(confirmation).getByRole('heading')).toHaveFocus();
    expect(confirmation).toHaveTextContent('The 12-month repeat window keeps running from the last referral (Wednesday 28 October 2026) or hearing (Tuesday 10 November 2026)');
    expect(confirmation).toHaveTextContent('a new referral for the victim reopens this case');
    expect(world.sent).toHaveLength(0);

    // Cancel sends nothing and keeps what was typed.
    await user.click(within(confirmation).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: /Close the MARAC involvement/ })).not.toBeInTheDocument();
    expect(within(reviewForm()).getByLabelText('Outcome')).toHaveValue('Every action closed; safety plan in place.');
    expect(within(reviewForm()).getByRole('button', { name: 'Record the outcome' })).toHaveFocus();
    expect(world.sent).toHaveLength(0);

    await user.click(within(reviewForm()).getByRole('button', { name: 'Record the outcome' }));
    await user.click(screen.getByRole('button', { name: 'Yes, record the outcome and close the case' }));

    expect(await screen.findByText(/the MARAC involvement in NBC-2026-0012 closed. Its 12-month repeat window keeps running./)).toBeInTheDocument();
    expect(world.sent).toEqual([{ outcome: 'Every action closed; safety plan in place.', closeInvolvement: true }]);
    expect(screen.getByText('MARAC involvement closed', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Outcome reviews, newest first' })).toHaveTextContent('The case’s MARAC involvement was closed.');
  });

  it('does not offer to close while an action is open, and says why', async () => {
    const open = buildActionSummary({ agencyId: HOUSING.id });
    const world = heardTwice({ canReview: true, canClose: false });
    const view = CaseActions.parse({ ...world, actions: [...world.actions, { ...open, history: [] }] });
    server.use(chair(), caseActions(() => view));
    renderApp(`/cases/${CASE_ID}/actions`);

    await screen.findByRole('region', { name: 'Record the outcome of the review' });
    expect(within(reviewForm()).queryByLabelText('Close the case’s MARAC involvement')).not.toBeInTheDocument();
    expect(reviewForm()).toHaveTextContent('can be closed once every action is completed, not possible or not completed: 1 action is still open');
  });

  it('puts the server’s refusal to close (an action reopened meanwhile) on the choice, keeping the outcome', async () => {
    server.use(
      chair(),
      caseActions(() => heardTwice({ canReview: true, canClose: true })),
      http.post('/api/cases/:caseId/outcome-reviews', () =>
        apiErrorResponse(409, 'conflict', '1 action is still open', [{ field: 'closeInvolvement', message: '1 action is still open: record each as completed, not possible or not completed before closing the case' }]),
      ),
    );
    const { user } = renderApp(`/cases/${CASE_ID}/actions`);

    await screen.findByRole('region', { name: 'Record the outcome of the review' });
    await user.type(within(reviewForm()).getByLabelText('Outcome'), 'Closing.');
    await user.click(within(reviewForm()).getByLabelText('Close the case’s MARAC involvement'));
    await user.click(within(reviewForm()).getByRole('button', { name: 'Record the outcome' }));
    await user.click(screen.getByRole('button', { name: 'Yes, record the outcome and close the case' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /1 action is still open/ })).toHaveAttribute('href', '#review-close');
    expect(within(reviewForm()).getByLabelText('Outcome')).toHaveValue('Closing.');
  });

  it('shows a representative their agency’s actions only, counting the others, with no review form', async () => {
    const mine = buildActionSummary();
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })),
      caseActions(() => buildCaseActions({ actions: [{ ...mine, history: [] }], hiddenActionCount: 3 })),
    );
    renderApp(`/cases/${CASE_ID}/actions`);

    expect(await screen.findByText(/The case has 3 other actions owned by other agencies/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: mine.description })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Record the outcome of the review' })).not.toBeInTheDocument();
  });
});
