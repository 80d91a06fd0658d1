import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMe } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { meetingOf } from '../meetings/meeting-handlers';
import { buildTask, POLICE } from './research-factories';
import { meetingNeighbours, researchWorld } from './research-handlers';

afterEach(() => {
  vi.useRealTimers();
});

const representative = () => signedInAs(buildMe({ role: 'agency_representative', areas: [AREA], agency: POLICE }));
const noPackets = () => http.get('/api/meetings/:id/packets', () => HttpResponse.json([]));
const research = () => screen.findByRole('region', { name: 'Your research' });
const rowsOf = (region: HTMLElement) => within(within(region).getByRole('table')).getAllByRole('row').slice(1);

describe('the representative’s research tasks on their meeting page', () => {
  it('lists the agency’s tasks in agenda order with status, due date and the way into each form', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-14T10:00:00Z'));
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const tasks = [
      buildTask({ meetingId: meeting.id, caseReference: 'NBC-2026-0004', position: 2, status: 'draft', dueDate: '2026-03-13' }),
      buildTask({ meetingId: meeting.id, caseReference: 'NBC-2026-0011', position: 7, status: 'not_started', dueDate: '2026-03-16' }),
      buildTask({ meetingId: meeting.id, caseReference: 'NBC-2026-0012', position: 8, status: 'submitted', knownToAgency: true, facts: 'Two call-outs' }),
      buildTask({ meetingId: meeting.id, caseReference: 'NBC-2026-0013', position: 9, status: 'not_known', knownToAgency: false }),
    ];
    const { handlers } = researchWorld(tasks);
    server.use(representative(), meetingOf(meeting), noPackets(), ...meetingNeighbours(), ...handlers);
    const { user, router } = renderApp(`/meetings/${meeting.id}`);

    const region = await research();
    const rows = await waitFor(() => rowsOf(region));
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['NBC-2026-0004', 'NBC-2026-0011', 'NBC-2026-0012', 'NBC-2026-0013']);
    expect(rows.map((row) => row.querySelector('.govuk-tag')?.textContent)).toEqual(['Draft', 'Not started', 'Submitted', 'Not known']);
    const [draft, notStarted, submitted] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(draft).toHaveTextContent('13 March 2026');
    // The draft's due date has passed; the next task is still in time.
    expect(within(draft).getByText('Overdue')).toBeInTheDocument();
    expect(within(notStarted).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(submitted).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Change research for NBC-2026-0004' })).toHaveAttribute(
      'href',
      `/meetings/${meeting.id}/research/${tasks[0]?.caseId}`,
    );
    expect(within(region).getByRole('link', { name: 'Record research for NBC-2026-0011' })).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Change research for NBC-2026-0012' })).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Change research for NBC-2026-0013' })).toBeInTheDocument();
    // Research content is only in the form, never in the list.
    expect(region).not.toHaveTextContent('Two call-outs');

    await user.click(within(region).getByRole('link', { name: 'Record research for NBC-2026-0011' }));
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}/research/${tasks[1]?.caseId}`);
  });

  it('says research is not editable once the meeting has started, and offers to view it', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const task = buildTask({ meetingId: meeting.id, caseReference: 'NBC-2026-0004', status: 'submitted', knownToAgency: true, facts: 'Known', editable: false });
    const { handlers } = researchWorld([task]);
    server.use(representative(), meetingOf(meeting), noPackets(), ...meetingNeighbours(), ...handlers);
    renderApp(`/meetings/${meeting.id}`);

    const region = await research();
    expect(await within(region).findByText('Your research is not editable: the meeting has started. Share anything new at the meeting.')).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'View research for NBC-2026-0004' })).toBeInTheDocument();
    expect(within(region).queryByRole('link', { name: /Record research|Change research/ })).not.toBeInTheDocument();
  });

  it('says so when the agency has nothing to research', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const { handlers } = researchWorld([]);
    server.use(representative(), meetingOf(meeting), noPackets(), ...meetingNeighbours(), ...handlers);
    renderApp(`/meetings/${meeting.id}`);

    expect(await within(await research()).findByText('Your agency has no research to record for this meeting.')).toBeInTheDocument();
  });

  it('shows nothing and asks for nothing while the meeting is planned', async () => {
    const meeting = buildMeeting({ status: 'planned' });
    const { world, handlers } = researchWorld([buildTask({ meetingId: meeting.id })]);
    server.use(representative(), meetingOf(meeting), noPackets(), ...meetingNeighbours(), ...handlers);
    renderApp(`/meetings/${meeting.id}`);

    expect(await screen.findByText('There are no cases for your agency to research on this agenda.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Your research' })).not.toBeInTheDocument();
    expect(world.taskReads).toBe(0);
  });
});
