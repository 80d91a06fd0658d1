import type { MeetingStatus, ResearchGrid } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { agendaWorld } from '../meetings/agenda-world';
import { AREA, buildAgenda, buildEntry, buildMeeting } from '../meetings/meeting-factories';
import { buildGrid } from './research-factories';
import { meetingNeighbours, recording, type SeenRequest } from './research-handlers';

afterEach(() => {
  vi.useRealTimers();
});

const POLICE = { id: newId(), name: 'Northbridge Police' };
const HOUSING = { id: newId(), name: 'Northbridge Homes' };
const IDVA = { id: newId(), name: 'Northbridge IDVA Service' };

/** Three cases, three agencies: housing was not invited for the second case. */
function threeByThree(): ResearchGrid {
  return buildGrid({
    researchDeadline: '2026-03-13',
    agencies: [HOUSING, IDVA, POLICE],
    cases: [
      // Out of order on purpose: the page shows agenda order.
      { caseId: newId(), caseReference: 'NBC-2026-0003', position: 3, statuses: { [HOUSING.id]: 'not_started', [IDVA.id]: 'submitted', [POLICE.id]: 'not_started' } },
      { caseId: newId(), caseReference: 'NBC-2026-0001', position: 1, statuses: { [HOUSING.id]: 'submitted', [IDVA.id]: 'draft', [POLICE.id]: 'not_known' } },
      { caseId: newId(), caseReference: 'NBC-2026-0002', position: 2, statuses: { [IDVA.id]: 'submitted', [POLICE.id]: 'draft' } },
    ],
    outstanding: 4,
  });
}

function opens(role: 'coordinator' | 'chair', status: MeetingStatus, grid: ResearchGrid = threeByThree()) {
  const meeting = buildMeeting({ status, agendaVersion: status === 'planned' ? 0 : 1 });
  const agenda = buildAgenda(meeting, { items: [buildEntry({ position: 1, caseReference: 'NBC-2026-0001' })] });
  const { handlers } = agendaWorld(agenda);
  const counts = { gridReads: 0 };
  const chases: SeenRequest[] = [];
  server.use(
    signedInAs(buildMe({ role, areas: [AREA], csrfToken: 'csrf-grid' })),
    ...handlers,
    ...meetingNeighbours(),
    http.get('/api/meetings/:id/research-grid', ({ params }) => {
      counts.gridReads += 1;
      return params.id === meeting.id ? HttpResponse.json(grid) : apiErrorResponse(404, 'not_found', 'This meeting does not exist');
    }),
    http.post('/api/meetings/:id/research/chase', async ({ request }) => {
      await recording(chases, request);
      return HttpResponse.json({ agenciesChased: 2, tasksOutstanding: 4 });
    }),
  );
  return { meeting, counts, chases, ...renderApp(`/meetings/${meeting.id}`) };
}

const section = () => screen.findByRole('region', { name: 'Research' });
const table = async () => within(await section()).findByRole('table');

describe('the research completeness grid for coordinators and chairs', () => {
  it('shows each case in agenda order against each agency: statuses, dashes where there is no task, the deadline and the count outstanding', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-12T10:00:00Z'));
    opens('coordinator', 'agenda_published');

    const grid = await table();
    const [head, ...rows] = within(grid).getAllByRole('row');
    expect(within(head as HTMLElement).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'No.',
      'Case',
      'Northbridge Homes',
      'Northbridge IDVA Service',
      'Northbridge Police',
    ]);
    const cells = rows.map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent)]);
    expect(cells).toEqual([
      ['NBC-2026-0001', 'Submitted', 'Draft', 'Not known'],
      ['NBC-2026-0002', '—No task', 'Submitted', 'Draft'],
      ['NBC-2026-0003', 'Not started', 'Submitted', 'Not started'],
    ]);
    expect(within(rows[0] as HTMLElement).getByText('Draft')).toHaveClass('govuk-tag');
    const region = await section();
    expect(region).toHaveTextContent('Research is due by Friday 13 March 2026.');
    expect(region).toHaveTextContent('4 of 8 research tasks outstanding: not started or in draft.');
  });

  it('chases outstanding research after a confirmation, with Cancel giving the focus back, and says how many agencies were reminded', async () => {
    const { meeting, chases, user } = opens('coordinator', 'agenda_published');

    const chase = await within(await section()).findByRole('button', { name: 'Chase outstanding research' });
    await user.click(chase);
    const panel = screen.getByRole('region', { name: 'Chase outstanding research?' });
    expect(within(panel).getByRole('heading', { name: 'Chase outstanding research?' })).toHaveFocus();
    expect(panel).toHaveTextContent('The e-mails hold no personal data: no names and no case details.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Chase outstanding research?' })).not.toBeInTheDocument();
    expect(chase).toHaveFocus();
    expect(chases).toEqual([]);

    await user.click(chase);
    await user.click(screen.getByRole('button', { name: 'Yes, send the reminders' }));

    expect(await screen.findByText('Reminded 2 agencies by e-mail about 4 research tasks outstanding. The e-mails hold no personal data.')).toBeInTheDocument();
    expect(chases).toEqual<SeenRequest[]>([
      { method: 'POST', path: `/api/meetings/${meeting.id}/research/chase`, contentType: null, body: '', csrf: 'csrf-grid' },
    ]);
    expect(screen.queryByRole('region', { name: 'Chase outstanding research?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Chase outstanding research' })).toHaveFocus();
  });

  it('says when nobody could be reminded again today', async () => {
    const { user } = opens('coordinator', 'agenda_published');
    server.use(http.post('/api/meetings/:id/research/chase', () => HttpResponse.json({ agenciesChased: 0, tasksOutstanding: 4 })));

    await user.click(await within(await section()).findByRole('button', { name: 'Chase outstanding research' }));
    await user.click(screen.getByRole('button', { name: 'Yes, send the reminders' }));

    expect(await screen.findByText(/^No agency was reminded: every agency with research outstanding has been reminded today already/)).toBeInTheDocument();
  });

  it('shows the server’s refusal when research can no longer be chased', async () => {
    const { user } = opens('coordinator', 'agenda_published');
    server.use(
      http.post('/api/meetings/:id/research/chase', () =>
        apiErrorResponse(409, 'conflict', 'Research can only be chased between publication and the start of the meeting'),
      ),
    );

    await user.click(await within(await section()).findByRole('button', { name: 'Chase outstanding research' }));
    await user.click(screen.getByRole('button', { name: 'Yes, send the reminders' }));

    expect(await within(await section()).findByRole('alert')).toHaveTextContent('Research can only be chased between publication and the start of the meeting');
    expect(screen.queryByRole('region', { name: 'Chase outstanding research?' })).not.toBeInTheDocument();
  });

  it('gives a chair the grid without the chase', async () => {
    opens('chair', 'agenda_published');

    expect(await table()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chase outstanding research' })).not.toBeInTheDocument();
  });

  it('shows coordinators and chairs what agencies hold back and why, labelled as not shared with other agencies', async () => {
    const grid = threeByThree();
    const [third, first] = grid.cases;
    const withHeldBack: ResearchGrid = {
      ...grid,
      heldBack: [
        { caseId: third?.caseId ?? newId(), caseReference: 'NBC-2026-0003', agencyName: POLICE.name, withheld: 'An open investigation into the perpetrator', reason: 'Sharing could alert him' },
        { caseId: first?.caseId ?? newId(), caseReference: 'NBC-2026-0001', agencyName: HOUSING.name, withheld: 'A neighbour’s statement', reason: null },
      ],
    };
    opens('chair', 'agenda_published', withHeldBack);

    const heldBack = await within(await section()).findByRole('region', { name: 'Held back: not shared with other agencies' });
    expect(heldBack).toHaveTextContent('Only coordinators and chairs see this. Do not pass it to any other agency or put it in the minutes.');
    const rows = within(within(heldBack).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    // In agenda order, like the grid.
    expect(rows).toEqual([
      ['NBC-2026-0001', 'Northbridge Homes', 'A neighbour’s statement', 'No reason given'],
      ['NBC-2026-0003', 'Northbridge Police', 'An open investigation into the perpetrator', 'Sharing could alert him'],
    ]);
  });

  it('shows no held-back part when no agency holds anything back', async () => {
    opens('coordinator', 'agenda_published');

    expect(await table()).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Held back: not shared with other agencies' })).not.toBeInTheDocument();
  });

  it('offers no chase once the meeting has started, nor when nothing is outstanding', async () => {
    const started = opens('coordinator', 'in_progress');
    expect(await table()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chase outstanding research' })).not.toBeInTheDocument();
    started.unmount();

    const done = threeByThree();
    opens('coordinator', 'agenda_published', {
      ...done,
      cases: done.cases.map((row) => ({ ...row, statuses: Object.fromEntries(Object.keys(row.statuses).map((agencyId) => [agencyId, 'submitted' as const])) })),
      outstanding: 0,
    });
    expect(await within(await section()).findByText('All 8 research tasks are in: submitted or not known to the agency.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chase outstanding research' })).not.toBeInTheDocument();
  });

  it('shows nothing and asks for nothing while the meeting is planned', async () => {
    const { counts } = opens('coordinator', 'planned');

    expect(await screen.findByRole('button', { name: 'Publish agenda' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Research' })).not.toBeInTheDocument();
    await waitFor(() => expect(counts.gridReads).toBe(0));
  });
});
