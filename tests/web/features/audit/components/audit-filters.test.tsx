import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent, buildAuditList, buildMe } from '../../../factories';
import { signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';

describe('audit log', () => {
  it('shows each event with its time to the second in UK format', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/audit', () =>
        HttpResponse.json(
          buildAuditList([
            buildAuditEvent({
              at: '2026-01-15T14:03:09.000Z',
              userEmail: 'alex.admin@council.example.org',
              action: 'disable',
              entityType: 'user',
              entityId: '7f0c2a5e-0f6b-4a57-9a84-0a5a4b7a2c11',
              ip: '192.0.2.10',
            }),
            // British Summer Time: the stored UTC instant is shown an hour later.
            buildAuditEvent({ at: '2026-07-01T08:00:00.000Z', userEmail: null, action: 'sign_in_failed', entityType: 'session', ip: null }),
          ]),
        ),
      ),
    );
    renderApp('/admin/audit');

    const table = await screen.findByRole('table');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('15 January 2026, 14:03:09');
    expect(first).toHaveTextContent('alex.admin@council.example.org');
    expect(first).toHaveTextContent('Disabled');
    expect(first).toHaveTextContent('User');
    expect(first).toHaveTextContent('7f0c2a5e-0f6b-4a57-9a84-0a5a4b7a2c11');
    expect(first).toHaveTextContent('192.0.2.10');
    expect(second).toHaveTextContent('1 July 2026, 09:00:00');
    expect(second).toHaveTextContent('Unknown');
    expect(second).toHaveTextContent('Failed sign-in');
  });

  it('sends the filters as query parameters and keeps them in the address', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/audit', ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(buildAuditList([buildAuditEvent()]));
      }),
    );
    const { user, router } = renderApp('/admin/audit');

    await screen.findByRole('table');
    expect(requests[0]).toEqual({ limit: '50', offset: '0' });

    await user.selectOptions(screen.getByLabelText('Action'), 'Changed');
    await user.selectOptions(screen.getByLabelText('Kind of record'), 'Area');
    await user.type(screen.getByLabelText('Record id'), ' 7f0c2a5e ');
    const from = screen.getByRole('group', { name: 'From' });
    await user.type(within(from).getByLabelText('Day'), '1');
    await user.type(within(from).getByLabelText('Month'), '3');
    await user.type(within(from).getByLabelText('Year'), '2026');
    const to = screen.getByRole('group', { name: 'To' });
    await user.type(within(to).getByLabelText('Day'), '31');
    await user.type(within(to).getByLabelText('Month'), '3');
    await user.type(within(to).getByLabelText('Year'), '2026');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await screen.findByRole('table');
    await expect.poll(() => requests.length).toBe(2);
    expect(requests[1]).toEqual({
      action: 'update',
      entityType: 'area',
      entityId: '7f0c2a5e',
      from: '2026-03-01',
      to: '2026-03-31',
      limit: '50',
      offset: '0',
    });
    expect(router.state.location.search).toBe('?action=update&entityType=area&entityId=7f0c2a5e&from=2026-03-01&to=2026-03-31');
    // Filters read back from the address into the form.
    expect(within(screen.getByRole('group', { name: 'From' })).getByLabelText('Day')).toHaveValue('1');
  });

  it('reads filters and page from the address, ignoring values it cannot use', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/audit', ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(buildAuditList([buildAuditEvent()], { total: 120, limit: 50, offset: 50 }));
      }),
    );
    renderApp('/admin/audit?action=sign_in&entityType=spaceship&from=2026-02-30&page=2');

    expect(await screen.findByText('Showing 51 to 100 of 120 events')).toBeInTheDocument();
    expect(requests[0]).toEqual({ action: 'sign_in', limit: '50', offset: '50' });
    expect(screen.getByLabelText('Action')).toHaveValue('sign_in');
  });

  it('explains a date that does not exist instead of sending it', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/audit', () => HttpResponse.json(buildAuditList([]))),
    );
    const { user } = renderApp('/admin/audit');

    await screen.findByText('No events match these filters.');
    const from = screen.getByRole('group', { name: 'From' });
    await user.type(within(from).getByLabelText('Day'), '30');
    await user.type(within(from).getByLabelText('Month'), '2');
    await user.type(within(from).getByLabelText('Year'), '2026');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'The ‘from’ date must be a real date, like 27 3 2026' });
    expect(link).toHaveAttribute('href', '#filter-from-day');
    await user.click(link);
    expect(within(from).getByLabelText('Day')).toHaveFocus();
  });
});
