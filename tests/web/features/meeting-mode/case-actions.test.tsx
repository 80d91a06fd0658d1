import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildMe } from '../../factories';
import { apiErrorResponse } from '../../handlers';
import { server } from '../../msw-server';
import { AREA, COUNTY, buildMeeting } from '../meetings/meeting-factories';
import { buildCaseView, buildRecordedAction, followsTheMeetingAt, meetingModeWorld, opensAtCase } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 10:00 in London (GMT), so an action can be due from today.
followsTheMeetingAt(new Date('2026-03-17T10:00:00Z'));

const HOMES = buildAgencyDirectoryEntry({ name: 'Northbridge Homes', kind: 'housing', areaIds: [AREA.id] });
const POLICE = buildAgencyDirectoryEntry({ name: 'Northbridge Police', kind: 'police', areaIds: [AREA.id, COUNTY.id] });
const PROBATION = buildAgencyDirectoryEntry({ name: 'Wealdshire Probation', kind: 'probation', areaIds: [COUNTY.id] });

/** The coordinator at the meeting, with the case opened on their screen and one action agreed already. */
async function coordinatorAtCase() {
  const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
  const view = buildCaseView({
    record: {
      revision: 1,
      riskAnalysis: null,
      outcome: null,
      actions: [buildRecordedAction({ agencyName: 'Northbridge Police', description: 'Flag the address for an urgent response', category: 'victim_safety', dueDate: '2026-03-18' })],
    },
  });
  const { world, handlers } = meetingModeWorld(meeting, { cases: [view], agencies: [HOMES, POLICE, PROBATION] });
  const rendered = await opensAtCase(buildMe({ role: 'coordinator', areas: [AREA], csrfToken: 'csrf-actions' }), world, handlers, view);
  return { ...rendered, world, meeting, view };
}

const form = () => screen.getByRole('heading', { level: 3, name: 'Add an action' }).closest('section') as HTMLElement;
const agency = () => within(form()).getByRole('combobox', { name: 'Agency that owns the action' });
const description = () => within(form()).getByRole('textbox', { name: 'Action to be taken' });
const due = () => within(form()).getByRole('group', { name: 'Due date' });
const dueBox = (name: 'Day' | 'Month' | 'Year') => within(due()).getByRole('textbox', { name });
const add = () => within(form()).getByRole('button', { name: 'Add the action' });
const actionRows = () =>
  within(screen.getByRole('table', { name: 'Actions agreed' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

type User = Awaited<ReturnType<typeof coordinatorAtCase>>['user'];
async function typeDue(user: User, day: string, month: string, year: string) {
  await user.type(dueBox('Day'), day);
  await user.type(dueBox('Month'), month);
  await user.type(dueBox('Year'), year);
}

describe('agreeing actions for the case', () => {
  it('refuses an empty action with an error for each missing field, sending nothing', async () => {
    const { world, user } = await coordinatorAtCase();
    // The agencies serving the meeting's area can own an action.
    expect(within(agency()).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose an agency', 'Northbridge Homes', 'Northbridge Police']);

    await user.click(add());

    const summary = await within(form()).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Choose the agency that owns the action', '#action-agency'],
      ['Describe the action', '#action-description'],
      ['Enter the date the action is due', '#action-due-day'],
    ]);
    expect(agency()).toHaveAccessibleDescription('Error: Choose the agency that owns the action');
    expect(description()).toHaveAccessibleDescription('Error: Describe the action');
    expect(due()).toHaveAccessibleDescription('For example, 27 3 2027 Error: Enter the date the action is due');
    expect(world.requests).toEqual([]);
  });

  it('refuses a due date before today without asking the server', async () => {
    const { world, user } = await coordinatorAtCase();

    await user.selectOptions(agency(), 'Northbridge Homes');
    await user.type(description(), 'Fit extra locks');
    await typeDue(user, '16', '3', '2026');
    await user.click(add());

    const summary = await within(form()).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual(['The due date must be today or later']);
    expect(due()).toHaveAccessibleDescription('For example, 27 3 2027 Error: The due date must be today or later');
    expect(agency()).not.toHaveAccessibleDescription();
    expect(world.requests).toEqual([]);

    // Today itself will do.
    await user.clear(dueBox('Day'));
    await user.type(dueBox('Day'), '17');
    await user.click(add());
    await waitFor(() => expect(world.requests.map((request) => (request.body as { dueDate: string }).dueDate)).toEqual(['2026-03-17']));
  });

  it('shows the server’s refusal on the field it names and keeps everything typed', async () => {
    const { world, user } = await coordinatorAtCase();
    const refused: unknown[] = [];
    server.use(
      http.post('/api/meetings/:id/cases/:itemId/actions', async ({ request }) => {
        refused.push(await request.json());
        return apiErrorResponse(400, 'validation_failed', 'Check the action', [{ field: 'agencyId', message: 'Northbridge Homes is no longer enabled on the platform' }]);
      }),
    );

    await user.selectOptions(agency(), 'Northbridge Homes');
    await user.type(within(form()).getByRole('textbox', { name: 'Named owner (optional)' }), 'Hal Housing');
    await user.type(description(), 'Fit extra locks');
    await typeDue(user, '24', '3', '2026');
    await user.click(add());

    const summary = await within(form()).findByRole('alert');
    expect(summary).toHaveTextContent('Northbridge Homes is no longer enabled on the platform');
    expect(agency()).toHaveAccessibleDescription('Error: Northbridge Homes is no longer enabled on the platform');
    expect(agency()).toHaveValue(HOMES.id);
    expect(within(form()).getByRole('textbox', { name: 'Named owner (optional)' })).toHaveValue('Hal Housing');
    expect(description()).toHaveValue('Fit extra locks');
    expect([dueBox('Day'), dueBox('Month'), dueBox('Year')].map((box) => (box as HTMLInputElement).value)).toEqual(['24', '3', '2026']);
    expect(refused).toEqual([
      { agencyId: HOMES.id, ownerName: 'Hal Housing', description: 'Fit extra locks', linkedRisk: null, category: 'victim_safety', dueDate: '2026-03-24' },
    ]);
    // Nothing was recorded: the case is not read again and its list is as it was.
    expect(world.caseReads).toHaveLength(1);
    expect(actionRows()).toHaveLength(1);
  });

  it('records the action, lists it with the others and empties the form for the next one', async () => {
    const { world, user, meeting, view } = await coordinatorAtCase();
    expect(actionRows()).toEqual([['Northbridge Police', 'Flag the address for an urgent response', 'Risk to the victim', '18 March 2026']]);

    await user.selectOptions(agency(), 'Northbridge Homes');
    await user.type(within(form()).getByRole('textbox', { name: 'Named owner (optional)' }), ' Hal Housing ');
    await user.type(description(), 'Fit extra locks at the victim’s home');
    await user.type(within(form()).getByRole('textbox', { name: 'Risk it answers (optional)' }), 'Forced entry');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Category' }), 'Housing');
    await typeDue(user, '24', '3', '2026');
    await user.click(add());

    await waitFor(() => expect(actionRows()).toHaveLength(2));
    expect(actionRows()[1]).toEqual(['Northbridge HomesHal Housing', 'Fit extra locks at the victim’s home', 'Forced entryHousing', '24 March 2026']);
    expect(world.requests).toEqual([
      {
        method: 'POST',
        path: `/api/meetings/${meeting.id}/cases/${view.itemId}/actions`,
        body: {
          agencyId: HOMES.id,
          ownerName: 'Hal Housing',
          description: 'Fit extra locks at the victim’s home',
          linkedRisk: 'Forced entry',
          category: 'housing',
          dueDate: '2026-03-24',
        },
        csrf: 'csrf-actions',
      },
    ]);
    expect(agency()).toHaveValue('');
    expect(within(form()).getByRole('textbox', { name: 'Named owner (optional)' })).toHaveValue('');
    expect(description()).toHaveValue('');
    expect(within(form()).getByRole('textbox', { name: 'Risk it answers (optional)' })).toHaveValue('');
    expect(within(form()).getByRole('combobox', { name: 'Category' })).toHaveValue('victim_safety');
    expect([dueBox('Day'), dueBox('Month'), dueBox('Year')].map((box) => (box as HTMLInputElement).value)).toEqual(['', '', '']);
    expect(within(form()).queryByRole('alert')).not.toBeInTheDocument();
  });
});
