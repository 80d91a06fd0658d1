import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildMe, newId } from '../../factories';
import { agencyDirectory, apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp, valueOf } from '../../render-app';
import { AREA, CASE_ID, COUNTY, HOUSING, buildCaseActions } from '../actions/action-factories';
import { caseActions } from '../actions/action-handlers';
import { barsWorld, buildBar, buildCaseBars } from './bars-world';

const HOMES = buildAgencyDirectoryEntry({ id: HOUSING.id, name: HOUSING.name, kind: 'housing', areaIds: [AREA.id] });
const HEALTH = buildAgencyDirectoryEntry({ name: 'Northbridge Health', kind: 'acute_hospital', areaIds: [AREA.id] });
// Serves another area only: not offered for this case.
const ELSEWHERE = buildAgencyDirectoryEntry({ name: 'Wealdshire Homes', kind: 'housing', areaIds: [COUNTY.id] });

/** A bar from a referral's unsafe contacts, one a coordinator recorded by e-mail, and one lifted as recorded in error. */
function threeBars() {
  return buildCaseBars(CASE_ID, {
    active: [
      buildBar({
        caseId: CASE_ID,
        name: 'Terry Tenant',
        agencyId: HOUSING.id,
        agencyName: HOUSING.name,
        reason: 'Works at the housing office and is the perpetrator’s brother',
        referralId: newId(),
        referralReference: 'NBC-R-2026-00031',
        recordedAt: '2026-10-28T11:00:00.000Z',
      }),
      buildBar({
        caseId: CASE_ID,
        name: 'Robin Relative',
        email: 'robin@example.org',
        reason: 'Passes everything on to the perpetrator',
        recordedByName: 'Sam Coordinator',
        recordedAt: '2026-11-02T09:15:00.000Z',
      }),
    ],
    lifted: [
      buildBar({
        caseId: CASE_ID,
        name: 'Northbridge Health',
        agencyId: HEALTH.id,
        agencyName: HEALTH.name,
        recordedByName: 'Sam Coordinator',
        recordedAt: '2026-10-30T08:00:00.000Z',
        liftedAt: '2026-10-31T12:30:00.000Z',
        liftedByName: 'Alex Coordinator',
        liftReason: 'Recorded against the wrong case',
      }),
    ],
  });
}

function opens(role: 'coordinator' | 'chair', bars = threeBars()) {
  const { world, handlers } = barsWorld(role === 'chair' ? { ...bars, canChange: false } : bars, { agencies: [HOMES, HEALTH, ELSEWHERE], effect: { withdrawnFrom: [{ meetingId: newId(), date: '2026-12-01' }], openActions: 1 } });
  const directoryReads: string[] = [];
  server.use(
    signedInAs(buildMe({ role, name: 'Sam Coordinator', email: 'sam.coordinator@council.example.org', areas: [AREA], csrfToken: 'csrf-bars' })),
    caseActions(() => buildCaseActions()),
    // Counts the reads, then lets the directory answer.
    http.get('/api/agencies', ({ request }) => {
      directoryReads.push(request.url);
      return undefined;
    }),
    agencyDirectory([HOMES, HEALTH, ELSEWHERE]),
    ...handlers,
  );
  return { world, directoryReads, ...renderApp(`/cases/${CASE_ID}/actions`) };
}

/** The "Do not contact" section once the bars are in. */
async function section() {
  const region = await screen.findByRole('region', { name: 'Do not contact' });
  await within(region).findByText(/^Never send anything about case/);
  return region;
}
const card = (name: string) => screen.getByRole('region', { name });

describe('who is barred from a case', () => {
  it('lists the active bars, who and why, from which referral or by whom, and the bars lifted as recorded in error', async () => {
    const { user } = opens('coordinator');

    const bars = await section();
    expect(bars).toHaveTextContent('Never send anything about case NBC-2026-0012 to these agencies or people, by any route.');

    const fromReferral = within(bars).getByRole('region', { name: 'Terry Tenant' });
    expect(valueOf(fromReferral, 'Agency')).toHaveTextContent('Northbridge Homes');
    expect(valueOf(fromReferral, 'E-mail')).toHaveTextContent('No e-mail given');
    expect(valueOf(fromReferral, 'Why')).toHaveTextContent('Works at the housing office and is the perpetrator’s brother');
    expect(valueOf(fromReferral, 'From')).toHaveTextContent('Named as unsafe to contact on referral NBC-R-2026-00031');
    expect(valueOf(fromReferral, 'Since')).toHaveTextContent('28 October 2026, 11:00');
    expect(within(fromReferral).getByRole('button', { name: 'Lift this bar on Terry Tenant' })).toBeInTheDocument();

    const recorded = within(bars).getByRole('region', { name: 'Robin Relative' });
    expect(valueOf(recorded, 'Agency')).toHaveTextContent('No agency named');
    expect(valueOf(recorded, 'E-mail')).toHaveTextContent('robin@example.org');
    expect(valueOf(recorded, 'From')).toHaveTextContent('Recorded by Sam Coordinator');

    // Lifted bars are folded away, with who lifted each and why.
    const lifted = within(bars).getByText('Bars lifted as recorded in error (1)').closest('details') as HTMLDetailsElement;
    expect(lifted.open).toBe(false);
    await user.click(within(bars).getByText('Bars lifted as recorded in error (1)'));
    const health = within(lifted).getByRole('region', { name: 'Northbridge Health' });
    expect(valueOf(health, 'Lifted')).toHaveTextContent('31 October 2026, 12:30 by Alex Coordinator');
    expect(valueOf(health, 'Why it was lifted')).toHaveTextContent('Recorded against the wrong case');
    expect(within(health).queryByRole('button')).not.toBeInTheDocument();
  });

  it('records someone as unsafe, keeping everything typed when the server refuses a field, then says what the bar took away', async () => {
    const { world, user } = opens('coordinator', buildCaseBars(CASE_ID));
    let refusals = 0;
    server.use(
      http.post('/api/cases/:caseId/bars', async ({ request }) => {
        const body = (await request.clone().json()) as { email?: string | null };
        if (body.email !== 'sam.coordinator@council.example.org') return undefined;
        refusals += 1;
        world.requests.push({ method: 'POST', path: new URL(request.url).pathname, body, csrf: request.headers.get('x-csrf-token') });
        return apiErrorResponse(400, 'validation_failed', 'Check the bar', [
          { field: 'email', message: 'You cannot bar yourself: ask another coordinator of the area to record it' },
        ]);
      }),
    );

    const bars = await section();
    expect(within(bars).getByText('Nobody is barred from this case.')).toBeInTheDocument();
    await user.click(within(bars).getByRole('button', { name: 'Record someone as unsafe to contact' }));
    const form = screen.getByRole('region', { name: 'Record someone as unsafe to contact about NBC-2026-0012' });
    expect(within(form).getByRole('heading', { name: 'Record someone as unsafe to contact about NBC-2026-0012' })).toHaveFocus();
    const agency = within(form).getByLabelText('Agency (optional if you give an e-mail)');
    // The agencies serving the case's area, in order.
    await waitFor(() => expect(within(agency).getAllByRole('option').map((option) => option.textContent)).toEqual(['No agency', 'Northbridge Health', 'Northbridge Homes']));

    // The shared rules first: nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Record the bar' }));
    let summary = await within(form).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the agency, or enter the person’s e-mail, or both' })).toHaveAttribute('href', '#bar-agency');
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription(expect.stringContaining('Error: Enter a value'));
    expect(world.requests).toEqual([]);

    await user.type(within(form).getByLabelText('Name'), 'Sam Coordinator');
    await user.selectOptions(agency, 'Northbridge Health');
    await user.type(within(form).getByLabelText('E-mail address (optional if you choose an agency)'), 'sam.coordinator@council.example.org');
    await user.type(within(form).getByLabelText('Why must they not be contacted?'), 'Related to the perpetrator');
    await user.click(within(form).getByRole('button', { name: 'Record the bar' }));

    summary = await within(form).findByRole('alert');
    const message = 'You cannot bar yourself: ask another coordinator of the area to record it';
    expect(await within(summary).findByRole('link', { name: message })).toHaveAttribute('href', '#bar-email');
    const email = within(form).getByLabelText('E-mail address (optional if you choose an agency)');
    expect(email).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
    expect(within(form).getByLabelText('Name')).toHaveValue('Sam Coordinator');
    expect(agency).toHaveValue(HEALTH.id);
    expect(email).toHaveValue('sam.coordinator@council.example.org');
    expect(within(form).getByLabelText('Why must they not be contacted?')).toHaveValue('Related to the perpetrator');
    expect(refusals).toBe(1);

    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Dana Doctor');
    await user.clear(email);
    await user.type(email, ' Dana.Doctor@Health.example.org ');
    await user.click(within(form).getByRole('button', { name: 'Record the bar' }));

    expect(await screen.findByText('Northbridge Health has been recorded as unsafe to contact about NBC-2026-0012')).toBeInTheDocument();
    expect(world.requests.map((request) => request.body)).toEqual([
      { name: 'Sam Coordinator', agencyId: HEALTH.id, email: 'sam.coordinator@council.example.org', reason: 'Related to the perpetrator' },
      { name: 'Dana Doctor', agencyId: HEALTH.id, email: 'dana.doctor@health.example.org', reason: 'Related to the perpetrator' },
    ]);
    expect(world.requests.every((request) => request.csrf === 'csrf-bars')).toBe(true);
    const effect = screen.getByRole('region', { name: 'Barred from the case' });
    expect(within(effect).getByText('Northbridge Health is now barred from case NBC-2026-0012')).toBeInTheDocument();
    expect(effect).toHaveTextContent(
      'Northbridge Health was withdrawn from case NBC-2026-0012 at the meeting on 1 December 2026, because Sam Coordinator recorded it as unsafe to contact. It can no longer see the case, and nothing more about it will be sent to it. It owns 1 open action on the case: reassign it.',
    );
    expect(screen.queryByRole('region', { name: /^Record someone as unsafe/ })).not.toBeInTheDocument();
    const added = within(await section()).getByRole('region', { name: 'Dana Doctor' });
    expect(valueOf(added, 'E-mail')).toHaveTextContent('dana.doctor@health.example.org');
    expect(valueOf(added, 'From')).toHaveTextContent('Recorded by Sam Coordinator');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Do not contact' })).toHaveFocus());
  });

  it('lifts a bar only with the reason it was recorded in error, after saying that nothing withdrawn comes back', async () => {
    const bars = threeBars();
    const [terry] = bars.active;
    const { world, user } = opens('coordinator', bars);

    await section();
    await user.click(within(card('Terry Tenant')).getByRole('button', { name: 'Lift this bar on Terry Tenant' }));
    let panel = screen.getByRole('region', { name: 'Lift the bar on Terry Tenant (Northbridge Homes)?' });
    expect(within(panel).getByRole('heading', { name: 'Lift the bar on Terry Tenant (Northbridge Homes)?' })).toHaveFocus();
    expect(panel).toHaveTextContent('Nothing the bar withdrew comes back by itself: invite Northbridge Homes again from the meeting’s agenda if it should research the case.');

    // Cancel sends nothing and gives the focus back.
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: /^Lift the bar/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(card('Terry Tenant')).getByRole('button', { name: 'Lift this bar on Terry Tenant' })).toHaveFocus());

    await user.click(within(card('Terry Tenant')).getByRole('button', { name: 'Lift this bar on Terry Tenant' }));
    panel = screen.getByRole('region', { name: 'Lift the bar on Terry Tenant (Northbridge Homes)?' });
    await user.click(within(panel).getByRole('button', { name: 'Yes, lift the bar' }));
    const summary = await within(panel).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Say why the bar was recorded in error' })).toHaveAttribute('href', '#bar-lift-reason');
    expect(world.requests).toEqual([]);

    await user.type(within(panel).getByLabelText('Why was the bar recorded in error?'), 'He left the housing office in 2024');
    await user.click(within(panel).getByRole('button', { name: 'Yes, lift the bar' }));

    expect(
      await screen.findByText(
        'The bar on Terry Tenant has been lifted as recorded in error. Nothing the bar withdrew comes back by itself: invite Northbridge Homes again from the meeting’s agenda if it should research the case.',
      ),
    ).toBeInTheDocument();
    expect(world.requests).toEqual([
      { method: 'POST', path: `/api/cases/${CASE_ID}/bars/${terry?.id}/lift`, body: { reason: 'He left the housing office in 2024' }, csrf: 'csrf-bars' },
    ]);
    expect(screen.queryByRole('region', { name: /^Lift the bar/ })).not.toBeInTheDocument();
    const bar = await section();
    expect(within(bar).queryByRole('button', { name: 'Lift this bar on Terry Tenant' })).not.toBeInTheDocument();
    await user.click(within(bar).getByText('Bars lifted as recorded in error (2)'));
    expect(valueOf(within(bar).getByRole('region', { name: 'Terry Tenant' }), 'Why it was lifted')).toHaveTextContent('He left the housing office in 2024');
  });

  it('says so when someone else lifted the bar first, and shows it as lifted', async () => {
    const bars = threeBars();
    const [terry] = bars.active;
    const { world, user } = opens('coordinator', bars);

    await section();
    await user.click(within(card('Terry Tenant')).getByRole('button', { name: 'Lift this bar on Terry Tenant' }));
    world.liftElsewhere(terry?.id ?? '');
    const panel = screen.getByRole('region', { name: 'Lift the bar on Terry Tenant (Northbridge Homes)?' });
    await user.type(within(panel).getByLabelText('Why was the bar recorded in error?'), 'Wrong person');
    await user.click(within(panel).getByRole('button', { name: 'Yes, lift the bar' }));

    expect(await within(panel).findByRole('alert')).toHaveTextContent('This bar has already been lifted');
    await waitFor(() => expect(screen.getByText('Bars lifted as recorded in error (2)')).toBeInTheDocument());
  });

  it('gives a chair the bars to read, with nothing to record or lift', async () => {
    const { directoryReads } = opens('chair');

    const bars = await section();
    expect(within(bars).getByRole('region', { name: 'Terry Tenant' })).toBeInTheDocument();
    expect(within(bars).queryByRole('button')).not.toBeInTheDocument();
    expect(directoryReads).toEqual([]);
  });

  it('never asks a representative’s page for the case’s bars', async () => {
    const { world, handlers } = barsWorld(threeBars());
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })),
      caseActions(() => buildCaseActions()),
      ...handlers,
    );
    renderApp(`/cases/${CASE_ID}/actions`);

    expect(await screen.findByRole('heading', { level: 1, name: /Actions for case NBC-2026-0012/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Do not contact' })).not.toBeInTheDocument();
    expect(world.reads).toBe(0);
  });
});
