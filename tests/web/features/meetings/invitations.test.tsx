import type { Agenda, AgencyDirectoryEntry, MeetingInvitationView } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildMe } from '../../factories';
import { agencyDirectory, apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { agendaWorld } from './agenda-world';
import { AREA, COUNTY, buildAgenda, buildEntry, buildInvitation, buildMeeting } from './meeting-factories';

const POLICE = buildAgencyDirectoryEntry({ name: 'Northbridge Police', kind: 'police', areaIds: [AREA.id] });
const HOMES = buildAgencyDirectoryEntry({ name: 'Northbridge Homes', kind: 'housing', areaIds: [AREA.id] });
const PROBATION = buildAgencyDirectoryEntry({ name: 'Wealdshire Probation', kind: 'probation', areaIds: [COUNTY.id] });
const HOUSING = buildAgencyDirectoryEntry({ name: 'Wealdshire Housing', kind: 'housing', areaIds: [COUNTY.id] });
const CHILDREN = buildAgencyDirectoryEntry({ name: 'Children’s Services, Wealdshire', kind: 'childrens_social_care', areaIds: [COUNTY.id] });
const AGENCIES: AgencyDirectoryEntry[] = [POLICE, HOMES, PROBATION, HOUSING, CHILDREN];

function twoCases(status: 'planned' | 'agenda_published' = 'planned'): Agenda {
  const meeting = buildMeeting({ status, agendaVersion: status === 'planned' ? 0 : 1, researchDeadline: '2026-03-13' });
  return buildAgenda(meeting, {
    items: [
      buildEntry({ position: 1, caseReference: 'NBC-2026-0001', victimName: 'Jane Doe' }),
      buildEntry({ position: 2, slotStart: '09:42', caseReference: 'NBC-2026-0002', victimName: 'Amy Adams' }),
    ],
  });
}

/** The agencies serving the area invited to every case, and probation invited for the first case. */
function invitationsFor(agenda: Agenda): MeetingInvitationView[] {
  const first = agenda.items[0];
  return [
    buildInvitation({ agencyId: HOMES.id, agencyName: HOMES.name }),
    buildInvitation({ agencyId: POLICE.id, agencyName: POLICE.name }),
    buildInvitation({ agencyId: PROBATION.id, agencyName: PROBATION.name, caseId: first?.caseId, caseReference: first?.caseReference }),
  ];
}

function opens(role: 'coordinator' | 'chair', agenda: Agenda) {
  const { world, handlers } = agendaWorld(agenda, { invitations: invitationsFor(agenda), agencies: AGENCIES });
  server.use(signedInAs(buildMe({ role, areas: [AREA], csrfToken: 'csrf-invite' })), agencyDirectory(AGENCIES), ...handlers);
  return { world, ...renderApp(`/meetings/${agenda.meeting.id}`) };
}

const section = () => screen.getByRole('region', { name: 'Agencies invited' });
const invitedFor = (reference: string) => {
  const table = within(section()).getByRole('table', { name: 'For one case' });
  return within(table).getByText(reference).closest('tr') as HTMLElement;
};
const agendaRow = (reference: string) =>
  within(screen.getByRole('table', { name: 'Cases in the order they will be heard' })).getByText(reference, { selector: 'strong' }).closest('tr') as HTMLElement;

describe('agencies invited to a meeting', () => {
  it('shows a chair the agencies invited to every case and for each case, with nothing to change', async () => {
    const agenda = twoCases('agenda_published');
    opens('chair', agenda);

    const list = await within(await screen.findByRole('region', { name: 'Agencies invited' })).findByRole('list', { name: 'Invited to every case' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Northbridge Homes', 'Northbridge Police']);
    expect(section()).toHaveTextContent(`The agencies serving ${AREA.name}:`);
    expect(invitedFor('NBC-2026-0001')).toHaveTextContent('Wealdshire Probation');
    expect(invitedFor('NBC-2026-0002')).toHaveTextContent('None besides the agencies invited to every case');
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
    expect(within(agendaRow('NBC-2026-0001')).queryByRole('button', { name: /Invite an agency/ })).not.toBeInTheDocument();
  });

  it('invites an agency for one case, offering only those not yet invited, and shows the refusal of one named unsafe on the field', async () => {
    const agenda = twoCases();
    const { world, user } = opens('coordinator', agenda);
    const [first] = agenda.items;
    server.use(
      http.post('/api/meetings/:id/invitations', async ({ request }) => {
        const body = (await request.clone().json()) as { agencyId: string };
        if (body.agencyId !== HOUSING.id) return undefined;
        return apiErrorResponse(400, 'validation_failed', 'Check the invitation', [
          { field: 'agencyId', message: 'The referral names this agency as unsafe to contact about this case' },
        ]);
      }),
    );

    await within(await screen.findByRole('region', { name: 'Agencies invited' })).findByRole('table', { name: 'For one case' });
    const trigger = within(agendaRow('NBC-2026-0001')).getByRole('button', { name: 'Invite an agency for this case NBC-2026-0001' });
    await user.click(trigger);
    const panel = screen.getByRole('region', { name: 'Invite an agency for NBC-2026-0001' });
    expect(within(panel).getByRole('heading', { name: 'Invite an agency for NBC-2026-0001' })).toHaveFocus();
    const select = await within(panel).findByLabelText('Agency');
    // Homes and police are invited to every case, probation already for this one.
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose an agency',
      'Children’s Services, Wealdshire',
      'Wealdshire Housing',
    ]);
    expect(panel).toHaveTextContent('The agency gets a research task for this case when the agenda is published.');

    await user.click(within(panel).getByRole('button', { name: 'Invite the agency' }));
    let summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the agency to invite' })).toHaveAttribute('href', '#agenda-invite-agency');
    expect(world.requests).toEqual([]);

    await user.selectOptions(select, 'Wealdshire Housing');
    await user.click(within(panel).getByRole('button', { name: 'Invite the agency' }));
    summary = await screen.findByRole('alert');
    const refusal = await within(summary).findByRole('link', { name: 'The referral names this agency as unsafe to contact about this case' });
    expect(refusal).toHaveAttribute('href', '#agenda-invite-agency');
    expect(within(panel).getByLabelText('Agency')).toHaveAccessibleDescription(/The referral names this agency as unsafe to contact about this case/);
    expect(within(panel).getByLabelText('Agency')).toHaveValue(HOUSING.id);
    expect(world.invitations).toHaveLength(3);

    await user.selectOptions(within(panel).getByLabelText('Agency'), 'Children’s Services, Wealdshire');
    await user.click(within(panel).getByRole('button', { name: 'Invite the agency' }));
    expect(
      await screen.findByText('Children’s Services, Wealdshire has been invited for NBC-2026-0001: it gets a research task when the agenda is published'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invite an agency for NBC-2026-0001' })).not.toBeInTheDocument();
    expect(within(agendaRow('NBC-2026-0001')).getByRole('button', { name: 'Invite an agency for this case NBC-2026-0001' })).toHaveFocus();
    expect(invitedFor('NBC-2026-0001')).toHaveTextContent('Children’s Services, Wealdshire');
    expect(world.requests.map(({ method, path, body, contentType, csrf }) => ({ method, path, body: JSON.parse(body) as unknown, contentType, csrf }))).toEqual([
      {
        method: 'POST',
        path: `/api/meetings/${agenda.meeting.id}/invitations`,
        body: { agencyId: CHILDREN.id, caseId: first?.caseId, version: 0 },
        contentType: 'application/json',
        csrf: 'csrf-invite',
      },
    ]);
  });

  it('says that an agency invited after publishing gets its research task at once', async () => {
    const agenda = twoCases('agenda_published');
    const { user } = opens('coordinator', agenda);

    await within(await screen.findByRole('region', { name: 'Agencies invited' })).findByRole('table', { name: 'For one case' });
    await user.click(within(agendaRow('NBC-2026-0002')).getByRole('button', { name: 'Invite an agency for this case NBC-2026-0002' }));
    const panel = screen.getByRole('region', { name: 'Invite an agency for NBC-2026-0002' });
    const select = await within(panel).findByLabelText('Agency');
    // Nobody is invited for this case yet: only the standing agencies are left out.
    expect(within(select).getAllByRole('option')).toHaveLength(4);
    expect(panel).toHaveTextContent('The agenda has been published: the agency gets a research task for this case at once, due Friday 13 March 2026.');

    await user.selectOptions(select, 'Wealdshire Probation');
    await user.click(within(panel).getByRole('button', { name: 'Invite the agency' }));
    expect(
      await screen.findByText('Wealdshire Probation has been invited for NBC-2026-0002 and given a research task for it, due Friday 13 March 2026'),
    ).toBeInTheDocument();
    expect(invitedFor('NBC-2026-0002')).toHaveTextContent('Wealdshire Probation');
  });

  it('withdraws an invitation for one case, and shows why the server refused one', async () => {
    const agenda = twoCases('agenda_published');
    const { world, user } = opens('coordinator', agenda);
    const probation = world.invitations[2];

    await within(await screen.findByRole('region', { name: 'Agencies invited' })).findByRole('table', { name: 'For one case' });
    // Standing invitations come from the agencies' areas: they cannot be withdrawn here.
    expect(within(section()).getAllByRole('button').map((button) => button.textContent)).toEqual(['Withdraw Wealdshire Probation for NBC-2026-0001']);

    server.use(
      http.delete('/api/meetings/:id/invitations/:invitationId', () => apiErrorResponse(409, 'conflict', 'This meeting has started or finished: its invitations can no longer change'), {
        once: true,
      }),
    );
    await user.click(within(section()).getByRole('button', { name: 'Withdraw Wealdshire Probation for NBC-2026-0001' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('This meeting has started or finished: its invitations can no longer change');
    expect(invitedFor('NBC-2026-0001')).toHaveTextContent('Wealdshire Probation');

    await user.click(within(section()).getByRole('button', { name: 'Withdraw Wealdshire Probation for NBC-2026-0001' }));
    expect(
      await screen.findByText('Wealdshire Probation is no longer invited for NBC-2026-0001: its research task has been withdrawn unless the agency had started it'),
    ).toBeInTheDocument();
    expect(invitedFor('NBC-2026-0001')).toHaveTextContent('None besides the agencies invited to every case');
    await waitFor(() => expect(within(section()).getByRole('heading', { name: 'Agencies invited' })).toHaveFocus());
    expect(world.requests.map(({ method, path, csrf }) => ({ method, path, csrf }))).toEqual([
      { method: 'DELETE', path: `/api/meetings/${agenda.meeting.id}/invitations/${probation?.id ?? ''}`, csrf: 'csrf-invite' },
    ]);
    expect(world.invitations.map((remaining) => remaining.agencyName)).toEqual(['Northbridge Homes', 'Northbridge Police']);
  });
});
