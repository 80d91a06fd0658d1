import type { MeetingSummary } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AttendanceSection } from '../../../../web/src/features/attendance/components/attendance-section';
import { buildAgencyDirectoryEntry, buildMe, newId } from '../../factories';
import { apiErrorResponse } from '../../handlers';
import { server } from '../../msw-server';
import { AREA, COUNTY, buildMeeting } from '../meetings/meeting-factories';
import { attendanceWorld, buildAttendanceEntry, buildConfidentiality, renderForUser, type Account } from './attendance-world';

const POLICE = buildAgencyDirectoryEntry({ name: 'Northbridge Police', kind: 'police', areaIds: [AREA.id] });
const HOMES = buildAgencyDirectoryEntry({ name: 'Northbridge Homes', kind: 'housing', areaIds: [AREA.id] });
const PROBATION = buildAgencyDirectoryEntry({ name: 'Wealdshire Probation', kind: 'probation', areaIds: [COUNTY.id] });
const AGENCIES = [POLICE, HOMES, PROBATION];

const ME_ID = newId();
const CHAIR: Account = { userId: newId(), name: 'Marcus Ellery', agency: null };
const IDVA_REP: Account = { userId: newId(), name: 'Dana Okafor', agency: buildAgencyDirectoryEntry({ name: 'Northbridge IDVA Service', kind: 'idva', areaIds: [AREA.id] }) };

const meMe = (role: 'coordinator' | 'chair') => {
  const me = buildMe({ role, name: 'Joanne Pritchard', areas: [AREA], csrfToken: 'csrf-attendance' });
  return { ...me, user: { ...me.user, id: ME_ID } };
};

function opens(role: 'coordinator' | 'chair', meeting: MeetingSummary, options: Parameters<typeof attendanceWorld>[1] = {}) {
  const { world, handlers } = attendanceWorld(meeting, { agencies: AGENCIES, accounts: [CHAIR, IDVA_REP], ...options });
  return { world, ...renderForUser(meMe(role), <AttendanceSection meeting={meeting} coordinator={role === 'coordinator'} userId={ME_ID} />, handlers) };
}

const section = () => screen.getByRole('region', { name: 'Attendance' });
const list = (label: string) => within(section()).getByRole('table', { name: label });
const rows = (label: string) =>
  within(list(label))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
const form = () => within(section()).getByRole('form', { name: 'Record someone' });
/** Opens the form to record someone, which loads its choices. */
async function openForm(user: { click: (element: Element) => Promise<void> }) {
  await user.click(await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('button', { name: 'Record someone' }));
  return screen.findByRole('form', { name: 'Record someone' });
}
const sent = (world: { requests: { method: string; path: string; body: unknown; csrf: string | null }[] }) => world.requests;

describe('attendance at a meeting', () => {
  it('lists who attends, sends apologies and observes, with their agency and when each signed the statement', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    opens('chair', meeting, {
      confidentiality: buildConfidentiality({ signedAt: '2026-03-17T09:05:00.000Z' }),
      entries: [
        buildAttendanceEntry(meeting, { userId: newId(), name: 'Marcus Ellery', signedAt: '2026-03-17T09:05:00.000Z' }),
        buildAttendanceEntry(meeting, { userId: newId(), name: 'Dana Okafor', agencyId: POLICE.id, agencyName: POLICE.name }),
        buildAttendanceEntry(meeting, { name: 'Sam Visitor', agencyId: HOMES.id, agencyName: HOMES.name }),
        buildAttendanceEntry(meeting, { kind: 'apology', userId: newId(), name: 'Lee Grant', agencyId: HOMES.id, agencyName: HOMES.name, informationSent: true }),
        buildAttendanceEntry(meeting, { kind: 'apology', name: 'Kim Lowe', agencyId: PROBATION.id, agencyName: PROBATION.name }),
        buildAttendanceEntry(meeting, { kind: 'observer', userId: newId(), name: 'Aisha Darby', signedAt: '2026-03-17T08:58:00.000Z' }),
      ],
    });

    await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('table', { name: 'Attending' });
    expect(rows('Attending')).toEqual([
      ['Marcus Ellery', 'None', 'Signed at 09:05 on 17 March 2026'],
      ['Dana Okafor', 'Northbridge Police', 'Not signed yet'],
      ['Sam Visitor', 'Northbridge Homes', 'No account on the platform, so not signed here'],
    ]);
    expect(within(list('Apologies')).getByRole('columnheader', { name: 'Information sent instead' })).toBeInTheDocument();
    expect(rows('Apologies')).toEqual([
      ['Lee Grant', 'Northbridge Homes', 'Yes'],
      ['Kim Lowe', 'Wealdshire Probation', 'No'],
    ]);
    expect(rows('Observing')).toEqual([['Aisha Darby', 'None', 'Signed at 08:58 on 17 March 2026']]);
  });

  it('shows a chair the lists with nothing to change, and the statement they signed themselves', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    opens('chair', meeting, {
      confidentiality: buildConfidentiality({ signedAt: '2026-03-16T16:40:00.000Z' }),
      entries: [buildAttendanceEntry(meeting, { userId: ME_ID, name: 'Joanne Pritchard', signedAt: '2026-03-16T16:40:00.000Z' })],
    });

    await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('table', { name: 'Attending' });
    expect(within(section()).getByText('No apologies are recorded.')).toBeInTheDocument();
    expect(within(section()).getByText('No one is recorded as observing.')).toBeInTheDocument();
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
    expect(within(section()).queryByRole('form')).not.toBeInTheDocument();
    expect(section()).toHaveTextContent('The area’s coordinators record attendance.');
    const statement = await screen.findByRole('region', { name: 'Confidentiality statement' });
    expect(await within(statement).findByText('You signed the confidentiality statement at 16:40 on 16 March 2026.')).toBeInTheDocument();
  });

  it('records an attendee by name and agency, offering the agencies serving the area', async () => {
    const meeting = buildMeeting({ status: 'planned' });
    const { world, user } = opens('coordinator', meeting);

    await user.click(await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('button', { name: 'Record someone' }));
    expect(screen.getByRole('heading', { name: 'Record someone' })).toHaveFocus();
    const select = await within(await screen.findByRole('form', { name: 'Record someone' })).findByRole('combobox', { name: 'Agency' });
    expect(within(form()).getByRole('heading', { name: 'Record someone' })).toHaveFocus();
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['No agency', 'Northbridge Homes', 'Northbridge Police']);
    // No earlier meeting recorded anyone with an account: there is nobody to choose, only a name to type.
    expect(within(form()).queryByRole('group', { name: 'Who is it?' })).not.toBeInTheDocument();

    await user.click(within(form()).getByRole('radio', { name: 'Attending' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Name' }), 'Priya Shah');
    await user.selectOptions(select, 'Northbridge Police');
    await user.click(within(form()).getByRole('button', { name: 'Record' }));

    expect(await screen.findByText('Priya Shah has been added to Attending')).toBeInTheDocument();
    expect(rows('Attending')).toEqual([['Priya Shah', 'Northbridge Police', 'No account on the platform, so not signed here', 'Remove Priya Shah from Attending']]);
    expect(sent(world)).toEqual([
      {
        method: 'POST',
        path: `/api/meetings/${meeting.id}/attendance`,
        body: { kind: 'attendee', userId: null, name: 'Priya Shah', agencyId: POLICE.id, informationSent: false },
        csrf: 'csrf-attendance',
      },
    ]);
    // The form is ready for the next person.
    expect(within(form()).getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(within(form()).getByRole('radio', { name: 'Attending' })).not.toBeChecked();
    await user.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Record someone' })).not.toBeInTheDocument();
    expect(within(section()).getByRole('button', { name: 'Record someone' })).toHaveFocus();
    // Nothing about the confidentiality statement is asked while the meeting is planned.
    expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
  });

  it('records an agency’s apologies with its information sent instead', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const { world, user } = opens('coordinator', meeting, { entries: [buildAttendanceEntry(meeting, { userId: ME_ID, name: 'Joanne Pritchard' })] });

    await openForm(user);
    expect(within(form()).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(form()).getByRole('radio', { name: 'Apologies' }));
    await user.click(within(form()).getByRole('checkbox', { name: 'Their agency sent its information instead' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Name' }), 'Lee Grant');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Agency' }), 'Northbridge Homes');
    await user.click(within(form()).getByRole('button', { name: 'Record' }));

    expect(await screen.findByText('Lee Grant has been added to Apologies')).toBeInTheDocument();
    expect(rows('Apologies')).toEqual([['Lee Grant', 'Northbridge Homes', 'Yes', 'Remove Lee Grant from Apologies']]);
    expect(sent(world).map((request) => request.body)).toEqual([
      { kind: 'apology', userId: null, name: 'Lee Grant', agencyId: HOMES.id, informationSent: true },
    ]);
    // The coordinator is on the list already: nothing to add themselves with.
    expect(within(section()).queryByRole('button', { name: 'Add myself' })).not.toBeInTheDocument();
  });

  it('records an observer with an account, chosen from the chair and the people at the area’s recent meetings', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1, chairUserId: CHAIR.userId });
    const previous = buildMeeting({ date: '2026-03-03', status: 'closed' });
    const older = buildMeeting({ date: '2026-02-17', status: 'closed' });
    const recorded = buildAttendanceEntry(meeting, { userId: newId(), name: 'Already Here' });
    const { world, user } = opens('coordinator', meeting, {
      entries: [recorded],
      earlier: [
        {
          meeting: older,
          entries: [
            buildAttendanceEntry(older, { userId: IDVA_REP.userId, name: 'Dana Okafor', agencyId: IDVA_REP.agency?.id, agencyName: 'Northbridge IDVA Service' }),
            buildAttendanceEntry(older, { name: 'Student Observer', kind: 'observer' }),
          ],
        },
        {
          meeting: previous,
          entries: [
            buildAttendanceEntry(previous, { userId: CHAIR.userId, name: 'Marcus Ellery' }),
            buildAttendanceEntry(previous, { userId: ME_ID, name: 'Joanne Pritchard' }),
            buildAttendanceEntry(previous, { userId: recorded.userId, name: 'Already Here' }),
          ],
        },
      ],
    });

    // The earlier meetings are read only when the form is opened.
    await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('button', { name: 'Record someone' });
    expect(world.meetingQueries).toEqual([]);
    await openForm(user);
    const query = world.meetingQueries[0];
    expect(query?.get('areaId')).toBe(AREA.id);
    expect(query?.get('to')).toBe(meeting.date);
    expect(query?.get('from')).toBe('2025-09-16');

    await user.click(within(form()).getByRole('radio', { name: 'Observing' }));
    await user.click(within(form()).getByRole('radio', { name: 'Someone with an account on the platform' }));
    const person = within(form()).getByRole('combobox', { name: 'Person' });
    // The chair first; nobody already recorded here, nor the coordinator, nor anyone without an account.
    expect(within(person).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose the person',
      'Marcus Ellery (the meeting’s chair)',
      'Dana Okafor, Northbridge IDVA Service',
    ]);
    await user.click(within(form()).getByRole('button', { name: 'Record' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the person' })).toHaveAttribute('href', '#attendance-person');
    expect(world.requests).toEqual([]);

    await user.selectOptions(person, 'Dana Okafor, Northbridge IDVA Service');
    await user.click(within(form()).getByRole('button', { name: 'Record' }));

    expect(await screen.findByText('Dana Okafor has been added to Observing')).toBeInTheDocument();
    expect(rows('Observing')).toEqual([['Dana Okafor', 'Northbridge IDVA Service', 'Not signed yet', 'Remove Dana Okafor from Observing']]);
    expect(sent(world).map((request) => request.body)).toEqual([{ kind: 'observer', userId: IDVA_REP.userId, name: null, agencyId: null, informationSent: false }]);
    // Once recorded, they are no longer offered.
    await user.click(within(form()).getByRole('radio', { name: 'Someone with an account on the platform' }));
    expect(within(within(form()).getByRole('combobox', { name: 'Person' })).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose the person',
      'Marcus Ellery (the meeting’s chair)',
    ]);
  });

  it('asks what is missing before sending, and shows the server’s refusal on its fields, keeping what was typed', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const { world, user } = opens('coordinator', meeting);
    server.use(
      http.post('/api/meetings/:id/attendance', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'name', message: 'Enter the name of the person, or choose a platform user' },
          { field: 'agencyId', message: 'Say which agency sends its apologies' },
        ]),
      ),
    );

    await openForm(user);
    await user.click(within(form()).getByRole('button', { name: 'Record' }));
    let summary = await screen.findByRole('alert');
    expect(summary.parentElement).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Choose attending, apologies or observing' })).toHaveAttribute('href', '#attendance-kind');
    expect(world.requests).toEqual([]);

    await user.click(within(form()).getByRole('radio', { name: 'Apologies' }));
    await user.click(within(form()).getByRole('checkbox', { name: 'Their agency sent its information instead' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Name' }), '   ');
    await user.click(within(form()).getByRole('button', { name: 'Record' }));

    summary = await within(section()).findByRole('alert');
    await within(summary).findByRole('link', { name: 'Say which agency sends its apologies' });
    expect(within(summary).getByRole('link', { name: 'Enter the name of the person, or choose a platform user' })).toHaveAttribute('href', '#attendance-name');
    expect(within(summary).getByRole('link', { name: 'Say which agency sends its apologies' })).toHaveAttribute('href', '#attendance-agency');
    expect(within(form()).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Enter the name of the person, or choose a platform user/);
    expect(within(form()).getByRole('combobox', { name: 'Agency' })).toHaveAccessibleDescription(/Say which agency sends its apologies/);
    expect(within(form()).getByRole('radio', { name: 'Apologies' })).toBeChecked();
    expect(within(form()).getByRole('checkbox', { name: 'Their agency sent its information instead' })).toBeChecked();
    expect(within(form()).getByRole('textbox', { name: 'Name' })).toHaveValue('   ');
    expect(screen.queryByText(/has been added/)).not.toBeInTheDocument();
  });

  it('adds the coordinator themselves, who can then sign the statement on their own account', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const { world, user } = opens('coordinator', meeting, { accounts: [{ userId: ME_ID, name: 'Joanne Pritchard', agency: null }] });

    const statement = await screen.findByRole('region', { name: 'Confidentiality statement' });
    await within(statement).findByRole('checkbox', { name: 'I have read this statement and accept it' });
    await user.click(await within(section()).findByRole('button', { name: 'Add myself' }));

    expect(await screen.findByText('You have been added to Attending: you can now sign the confidentiality statement')).toBeInTheDocument();
    expect(within(section()).queryByRole('button', { name: 'Add myself' })).not.toBeInTheDocument();
    expect(within(section()).getByRole('heading', { name: 'Attendance' })).toHaveFocus();
    expect(rows('Attending')).toEqual([['Joanne Pritchard', 'None', 'Not signed yet', 'Remove Joanne Pritchard from Attending']]);

    await user.click(within(statement).getByRole('checkbox', { name: 'I have read this statement and accept it' }));
    await user.click(within(statement).getByRole('button', { name: 'Sign the statement' }));
    expect(await within(statement).findByText('You signed the confidentiality statement at 09:12 on 17 March 2026.')).toBeInTheDocument();
    expect(sent(world).map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: `/api/meetings/${meeting.id}/attendance`, body: { kind: 'attendee', userId: ME_ID, name: null, agencyId: null, informationSent: false } },
      { method: 'POST', path: `/api/meetings/${meeting.id}/confidentiality`, body: { statementVersion: '2026-1', accepted: true } },
    ]);
  });

  it('removes an entry after a confirmation, with Cancel giving the focus back', async () => {
    const meeting = buildMeeting({ status: 'planned' });
    const mistake = buildAttendanceEntry(meeting, { kind: 'observer', name: 'Sam Visitor' });
    const { world, user } = opens('coordinator', meeting, { entries: [buildAttendanceEntry(meeting, { userId: ME_ID, name: 'Joanne Pritchard' }), mistake] });

    const trigger = await within(await screen.findByRole('table', { name: 'Observing' })).findByRole('button', { name: 'Remove Sam Visitor from Observing' });
    await user.click(trigger);
    let panel = screen.getByRole('region', { name: 'Remove Sam Visitor from Observing?' });
    expect(within(panel).getByRole('heading', { name: 'Remove Sam Visitor from Observing?' })).toHaveFocus();
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Remove Sam Visitor from Observing?' })).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(world.requests).toEqual([]);

    await user.click(trigger);
    panel = screen.getByRole('region', { name: 'Remove Sam Visitor from Observing?' });
    await user.click(within(panel).getByRole('button', { name: 'Yes, remove' }));

    expect(await screen.findByText('Sam Visitor has been removed from Observing')).toBeInTheDocument();
    expect(within(section()).getByText('No one is recorded as observing.')).toBeInTheDocument();
    expect(within(section()).getByRole('heading', { name: 'Attendance' })).toHaveFocus();
    expect(sent(world)).toEqual([{ method: 'DELETE', path: `/api/meetings/${meeting.id}/attendance/${mistake.id}`, body: undefined, csrf: 'csrf-attendance' }]);
    await waitFor(() => expect(rows('Attending')).toHaveLength(1));
  });

  it('leaves a minuted meeting’s attendance as it was, with no statement to sign', async () => {
    const meeting = buildMeeting({ status: 'minuted', agendaVersion: 1 });
    opens('coordinator', meeting, { entries: [buildAttendanceEntry(meeting, { userId: ME_ID, name: 'Joanne Pritchard', signedAt: '2026-03-17T09:01:00.000Z' })] });

    await within(await screen.findByRole('region', { name: 'Attendance' })).findByRole('table', { name: 'Attending' });
    expect(rows('Attending')).toEqual([['Joanne Pritchard', 'None', 'Signed at 09:01 on 17 March 2026']]);
    expect(section()).toHaveTextContent('The meeting has been minuted: its attendance can no longer change.');
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
  });
});
