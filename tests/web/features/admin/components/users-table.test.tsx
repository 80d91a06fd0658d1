import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgency, buildArea, buildMe, buildUser, buildUserList } from '../../../factories';
import { apiErrorResponse, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';

function registers() {
  const area = buildArea({ name: 'Derby City' });
  const agency = buildAgency({ name: 'Derby Homes', kind: 'housing', areaIds: [area.id] });
  server.use(
    http.get('/api/admin/areas', () => HttpResponse.json([area])),
    http.get('/api/admin/agencies', () => HttpResponse.json([agency])),
  );
  return { area, agency };
}

const rowFor = (name: string) => {
  const row = screen.getByText(name, { selector: 'strong' }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('users page', () => {
  it('lists accounts with their role, agency, areas and status', async () => {
    const { area, agency } = registers();
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', () =>
        HttpResponse.json(
          buildUserList([
            buildUser({
              name: 'Jo Housing',
              role: 'agency_representative',
              agencyId: agency.id,
              areaIds: [area.id],
              lastSignedInAt: '2026-01-14T16:45:00.000Z',
            }),
            buildUser({ name: 'Old Account', disabledAt: '2026-01-02T09:00:00.000Z' }),
          ]),
        ),
      ),
    );
    renderApp('/admin/users');

    await screen.findByText('Jo Housing', { selector: 'strong' });
    const jo = rowFor('Jo Housing');
    expect(jo).toHaveTextContent('Agency representative');
    expect(within(jo).getByText('Derby Homes')).toBeInTheDocument();
    expect(jo).toHaveTextContent('Derby City');
    expect(jo).toHaveTextContent('14 January 2026, 16:45');
    expect(jo).toHaveTextContent('Active');
    expect(rowFor('Old Account')).toHaveTextContent('Disabled');
    expect(within(rowFor('Old Account')).getByRole('button', { name: 'Enable Old Account' })).toBeInTheDocument();
  });

  it('disables an account after confirmation, sending the CSRF token, and shows the new status', async () => {
    registers();
    const target = buildUser({ name: 'Priya Patel', email: 'priya@council.example.org' });
    let disabled = false;
    let csrf: string | null = null;
    server.use(
      signedInAs(buildMe({ role: 'administrator', csrfToken: 'csrf-admin-1' })),
      http.get('/api/admin/users', () =>
        HttpResponse.json(buildUserList([{ ...target, disabledAt: disabled ? '2026-01-15T10:00:00.000Z' : null }])),
      ),
      http.post('/api/admin/users/:id/disable', ({ request, params }) => {
        expect(params.id).toBe(target.id);
        csrf = request.headers.get('x-csrf-token');
        disabled = true;
        return HttpResponse.json({ ...target, disabledAt: '2026-01-15T10:00:00.000Z' });
      }),
    );
    const { user } = renderApp('/admin/users');

    await screen.findByText('Priya Patel', { selector: 'strong' });
    await user.click(within(rowFor('Priya Patel')).getByRole('button', { name: 'Disable Priya Patel' }));

    const question = screen.getByRole('heading', { name: 'Disable Priya Patel’s account?' });
    expect(question).toHaveFocus();
    expect(disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, disable account' }));

    expect(await screen.findByText('Priya Patel’s account has been disabled and they have been signed out')).toBeInTheDocument();
    expect(csrf).toBe('csrf-admin-1');
    expect(await within(rowFor('Priya Patel')).findByText('Disabled')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Disable Priya Patel’s account?' })).not.toBeInTheDocument();
  });

  it('sends nothing when the administrator cancels, and returns focus to the button', async () => {
    registers();
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([buildUser({ name: 'Priya Patel' })]))),
    );
    const { user } = renderApp('/admin/users');

    await screen.findByText('Priya Patel', { selector: 'strong' });
    const button = within(rowFor('Priya Patel')).getByRole('button', { name: 'Disable Priya Patel' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('button', { name: 'Yes, disable account' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('shows why an account could not be disabled', async () => {
    registers();
    const target = buildUser({ name: 'Priya Patel' });
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([target]))),
      http.post('/api/admin/users/:id/disable', () => apiErrorResponse(403, 'csrf_failed', 'Reload the page and try again')),
    );
    const { user } = renderApp('/admin/users');

    await screen.findByText('Priya Patel', { selector: 'strong' });
    await user.click(within(rowFor('Priya Patel')).getByRole('button', { name: 'Disable Priya Patel' }));
    await user.click(screen.getByRole('button', { name: 'Yes, disable account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Reload the page and try again');
    expect(rowFor('Priya Patel')).toHaveTextContent('Active');
  });

  it('does not offer administrators a way to disable themselves', async () => {
    registers();
    const me = buildMe({ role: 'administrator', name: 'Alex Administrator' });
    server.use(
      signedInAs(me),
      http.get('/api/admin/users', () =>
        HttpResponse.json(buildUserList([buildUser({ id: me.user.id, name: 'Alex Administrator', role: 'administrator' })])),
      ),
    );
    renderApp('/admin/users');

    await screen.findByText('Alex Administrator', { selector: 'strong' });
    expect(within(rowFor('Alex Administrator')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends the filters and page as query parameters', async () => {
    registers();
    const requests: URLSearchParams[] = [];
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        const offset = Number(params.get('offset'));
        const items = Array.from({ length: 25 }, (_, index) => buildUser({ name: `Chair ${offset + index + 1}`, role: 'chair' }));
        return HttpResponse.json(buildUserList(items, { total: 60, limit: 25, offset }));
      }),
    );
    const { user, router } = renderApp('/admin/users');

    await screen.findByText('Chair 1', { selector: 'strong' });
    await user.type(screen.getByLabelText('Name or e-mail'), 'chair');
    await user.selectOptions(screen.getByLabelText('Role'), 'Chair');
    await user.selectOptions(screen.getByLabelText('Status'), 'Active');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await screen.findByText('Showing 1 to 25 of 60 users');
    expect(router.state.location.search).toBe('?q=chair&role=chair&status=active');
    expect(Object.fromEntries(requests.at(-1) ?? [])).toEqual({ q: 'chair', role: 'chair', status: 'active', limit: '25', offset: '0' });
    // The form shows the filters in force.
    expect(screen.getByLabelText('Name or e-mail')).toHaveValue('chair');

    await user.click(screen.getByRole('link', { name: 'Page 2' }));
    expect(await screen.findByText('Chair 26', { selector: 'strong' })).toBeInTheDocument();
    expect(Object.fromEntries(requests.at(-1) ?? [])).toEqual({ q: 'chair', role: 'chair', status: 'active', limit: '25', offset: '25' });
    expect(screen.getByText('Showing 26 to 50 of 60 users')).toBeInTheDocument();
  });
});
