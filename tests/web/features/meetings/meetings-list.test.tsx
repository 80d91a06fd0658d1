import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, COUNTY, buildAgenda, buildMeeting } from './meeting-factories';
import { agendaOf, invitationsOf, meetingList } from './meeting-handlers';

const table = () => screen.getByRole('table', { name: 'Meetings, soonest first' });
const rowOf = (text: string) => within(table()).getByText(text).closest('tr') as HTMLElement;

describe('meetings list', () => {
  it('shows a coordinator the meetings with their tags, deadlines and a bank-holiday warning, and links to each', async () => {
    const scheduled = buildMeeting({ date: '2026-03-17', listedCount: 3, capacity: 20 });
    const onHoliday = buildMeeting({ date: '2026-05-25', startTime: '10:00', bankHoliday: 'Spring bank holiday', referralCutoff: '2026-05-13', researchDeadline: '2026-05-20' });
    const emergency = buildMeeting({ kind: 'emergency', seriesId: null, date: '2026-03-05', status: 'agenda_published', listedCount: 1, capacity: 2 });
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      meetingList(() => [emergency, scheduled, onHoliday]),
      agendaOf(() => buildAgenda(scheduled)),
      invitationsOf(() => []),
    );
    const { user, router } = renderApp('/meetings');

    await screen.findByRole('table', { name: 'Meetings, soonest first' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Meetings');
    expect(screen.getByText('Showing 3 meetings')).toBeInTheDocument();

    const first = rowOf('Tuesday 17 March 2026');
    expect(within(first).getByText('09:30')).toBeInTheDocument();
    expect(within(first).getByText('Scheduled')).toHaveClass('govuk-tag');
    expect(within(first).getByText('Planned')).toHaveClass('govuk-tag');
    expect(within(first).getByText('3 of 20')).toBeInTheDocument();
    expect(within(first).getByText('5 March 2026')).toBeInTheDocument();
    expect(within(first).getByText('13 March 2026')).toBeInTheDocument();
    expect(within(first).queryByText(/Falls on/)).not.toBeInTheDocument();

    const urgent = rowOf('Thursday 5 March 2026');
    expect(within(urgent).getByText('Emergency')).toHaveClass('govuk-tag--red');
    expect(within(urgent).getByText('Agenda published')).toHaveClass('govuk-tag');
    expect(within(urgent).getByText('1 of 2')).toBeInTheDocument();

    const holiday = rowOf('Monday 25 May 2026');
    expect(within(holiday).getByText(/Falls on Spring bank holiday: move it/)).toBeInTheDocument();

    // One area: no area column.
    expect(within(table()).queryByRole('columnheader', { name: 'Area' })).not.toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Set up a meeting series' })).toHaveAttribute('href', '/meetings/series/new');
    expect(screen.getByRole('link', { name: 'Arrange a one-off or emergency meeting' })).toHaveAttribute('href', '/meetings/new');

    await user.click(within(first).getByRole('link', { name: 'Tuesday 17 March 2026' }));
    expect(currentPath(router)).toBe(`/meetings/${scheduled.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Meeting on Tuesday 17 March 2026/ })).toBeInTheDocument();
  });

  it('keeps the dates and area in the address and asks the server for them', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA, COUNTY] })),
      meetingList(() => [buildMeeting(), buildMeeting({ areaId: COUNTY.id, areaName: COUNTY.name, date: '2026-04-07' })], seen),
    );
    const { user, router } = renderApp('/meetings');

    await screen.findByRole('table', { name: 'Meetings, soonest first' });
    // Without dates the server counts 26 weeks from today.
    expect(seen[0]?.toString()).toBe('');
    expect(screen.getByText(/From today, for the next 26 weeks/)).toBeInTheDocument();
    expect(within(table()).getByRole('columnheader', { name: 'Area' })).toBeInTheDocument();
    expect(within(rowOf('Tuesday 7 April 2026')).getByText(COUNTY.name)).toBeInTheDocument();

    const filters = screen.getByRole('search', { name: 'Filter meetings' });
    await user.selectOptions(within(filters).getByLabelText('Area'), COUNTY.name);
    const from = within(filters).getByRole('group', { name: 'From' });
    await user.type(within(from).getByLabelText('Day'), '1');
    await user.type(within(from).getByLabelText('Month'), '4');
    await user.type(within(from).getByLabelText('Year'), '2026');
    const to = within(filters).getByRole('group', { name: 'To' });
    await user.type(within(to).getByLabelText('Day'), '30');
    await user.type(within(to).getByLabelText('Month'), '6');
    await user.type(within(to).getByLabelText('Year'), '2026');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    expect(currentPath(router)).toBe(`/meetings?areaId=${COUNTY.id}&from=2026-04-01&to=2026-06-30`);
    expect(await screen.findByText(/From Wednesday 1 April 2026 to Tuesday 30 June 2026\./)).toBeInTheDocument();
    expect(Object.fromEntries(seen[seen.length - 1] ?? [])).toEqual({ areaId: COUNTY.id, from: '2026-04-01', to: '2026-06-30' });
  });

  it('refuses a range that ends before it starts without asking the server', async () => {
    const seen: URLSearchParams[] = [];
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })), meetingList(() => [], seen));
    const { user, router } = renderApp('/meetings?from=2026-06-01&to=2026-05-01');

    expect(await screen.findByText('There are no meetings in these dates.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The ‘to’ date must be the same as or after the ‘from’ date' })).toHaveAttribute('href', '#filter-to-day');
    expect(currentPath(router)).toBe('/meetings?from=2026-06-01&to=2026-05-01');
    expect(seen).toHaveLength(1);
  });

  it('gives chairs no buttons to arrange meetings', async () => {
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), meetingList(() => [buildMeeting()]));
    renderApp('/meetings');

    await screen.findByRole('table', { name: 'Meetings, soonest first' });
    expect(screen.queryByRole('link', { name: 'Set up a meeting series' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Arrange a one-off or emergency meeting' })).not.toBeInTheDocument();
  });

  it('shows a representative the published agendas sent to their agency, with no buttons', async () => {
    const published = buildMeeting({ status: 'agenda_published', agendaVersion: 1, listedCount: 12 });
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', areas: [AREA], agency: { id: newId(), name: 'Northbridge Police', kind: 'police' } })),
      meetingList(() => [published]),
    );
    renderApp('/meetings');

    await screen.findByRole('table', { name: 'Meetings, soonest first' });
    expect(screen.getByText(/Meetings whose agenda has been sent to your agency/)).toBeInTheDocument();
    expect(within(rowOf('Tuesday 17 March 2026')).getByText('Agenda published')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Set up a meeting series' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Arrange a one-off or emergency meeting' })).not.toBeInTheDocument();
  });

  it('tells a representative when no agenda has been sent to their agency', async () => {
    server.use(signedInAs(buildMe({ role: 'agency_representative', areas: [AREA] })), meetingList(() => []));
    renderApp('/meetings');

    expect(await screen.findByText('No agenda in these dates has been sent to your agency.')).toBeInTheDocument();
  });
});
