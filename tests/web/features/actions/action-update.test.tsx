import { ActionDetail, UpdateActionInput } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMe } from '../../factories';
import { apiErrorResponse, signedInAs, versionConflict } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, CASE_ID, HOUSING, MEETING_ID, buildActionDetail, buildHistoryEntry } from './action-factories';
import { actionDetail } from './action-handlers';

beforeEach(() => {
  // Monday 23 November 2026 in London: the date checks count from it.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const housingRep = () => signedInAs(buildMe({ role: 'agency_representative', name: 'Marcus Campbell', agency: HOUSING, areas: [AREA] }));

/** The action as the server holds it, and every update the page sent. */
function actionWorld(initial: ActionDetail) {
  let current = initial;
  const sent: UpdateActionInput[] = [];
  return {
    sent,
    current: () => current,
    /** Someone else changes the action, as the server would: it takes the next version. */
    changeElsewhere: (changes: Partial<ActionDetail>) => {
      current = ActionDetail.parse({ ...current, ...changes, version: current.version + 1 });
    },
    handlers: [
      actionDetail(() => current),
      http.post('/api/actions/:id/updates', async ({ request }) => {
        const input = UpdateActionInput.parse(await request.json());
        sent.push(input);
        if (input.version !== current.version) return versionConflict('this action');
        current = ActionDetail.parse({
          ...current,
          version: current.version + 1,
          status: input.status,
          closedOn: input.status === 'completed' ? (input.occurredOn ?? '2026-11-23') : null,
          overdue: false,
          dueSoon: false,
          updatedAt: '2026-11-23T10:00:00.000Z',
          allowedStatuses: input.status === 'completed' ? [] : current.allowedStatuses,
          history: [
            ...current.history,
            buildHistoryEntry({ actionId: current.id, status: input.status, note: input.note, occurredOn: input.occurredOn ?? '2026-11-23', updatedAt: '2026-11-23T10:00:00.000Z' }),
          ],
        });
        return HttpResponse.json(current, { status: 201 });
      }),
    ],
  };
}

const updateForm = () => screen.getByRole('region', { name: 'Update the action' });

describe('updating an action', () => {
  it('shows the action and offers a representative only the statuses the server allows them', async () => {
    const world = actionWorld(buildActionDetail({ history: [buildHistoryEntry({ note: 'Survey booked with the locksmith.' })], status: 'in_progress', allowedStatuses: ['in_progress', 'completed', 'not_possible', 'escalated'] }));
    server.use(housingRep(), ...world.handlers);
    renderApp(`/actions/${world.current().id}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Action for case NBC-2026-0012/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'NBC-2026-0012' })).toHaveAttribute('href', `/cases/${CASE_ID}/actions`);
    expect(screen.getByRole('link', { name: 'The meeting on Tuesday 10 November 2026' })).toHaveAttribute('href', `/meetings/${MEETING_ID}`);
    const statuses = within(within(updateForm()).getByRole('group', { name: 'Status' })).getAllByRole('radio');
    expect(statuses.map((radio) => radio.closest('.govuk-radios__item')?.querySelector('label')?.textContent)).toEqual([
      'In progress (no change)',
      'Completed',
      'Not possible – circumstances changed',
      'Escalated',
    ]);
    // The history: who, when, what and the note.
    const history = screen.getByRole('list', { name: 'Updates, newest first' });
    expect(history).toHaveTextContent('In progress');
    expect(history).toHaveTextContent('On 16 November 2026. Recorded by Marcus Campbell on 16 November 2026, 11:30.');
    expect(history).toHaveTextContent('Survey booked with the locksmith.');
    expect(screen.queryByRole('region', { name: 'Give the action to another agency' })).not.toBeInTheDocument();
  });

  it('will not send a completion without a note, keeping what was typed, then records it and shows it in the history', async () => {
    const world = actionWorld(buildActionDetail());
    server.use(housingRep(), ...world.handlers);
    const { user } = renderApp(`/actions/${world.current().id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    await user.click(within(updateForm()).getByLabelText('Completed'));
    const date = within(updateForm()).getByRole('group', { name: 'When did it happen?' });
    await user.type(within(date).getByLabelText('Day'), '20');
    await user.type(within(date).getByLabelText('Month'), '11');
    await user.type(within(date).getByLabelText('Year'), '2026');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Say what was done to complete the action' });
    expect(link).toHaveAttribute('href', '#update-note');
    expect(within(updateForm()).getByLabelText('What was done')).toHaveAccessibleDescription(/Say what was done to complete the action/);
    expect(world.sent).toHaveLength(0);
    expect(within(updateForm()).getByLabelText('Completed')).toBeChecked();
    expect(within(date).getByLabelText('Day')).toHaveValue('20');

    await user.click(link);
    expect(within(updateForm()).getByLabelText('What was done')).toHaveFocus();
    await user.type(within(updateForm()).getByLabelText('What was done'), 'Locks changed and door reinforced; victim given the sanctuary room key.');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));

    expect(await screen.findByText(/The action has been updated: completed/)).toBeInTheDocument();
    // The button pressed has gone with the form: the reader is taken up to the outcome.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(world.sent).toEqual([{ version: 0, status: 'completed', note: 'Locks changed and door reinforced; victim given the sanctuary room key.', occurredOn: '2026-11-20' }]);
    const history = screen.getByRole('list', { name: 'Updates, newest first' });
    expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('Completed');
    expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('On 20 November 2026. Recorded by Marcus Campbell');
    expect(history).toHaveTextContent('Locks changed and door reinforced');
    // A representative cannot reopen it: no form any more, and words saying who can.
    expect(within(updateForm()).queryByRole('button', { name: 'Save the update' })).not.toBeInTheDocument();
    expect(updateForm()).toHaveTextContent('This action is closed. Only the MARAC coordinator or chair can reopen it.');
    expect(screen.getByText('Completed', { selector: '.govuk-summary-list .govuk-tag' })).toBeInTheDocument();
  });

  it('refuses a date in the future or before the meeting before sending', async () => {
    const world = actionWorld(buildActionDetail());
    server.use(housingRep(), ...world.handlers);
    const { user } = renderApp(`/actions/${world.current().id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    await user.click(within(updateForm()).getByLabelText('In progress'));
    const date = within(updateForm()).getByRole('group', { name: 'When did it happen?' });
    await user.type(within(date).getByLabelText('Day'), '24');
    await user.type(within(date).getByLabelText('Month'), '11');
    await user.type(within(date).getByLabelText('Year'), '2026');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The date cannot be in the future');

    await user.clear(within(date).getByLabelText('Day'));
    await user.type(within(date).getByLabelText('Day'), '9');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));
    expect(await screen.findByText('The date cannot be before the meeting that agreed the action (10 November 2026)', { selector: 'a' })).toHaveAttribute(
      'href',
      '#update-occurred-on-day',
    );
    expect(world.sent).toHaveLength(0);
  });

  it('shows the server’s refusal when someone else got there first (409), keeping the note', async () => {
    const action = buildActionDetail();
    server.use(
      housingRep(),
      actionDetail(() => action),
      http.post('/api/actions/:id/updates', () =>
        apiErrorResponse(409, 'conflict', 'This action is closed (completed): only the MARAC coordinator can reopen it', [
          { field: 'status', message: 'This action is closed (completed): only the MARAC coordinator can reopen it' },
        ]),
      ),
    );
    const { user } = renderApp(`/actions/${action.id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    await user.click(within(updateForm()).getByLabelText('Not possible – circumstances changed'));
    await user.type(within(updateForm()).getByLabelText('What was done'), 'The victim moved out of the area.');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'This action is closed (completed): only the MARAC coordinator can reopen it' })).toHaveAttribute('href', '#update-status');
    expect(within(updateForm()).getByRole('group', { name: 'Status' })).toHaveAccessibleDescription(/only the MARAC coordinator can reopen it/);
    expect(within(updateForm()).getByLabelText('What was done')).toHaveValue('The victim moved out of the area.');
    expect(within(updateForm()).getByLabelText('Not possible – circumstances changed')).toBeChecked();
  });

  it('shows what someone else changed since the page was read, keeps what was typed, and saves it from their version', async () => {
    const world = actionWorld(buildActionDetail({ status: 'open', allowedStatuses: ['open', 'in_progress', 'completed', 'not_possible', 'escalated'] }));
    server.use(housingRep(), ...world.handlers);
    const { user } = renderApp(`/actions/${world.current().id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    await user.click(within(updateForm()).getByLabelText('In progress'));
    await user.type(within(updateForm()).getByLabelText('What was done (optional)'), 'Locksmith booked for Friday.');
    // Meanwhile the coordinator escalates it.
    world.changeElsewhere({
      status: 'escalated',
      allowedStatuses: ['in_progress', 'completed', 'not_possible', 'escalated'],
      history: [buildHistoryEntry({ status: 'escalated', note: 'No progress reported', updatedByName: 'Sam Coordinator' })],
    });
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));

    // Refused, in words, and the action is read again: its new status is shown beside what was typed.
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Someone else changed this action since you opened it: their version is shown; check it, then make your change again');
    const changed = await screen.findByRole('region', { name: 'Someone else changed this action while you were working on it' });
    expect(changed).toHaveTextContent('It is now escalated');
    expect(screen.getByText('Escalated', { selector: '.govuk-summary-list .govuk-tag' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Updates, newest first' })).toHaveTextContent('No progress reported');
    expect(within(updateForm()).getByLabelText('What was done (optional)')).toHaveValue('Locksmith booked for Friday.');
    expect(within(updateForm()).getByLabelText('In progress')).toBeChecked();

    // Saved again, knowingly, from the version now shown.
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));
    expect(await screen.findByText(/The action has been updated: in progress/)).toBeInTheDocument();
    expect(world.sent.map((input) => input.version)).toEqual([0, 1]);
    expect(world.current()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(screen.queryByRole('region', { name: /Someone else changed this action/ })).not.toBeInTheDocument();
  });

  it('puts the server’s field errors on their fields', async () => {
    const action = buildActionDetail();
    server.use(
      housingRep(),
      actionDetail(() => action),
      http.post('/api/actions/:id/updates', () => apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [{ field: 'note', message: 'Must be 2000 characters or fewer' }])),
    );
    const { user } = renderApp(`/actions/${action.id}`);

    await screen.findByRole('region', { name: 'Update the action' });
    await user.click(within(updateForm()).getByLabelText('In progress'));
    await user.type(within(updateForm()).getByLabelText('What was done (optional)'), 'Visit arranged.');
    await user.click(within(updateForm()).getByRole('button', { name: 'Save the update' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Must be 2000 characters or fewer');
    expect(within(updateForm()).getByLabelText('What was done (optional)')).toHaveAccessibleDescription(/Must be 2000 characters or fewer/);
    expect(within(updateForm()).getByLabelText('What was done (optional)')).toHaveValue('Visit arranged.');
  });
});
