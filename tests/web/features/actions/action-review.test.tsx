import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { agencyDirectory, homeSummary, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, COUNTY, HOUSING, POLICE, buildActionList, buildActionReview, buildActionSummary, buildReviewRow } from './action-factories';
import { actionList, actionReview, noMeetingChoices } from './action-handlers';

const review = () =>
  buildActionReview(
    [
      buildReviewRow(HOUSING, { total: 8, open: 3, overdue: 1, completed: 4, notPossible: 1, notCompleted: 0, median: 9 }),
      buildReviewRow(POLICE, { total: 5, open: 1, overdue: 1, completed: 2, notPossible: 0, notCompleted: 2, median: 4.5 }),
    ],
    buildReviewRow(null, { total: 13, open: 4, overdue: 2, completed: 6, notPossible: 1, notCompleted: 2, median: 7 }),
  );
const table = () => screen.getByRole('table', { name: 'Actions by agency' });
const rowOf = (agency: string) => within(table()).getByRole('rowheader', { name: agency }).closest('tr') as HTMLElement;

describe('the area’s action review', () => {
  it('shows completion, overdue, not possible against not completed and time to complete by agency, each linked to the actions behind it', async () => {
    const seen: URLSearchParams[] = [];
    const listed: URLSearchParams[] = [];
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA] })),
      homeSummary(),
      actionReview(review, seen),
      agencyDirectory([]),
      noMeetingChoices(),
      actionList(() => buildActionList([buildActionSummary({ status: 'not_completed', agencyId: POLICE.id, agencyName: POLICE.name, closedOn: '2026-11-20', dueSoon: false })], { counts: { closed: 2 } }), listed),
    );
    const { user, router } = renderApp('/');

    await user.click(await within(await screen.findByRole('navigation', { name: 'Menu' })).findByRole('link', { name: 'Action review' }));
    expect(currentPath(router)).toBe('/actions/review');
    expect(await screen.findByRole('heading', { level: 1, name: /Action review/ })).toHaveTextContent(AREA.name);
    await screen.findByRole('table', { name: 'Actions by agency' });
    expect(Object.fromEntries(seen[0] ?? [])).toEqual({ areaId: AREA.id });

    const housing = rowOf(HOUSING.name);
    expect(within(housing).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '8 actions, Northbridge Homes',
      '3 open actions, Northbridge Homes',
      '1 overdue action, Northbridge Homes',
      '4 completed actions, Northbridge Homes',
      '1 action not possible because circumstances changed, Northbridge Homes',
      '0 actions the agency did not complete, Northbridge Homes',
      '67% completion rate, Northbridge Homes: the completed actions4 of 6 due',
      '9 days',
    ]);
    expect(within(rowOf(POLICE.name)).getByText('4.5 days')).toBeInTheDocument();
    expect(within(rowOf('All agencies')).getByRole('link', { name: '13 actions, All agencies' })).toHaveAttribute('href', `/actions?areaId=${AREA.id}`);

    // The headline figures for the whole area.
    const headlines = screen.getByRole('list', { name: 'All agencies' });
    expect(within(headlines).getByRole('link', { name: 'Completion rate' })).toHaveAttribute('href', `/actions?state=completed&areaId=${AREA.id}`);
    expect(within(headlines).getByText('55%')).toBeInTheDocument();
    expect(within(headlines).getByRole('link', { name: 'Overdue' })).toHaveAttribute('href', `/actions?state=overdue&areaId=${AREA.id}`);

    // A figure opens the list filtered as the server wrote it, and the list asks for exactly that.
    await user.click(within(rowOf(POLICE.name)).getByRole('link', { name: /^2 actions the agency did not complete/ }));
    expect(currentPath(router)).toBe(`/actions?status=not_completed&areaId=${AREA.id}&agencyId=${POLICE.id}`);
    await screen.findByRole('table', { name: 'Actions' });
    expect(Object.fromEntries(listed.at(-1) ?? [])).toEqual({ status: 'not_completed', areaId: AREA.id, agencyId: POLICE.id, limit: '25', offset: '0' });
  });

  it('reviews another area and a range of due dates, kept in the address', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })),
      actionReview((params) => {
        const range = { areaId: params.get('areaId') ?? AREA.id, ...(params.get('dueFrom') ? { dueFrom: params.get('dueFrom') ?? '' } : {}), ...(params.get('dueTo') ? { dueTo: params.get('dueTo') ?? '' } : {}) };
        return buildActionReview([buildReviewRow(POLICE, { total: 1, open: 1, overdue: 0, completed: 0, notPossible: 0, notCompleted: 0, median: null }, range)], buildReviewRow(null, { total: 1, open: 1, overdue: 0, completed: 0, notPossible: 0, notCompleted: 0, median: null }, range), {
          area: params.get('areaId') === COUNTY.id ? { id: COUNTY.id, name: COUNTY.name } : { id: AREA.id, name: AREA.name },
          dueFrom: params.get('dueFrom'),
          dueTo: params.get('dueTo'),
        });
      }, seen),
    );
    const { user, router } = renderApp('/actions/review');

    await screen.findByRole('table', { name: 'Actions by agency' });
    const filters = screen.getByRole('search', { name: 'Choose the actions to review' });
    await user.selectOptions(within(filters).getByLabelText('Area'), COUNTY.name);
    const from = within(filters).getByRole('group', { name: 'Due from' });
    await user.type(within(from).getByLabelText('Day'), '1');
    await user.type(within(from).getByLabelText('Month'), '7');
    await user.type(within(from).getByLabelText('Year'), '2026');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    expect(currentPath(router)).toBe(`/actions/review?areaId=${COUNTY.id}&dueFrom=2026-07-01`);
    expect(await screen.findByText('Actions due from Wednesday 1 July 2026.')).toBeInTheDocument();
    expect(Object.fromEntries(seen.at(-1) ?? [])).toEqual({ areaId: COUNTY.id, dueFrom: '2026-07-01' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(COUNTY.name);
    // Nothing due yet: no rate, no median.
    expect(within(rowOf(POLICE.name)).getByText('Nothing due yet')).toBeInTheDocument();
    expect(within(rowOf(POLICE.name)).getByText('None completed')).toBeInTheDocument();
    // The figures carry the range to the list.
    expect(within(rowOf(POLICE.name)).getByRole('link', { name: /^1 open action,/ })).toHaveAttribute('href', `/actions?state=open&areaId=${COUNTY.id}&agencyId=${POLICE.id}&dueFrom=2026-07-01`);
  });

  it('shows a figure without a link where the viewer may not see the actions behind it', async () => {
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })),
      actionReview(() =>
        buildActionReview(
          [
            buildReviewRow(HOUSING, { total: 2, open: 2, overdue: 0, completed: 0, notPossible: 0, notCompleted: 0, median: null }),
            buildReviewRow(POLICE, { total: 5, open: 1, overdue: 1, completed: 2, notPossible: 0, notCompleted: 2, median: 4 }, { areaId: AREA.id }, false),
          ],
          buildReviewRow(null, { total: 7, open: 3, overdue: 1, completed: 2, notPossible: 0, notCompleted: 2, median: 4 }, { areaId: AREA.id }, false),
        ),
      ),
    );
    renderApp('/actions/review');

    await screen.findByRole('table', { name: 'Actions by agency' });
    expect(within(rowOf(HOUSING.name)).getAllByRole('link').length).toBeGreaterThan(0);
    expect(within(rowOf(POLICE.name)).queryByRole('link')).not.toBeInTheDocument();
    expect(within(rowOf(POLICE.name)).getAllByRole('cell')[0]).toHaveTextContent('5');
  });
});
