import { UpdateMeeting, type Agenda, type MeetingSummary } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { apiErrorResponse, signedInAs, versionConflict } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, buildAgenda, buildEntry, buildMeeting, buildSeries } from './meeting-factories';
import { agendaOf, invitationsOf, meetingList, seriesList } from './meeting-handlers';

const group = (name: string) => screen.getByRole('group', { name });
const boxes = (name: string) => ['Day', 'Month', 'Year'].map((label) => (within(group(name)).getByLabelText(label) as HTMLInputElement).value);

async function typeDate(user: UserEvent, name: string, day: string, month: string, year: string) {
  for (const [label, value] of [['Day', day], ['Month', month], ['Year', year]] as const) {
    const box = within(group(name)).getByLabelText(label);
    await user.clear(box);
    await user.type(box, value);
  }
}

async function retype(user: UserEvent, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

/**
 * The meeting as the server holds it: its page, its agenda and the change form's PATCH, which refuses a
 * change from a version not the current one, answers with `answer` (by default the meeting with the
 * changes sent, at the next version) and records each body.
 */
function meetingServer(initial: MeetingSummary, answer?: (changes: UpdateMeeting) => MeetingSummary | Response) {
  const state = { meeting: initial, bodies: [] as unknown[], csrf: [] as (string | null)[] };
  const agenda = (): Agenda => buildAgenda(state.meeting, { items: [buildEntry()] });
  server.use(
    http.get('/api/meetings/:id', () => HttpResponse.json(state.meeting)),
    agendaOf(agenda),
    invitationsOf(() => []),
    http.patch('/api/meetings/:id', async ({ request }) => {
      const body = (await request.json()) as unknown;
      state.bodies.push(body);
      state.csrf.push(request.headers.get('x-csrf-token'));
      const { version, ...changes } = UpdateMeeting.parse(body);
      if (version !== state.meeting.version) return versionConflict('this meeting');
      const answered = answer ? answer({ version, ...changes }) : { ...state.meeting, ...changes, version: version + 1 };
      if (answered instanceof Response) return answered;
      state.meeting = answered;
      return HttpResponse.json(state.meeting);
    }),
  );
  return state;
}

describe('changing a meeting', () => {
  it('opens from the meeting filled in, counts untouched deadlines again from a new date with the series’ working days, and says what changed', async () => {
    const series = buildSeries({ referralCutoffWorkingDays: 10 });
    const meeting = buildMeeting({ seriesId: series.id, date: '2026-03-17', location: 'Room 2, Civic Centre' });
    const seen: URLSearchParams[] = [];
    // The server counts the deadlines again from the new date, with the series' working days.
    const state = meetingServer(meeting, (changes) => ({
      ...meeting,
      ...changes,
      referralCutoff: '2026-03-10',
      circulationDate: '2026-03-17',
      researchDeadline: '2026-03-20',
      minutesDueDate: '2026-03-27',
    }));
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA], csrfToken: 'csrf-change' })), seriesList(() => [buildSeries(), series], seen));
    const { user, router } = renderApp(`/meetings/${meeting.id}`);

    await user.click(await screen.findByRole('link', { name: 'Change the meeting' }));
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}/edit`);
    expect(await screen.findByRole('heading', { level: 1, name: /Change the meeting/ })).toHaveTextContent('Meeting on Tuesday 17 March 2026');
    expect(boxes('Date')).toEqual(['17', '3', '2026']);
    expect(screen.getByLabelText('Start time')).toHaveValue('09:30');
    expect(screen.getByLabelText('Place (optional)')).toHaveValue('Room 2, Civic Centre');
    expect(screen.getByLabelText('Online meeting link (optional)')).toHaveValue('');
    expect(screen.getByLabelText('Most cases at the meeting')).toHaveValue('20');
    expect(screen.getByLabelText('Minutes for each case')).toHaveValue('12');
    expect(boxes('Referral cut-off')).toEqual(['5', '3', '2026']);
    expect(boxes('Minutes due')).toEqual(['20', '3', '2026']);
    expect(group('Referral cut-off')).toHaveAccessibleDescription('Moving the meeting counts this again from the new date, unless you change it here');
    expect(Object.fromEntries(seen[0] ?? [])).toEqual({ areaId: AREA.id });

    await typeDate(user, 'Date', '24', '3', '2026');
    // Ten working days before Tuesday 24 March 2026, as the series says; the others as usual.
    expect(group('Referral cut-off')).toHaveAccessibleDescription('Counted again from the new date: Tuesday 10 March 2026');
    expect(boxes('Referral cut-off')).toEqual(['10', '3', '2026']);
    expect(group('Minutes due')).toHaveAccessibleDescription('Counted again from the new date: Friday 27 March 2026');

    // A deadline typed is checked with the shared rules as it is typed, and kept when the date moves.
    await typeDate(user, 'Research due', '25', '3', '2026');
    expect(group('Research due')).toHaveAccessibleDescription(/Research must be due on or before the meeting date/);
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Research must be due on or before the meeting date' })).toHaveAttribute('href', '#meeting-research-deadline-day');
    expect(state.bodies).toEqual([]);

    // Cleared, it is counted again.
    for (const label of ['Day', 'Month', 'Year']) await user.clear(within(group('Research due')).getByLabelText(label));
    expect(group('Research due')).toHaveAccessibleDescription(/^Counted again from the new date: Friday 20 March 2026/);
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(
      await screen.findByText('The meeting has been moved to Tuesday 24 March 2026, with a new referral cut-off, circulation date, research deadline and minutes deadline'),
    ).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}`);
    expect(screen.getByRole('heading', { level: 1, name: /Meeting on Tuesday 24 March 2026/ })).toBeInTheDocument();
    const details = screen.getByText('Referral cut-off').closest('dl') as HTMLElement;
    expect(within(details).getByText('10 March 2026')).toBeInTheDocument();
    // Only the date went, so the server counted the deadlines; place and link always go, as the shared schema would clear them.
    expect(state.bodies).toEqual([{ version: 0, date: '2026-03-24', location: 'Room 2, Civic Centre', onlineLink: null }]);
    expect(state.csrf).toEqual(['csrf-change']);
  });

  it('maps the server’s refusals to their fields and keeps what was typed', async () => {
    const meeting = buildMeeting({ kind: 'one_off', seriesId: null, capacity: 20, listedCount: 3 });
    const state = meetingServer(meeting, () =>
      apiErrorResponse(400, 'validation_failed', 'Check the meeting', [
        { field: 'date', message: 'The meeting date must be today or later' },
        { field: 'capacity', message: '3 cases are already on the agenda: move or remove some before lowering the capacity' },
      ]),
    );
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })));
    const { user } = renderApp(`/meetings/${meeting.id}/edit`);

    await screen.findByLabelText('Start time');
    await typeDate(user, 'Date', '2', '3', '2026');
    // A one-off meeting counts as the shared rule says, with no series to ask for.
    expect(group('Referral cut-off')).toHaveAccessibleDescription('Counted again from the new date: Wednesday 18 February 2026');
    await retype(user, 'Most cases at the meeting', '2');
    await retype(user, 'Place (optional)', 'Council Chamber');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The meeting date must be today or later' })).toHaveAttribute('href', '#meeting-date-day');
    expect(within(summary).getByRole('link', { name: /3 cases are already on the agenda/ })).toHaveAttribute('href', '#meeting-capacity');
    expect(group('Date')).toHaveAccessibleDescription(/The meeting date must be today or later/);
    expect(screen.getByLabelText('Most cases at the meeting')).toHaveAccessibleDescription(/3 cases are already on the agenda/);
    expect(boxes('Date')).toEqual(['2', '3', '2026']);
    expect(screen.getByLabelText('Most cases at the meeting')).toHaveValue('2');
    expect(screen.getByLabelText('Place (optional)')).toHaveValue('Council Chamber');
    expect(state.bodies).toEqual([{ version: 0, date: '2026-03-02', location: 'Council Chamber', onlineLink: null, capacity: 2 }]);
  });

  it('sends only what changed and names it in the notice', async () => {
    const meeting = buildMeeting({ kind: 'emergency', seriesId: null, date: '2026-03-19', location: null, onlineLink: 'https://meet.example.org/marac' });
    const state = meetingServer(meeting);
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })));
    const { user, router } = renderApp(`/meetings/${meeting.id}/edit`);

    await screen.findByLabelText('Start time');
    expect(screen.getByLabelText('Online meeting link (optional)')).toHaveValue('https://meet.example.org/marac');
    await retype(user, 'Start time', '14.00');
    await retype(user, 'Minutes for each case', '15');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('The meeting has a new start time and time for each case')).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}`);
    expect(state.bodies).toEqual([{ version: 0, startTime: '14:00', location: null, onlineLink: 'https://meet.example.org/marac', minutesPerCase: 15 }]);
  });

  it('shows another coordinator’s change made since the form was opened beside what was typed, and takes theirs when asked', async () => {
    const meeting = buildMeeting({ kind: 'one_off', seriesId: null, date: '2026-03-19', location: 'Room 2, Civic Centre' });
    const state = meetingServer(meeting);
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })));
    const { user, router } = renderApp(`/meetings/${meeting.id}/edit`);

    await screen.findByLabelText('Start time');
    await retype(user, 'Place (optional)', 'Council Chamber');
    await retype(user, 'Start time', '13:00');
    // Another coordinator moves the meeting to another room meanwhile.
    state.meeting = { ...state.meeting, location: 'Town Hall, Committee Room 1', version: state.meeting.version + 1 };
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    // Refused in words; theirs is read again and shown beside what was typed, which stays.
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this meeting since you opened it: their version is shown');
    const theirs = await screen.findByRole('region', { name: 'Someone else changed this meeting while you were working on it' });
    expect(theirs).toHaveTextContent('Town Hall, Committee Room 1');
    expect(screen.getByLabelText('Place (optional)')).toHaveValue('Council Chamber');
    expect(screen.getByLabelText('Start time')).toHaveValue('13:00');

    // Taking theirs puts their meeting back in the form; the start time is changed again and saved from their version.
    await user.click(within(theirs).getByRole('button', { name: 'Take their version' }));
    expect(screen.getByLabelText('Place (optional)')).toHaveValue('Town Hall, Committee Room 1');
    expect(screen.getByLabelText('Start time')).toHaveValue('09:30');
    await retype(user, 'Start time', '13:00');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('The meeting has a new start time')).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}`);
    expect(state.bodies.map((body) => (body as { version: number }).version)).toEqual([0, 1]);
    expect(state.meeting).toMatchObject({ location: 'Town Hall, Committee Room 1', startTime: '13:00', version: 2 });
  });

  it('leads coordinators from a bank-holiday warning to the form, and shows chairs the warning only', async () => {
    const onHoliday = buildMeeting({ date: '2026-05-25', bankHoliday: 'Spring bank holiday' });
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })), meetingList(() => [onHoliday]), seriesList(() => []));
    meetingServer(onHoliday);
    const { user, router, unmount } = renderApp(`/meetings/${onHoliday.id}`);

    const warning = (await screen.findByText(/Falls on Spring bank holiday: move it/)).closest('.govuk-warning-text') as HTMLElement;
    expect(within(warning).getByRole('link', { name: 'Move this meeting' })).toHaveAttribute('href', `/meetings/${onHoliday.id}/edit`);
    await user.click(within(warning).getByRole('link', { name: 'Move this meeting' }));
    expect(currentPath(router)).toBe(`/meetings/${onHoliday.id}/edit`);
    expect(await screen.findByRole('heading', { level: 1, name: /Change the meeting/ })).toBeInTheDocument();
    unmount();

    // The list offers it too, naming the meeting for screen readers.
    renderApp('/meetings');
    expect(await screen.findByRole('link', { name: 'Move this meeting on Monday 25 May 2026' })).toHaveAttribute('href', `/meetings/${onHoliday.id}/edit`);
  });

  it('offers chairs no change, and no change once the meeting has started', async () => {
    const onHoliday = buildMeeting({ date: '2026-05-25', bankHoliday: 'Spring bank holiday' });
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), meetingList(() => [onHoliday]));
    meetingServer(onHoliday);
    const chair = renderApp(`/meetings/${onHoliday.id}`);

    const warning = (await screen.findByText(/Falls on Spring bank holiday: move it/)).closest('.govuk-warning-text') as HTMLElement;
    expect(within(warning).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Change the meeting' })).not.toBeInTheDocument();
    chair.unmount();

    renderApp('/meetings');
    expect(await screen.findByText(/Falls on Spring bank holiday: move it/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Move this meeting/ })).not.toBeInTheDocument();
  });

  it('is for coordinators only, and only while the meeting has not started', async () => {
    const started = buildMeeting({ status: 'in_progress', agendaVersion: 1, bankHoliday: 'Spring bank holiday', date: '2026-05-25' });
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })));
    meetingServer(started);
    const page = renderApp(`/meetings/${started.id}`);

    const warning = (await screen.findByText(/Falls on Spring bank holiday: move it/)).closest('.govuk-warning-text') as HTMLElement;
    expect(within(warning).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Change the meeting' })).not.toBeInTheDocument();
    page.unmount();

    renderApp(`/meetings/${started.id}/edit`);
    expect(await screen.findByText('This meeting has started or finished: it can no longer be changed.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the changes' })).not.toBeInTheDocument();
  });

  it('tells anyone but a coordinator they cannot change meetings', async () => {
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })));
    renderApp(`/meetings/${buildMeeting().id}/edit`);

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('Only MARAC coordinators can arrange and change meetings.')).toBeInTheDocument();
  });
});
