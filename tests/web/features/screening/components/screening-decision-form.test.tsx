import { ScreeningDecisionInput, type ReferralDetail } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../../factories';
import { agencyDirectory, apiErrorResponse, referralDetail, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { currentPath, renderApp } from '../../../render-app';
import { AREA, buildMatches, buildOutcome, buildQueue, buildQueueItem, buildScreeningReferral } from '../screening-factories';
import { referralMatches } from '../screening-handlers';

const COUNTY = { id: newId(), name: 'Wealdshire County', code: 'WLD' };

/** A coordinator of the referral's area looking at it, with the server's referral held in `state`. */
function coordinatorOpens(referral: ReferralDetail, options: { csrfToken?: string } = {}) {
  const state = { referral };
  server.use(
    signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY], csrfToken: options.csrfToken ?? 'csrf-coordinator' })),
    agencyDirectory([]),
    referralDetail(() => state.referral),
    referralMatches(() => buildMatches(referral.id, [])),
  );
  return state;
}

const decisionForm = () => screen.getByRole('region', { name: 'Screening decision' });

describe('screening decision', () => {
  it('asks for the area when the server cannot place the victim’s address, keeping the decision, then accepts', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral, { csrfToken: 'csrf-accept' });
    const bodies: ScreeningDecisionInput[] = [];
    const tokens: (string | null)[] = [];
    server.use(
      http.post('/api/referrals/:id/decisions', async ({ request, params }) => {
        expect(params.id).toBe(referral.id);
        tokens.push(request.headers.get('x-csrf-token'));
        const body = ScreeningDecisionInput.parse(await request.json());
        bodies.push(body);
        if (body.decision === 'accept' && !body.areaId) {
          return apiErrorResponse(400, 'validation_failed', 'Check the decision', [
            { field: 'areaId', message: 'No MARAC area covers the victim’s postcode district: choose the area' },
          ]);
        }
        state.referral = {
          ...referral,
          status: 'accepted',
          statusLabel: 'Accepted',
          areaId: COUNTY.id,
          areaName: COUNTY.name,
          caseReference: 'WLD-2026-0003',
        };
        return HttpResponse.json(buildOutcome(state.referral));
      }),
    );
    const { user, router } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    // The area is chosen from the victim's postcode, so it is not asked for at first.
    expect(within(decisionForm()).queryByLabelText('MARAC area that will hear the case')).not.toBeInTheDocument();
    await user.click(within(decisionForm()).getByLabelText('Accept'));
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'No MARAC area covers the victim’s postcode district: choose the area' });
    expect(link).toHaveAttribute('href', '#decision-area');
    const area = within(decisionForm()).getByLabelText('MARAC area that will hear the case');
    expect(area).toHaveAccessibleDescription(/No MARAC area covers the victim’s postcode district/);
    expect(within(decisionForm()).getByLabelText('Accept')).toBeChecked();
    expect(bodies).toEqual([{ decision: 'accept' }]);

    await user.selectOptions(area, 'Wealdshire County');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('NBC-R-2026-00042 has been accepted for Wealdshire County')).toBeInTheDocument();
    expect(bodies[1]).toEqual({ decision: 'accept', areaId: COUNTY.id });
    expect(tokens).toEqual(['csrf-accept', 'csrf-accept']);
    expect(currentPath(router)).toBe(`/referrals/${referral.id}`);
    // The page shows the referral as it now stands, and there is nothing left to decide.
    expect(within(screen.getByRole('region', { name: 'Referral' })).getByText('Accepted')).toHaveClass('govuk-tag');
    expect(screen.getByRole('region', { name: 'Referral' })).toHaveTextContent('WLD-2026-0003');
    expect(screen.queryByRole('region', { name: 'Screening decision' })).not.toBeInTheDocument();
  });

  it('tells the coordinator in plain words what a bar the decision brought took away at once', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral);
    const caseId = newId();
    const because = 'referral NBC-R-2026-00042 names it as unsafe to contact';
    server.use(
      http.post('/api/referrals/:id/decisions', () => {
        state.referral = { ...referral, status: 'accepted', statusLabel: 'Accepted', caseId, caseReference: 'NBC-2026-0003' };
        return HttpResponse.json(
          buildOutcome(state.referral, [
            {
              caseId,
              caseReference: 'NBC-2026-0003',
              agencyName: 'Northbridge Homes',
              personName: null,
              withdrawnFrom: [{ meetingId: newId(), date: '2026-03-17' }],
              openActions: 2,
              because,
            },
            {
              caseId,
              caseReference: 'NBC-2026-0003',
              agencyName: null,
              personName: 'Pat Person',
              withdrawnFrom: [],
              openActions: 0,
              because: 'referral NBC-R-2026-00042 names them as unsafe to contact',
            },
          ]),
        );
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Accept'));
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('NBC-R-2026-00042 has been accepted for Northbridge City')).toBeInTheDocument();
    const banner = screen.getByRole('region', { name: 'Barred from the case' });
    expect(within(banner).getByText('2 new bars on case NBC-2026-0003')).toHaveClass('govuk-notification-banner__heading');
    const paragraphs = within(banner).getAllByText(/is barred from case|was withdrawn from case/);
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual([
      'Northbridge Homes was withdrawn from case NBC-2026-0003 at the meeting on 17 March 2026, because referral NBC-R-2026-00042 names it as unsafe to contact. It can no longer see the case, and nothing more about it will be sent to it. It owns 2 open actions on the case: reassign them.',
      'Pat Person is barred from case NBC-2026-0003, because referral NBC-R-2026-00042 names their e-mail as unsafe to contact: they can no longer see it.',
    ]);
    const reassign = within(banner).getByRole('link', { name: 'reassign them' });
    expect(new URL(reassign.getAttribute('href') ?? '', 'http://localhost').searchParams.get('caseId')).toBe(caseId);
    expect(new URL(reassign.getAttribute('href') ?? '', 'http://localhost').searchParams.get('state')).toBe('open');
  });

  it('says nothing of bars when the decision brought none', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral);
    server.use(
      http.post('/api/referrals/:id/decisions', () => {
        state.referral = { ...referral, status: 'accepted', statusLabel: 'Accepted', caseId: newId(), caseReference: 'NBC-2026-0003' };
        return HttpResponse.json(buildOutcome(state.referral));
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Accept'));
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('NBC-R-2026-00042 has been accepted for Northbridge City')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Barred from/ })).not.toBeInTheDocument();
  });

  it('needs a reason to reject, says so in the error summary and sends nothing until there is one', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral);
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/referrals/:id/decisions', async ({ request }) => {
        bodies.push(await request.json());
        state.referral = { ...referral, status: 'rejected', statusLabel: 'Rejected' };
        return HttpResponse.json(buildOutcome(state.referral));
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Reject'));
    await user.type(within(decisionForm()).getByLabelText('Why is it rejected?'), '   ');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Give the reason the referrer will see' });
    expect(link).toHaveAttribute('href', '#decision-reject-reason');
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    await user.click(link);
    expect(within(decisionForm()).getByLabelText('Why is it rejected?')).toHaveFocus();
    expect(bodies).toEqual([]);

    await user.type(within(decisionForm()).getByLabelText('Why is it rejected?'), 'The victim is under 16.');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('NBC-R-2026-00042 has been rejected. The referrer can see the reason.')).toBeInTheDocument();
    expect(bodies).toEqual([{ decision: 'reject', reason: 'The victim is under 16.' }]);
  });

  it('asks for a decision before sending anything', async () => {
    const referral = buildScreeningReferral();
    coordinatorOpens(referral);
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose what to do with this referral' })).toHaveAttribute('href', '#decision');
  });

  it('asks the referrer for more information with the reason they will see', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral);
    let body: unknown;
    server.use(
      http.post('/api/referrals/:id/decisions', async ({ request }) => {
        body = await request.json();
        state.referral = { ...referral, status: 'more_information_requested', statusLabel: 'More information requested' };
        return HttpResponse.json(buildOutcome(state.referral));
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Ask the referrer for more information'));
    await user.type(within(decisionForm()).getByLabelText('What more does the referrer need to provide?'), 'The perpetrator’s date of birth.');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('The referrer has been asked for more information about NBC-R-2026-00042')).toBeInTheDocument();
    expect(body).toEqual({ decision: 'request_information', reason: 'The perpetrator’s date of birth.' });
    expect(screen.getByRole('region', { name: 'Referral' })).toHaveTextContent('More information requested');
    // The coordinator is not the referrer: they are not invited to resubmit.
    expect(screen.queryByRole('link', { name: 'Provide more information' })).not.toBeInTheDocument();
  });

  it('merges into a referral chosen from the same area’s open and accepted referrals', async () => {
    const referral = buildScreeningReferral();
    const state = coordinatorOpens(referral);
    const earlier = buildQueueItem({ reference: 'NBC-R-2026-00017', status: 'accepted', statusLabel: 'Accepted', referralDate: '2026-02-20' });
    const queueRequests: Record<string, string>[] = [];
    let body: unknown;
    server.use(
      http.get('/api/screening', ({ request }) => {
        queueRequests.push(Object.fromEntries(new URL(request.url).searchParams));
        // The queue includes this referral itself, which cannot be merged into itself.
        return HttpResponse.json(buildQueue([buildQueueItem({ id: referral.id, reference: referral.reference }), earlier]));
      }),
      http.post('/api/referrals/:id/decisions', async ({ request }) => {
        body = await request.json();
        state.referral = { ...referral, status: 'merged', statusLabel: 'Merged', mergedIntoReferralId: earlier.id };
        return HttpResponse.json(buildOutcome(state.referral));
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Merge into another referral'));
    const target = await within(decisionForm()).findByLabelText('Referral to merge this one into');
    expect(queueRequests).toEqual([
      { areaId: AREA.id, status: 'submitted,more_information_requested,accepted', sort: 'newest', limit: '200', offset: '0' },
    ]);
    const options = within(target).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Choose a referral', 'NBC-R-2026-00017: Jane Doe, referred 20 February 2026 (Accepted)']);

    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose the referral to merge this one into');

    await user.selectOptions(target, 'NBC-R-2026-00017: Jane Doe, referred 20 February 2026 (Accepted)');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByText('NBC-R-2026-00042 has been merged into another referral')).toBeInTheDocument();
    expect(body).toEqual({ decision: 'merge', intoReferralId: earlier.id });
    expect(screen.getByRole('link', { name: 'The referral it was merged into' })).toHaveAttribute('href', `/referrals/${earlier.id}`);
  });

  it('says when someone else has already screened the referral, keeping what was typed', async () => {
    const referral = buildScreeningReferral();
    coordinatorOpens(referral);
    server.use(http.post('/api/referrals/:id/decisions', () => apiErrorResponse(409, 'conflict', 'This referral has already been screened')));
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Screening decision' });
    await user.click(within(decisionForm()).getByLabelText('Reject'));
    await user.type(within(decisionForm()).getByLabelText('Why is it rejected?'), 'Not personally connected.');
    await user.click(within(decisionForm()).getByRole('button', { name: 'Save decision' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This referral has already been screened');
    expect(within(decisionForm()).getByLabelText('Why is it rejected?')).toHaveValue('Not personally connected.');
  });

  it('offers no decision once the referral has been screened', async () => {
    const referral = buildScreeningReferral({ status: 'accepted', statusLabel: 'Accepted' });
    coordinatorOpens(referral);
    renderApp(`/referrals/${referral.id}`);

    // The matches stay open to the coordinator after acceptance.
    expect(await screen.findByRole('region', { name: 'Identity matches' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Screening decision' })).not.toBeInTheDocument();
  });
});
