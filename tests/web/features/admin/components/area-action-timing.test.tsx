import { CreateArea, UpdateArea } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildArea, buildMe } from '../../../factories';
import { apiErrorResponse, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';

const REMINDER = 'Remind the agency this many working days before the due date';
const COORDINATOR = 'Escalate to the coordinator after this many working days overdue';
const CHAIR = 'Escalate to the chair after this many working days overdue';

describe('an area’s timing of action reminders and escalation', () => {
  it('leaves the usual numbers to the platform when the boxes are blank, and sends the ones typed', async () => {
    let body: CreateArea | undefined;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
      http.post('/api/admin/areas', async ({ request }) => {
        body = CreateArea.parse(await request.json());
        return HttpResponse.json(buildArea({ name: body.name, code: body.code, settings: body.settings }), { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/areas/new');

    await user.type(await screen.findByLabelText('Name'), 'Erewash');
    await user.type(screen.getByLabelText('Code'), 'EREWASH');
    expect(screen.getByLabelText(REMINDER)).toHaveValue('');
    expect(screen.getByLabelText(REMINDER)).toHaveAccessibleDescription(/Usually 2/);
    expect(screen.getByLabelText(COORDINATOR)).toHaveAccessibleDescription(/Usually 5/);
    expect(screen.getByLabelText(CHAIR)).toHaveAccessibleDescription(/Usually 10/);
    await user.type(screen.getByLabelText(COORDINATOR), '3');
    await user.click(screen.getByRole('button', { name: 'Add area' }));

    expect(await screen.findByText('Erewash has been added')).toBeInTheDocument();
    expect(body?.settings).toEqual({ repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12, actionEscalateToCoordinatorWorkingDays: 3 });
  });

  it('shows an area’s own numbers, and puts the usual number back when a box is emptied', async () => {
    const area = buildArea({
      name: 'Derby City',
      settings: { repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12, actionReminderWorkingDays: 1, actionEscalateToChairWorkingDays: 15 },
    });
    let body: UpdateArea | undefined;
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([area])),
      http.patch('/api/admin/areas/:id', async ({ request }) => {
        body = UpdateArea.parse(await request.json());
        return HttpResponse.json({ ...area, ...body, settings: { ...area.settings, ...body.settings } });
      }),
    );
    const { user } = renderApp(`/admin/areas/${area.id}/edit`);

    expect(await screen.findByLabelText(REMINDER)).toHaveValue('1');
    expect(screen.getByLabelText(COORDINATOR)).toHaveValue('');
    expect(screen.getByLabelText(CHAIR)).toHaveValue('15');
    await user.clear(screen.getByLabelText(REMINDER));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Derby City has been changed')).toBeInTheDocument();
    // A change keeps the settings it does not name, so an emptied box sends the usual number itself.
    expect(body?.settings).toMatchObject({ actionReminderWorkingDays: 2, actionEscalateToChairWorkingDays: 15 });
    expect(body?.settings).not.toHaveProperty('actionEscalateToCoordinatorWorkingDays');
  });

  it('catches a number that is not a number, and puts the server’s range error on its box', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
      http.post('/api/admin/areas', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [{ field: 'settings.actionEscalateToChairWorkingDays', message: 'Too big: expected number to be <=120' }]),
      ),
    );
    const { user } = renderApp('/admin/areas/new');

    await user.type(await screen.findByLabelText(REMINDER), 'two');
    await user.click(screen.getByRole('button', { name: 'Add area' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the number of working days as a whole number, like 2');

    await user.clear(screen.getByLabelText(REMINDER));
    await user.type(screen.getByLabelText('Name'), 'Erewash');
    await user.type(screen.getByLabelText('Code'), 'EREWASH');
    await user.type(screen.getByLabelText(CHAIR), '500');
    await user.click(screen.getByRole('button', { name: 'Add area' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Too big: expected number to be <=120' })).toHaveAttribute('href', '#area-action-chair-days');
    expect(screen.getByLabelText(CHAIR)).toHaveValue('500');
  });
});
