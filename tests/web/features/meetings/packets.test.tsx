import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, buildMeeting, buildPacket, buildPacketList, flag } from './meeting-factories';
import { meetingOf } from './meeting-handlers';

const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };
const representative = () => signedInAs(buildMe({ role: 'agency_representative', areas: [AREA], agency: POLICE }));

describe('research packets for agency representatives', () => {
  it('shows a representative the meeting and their agency’s packets, with links and downloads', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1, listedCount: 14, onlineLink: 'https://meet.example.org/marac' });
    const first = buildPacket({ meetingId: meeting.id, caseReference: 'NBC-2026-0004', position: 2, slotStart: '09:42' });
    const second = buildPacket({ meetingId: meeting.id, caseReference: 'NBC-2026-0011', position: 7, slotStart: '10:42' });
    const agendaRequests: string[] = [];
    server.use(
      representative(),
      meetingOf(meeting),
      http.get('/api/meetings/:id/packets', () => HttpResponse.json(buildPacketList([first, second]))),
      http.get('/api/meetings/:id/agenda', ({ request }) => {
        agendaRequests.push(request.url);
        return apiErrorResponse(403, 'forbidden', 'You cannot do this');
      }),
      http.get('/api/meetings/:id/packets/:caseId', ({ params }) => HttpResponse.json(params.caseId === first.caseId ? first : second)),
    );
    const { user, router } = renderApp(`/meetings/${meeting.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Meeting on Tuesday 17 March 2026/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Join online (opens in a new tab)' })).toHaveAttribute('href', 'https://meet.example.org/marac');
    const packets = await screen.findByRole('region', { name: 'Your research packets' });
    expect(packets).toHaveTextContent('have your research ready by Friday 13 March 2026');
    const rows = within(within(packets).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link', { name: /^NBC-/ }).textContent)).toEqual(['NBC-2026-0004', 'NBC-2026-0011']);
    expect(within(rows[0] as HTMLElement).getByText('09:42')).toBeInTheDocument();
    expect(within(packets).getByRole('link', { name: 'Download PDF of the packet for NBC-2026-0004' })).toHaveAttribute(
      'href',
      `/api/meetings/${meeting.id}/packets/${first.caseId}/pdf`,
    );
    expect(within(packets).getByRole('link', { name: 'Download agenda (PDF)' })).toHaveAttribute('href', `/api/meetings/${meeting.id}/agenda/pdf`);
    // The whole agenda is for the area's staff: a representative's page never asks for it.
    expect(agendaRequests).toEqual([]);
    expect(screen.queryByRole('button', { name: /Build|Publish/ })).not.toBeInTheDocument();

    await user.click(within(packets).getByRole('link', { name: 'NBC-2026-0004' }));
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}/packets/${first.caseId}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Research packet: NBC-2026-0004/ })).toBeInTheDocument();
  });

  it('says so when the agenda has no case for the agency to research', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    server.use(representative(), meetingOf(meeting), http.get('/api/meetings/:id/packets', () => HttpResponse.json([])));
    renderApp(`/meetings/${meeting.id}`);

    expect(await screen.findByText('There are no cases for your agency to research on this agenda.')).toBeInTheDocument();
  });

  it('shows the research packet: who to search for, flags, referrer, deadline, marking and download', async () => {
    const meetingId = newId();
    const packet = buildPacket({
      meetingId,
      caseReference: 'NBC-2026-0004',
      position: 2,
      slotStart: '09:42',
      referringAgencyName: 'Northbridge Police',
      researchDeadline: '2026-03-13',
      flags: [flag('repeat'), flag('children_in_household')],
      people: [
        {
          role: 'victim',
          name: 'Jane Doe',
          otherNames: ['Jane Smith', 'Janey Doe'],
          datesOfBirth: ['1990-04-12', '1990-12-04'],
          address: '1 High Street, Northbridge, NB1 2AB',
          otherAddresses: ['4 Mill Lane, Northbridge, NB2 3CD'],
        },
        { role: 'perpetrator', name: 'John Roe', otherNames: [], datesOfBirth: ['1988-01-30'], address: null, otherAddresses: [] },
        { role: 'child', name: 'Sam Doe', otherNames: [], datesOfBirth: [], address: '1 High Street, Northbridge, NB1 2AB', otherAddresses: [] },
      ],
    });
    server.use(
      representative(),
      http.get('/api/meetings/:id/packets/:caseId', ({ params }) => {
        expect(params).toEqual({ id: meetingId, caseId: packet.caseId });
        return HttpResponse.json(packet);
      }),
    );
    renderApp(`/meetings/${meetingId}/packets/${packet.caseId}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Research packet: NBC-2026-0004/ })).toHaveTextContent(AREA.name);
    const main = screen.getByRole('main');
    expect(within(main).getByText('OFFICIAL-SENSITIVE')).toHaveClass('govuk-tag');
    expect(within(main).getByText('Northbridge City, Tuesday 17 March 2026')).toBeInTheDocument();
    expect(within(main).getByText('Case 2, at 09:42')).toBeInTheDocument();
    expect(within(main).getByText('Friday 13 March 2026')).toBeInTheDocument();
    expect(within(main).getByText('Repeat')).toHaveClass('govuk-tag');
    expect(within(main).getByText('Children in household')).toHaveClass('govuk-tag');

    const victim = screen.getByRole('region', { name: 'Victim: Jane Doe' });
    expect(within(victim).getByText('Jane Smith')).toBeInTheDocument();
    expect(within(victim).getByText('Janey Doe')).toBeInTheDocument();
    expect(within(victim).getByText('12 April 1990')).toBeInTheDocument();
    expect(within(victim).getByText('4 December 1990')).toBeInTheDocument();
    expect(within(victim).getByText('1 High Street, Northbridge, NB1 2AB')).toBeInTheDocument();
    expect(within(victim).getByText('Other addresses', { selector: 'dt' }).nextElementSibling).toHaveTextContent('4 Mill Lane, Northbridge, NB2 3CD');
    const perpetrator = screen.getByRole('region', { name: 'Perpetrator: John Roe' });
    expect(within(perpetrator).getByText('Other names', { selector: 'dt' }).nextElementSibling).toHaveTextContent('None known');
    expect(within(perpetrator).getByText('30 January 1988')).toBeInTheDocument();
    expect(within(perpetrator).getByText('Other addresses', { selector: 'dt' }).nextElementSibling).toHaveTextContent('None known');
    expect(within(screen.getByRole('region', { name: 'Child: Sam Doe' })).getByText('Not known')).toBeInTheDocument();
    expect(within(main).getByText('Version 1, published 10 March 2026, 09:00')).toBeInTheDocument();
    // The first version of a packet has nothing to compare with.
    expect(screen.queryByRole('region', { name: /^Changed since version/ })).not.toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/api/meetings/${meetingId}/packets/${packet.caseId}/pdf`);
    expect(screen.getByRole('link', { name: 'Back to the meeting' })).toHaveAttribute('href', `/meetings/${meetingId}`);
  });

  it('lists what changed since the version before, under its own heading', async () => {
    const meetingId = newId();
    const packet = buildPacket({
      meetingId,
      caseReference: 'NBC-2026-0004',
      version: 3,
      publishedAt: '2026-03-12T16:30:00.000Z',
      changes: ['A second referral, NBC-R-2026-00019, has been added to the case', 'Another address has been found for Jane Doe'],
    });
    server.use(representative(), http.get('/api/meetings/:id/packets/:caseId', () => HttpResponse.json(packet)));
    renderApp(`/meetings/${meetingId}/packets/${packet.caseId}`);

    const changes = await screen.findByRole('region', { name: 'Changed since version 2' });
    expect(within(changes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'A second referral, NBC-R-2026-00019, has been added to the case',
      'Another address has been found for Jane Doe',
    ]);
    expect(screen.getByText('Version 3, published 12 March 2026, 16:30')).toBeInTheDocument();
  });

  it('says the packet cannot be shown when the server does not find it', async () => {
    server.use(representative(), http.get('/api/meetings/:id/packets/:caseId', () => apiErrorResponse(404, 'not_found', 'This research packet does not exist')));
    renderApp(`/meetings/${newId()}/packets/${newId()}`);

    const problem = await screen.findByRole('alert');
    expect(problem).toHaveTextContent('Sorry, the research packet could not be shown');
    expect(problem).toHaveTextContent('This research packet does not exist');
  });

  it('treats an address that cannot name a packet as not found', async () => {
    server.use(representative());
    renderApp(`/meetings/${newId()}/packets/not-an-id`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
