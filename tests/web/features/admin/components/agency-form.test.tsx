import { CreateAgency } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgency, buildArea, buildMe } from '../../../factories';
import { apiErrorResponse, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';

describe('agencies', () => {
  it('lists agencies with their kind and the names of their areas', async () => {
    const city = buildArea({ name: 'Derby City' });
    const county = buildArea({ name: 'Amber Valley' });
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([city, county])),
      http.get('/api/admin/agencies', () =>
        HttpResponse.json([
          buildAgency({ name: 'Royal Derby Hospital', kind: 'acute_hospital', areaIds: [city.id, county.id], secureEmail: null }),
        ]),
      ),
    );
    renderApp('/admin/agencies');

    const row = (await screen.findByText('Royal Derby Hospital', { selector: 'strong' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Acute hospital');
    expect(await within(row).findByText('Derby City, Amber Valley')).toBeInTheDocument();
    expect(row).toHaveTextContent('None');
  });

  it('links an areas error to the first checkbox and keeps the choices made', async () => {
    const city = buildArea({ name: 'Derby City' });
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([city])),
      http.post('/api/admin/agencies', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'areaIds', message: 'Choose at least one area the agency serves' },
        ]),
      ),
    );
    const { user } = renderApp('/admin/agencies/new');

    await user.type(await screen.findByLabelText('Name'), 'Derby Homes');
    await user.selectOptions(screen.getByLabelText('Kind of agency'), 'Housing');
    await user.type(screen.getByLabelText('Secure e-mail address (optional)'), 'marac@derbyhomes.example.org');
    await user.click(screen.getByRole('button', { name: 'Add agency' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Choose at least one area the agency serves' });
    expect(link).toHaveAttribute('href', '#agency-areas');
    await user.click(link);
    expect(screen.getByLabelText('Derby City')).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Areas the agency serves' })).toHaveAccessibleDescription(
      /Choose at least one area the agency serves/,
    );
    expect(screen.getByLabelText('Name')).toHaveValue('Derby Homes');
    expect(screen.getByLabelText('Kind of agency')).toHaveValue('housing');
    expect(screen.getByLabelText('Secure e-mail address (optional)')).toHaveValue('marac@derbyhomes.example.org');
  });

  it('adds an agency with its kind and areas', async () => {
    const city = buildArea({ name: 'Derby City' });
    let body: CreateAgency | undefined;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([city])),
      http.get('/api/admin/agencies', () => HttpResponse.json([])),
      http.post('/api/admin/agencies', async ({ request }) => {
        body = CreateAgency.parse(await request.json());
        return HttpResponse.json(buildAgency({ name: body.name, kind: body.kind, areaIds: body.areaIds }), { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/agencies/new');

    await user.type(await screen.findByLabelText('Name'), 'Derby IDVA Service');
    await user.selectOptions(screen.getByLabelText('Kind of agency'), 'IDVA service');
    await user.click(screen.getByLabelText('Derby City'));
    await user.click(screen.getByRole('button', { name: 'Add agency' }));

    expect(await screen.findByText('Derby IDVA Service has been added')).toBeInTheDocument();
    expect(body).toEqual({ name: 'Derby IDVA Service', kind: 'idva', areaIds: [city.id], secureEmail: null });
  });

  it('asks for the kind of agency before sending', async () => {
    server.use(signedInAs(buildMe({ role: 'administrator' })), http.get('/api/admin/areas', () => HttpResponse.json([])));
    const { user } = renderApp('/admin/agencies/new');

    await user.type(await screen.findByLabelText('Name'), 'Somewhere');
    await user.click(screen.getByRole('button', { name: 'Add agency' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose what kind of agency this is' })).toHaveAttribute('href', '#agency-kind');
  });
});
