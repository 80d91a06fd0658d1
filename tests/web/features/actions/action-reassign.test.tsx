import { ActionDetail, ReassignActionInput } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAgencyDirectoryEntry, buildMe } from '../../factories';
import { agencyDirectory, apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, COUNTY, HOUSING, POLICE, buildActionDetail, buildHistoryEntry } from './action-factories';
import { actionDetail } from './action-handlers';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const directory = () =>
  agencyDirectory([
    buildAgencyDirectoryEntry({ id: HOUSING.id, name: HOUSING.name, kind: 'housing', areaIds: [AREA.id] }),
    buildAgencyDirectoryEntry({ id: POLICE.id, name: POLICE.name, kind: 'police', areaIds: [AREA.id, COUNTY.id] }),
    buildAgencyDirectoryEntry({ name: 'Wealdshire Rural Housing', kind: 'housing', areaIds: [COUNTY.id] }),
  ]);
const panel = () => screen.getByRole('region', { name: 'Give the action to another agency' });

describe('reassigning an action', () => {
  it('lets the coordinator give an open action to another agency serving the area, with the reason', async () => {
    let current = buildActionDetail({ canReassign: true, allowedStatuses: ['open', 'in_progress', 'completed', 'not_possible', 'not_completed', 'escalated'] });
    const sent: ReassignActionInput[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })),
      directory(),
      actionDetail(() => current),
      http.post('/api/actions/:id/reassign', async ({ request }) => {
        const input = ReassignActionInput.parse(await request.json());
        sent.push(input);
        current = ActionDetail.parse({
          ...current,
          agencyId: POLICE.id,
          agencyName: POLICE.name,
          ownerName: input.ownerName,
          dueDate: input.dueDate ?? current.dueDate,
          history: [
            ...current.history,
            buildHistoryEntry({ status: 'open', note: input.note, occurredOn: '2026-11-23', fromAgencyId: HOUSING.id, fromAgencyName: HOUSING.name, toAgencyId: POLICE.id, toAgencyName: POLICE.name, dueDate: input.dueDate ?? null, updatedByName: 'Sam Coordinator' }),
          ],
        });
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderApp(`/actions/${current.id}`);

    await screen.findByRole('region', { name: 'Give the action to another agency' });
    // The MARAC may record that the agency failed, which a representative is never offered.
    expect(within(screen.getByRole('region', { name: 'Update the action' })).getByLabelText('Not completed – agency failed')).toBeInTheDocument();
    await user.click(within(panel()).getByRole('button', { name: 'Reassign the action' }));
    expect(within(panel()).getByRole('heading', { name: 'Give the action to another agency' })).toHaveFocus();

    // Only the other agencies serving the action's area.
    const agency = within(panel()).getByLabelText('Agency to take the action over');
    expect(within(agency).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose an agency', POLICE.name]);
    await user.click(within(panel()).getByRole('button', { name: 'Reassign the action' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose the agency that takes the action over');
    expect(screen.getByRole('alert')).toHaveTextContent('Say why the action is reassigned');
    expect(sent).toHaveLength(0);

    await user.selectOptions(agency, POLICE.name);
    await user.type(within(panel()).getByLabelText('Why is the action reassigned?'), 'The perpetrator’s bail conditions make this a police action.');
    await user.type(within(panel()).getByLabelText('Named owner in the new agency (optional)'), 'DC Rivers');
    const due = within(panel()).getByRole('group', { name: 'New due date (optional)' });
    await user.type(within(due).getByLabelText('Day'), '4');
    await user.type(within(due).getByLabelText('Month'), '12');
    await user.type(within(due).getByLabelText('Year'), '2026');
    await user.click(within(panel()).getByRole('button', { name: 'Reassign the action' }));

    expect(await screen.findByText('The action has been given to Northbridge Police. They have been told.')).toBeInTheDocument();
    expect(sent).toEqual([{ version: 0, agencyId: POLICE.id, note: 'The perpetrator’s bail conditions make this a police action.', ownerName: 'DC Rivers', dueDate: '2026-12-04' }]);
    expect(screen.getByRole('list', { name: 'Updates, newest first' })).toHaveTextContent('Reassigned from Northbridge Homes to Northbridge Police, due 4 December 2026');
  });

  it('shows the server’s refusal of an agency that has not signed the protocol on the agency, keeping the reason', async () => {
    const action = buildActionDetail({ canReassign: true });
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA] })),
      directory(),
      actionDetail(() => action),
      http.post('/api/actions/:id/reassign', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'agencyId', message: 'Choose an agency that serves this MARAC area and has signed its information-sharing protocol' },
        ]),
      ),
    );
    const { user } = renderApp(`/actions/${action.id}`);

    await user.click(await within(await screen.findByRole('region', { name: 'Give the action to another agency' })).findByRole('button', { name: 'Reassign the action' }));
    await user.selectOptions(within(panel()).getByLabelText('Agency to take the action over'), POLICE.name);
    await user.type(within(panel()).getByLabelText('Why is the action reassigned?'), 'Police lead.');
    await user.click(within(panel()).getByRole('button', { name: 'Reassign the action' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /has signed its information-sharing protocol/ })).toHaveAttribute('href', '#reassign-agency');
    expect(within(panel()).getByLabelText('Agency to take the action over')).toHaveAccessibleDescription(/has signed its information-sharing protocol/);
    expect(within(panel()).getByLabelText('Why is the action reassigned?')).toHaveValue('Police lead.');

    // Cancel closes the panel and gives the focus back to its button.
    await user.click(within(panel()).getByRole('button', { name: 'Cancel' }));
    expect(await within(panel()).findByRole('button', { name: 'Reassign the action' })).toHaveFocus();
  });

  it('offers a representative no reassignment', async () => {
    const action = buildActionDetail({ canReassign: false });
    server.use(signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })), actionDetail(() => action));
    renderApp(`/actions/${action.id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    expect(screen.queryByRole('region', { name: 'Give the action to another agency' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reassign the action' })).not.toBeInTheDocument();
  });
});
