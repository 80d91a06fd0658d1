import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../../factories';
import { signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';
import { AREA, buildRepeatWindowItem, buildRepeatWindowList } from '../screening-factories';

const COUNTY = { id: newId(), name: 'Wealdshire County', code: 'WLD' };

const rowsOf = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('row').slice(1);

describe('repeat windows', () => {
  it('lists windows lapsing in the next 30 days and those lapsed in the last 30 days', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.get('/api/repeat-windows', () =>
        HttpResponse.json(
          buildRepeatWindowList({
            today: '2026-03-05',
            lapsingSoon: [
              buildRepeatWindowItem({
                caseReference: 'NBC-2025-0007',
                victimName: 'Jane Doe',
                anchor: 'last_referral',
                anchorDate: '2025-03-20',
                lapsesOn: '2026-03-20',
                daysUntilLapse: 15,
              }),
              buildRepeatWindowItem({ caseReference: 'NBC-2025-0009', victimName: 'Mary Major', anchor: 'last_hearing', anchorDate: '2025-03-06', lapsesOn: '2026-03-06', daysUntilLapse: 1 }),
            ],
            lapsedRecently: [
              buildRepeatWindowItem({
                caseReference: 'NBC-2025-0002',
                victimName: 'Ann Other',
                status: 'lapsed_recently',
                anchorDate: '2025-02-25',
                lapsesOn: '2026-02-25',
                daysUntilLapse: -8,
              }),
            ],
          }),
        ),
      ),
    );
    renderApp('/repeat-windows');

    await screen.findByRole('table', { name: 'Lapsing in the next 30 days' });
    expect(screen.getByText(/As of 5 March 2026/)).toBeInTheDocument();
    const [first, second] = rowsOf('Lapsing in the next 30 days');
    expect(first).toHaveTextContent('NBC-2025-0007');
    expect(first).toHaveTextContent('Jane Doe');
    expect(first).toHaveTextContent('Last referral');
    expect(first).toHaveTextContent('20 March 2025');
    expect(first).toHaveTextContent('20 March 2026');
    expect(first).toHaveTextContent('In 15 days');
    expect(second).toHaveTextContent('Last hearing');
    expect(second).toHaveTextContent('In 1 day');

    const lapsed = rowsOf('Lapsed in the last 30 days');
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]).toHaveTextContent('NBC-2025-0002');
    expect(lapsed[0]).toHaveTextContent('Ann Other');
    expect(lapsed[0]).toHaveTextContent('25 February 2026');
    expect(lapsed[0]).toHaveTextContent('8 days ago');
    // Each case links to its actions across its meetings; one area needs no area column or filter.
    const soon = screen.getByRole('table', { name: 'Lapsing in the next 30 days' });
    expect(within(soon).getByRole('link', { name: 'NBC-2025-0007' })).toHaveAttribute('href', expect.stringMatching(/^\/cases\/[0-9a-f-]+\/actions$/));
    expect(screen.queryByRole('columnheader', { name: 'Area' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Area')).not.toBeInTheDocument();
  });

  it('says how many there are in all when a list shows only the first of them', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.get('/api/repeat-windows', () =>
        HttpResponse.json(
          buildRepeatWindowList({
            lapsingSoon: [buildRepeatWindowItem({ caseReference: 'NBC-2025-0007' }), buildRepeatWindowItem({ caseReference: 'NBC-2025-0009' })],
            lapsingSoonTotal: 250,
          }),
        ),
      ),
    );
    renderApp('/repeat-windows');

    await screen.findByRole('table', { name: 'Lapsing in the next 30 days' });
    expect(screen.getByText('250 cases in all; the 2 cases soonest to lapse are shown.')).toBeInTheDocument();
    expect(rowsOf('Lapsing in the next 30 days')).toHaveLength(2);
    // A list shown whole says nothing more.
    expect(screen.queryByText(/most recently lapsed are shown/)).not.toBeInTheDocument();
  });

  it('says when nothing is lapsing or has lapsed', async () => {
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA] })),
      http.get('/api/repeat-windows', () => HttpResponse.json(buildRepeatWindowList())),
    );
    renderApp('/repeat-windows');

    expect(await screen.findByText('No case’s window lapses in the next 30 days.')).toBeInTheDocument();
    expect(screen.getByText('No case’s window has lapsed in the last 30 days.')).toBeInTheDocument();
  });

  it('filters by area when the user works in several, keeping the choice in the address', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })),
      http.get('/api/repeat-windows', ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        requests.push(query);
        const area = query['areaId'] === COUNTY.id ? COUNTY : AREA;
        return HttpResponse.json(buildRepeatWindowList({ lapsingSoon: [buildRepeatWindowItem({ area, caseReference: `${area.code}-2025-0001` })] }));
      }),
    );
    const { user, router } = renderApp('/repeat-windows');

    await screen.findByRole('table', { name: 'Lapsing in the next 30 days' });
    expect(requests[0]).toEqual({});
    // Across all areas each case says which area it is in.
    expect(rowsOf('Lapsing in the next 30 days')[0]).toHaveTextContent('Northbridge City');

    await user.selectOptions(screen.getByLabelText('Area'), 'Wealdshire County');
    await user.click(screen.getByRole('button', { name: 'Show' }));

    expect(await screen.findByText('WLD-2025-0001')).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({ areaId: COUNTY.id });
    expect(router.state.location.search).toBe(`?areaId=${COUNTY.id}`);
    expect(screen.getByLabelText('Area')).toHaveValue(COUNTY.id);
  });
});
