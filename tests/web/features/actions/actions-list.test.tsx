import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildHomeSummary, buildMe, newId } from '../../factories';
import { agencyDirectory, homeSummary, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { buildMeeting } from '../meetings/meeting-factories';
import { meetingList } from '../meetings/meeting-handlers';
import { AREA, CASE_ID, COUNTY, HOUSING, POLICE, buildActionList, buildActionSummary } from './action-factories';
import { actionList, noMeetingChoices } from './action-handlers';

const housingRep = () => buildMe({ role: 'agency_representative', name: 'Marcus Campbell', agency: HOUSING, areas: [AREA] });
const tabs = () => screen.getByRole('navigation', { name: 'Actions by state' });
const table = () => screen.getByRole('table', { name: 'Actions' });

describe('the actions list', () => {
  it('takes a representative from a home figure to their agency’s overdue actions, with the count in each state', async () => {
    const overdue = buildActionSummary({ dueDate: '2026-11-16', overdue: true, dueSoon: false, escalation: 'coordinator', status: 'escalated' });
    const seen: URLSearchParams[] = [];
    server.use(
      signedInAs(housingRep()),
      homeSummary(
        buildHomeSummary({
          role: 'agency_representative',
          figures: [
            { key: 'actions_open', label: 'My agency’s open actions', value: 4, hint: null },
            { key: 'actions_overdue', label: 'My agency’s overdue actions', value: 1, hint: null },
            { key: 'actions_due_7_days', label: 'Actions due in the next 7 days', value: 2, hint: null },
          ],
        }),
      ),
      noMeetingChoices(),
      actionList(() => buildActionList([overdue], { counts: { open: 4, due_soon: 2, overdue: 1, completed: 6, closed: 7 } }), seen),
    );
    const { user, router } = renderApp('/');

    const figures = await screen.findByRole('list', { name: 'Your figures' });
    expect(within(figures).getByRole('link', { name: 'My agency’s open actions' })).toHaveAttribute('href', '/actions?state=open');
    expect(within(figures).getByRole('link', { name: 'Actions due in the next 7 days' })).toHaveAttribute('href', '/actions?state=due_soon');
    await user.click(within(figures).getByRole('link', { name: 'My agency’s overdue actions' }));

    expect(currentPath(router)).toBe('/actions?state=overdue');
    expect(await screen.findByRole('heading', { level: 1, name: /My agency’s actions/ })).toHaveTextContent(HOUSING.name);
    await within(table()).findByText('NBC-2026-0012');
    expect(Object.fromEntries(seen.at(-1) ?? [])).toEqual({ state: 'overdue', limit: '25', offset: '0' });

    // The states, with their counts under the same filters; all is open and closed together.
    expect(within(tabs()).getByRole('link', { name: 'Overdue 1' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs()).getByRole('link', { name: 'Open 4' })).toHaveAttribute('href', '/actions?state=open');
    expect(within(tabs()).getByRole('link', { name: 'Due soon 2' })).toBeInTheDocument();
    expect(within(tabs()).getByRole('link', { name: 'Completed 6' })).toBeInTheDocument();
    expect(within(tabs()).getByRole('link', { name: 'All 11' })).toHaveAttribute('href', '/actions');

    // Their own agency's actions only: no agency column and no agency filter.
    expect(within(table()).queryByRole('columnheader', { name: 'Agency' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Agency')).not.toBeInTheDocument();
    const row = within(table()).getByText('NBC-2026-0012').closest('tr') as HTMLElement;
    expect(within(row).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(row).getByText('Escalated to the coordinator')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: overdue.description })).toHaveAttribute('href', `/actions/${overdue.id}`);
    expect(within(row).getByRole('link', { name: 'NBC-2026-0012' })).toHaveAttribute('href', `/cases/${CASE_ID}/actions`);
    // The way into the list from the menu is its open actions.
    expect(within(screen.getByRole('navigation', { name: 'Menu' })).getByRole('link', { name: 'Actions' })).toHaveAttribute('href', '/actions?state=open');
  });

  it('keeps a coordinator’s filters in the address, asks the server for them, and keeps them across tabs and pages', async () => {
    const seen: URLSearchParams[] = [];
    const older = buildMeeting({ date: '2026-10-27', status: 'closed', areaId: AREA.id, areaName: AREA.name });
    const latest = buildMeeting({ date: '2026-11-10', status: 'minuted', areaId: AREA.id, areaName: AREA.name });
    const countyMeeting = buildMeeting({ date: '2026-11-12', kind: 'emergency', seriesId: null, status: 'minuted', areaId: COUNTY.id, areaName: COUNTY.name });
    const meetingQueries: URLSearchParams[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })),
      agencyDirectory([
        buildAgencyDirectoryEntry({ id: HOUSING.id, name: HOUSING.name, kind: 'housing', areaIds: [AREA.id] }),
        buildAgencyDirectoryEntry({ id: POLICE.id, name: POLICE.name, kind: 'police', areaIds: [AREA.id, COUNTY.id] }),
        buildAgencyDirectoryEntry({ name: 'Wealdshire Rural Housing', areaIds: [COUNTY.id] }),
      ]),
      meetingList(() => [older, latest, countyMeeting], meetingQueries),
      actionList((params) => {
        const offset = Number(params.get('offset'));
        return buildActionList(
          Array.from({ length: 25 }, (_, i) => buildActionSummary({ description: `Action ${offset + i + 1}` })),
          { total: 60, offset, counts: { open: 60, due_soon: 5, overdue: 3, completed: 12, closed: 20 } },
        );
      }, seen),
    );
    const { user, router } = renderApp('/actions');

    await within(await screen.findByRole('table', { name: 'Actions' })).findByText('Action 1');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Actions');
    expect(screen.getByText('Showing 1 to 25 of 60 actions')).toBeInTheDocument();
    expect(within(table()).getByRole('columnheader', { name: 'Agency' })).toBeInTheDocument();
    // The meeting filter offers the meetings that can have agreed actions: up to today, newest first.
    expect(Object.fromEntries(meetingQueries[0] ?? [])).toEqual({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const filters = screen.getByRole('search', { name: 'Filter actions' });
    await user.selectOptions(within(filters).getByLabelText('Area'), AREA.name);
    // Choosing the city leaves the county's agencies and meetings out of the choices.
    expect(within(within(filters).getByLabelText('Agency')).queryByRole('option', { name: 'Wealdshire Rural Housing' })).not.toBeInTheDocument();
    expect(within(within(filters).getByLabelText('Agreed at the meeting on')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Any meeting',
      `10 November 2026, ${AREA.name}`,
      `27 October 2026, ${AREA.name}`,
    ]);
    await user.selectOptions(within(filters).getByLabelText('Agency'), HOUSING.name);
    await user.selectOptions(within(filters).getByLabelText('Agreed at the meeting on'), `10 November 2026, ${AREA.name}`);
    await user.selectOptions(within(filters).getByLabelText('Status'), 'In progress');
    const from = within(filters).getByRole('group', { name: 'Due from' });
    await user.type(within(from).getByLabelText('Day'), '1');
    await user.type(within(from).getByLabelText('Month'), '11');
    await user.type(within(from).getByLabelText('Year'), '2026');
    const to = within(filters).getByRole('group', { name: 'Due to' });
    await user.type(within(to).getByLabelText('Day'), '31');
    await user.type(within(to).getByLabelText('Month'), '12');
    await user.type(within(to).getByLabelText('Year'), '2026');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    const query = `status=in_progress&areaId=${AREA.id}&agencyId=${HOUSING.id}&meetingId=${latest.id}&dueFrom=2026-11-01&dueTo=2026-12-31`;
    expect(currentPath(router)).toBe(`/actions?${query}`);
    await screen.findByText('Showing 1 to 25 of 60 actions');
    expect(Object.fromEntries(seen.at(-1) ?? [])).toEqual({
      status: 'in_progress',
      areaId: AREA.id,
      agencyId: HOUSING.id,
      meetingId: latest.id,
      dueFrom: '2026-11-01',
      dueTo: '2026-12-31',
      limit: '25',
      offset: '0',
    });

    // A tab keeps the filters; so does the next page.
    await user.click(within(tabs()).getByRole('link', { name: 'Overdue 3' }));
    expect(currentPath(router)).toBe(`/actions?state=overdue&${query}`);
    await user.click(await screen.findByRole('link', { name: 'Next page' }));
    expect(currentPath(router)).toBe(`/actions?state=overdue&${query}&page=2`);
    await screen.findByText(/Showing 26 to/);
    expect(seen.at(-1)?.get('offset')).toBe('25');
    expect(seen.at(-1)?.get('state')).toBe('overdue');
    // The filters read back from the address.
    expect(within(screen.getByRole('search', { name: 'Filter actions' })).getByLabelText('Status')).toHaveValue('in_progress');
  });

  it('shows the actions of one case when a link asks for them, and the way back to every case', async () => {
    const seen: URLSearchParams[] = [];
    server.use(signedInAs(housingRep()), noMeetingChoices(), actionList(() => buildActionList([buildActionSummary()]), seen));
    const { user, router } = renderApp(`/actions?caseId=${CASE_ID}`);

    expect(await screen.findByText(/Only the actions of case NBC-2026-0012/)).toBeInTheDocument();
    expect(seen[0]?.get('caseId')).toBe(CASE_ID);
    await user.click(screen.getByRole('link', { name: 'Show every case' }));
    expect(currentPath(router)).toBe('/actions');
  });

  it('refuses due dates that end before they start without asking the server again', async () => {
    const seen: URLSearchParams[] = [];
    server.use(signedInAs(housingRep()), noMeetingChoices(), actionList(() => buildActionList([]), seen));
    const { user, router } = renderApp('/actions?dueFrom=2026-12-01&dueTo=2026-11-01&state=open');

    expect(await screen.findByText('No actions match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The ‘due to’ date must be the same as or after the ‘due from’ date' })).toHaveAttribute('href', '#filter-due-to-day');
    expect(currentPath(router)).toBe('/actions?dueFrom=2026-12-01&dueTo=2026-11-01&state=open');
    expect(seen).toHaveLength(1);
  });

  it('tells an administrator that actions are not theirs, without asking for any', async () => {
    server.use(signedInAs(buildMe({ role: 'administrator', areas: [] })));
    renderApp(`/actions/${newId()}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
  });
});
