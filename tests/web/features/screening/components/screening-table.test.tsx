import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildMe, newId } from '../../../factories';
import { agencyDirectory, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';
import { AREA, buildQueue, buildQueueItem } from '../screening-factories';

const COUNTY = { id: newId(), name: 'Wealdshire County', code: 'WLD' };

const rowFor = (reference: string) => {
  const row = screen.getByRole('link', { name: reference }).closest('tr');
  if (!row) throw new Error(`no row for ${reference}`);
  return row;
};

describe('screening queue', () => {
  it('lists each referral with what is needed to choose what to screen next, and its flags as tags', async () => {
    const urgent = buildQueueItem({
      reference: 'NBC-R-2026-00001',
      victim: { displayName: 'Jane Doe', yearOfBirth: 1990 },
      referringAgencyName: 'Northbridge Police',
      referralDate: '2026-03-01',
      ageDays: 12,
      urgent: true,
      dashScore: 17,
      criteriaMet: ['visible_high_risk', 'repeat'],
      flags: [
        { kind: 'repeat', label: 'Repeat' },
        { kind: 'children_in_household', label: 'Children in household' },
      ],
    });
    const quiet = buildQueueItem({
      reference: 'NBC-R-2026-00002',
      victim: { displayName: 'Mary Major', yearOfBirth: null },
      status: 'more_information_requested',
      statusLabel: 'More information requested',
      ageDays: 1,
      flags: [],
    });
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      agencyDirectory([]),
      http.get('/api/screening', () => HttpResponse.json(buildQueue([urgent, quiet]))),
    );
    renderApp('/screening');

    await screen.findByRole('link', { name: 'NBC-R-2026-00001' });
    const first = rowFor('NBC-R-2026-00001');
    expect(within(first).getByRole('link', { name: 'NBC-R-2026-00001' })).toHaveAttribute('href', `/referrals/${urgent.id}`);
    expect(first).toHaveTextContent('Jane Doe');
    expect(first).toHaveTextContent('Born 1990');
    expect(first).toHaveTextContent('Northbridge Police');
    expect(first).toHaveTextContent('1 March 2026');
    expect(first).toHaveTextContent('12 days ago');
    expect(within(first).getByText('Urgent')).toHaveClass('govuk-tag');
    expect(first).toHaveTextContent('17');
    expect(first).toHaveTextContent('Visible high risk, Repeat');
    const flags = within(first).getByRole('list', { name: 'Flags' });
    expect(within(flags).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Repeat', 'Children in household']);
    expect(within(flags).getByText('Repeat')).toHaveClass('govuk-tag', 'govuk-tag--red');
    expect(within(first).getByText('Awaiting screening')).toHaveClass('govuk-tag');

    const second = rowFor('NBC-R-2026-00002');
    expect(second).toHaveTextContent('Year of birth not known');
    expect(second).toHaveTextContent('1 day ago');
    expect(within(second).queryByRole('list', { name: 'Flags' })).not.toBeInTheDocument();
    expect(within(second).queryByText('Urgent')).not.toBeInTheDocument();
    expect(within(second).getByText('More information requested')).toHaveClass('govuk-tag');
  });

  it('asks for the default statuses, oldest first, and offers no area choice to someone with one area', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA] })),
      agencyDirectory([]),
      http.get('/api/screening', ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(buildQueue([]));
      }),
    );
    renderApp('/screening');

    expect(await screen.findByText('No referrals match these filters.')).toBeInTheDocument();
    expect(requests).toEqual([{ sort: 'oldest', limit: '25', offset: '0' }]);
    expect(screen.queryByLabelText('Area')).not.toBeInTheDocument();
    const statuses = screen.getByRole('group', { name: 'Status' });
    expect(within(statuses).getByLabelText('Awaiting screening')).toBeChecked();
    expect(within(statuses).getByLabelText('More information requested')).toBeChecked();
    expect(within(statuses).getByLabelText('Accepted')).not.toBeChecked();
  });

  it('writes the filters and sort to the address, sends them to the API and keeps them when paging', async () => {
    const requests: Record<string, string>[] = [];
    const police = buildAgencyDirectoryEntry({ name: 'Northbridge Police', kind: 'police', areaIds: [AREA.id] });
    const housing = buildAgencyDirectoryEntry({ name: 'Wealdshire Homes', kind: 'housing', areaIds: [COUNTY.id] });
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })),
      agencyDirectory([police, housing]),
      http.get('/api/screening', ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(Object.fromEntries(params));
        const offset = Number(params.get('offset'));
        const items = Array.from({ length: 25 }, (_, index) =>
          buildQueueItem({ reference: `NBC-R-2026-${String(offset + index + 1).padStart(5, '0')}` }),
        );
        return HttpResponse.json(buildQueue(items, { total: 30, limit: 25, offset }));
      }),
    );
    const { user, router } = renderApp('/screening');

    await screen.findByRole('link', { name: 'NBC-R-2026-00001' });
    // With several areas each row says which area it belongs to.
    expect(rowFor('NBC-R-2026-00001')).toHaveTextContent('Northbridge City');

    await user.selectOptions(screen.getByLabelText('Area'), 'Northbridge City');
    // Only agencies serving the chosen area are offered.
    expect(within(screen.getByLabelText('Referring agency')).queryByRole('option', { name: 'Wealdshire Homes' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Referring agency'), 'Northbridge Police');
    await user.selectOptions(screen.getByLabelText('Urgency'), 'Urgent only');
    await user.selectOptions(screen.getByLabelText('Repeat'), 'Not repeat');
    const statuses = screen.getByRole('group', { name: 'Status' });
    await user.click(within(statuses).getByLabelText('More information requested'));
    await user.click(within(statuses).getByLabelText('Accepted'));
    await user.type(screen.getByLabelText('Referred more than this many days ago'), '7');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Highest DASH score first');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await expect.poll(() => requests.length).toBe(2);
    const expected = {
      areaId: AREA.id,
      status: 'submitted,accepted',
      urgent: 'true',
      repeat: 'false',
      referringAgencyId: police.id,
      olderThanDays: '7',
      sort: 'score',
    };
    expect(requests[1]).toEqual({ ...expected, limit: '25', offset: '0' });
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual(expected);
    // The form reads the filters in force back from the address.
    expect(screen.getByLabelText('Sort by')).toHaveValue('score');
    expect(within(screen.getByRole('group', { name: 'Status' })).getByLabelText('Accepted')).toBeChecked();

    await user.click(await screen.findByRole('link', { name: 'Page 2' }));
    expect(await screen.findByRole('link', { name: 'NBC-R-2026-00026' })).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({ ...expected, limit: '25', offset: '25' });
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('2');
  });

  it('reads filters from the address and drops values it cannot use', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      agencyDirectory([]),
      http.get('/api/screening', ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(buildQueue([buildQueueItem()]));
      }),
    );
    renderApp(`/screening?status=rejected,merged&urgent=maybe&areaId=${newId()}&sort=newest`);

    await screen.findByRole('link', { name: 'NBC-R-2026-00042' });
    expect(requests[0]).toEqual({ status: 'rejected,merged', sort: 'newest', limit: '25', offset: '0' });
    expect(screen.getByLabelText('Urgency')).toHaveValue('');
  });

  it('explains a filter it cannot use instead of sending it', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      agencyDirectory([]),
      http.get('/api/screening', ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(buildQueue([]));
      }),
    );
    const { user, router } = renderApp('/screening');

    await screen.findByText('No referrals match these filters.');
    const statuses = screen.getByRole('group', { name: 'Status' });
    await user.click(within(statuses).getByLabelText('Awaiting screening'));
    await user.click(within(statuses).getByLabelText('More information requested'));
    await user.type(screen.getByLabelText('Referred more than this many days ago'), 'a week');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose at least one status' })).toHaveAttribute('href', '#filter-status');
    expect(within(summary).getByRole('link', { name: /Enter a number of days/ })).toHaveAttribute('href', '#filter-older-than');
    expect(router.state.location.search).toBe('');
    expect(requests).toHaveLength(1);
  });
});
