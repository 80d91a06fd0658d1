import { CreateArea, UpdateArea } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildArea, buildMe } from '../../../factories';
import { apiErrorResponse, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { currentPath, renderApp } from '../../../render-app';

describe('areas', () => {
  it('lists areas with their districts and settings', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () =>
        HttpResponse.json([
          buildArea({
            name: 'Amber Valley',
            code: 'AMBER',
            postcodeDistricts: ['DE5', 'DE56'],
            adultFemalePopulation: 52_340,
            settings: { repeatAnchor: 'last_hearing', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 6 },
          }),
        ]),
      ),
    );
    renderApp('/admin/areas');

    const row = (await screen.findByText('Amber Valley', { selector: 'strong' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('AMBER');
    expect(row).toHaveTextContent('DE5, DE56');
    expect(row).toHaveTextContent('52,340');
    expect(row).toHaveTextContent('Repeats counted from the last hearing');
    expect(row).toHaveTextContent('3 incidents in 6 months');
    expect(within(row).getByRole('link', { name: 'Change Amber Valley' })).toHaveAttribute('href', expect.stringMatching(/\/admin\/areas\/.+\/edit$/));
  });

  it('adds an area, sending districts as a list and numbers as numbers', async () => {
    let body: CreateArea | undefined;
    const areas = [buildArea({ name: 'Derby City' })];
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json(areas)),
      http.post('/api/admin/areas', async ({ request }) => {
        body = CreateArea.parse(await request.json());
        const created = buildArea({ name: body.name, code: body.code });
        areas.push(created);
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user, router } = renderApp('/admin/areas/new');

    await user.type(await screen.findByLabelText('Name'), 'Erewash');
    await user.type(screen.getByLabelText('Code'), 'EREWASH');
    await user.type(screen.getByLabelText('Postcode districts'), 'de7, DE72 ng10');
    await user.type(screen.getByLabelText('Adult female population (optional)'), '48,000');
    await user.click(screen.getByLabelText('Last hearing'));
    await user.clear(screen.getByLabelText('Potential escalation: within this many months'));
    await user.type(screen.getByLabelText('Potential escalation: within this many months'), '6');
    await user.click(screen.getByRole('button', { name: 'Add area' }));

    expect(await screen.findByText('Erewash has been added')).toBeInTheDocument();
    expect(currentPath(router)).toBe('/admin/areas');
    expect(await screen.findByText('Erewash', { selector: 'strong' })).toBeInTheDocument();
    expect(body).toEqual({
      name: 'Erewash',
      code: 'EREWASH',
      description: null,
      postcodeDistricts: ['DE7', 'DE72', 'NG10'],
      adultFemalePopulation: 48_000,
      settings: { repeatAnchor: 'last_hearing', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 6 },
    });
  });

  it('puts a nested settings error on its own field and keeps what was typed', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
      http.post('/api/admin/areas', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'settings.visibleHighRiskThreshold', message: 'Too big: expected number to be <=24' },
          { field: 'postcodeDistricts.1', message: 'Enter a postcode district, like DE1 or NG10' },
        ]),
      ),
    );
    const { user } = renderApp('/admin/areas/new');

    await user.type(await screen.findByLabelText('Name'), 'Erewash');
    await user.type(screen.getByLabelText('Code'), 'EREWASH');
    await user.type(screen.getByLabelText('Postcode districts'), 'DE7 DEXX1');
    const threshold = screen.getByLabelText('Visible high risk threshold');
    await user.clear(threshold);
    await user.type(threshold, '30');
    await user.click(screen.getByRole('button', { name: 'Add area' }));

    const summary = await screen.findByRole('alert');
    const thresholdLink = within(summary).getByRole('link', { name: 'Too big: expected number to be <=24' });
    expect(thresholdLink).toHaveAttribute('href', '#area-visible-high-risk-threshold');
    expect(within(summary).getByRole('link', { name: '“DEXX1”: Enter a postcode district, like DE1 or NG10' })).toHaveAttribute(
      'href',
      '#area-postcode-districts',
    );
    expect(threshold).toHaveAccessibleDescription(/Too big: expected number to be <=24/);
    expect(screen.getByLabelText('Postcode districts')).toHaveAccessibleDescription(/“DEXX1”/);

    expect(screen.getByLabelText('Name')).toHaveValue('Erewash');
    expect(screen.getByLabelText('Code')).toHaveValue('EREWASH');
    expect(screen.getByLabelText('Postcode districts')).toHaveValue('DE7 DEXX1');
    expect(threshold).toHaveValue('30');

    await user.click(thresholdLink);
    expect(threshold).toHaveFocus();
  });

  it('catches a number that is not a number before sending', async () => {
    server.use(signedInAs(buildMe({ role: 'administrator' })), http.get('/api/admin/areas', () => HttpResponse.json([])));
    const { user } = renderApp('/admin/areas/new');

    await user.type(await screen.findByLabelText('Adult female population (optional)'), 'about fifty thousand');
    await user.click(screen.getByRole('button', { name: 'Add area' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the adult female population as a whole number, like 125000');
    expect(screen.getByLabelText('Adult female population (optional)')).toHaveValue('about fifty thousand');
  });

  it('changes an existing area', async () => {
    const area = buildArea({ name: 'Derby City', code: 'DERBY', postcodeDistricts: ['DE1', 'DE21'], adultFemalePopulation: null });
    let body: UpdateArea | undefined;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([area])),
      http.patch('/api/admin/areas/:id', async ({ request, params }) => {
        expect(params.id).toBe(area.id);
        body = UpdateArea.parse(await request.json());
        return HttpResponse.json({ ...area, ...body });
      }),
    );
    const { user } = renderApp(`/admin/areas/${area.id}/edit`);

    const districts = await screen.findByLabelText('Postcode districts');
    expect(districts).toHaveValue('DE1, DE21');
    expect(screen.getByLabelText('Last referral')).toBeChecked();
    await user.type(districts, ', DE22');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Derby City has been changed')).toBeInTheDocument();
    expect(body?.postcodeDistricts).toEqual(['DE1', 'DE21', 'DE22']);
    expect(body?.adultFemalePopulation).toBeNull();
  });
});
