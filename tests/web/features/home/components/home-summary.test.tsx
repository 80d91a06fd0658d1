import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildHomeSummary, buildMe, newId } from '../../../factories';
import { homeSummary, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';

describe('home page', () => {
  it('greets the user by name and role and shows their figures', async () => {
    server.use(
      signedInAs(buildMe({ role: 'chair', name: 'Chris Chair' })),
      homeSummary(
        buildHomeSummary({
          role: 'chair',
          figures: [
            { key: 'casesNextMeeting', label: 'Cases at your next meeting', value: 18, hint: 'Across your areas' },
            { key: 'minutesToSign', label: 'Minutes to sign off', value: 1234, hint: null },
          ],
        }),
      ),
    );
    renderApp('/');

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Chair');
    expect(heading).toHaveTextContent('Chris Chair');
    expect(document.title).toBe('Home – MARAC');

    const figures = await screen.findByRole('list', { name: 'Your figures' });
    const items = within(figures).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Cases at your next meeting18Across your areas');
    expect(items[1]).toHaveTextContent('Minutes to sign off1,234');
  });

  it('links a figure to the page that lists what it counts', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator' })),
      homeSummary(
        buildHomeSummary({
          figures: [
            { key: 'windows_lapsing', label: '12-month windows lapsing in 30 days', value: 3, hint: null },
            { key: 'actions_escalated', label: 'Actions escalated', value: 2, hint: null },
          ],
        }),
      ),
    );
    renderApp('/');

    const figures = await screen.findByRole('list', { name: 'Your figures' });
    expect(within(figures).getByRole('link', { name: '12-month windows lapsing in 30 days' })).toHaveAttribute('href', '/repeat-windows');
    // The actions list reads the same filter: open actions the platform escalated.
    expect(within(figures).getByRole('link', { name: 'Actions escalated' })).toHaveAttribute('href', '/actions?state=open&status=escalated');
  });

  it('lists upcoming meetings with UK dates and status labels', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator' })),
      homeSummary(
        buildHomeSummary({
          upcomingMeetings: [
            { id: newId(), areaName: 'Derby City', date: '2026-12-01', startTime: '09:30', status: 'agenda_published', cases: 16 },
            { id: newId(), areaName: 'Amber Valley', date: '2027-01-05', startTime: '13:00', status: 'rescheduled', cases: 0 },
          ],
        }),
      ),
    );
    renderApp('/');

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Tuesday 1 December 2026');
    expect(rows[0]).toHaveTextContent('09:30');
    expect(rows[0]).toHaveTextContent('Derby City');
    expect(rows[0]).toHaveTextContent('Agenda published');
    expect(rows[0]).toHaveTextContent('16');
    // A status this page has no label for is still readable.
    expect(rows[1]).toHaveTextContent('Tuesday 5 January 2027');
    expect(rows[1]).toHaveTextContent('Rescheduled');
  });

  it('says so when no meetings are planned', async () => {
    server.use(signedInAs(buildMe()), homeSummary(buildHomeSummary({ upcomingMeetings: [] })));
    renderApp('/');

    expect(await screen.findByText('There are no meetings planned in your areas.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('reports a reply that breaks the contract instead of showing half-read figures', async () => {
    server.use(
      signedInAs(buildMe()),
      // `value` must be a whole number; a server that sends text has broken the shared contract.
      http.get('/api/home', () =>
        HttpResponse.json({ role: 'coordinator', figures: [{ key: 'x', label: 'Open actions', value: 'lots', hint: null }], upcomingMeetings: [] }),
      ),
    );
    renderApp('/');

    const problem = await screen.findByRole('alert');
    expect(problem).toHaveTextContent('Sorry, your figures could not be shown');
    expect(problem).toHaveTextContent('The service sent a reply this page could not understand');
    expect(screen.queryByText('Open actions')).not.toBeInTheDocument();
  });
});
