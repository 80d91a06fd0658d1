import { CreateUser, UpdateUser } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgency, buildArea, buildMe, buildUser, buildUserList } from '../../../factories';
import { apiErrorResponse, signedInAs, versionConflict } from '../../../handlers';
import { server } from '../../../msw-server';
import { currentPath, renderApp } from '../../../render-app';

function registers() {
  const city = buildArea({ name: 'Derby City', code: 'DERBY' });
  const county = buildArea({ name: 'Amber Valley', code: 'AMBER' });
  const housing = buildAgency({ name: 'Derby Homes', kind: 'housing', areaIds: [city.id] });
  const police = buildAgency({ name: 'Derbyshire Constabulary', kind: 'police', areaIds: [city.id, county.id] });
  server.use(
    http.get('/api/admin/areas', () => HttpResponse.json([city, county])),
    http.get('/api/admin/agencies', () => HttpResponse.json([housing, police])),
  );
  return { city, county, housing, police };
}

describe('adding a user', () => {
  it('shows a duplicate e-mail against the field and keeps everything typed', async () => {
    const { city, county, housing } = registers();
    let attempts = 0;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.post('/api/admin/users', () => {
        attempts += 1;
        return apiErrorResponse(409, 'conflict', 'Another account already uses that e-mail address', [
          { field: 'email', message: 'An account with this e-mail address already exists' },
        ]);
      }),
    );
    const { user, router } = renderApp('/admin/users/new');

    await user.type(await screen.findByLabelText('Full name'), 'Jo Housing');
    await user.type(screen.getByLabelText('E-mail address'), 'jo.housing@derbyhomes.example.org');
    await user.click(screen.getByLabelText('Agency representative'));
    await user.selectOptions(screen.getByLabelText('Agency'), 'Derby Homes');
    await user.click(screen.getByLabelText('Derby City'));
    await user.click(screen.getByLabelText('Amber Valley'));
    await user.type(screen.getByLabelText('Initial password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'An account with this e-mail address already exists' });
    expect(link).toHaveAttribute('href', '#user-email');
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    expect(screen.getByLabelText('E-mail address')).toHaveAccessibleDescription(
      /An account with this e-mail address already exists/,
    );

    expect(screen.getByLabelText('Full name')).toHaveValue('Jo Housing');
    expect(screen.getByLabelText('E-mail address')).toHaveValue('jo.housing@derbyhomes.example.org');
    expect(screen.getByLabelText('Agency representative')).toBeChecked();
    expect(screen.getByLabelText('Agency')).toHaveValue(housing.id);
    expect(screen.getByLabelText('Derby City')).toBeChecked();
    expect(screen.getByLabelText('Amber Valley')).toBeChecked();
    expect(screen.getByLabelText('Initial password')).toHaveValue('a long enough passphrase');
    expect(currentPath(router)).toBe('/admin/users/new');
    expect(attempts).toBe(1);

    await user.click(link);
    expect(screen.getByLabelText('E-mail address')).toHaveFocus();
    expect([city.id, county.id]).toHaveLength(2);
  });

  it('asks for an agency only for agency representatives, and sends a complete account with the CSRF token', async () => {
    const { city, police } = registers();
    const me = buildMe({ role: 'administrator', csrfToken: 'admin-token' });
    let body: CreateUser | undefined;
    let csrf: string | null = null;
    server.use(
      signedInAs(me),
      http.post('/api/admin/users', async ({ request }) => {
        csrf = request.headers.get('x-csrf-token');
        body = CreateUser.parse(await request.json());
        return HttpResponse.json(buildUser({ name: body.name, email: body.email, role: body.role, agencyId: body.agencyId, areaIds: body.areaIds }), {
          status: 201,
        });
      }),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([]))),
    );
    const { user, router } = renderApp('/admin/users/new');

    await user.type(await screen.findByLabelText('Full name'), 'Pat Police');
    await user.type(screen.getByLabelText('E-mail address'), 'pat@police.example.org');
    expect(screen.queryByLabelText('Agency')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Agency representative'));
    await user.selectOptions(screen.getByLabelText('Agency'), 'Derbyshire Constabulary');
    // Changing role afterwards hides the question and the agency is not sent.
    await user.click(screen.getByLabelText('Chair'));
    expect(screen.queryByLabelText('Agency')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Agency representative'));
    expect(screen.getByLabelText('Agency')).toHaveValue(police.id);
    await user.click(screen.getByLabelText('Derby City'));
    await user.type(screen.getByLabelText('Initial password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText('Pat Police has been added and can now sign in')).toBeInTheDocument();
    expect(currentPath(router)).toBe('/admin/users');
    expect(csrf).toBe('admin-token');
    expect(body).toEqual({
      name: 'Pat Police',
      email: 'pat@police.example.org',
      role: 'agency_representative',
      agencyId: police.id,
      areaIds: [city.id],
      password: 'a long enough passphrase',
    });
  });

  it('asks for a role before sending anything', async () => {
    registers();
    server.use(signedInAs(buildMe({ role: 'administrator' })));
    const { user } = renderApp('/admin/users/new');

    await user.type(await screen.findByLabelText('Full name'), 'No Role');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the role this person has' })).toHaveAttribute('href', '#user-role');
    expect(screen.getByLabelText('Full name')).toHaveValue('No Role');
  });
});

describe('changing a user', () => {
  it('loads the account, shows its values and sends the changes', async () => {
    const { city, county } = registers();
    const chair = buildUser({ name: 'Chris Chair', email: 'chris@council.example.org', role: 'chair', areaIds: [city.id] });
    let body: UpdateUser | undefined;
    let patchedId: string | undefined;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([buildUser(), chair]))),
      http.get('/api/admin/users/:id', ({ params }) =>
        params.id === chair.id ? HttpResponse.json(chair) : apiErrorResponse(404, 'not_found', 'That user does not exist or you do not have access to it'),
      ),
      http.patch('/api/admin/users/:id', async ({ request, params }) => {
        patchedId = String(params.id);
        body = UpdateUser.parse(await request.json());
        return HttpResponse.json({ ...chair, ...body });
      }),
    );
    const { user, router } = renderApp(`/admin/users/${chair.id}/edit`);

    expect(await screen.findByRole('heading', { level: 1, name: /Change Chris Chair/ })).toBeInTheDocument();
    expect(screen.getByText('chris@council.example.org')).toBeInTheDocument();
    expect(await screen.findByLabelText('Chair')).toBeChecked();
    expect(screen.getByLabelText('Derby City')).toBeChecked();
    expect(screen.queryByLabelText('Initial password')).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Amber Valley'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Chris Chair has been changed')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(patchedId).toBe(chair.id);
    expect(body).toEqual({ version: 0, name: 'Chris Chair', role: 'chair', agencyId: null, areaIds: [city.id, county.id] });
  });

  it('shows another administrator’s change made since the form was opened beside what was typed, and saves over it when asked', async () => {
    const { city, county } = registers();
    let stored = buildUser({ name: 'Chris Chair', email: 'chris@council.example.org', role: 'chair', areaIds: [city.id] });
    const bodies: UpdateUser[] = [];
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([stored]))),
      http.get('/api/admin/users/:id', () => HttpResponse.json(stored)),
      http.patch('/api/admin/users/:id', async ({ request }) => {
        const body = UpdateUser.parse(await request.json());
        bodies.push(body);
        if (body.version !== stored.version) return versionConflict('this user');
        stored = { ...stored, ...body, version: stored.version + 1 };
        return HttpResponse.json(stored);
      }),
    );
    const { user, router } = renderApp(`/admin/users/${stored.id}/edit`);

    expect(await screen.findByLabelText('Chair')).toBeChecked();
    await user.clear(screen.getByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Christine Chair');
    await user.click(screen.getByLabelText('Amber Valley'));
    // Another administrator makes the account a coordinator's meanwhile.
    stored = { ...stored, role: 'coordinator', version: stored.version + 1 };
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    // Refused in words; theirs is read again and shown beside what was typed, which stays.
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this user since you opened it: their version is shown');
    const theirs = await screen.findByRole('region', { name: 'Someone else changed this user while you were working on it' });
    expect(theirs).toHaveTextContent('MARAC coordinator');
    expect(theirs).toHaveTextContent('Derby City');
    expect(screen.getByLabelText('Full name')).toHaveValue('Christine Chair');
    expect(screen.getByLabelText('Chair')).toBeChecked();
    expect(screen.getByLabelText('Amber Valley')).toBeChecked();

    // The administrator keeps theirs, knowingly, and saves it from the version now shown.
    await user.click(within(theirs).getByRole('button', { name: 'Keep mine' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Christine Chair has been changed')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(bodies.map((body) => body.version)).toEqual([0, 1]);
    expect(stored).toMatchObject({ name: 'Christine Chair', role: 'chair', areaIds: [city.id, county.id], version: 2 });
  });

  it('says so when there is no such account', async () => {
    registers();
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/users/:id', () => apiErrorResponse(404, 'not_found', 'That user does not exist or you do not have access to it')),
    );
    renderApp(`/admin/users/${crypto.randomUUID()}/edit`);

    expect(await screen.findByText('That user does not exist or you do not have access to it')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });
});
