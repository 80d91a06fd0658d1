import { GeneratedAgenda, PublishedAgenda, type Agenda, type MeetingSummary } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { agendaWorld } from './agenda-world';
import { AREA, buildAgenda, buildAgendaReferral, buildEntry, buildLapsedWindow, buildMeeting, buildReview, flag } from './meeting-factories';
import { meetingList } from './meeting-handlers';

const MEETING = () => buildMeeting({ date: '2026-03-17', startTime: '09:30', location: 'Room 2, Civic Centre' });

/** Three cases: an urgent repeat linked with the third, a pinned transfer, and the linked case. */
function threeCases(meeting: MeetingSummary): Agenda {
  const ids = [newId(), newId(), newId()] as const;
  return buildAgenda(meeting, {
    items: [
      buildEntry({
        id: ids[0],
        position: 1,
        slotStart: '09:30',
        caseReference: 'NBC-2026-0001',
        referrals: [buildAgendaReferral({ reference: 'NBC-R-2026-00011' })],
        victimName: 'Jane Doe',
        urgent: true,
        flags: [flag('repeat'), flag('children_in_household')],
        linkedItemIds: [ids[2]],
      }),
      buildEntry({
        id: ids[1],
        position: 2,
        slotStart: '09:42',
        caseReference: 'NBC-2026-0002',
        referrals: [buildAgendaReferral({ reference: 'NBC-R-2026-00012' })],
        victimName: 'Amy Adams',
        pinned: true,
        transferredFrom: 'Wealdshire County',
      }),
      buildEntry({
        id: ids[2],
        position: 3,
        slotStart: '09:54',
        caseReference: 'NBC-2026-0003',
        referrals: [buildAgendaReferral({ reference: 'NBC-R-2026-00013' })],
        victimName: 'Beth Brown',
        linkedItemIds: [ids[0]],
      }),
    ],
  });
}

const agendaTable = () => screen.getByRole('table', { name: 'Cases in the order they will be heard' });
const rowOf = (reference: string) => within(agendaTable()).getByText(reference, { selector: 'strong' }).closest('tr') as HTMLElement;
const references = () =>
  within(agendaTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.querySelector('strong')?.textContent);

function coordinatorOpens(agenda: Agenda, csrfToken = 'csrf-agenda') {
  const { world, handlers, record, changeElsewhere } = agendaWorld(agenda);
  server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA], csrfToken })), ...handlers);
  return { world, record, changeElsewhere, ...renderApp(`/meetings/${agenda.meeting.id}`) };
}

describe('meeting and agenda for coordinators and chairs', () => {
  it('shows the meeting, the cases in order with what the chair needs, the actions to review and the lapsed windows', async () => {
    const meeting = MEETING();
    const agenda = threeCases(meeting);
    coordinatorOpens({ ...agenda, reviews: [buildReview()], lapsedWindows: [buildLapsedWindow()] });

    expect(await screen.findByRole('heading', { level: 1, name: /Meeting on Tuesday 17 March 2026/ })).toHaveTextContent(AREA.name);
    const details = screen.getByText('Referral cut-off').closest('dl') as HTMLElement;
    expect(within(details).getByText('09:30')).toBeInTheDocument();
    expect(within(details).getByText('Room 2, Civic Centre')).toBeInTheDocument();
    expect(within(details).getByText('5 March 2026')).toBeInTheDocument();
    expect(within(details).getByText('13 March 2026')).toBeInTheDocument();
    expect(within(details).getByText('Not published yet')).toBeInTheDocument();
    expect(within(details).getByText('Planned')).toHaveClass('govuk-tag');

    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0002', 'NBC-2026-0003']);
    const first = rowOf('NBC-2026-0001');
    expect(within(first).getByText('09:30')).toBeInTheDocument();
    expect(within(first).getByText('Jane Doe')).toBeInTheDocument();
    expect(within(first).getByText('20 February 2026')).toBeInTheDocument();
    expect(within(first).getByText('Urgent')).toHaveClass('govuk-tag--red');
    expect(within(first).getByText('Repeat')).toHaveClass('govuk-tag');
    expect(within(first).getByText('Children in household')).toHaveClass('govuk-tag');
    expect(within(first).getByText('Linked with case 3')).toBeInTheDocument();
    const second = rowOf('NBC-2026-0002');
    expect(within(second).getByText('Pinned')).toHaveClass('govuk-tag');
    expect(within(second).getByText('Transferred from Wealdshire County')).toBeInTheDocument();
    expect(within(rowOf('NBC-2026-0003')).getByText('Linked with case 1')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Download agenda (PDF)' })).toHaveAttribute('href', `/api/meetings/${meeting.id}/agenda/pdf`);
    expect(screen.getByRole('button', { name: 'Rebuild agenda' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish agenda' })).toBeInTheDocument();

    const reviews = screen.getByRole('region', { name: 'Actions to review' });
    expect(within(reviews).getByText('Fit extra locks at the victim’s home')).toBeInTheDocument();
    expect(within(reviews).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(reviews).getByText('In progress')).toBeInTheDocument();
    const lapsed = screen.getByRole('region', { name: '12-month windows lapsed since the last meeting' });
    expect(within(lapsed).getByText('Mary Major')).toBeInTheDocument();
    expect(within(lapsed).getByText('10 March 2026')).toBeInTheDocument();
  });

  it('builds the agenda with a body-less request and warns about the cases that did not fit', async () => {
    const meeting = MEETING();
    const later = buildMeeting({ date: '2026-03-31' });
    const { world, record, user } = coordinatorOpens(buildAgenda(meeting));
    const built = threeCases(meeting);
    server.use(
      http.post('/api/meetings/:id/agenda/generate', async ({ request }) => {
        await record(request);
        world.agenda = built;
        return HttpResponse.json(
          GeneratedAgenda.parse({
            agenda: built,
            overflow: [
              { caseId: newId(), caseReference: 'NBC-2026-0021', movedToMeetingId: later.id, movedToDate: later.date },
              { caseId: newId(), caseReference: 'NBC-2026-0022', movedToMeetingId: later.id, movedToDate: later.date },
              { caseId: newId(), caseReference: 'NBC-2026-0023', movedToMeetingId: null, movedToDate: null },
            ],
          }),
        );
      }),
    );

    expect(await screen.findByText('No cases are listed yet.')).toBeInTheDocument();
    expect(screen.getByText(/Pinned cases and cases placed by hand stay where they are/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download agenda (PDF)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Build agenda' }));

    expect(await screen.findByText('The agenda has been built: 3 cases listed')).toBeInTheDocument();
    expect(world.requests).toEqual([{ method: 'POST', path: `/api/meetings/${meeting.id}/agenda/generate`, contentType: 'application/json', body: '{"version":0}', csrf: 'csrf-agenda' }]);
    const warning = screen.getByText('3 cases did not fit on this agenda:').closest('.govuk-warning-text') as HTMLElement;
    const lines = within(warning).getAllByRole('listitem');
    expect(lines.map((line) => line.textContent)).toEqual([
      'NBC-2026-0021: moved to the meeting on Tuesday 31 March 2026',
      'NBC-2026-0022: moved to the meeting on Tuesday 31 March 2026',
      'NBC-2026-0023: no later meeting had room; it waits for the next agenda',
    ]);
    expect(within(lines[0] as HTMLElement).getByRole('link', { name: 'meeting on Tuesday 31 March 2026' })).toHaveAttribute('href', `/meetings/${later.id}`);
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0002', 'NBC-2026-0003']);
    expect(screen.getByRole('button', { name: 'Rebuild agenda' })).toBeInTheDocument();
  });

  it('moves cases up and down, pins and unpins them, sending one change each', async () => {
    const agenda = threeCases(MEETING());
    const [one, two, three] = agenda.items;
    const { world, user } = coordinatorOpens(agenda);

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    expect(within(rowOf('NBC-2026-0001')).queryByRole('button', { name: /Move up/ })).not.toBeInTheDocument();
    expect(within(rowOf('NBC-2026-0003')).queryByRole('button', { name: /Move down/ })).not.toBeInTheDocument();

    await user.click(within(rowOf('NBC-2026-0003')).getByRole('button', { name: 'Move up NBC-2026-0003' }));
    expect(await screen.findByText('NBC-2026-0003 is now case 2 and pinned there')).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0003', 'NBC-2026-0002']);

    await user.click(within(rowOf('NBC-2026-0001')).getByRole('button', { name: 'Move down NBC-2026-0001' }));
    expect(await screen.findByText('NBC-2026-0001 is now case 2 and pinned there')).toBeInTheDocument();

    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Unpin NBC-2026-0002' }));
    expect(await screen.findByText('NBC-2026-0002 is no longer pinned')).toBeInTheDocument();
    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Pin NBC-2026-0002' }));
    expect(await screen.findByText('NBC-2026-0002 is pinned: rebuilding the agenda will not move it')).toBeInTheDocument();

    expect(world.changes).toEqual([
      { change: 'position', itemId: three?.id, position: 2, version: 0 },
      { change: 'position', itemId: one?.id, position: 2, version: 1 },
      { change: 'pin', itemId: two?.id, pinned: false, version: 2 },
      { change: 'pin', itemId: two?.id, pinned: true, version: 3 },
    ]);
    expect(world.requests.every((request) => request.contentType === 'application/json' && request.csrf === 'csrf-agenda')).toBe(true);
  });

  it('keeps focus on the moved case when its move button goes at the top or the bottom of the agenda', async () => {
    const agenda = threeCases(MEETING());
    const { user } = coordinatorOpens(agenda);
    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });

    // To the top: "Move up" goes, so the case's "Move down" takes the focus.
    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Move up NBC-2026-0002' }));
    expect(await screen.findByText('NBC-2026-0002 is now case 1 and pinned there')).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0002', 'NBC-2026-0001', 'NBC-2026-0003']);
    expect(within(rowOf('NBC-2026-0002')).queryByRole('button', { name: /Move up/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Move down NBC-2026-0002' })).toHaveFocus());

    // Down from the top to the middle: the button pressed is still there and keeps the focus.
    await user.keyboard('{Enter}');
    expect(await screen.findByText('NBC-2026-0002 is now case 2 and pinned there')).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0002', 'NBC-2026-0003']);
    await waitFor(() => expect(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Move down NBC-2026-0002' })).toHaveFocus());

    // To the bottom: "Move down" goes, so "Move up" takes the focus.
    await user.keyboard('{Enter}');
    expect(await screen.findByText('NBC-2026-0002 is now case 3 and pinned there')).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0003', 'NBC-2026-0002']);
    expect(within(rowOf('NBC-2026-0002')).queryByRole('button', { name: /Move down/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Move up NBC-2026-0002' })).toHaveFocus());
  });

  it('moves a case to another of the area’s meetings that has not started, showing the server’s refusal first', async () => {
    const meeting = MEETING();
    const agenda = threeCases(meeting);
    const full = buildMeeting({ date: '2026-03-24', listedCount: 20, capacity: 20 });
    const later = buildMeeting({ date: '2026-03-31', status: 'agenda_published', listedCount: 4 });
    const finished = buildMeeting({ date: '2026-03-10', status: 'minuted' });
    const seen: URLSearchParams[] = [];
    const { world, user } = coordinatorOpens(agenda);
    let refused = false;
    server.use(
      meetingList(() => [finished, meeting, full, later], seen),
      http.post('/api/meetings/:id/agenda/changes', async ({ request }) => {
        const body = (await request.clone().json()) as { toMeetingId?: string };
        if (body.toMeetingId === full.id) {
          refused = true;
          return apiErrorResponse(400, 'validation_failed', 'Check the change', [
            { field: 'toMeetingId', message: 'That meeting is full: remove or move a case from it first' },
          ]);
        }
        return undefined;
      }),
    );

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Move to another meeting NBC-2026-0002' }));
    const panel = screen.getByRole('region', { name: 'Move NBC-2026-0002 to another meeting' });
    expect(within(panel).getByRole('heading', { name: 'Move NBC-2026-0002 to another meeting' })).toHaveFocus();
    const select = await within(panel).findByLabelText('Meeting');
    expect(Object.fromEntries(seen[0] ?? [])).toEqual({ areaId: AREA.id });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a meeting',
      'Tuesday 24 March 2026 at 09:30: full',
      'Tuesday 31 March 2026 at 09:30: 4 of 20 cases',
    ]);

    await user.click(within(panel).getByRole('button', { name: 'Move the case' }));
    let summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the meeting to move the case to' })).toHaveAttribute('href', '#agenda-move-to');

    await user.selectOptions(select, 'Tuesday 24 March 2026 at 09:30: full');
    await user.click(within(panel).getByRole('button', { name: 'Move the case' }));
    summary = await screen.findByRole('alert');
    expect(await within(summary).findByRole('link', { name: 'That meeting is full: remove or move a case from it first' })).toBeInTheDocument();
    expect(within(panel).getByLabelText('Meeting')).toHaveAccessibleDescription(/That meeting is full/);
    expect(refused).toBe(true);

    await user.selectOptions(within(panel).getByLabelText('Meeting'), 'Tuesday 31 March 2026 at 09:30: 4 of 20 cases');
    await user.click(within(panel).getByRole('button', { name: 'Move the case' }));
    expect(await screen.findByText('NBC-2026-0002 has been moved to the meeting on Tuesday 31 March 2026')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Move NBC-2026-0002 to another meeting' })).not.toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0003']);
    expect(world.changes).toEqual([{ change: 'move', itemId: agenda.items[1]?.id, toMeetingId: later.id, version: 0 }]);
  });

  it('needs a reason to take a case off, lists it with the reason, and restores it', async () => {
    const agenda = threeCases(MEETING());
    const second = agenda.items[1];
    const { world, user } = coordinatorOpens(agenda);

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Take off the agenda NBC-2026-0002' }));
    const panel = screen.getByRole('region', { name: 'Take NBC-2026-0002 off the agenda' });
    await user.type(within(panel).getByLabelText('Why is the case taken off the agenda?'), '   ');
    await user.click(within(panel).getByRole('button', { name: 'Take the case off' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Give the reason the case is taken off the agenda' });
    expect(link).toHaveAttribute('href', '#agenda-remove-reason');
    await user.click(link);
    expect(within(panel).getByLabelText('Why is the case taken off the agenda?')).toHaveFocus();
    expect(world.changes).toEqual([]);

    await user.type(within(panel).getByLabelText('Why is the case taken off the agenda?'), 'Victim moved out of the area; transfer requested.');
    await user.click(within(panel).getByRole('button', { name: 'Take the case off' }));
    expect(await screen.findByText('NBC-2026-0002 has been taken off the agenda')).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0003']);
    const removed = screen.getByRole('region', { name: 'Taken off the agenda' });
    expect(within(removed).getByText('Victim moved out of the area; transfer requested.')).toBeInTheDocument();

    await user.click(within(removed).getByRole('button', { name: 'Restore NBC-2026-0002 to the agenda' }));
    expect(await screen.findByText('NBC-2026-0002 is back on the agenda as case 3')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Taken off the agenda' })).not.toBeInTheDocument();
    expect(world.changes).toEqual([
      { change: 'remove', itemId: second?.id, reason: 'Victim moved out of the area; transfer requested.', version: 0 },
      { change: 'restore', itemId: second?.id, version: 1 },
    ]);
  });

  it('shows the agenda as someone else left it when a change was made from an older one, keeping the reason typed', async () => {
    const agenda = threeCases(MEETING());
    const { world, changeElsewhere, user } = coordinatorOpens(agenda);

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    await user.click(within(rowOf('NBC-2026-0002')).getByRole('button', { name: 'Take off the agenda NBC-2026-0002' }));
    const panel = screen.getByRole('region', { name: 'Take NBC-2026-0002 off the agenda' });
    await user.type(within(panel).getByLabelText('Why is the case taken off the agenda?'), 'Victim moved out of the area.');
    // Another coordinator pins the first case meanwhile.
    changeElsewhere((now) => ({ ...now, items: now.items.map((item) => (item.caseReference === 'NBC-2026-0001' ? { ...item, pinned: true } : item)) }));
    await user.click(within(panel).getByRole('button', { name: 'Take the case off' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this meeting’s agenda since you opened it: their version is shown');
    // The agenda is read again and shows their change; the panel keeps the reason typed.
    expect(await within(rowOf('NBC-2026-0001')).findByRole('button', { name: 'Unpin NBC-2026-0001' })).toBeInTheDocument();
    expect(within(panel).getByLabelText('Why is the case taken off the agenda?')).toHaveValue('Victim moved out of the area.');
    await user.click(within(panel).getByRole('button', { name: 'Take the case off' }));

    expect(await screen.findByText('NBC-2026-0002 has been taken off the agenda')).toBeInTheDocument();
    expect(world.changes.map((change) => change.version)).toEqual([0, 1]);
    expect(world.agenda.meeting.version).toBe(2);
  });

  it('shows why a change was refused', async () => {
    const agenda = threeCases(MEETING());
    const removedEntry = buildEntry({ status: 'removed', removedReason: 'Duplicate of case 1', caseReference: 'NBC-2026-0009', position: 4 });
    const { user } = coordinatorOpens({ ...agenda, removed: [removedEntry] });
    server.use(http.post('/api/meetings/:id/agenda/changes', () => apiErrorResponse(409, 'conflict', 'The agenda is full: remove or move a case first')));

    const removed = await screen.findByRole('region', { name: 'Taken off the agenda' });
    await user.click(within(removed).getByRole('button', { name: 'Restore NBC-2026-0009 to the agenda' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The agenda is full: remove or move a case first');
    expect(within(removed).getByText('Duplicate of case 1')).toBeInTheDocument();
  });

  it('publishes after a confirmation and says what was sent', async () => {
    const meeting = MEETING();
    const agenda = threeCases(meeting);
    const { world, record, user } = coordinatorOpens(agenda);
    server.use(
      http.post('/api/meetings/:id/agenda/publish', async ({ request }) => {
        await record(request);
        const published = { ...world.agenda, meeting: { ...world.agenda.meeting, status: 'agenda_published' as const, agendaVersion: 1 } };
        world.agenda = published;
        return HttpResponse.json(PublishedAgenda.parse({ agenda: published, version: 1, researchTasks: 24, withheldCount: 1, notices: 9 }));
      }),
    );

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    await user.click(screen.getByRole('button', { name: 'Publish agenda' }));
    const panel = screen.getByRole('region', { name: 'Publish the agenda?' });
    expect(panel).toHaveTextContent('The agenda of 3 cases becomes version 1.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Publish the agenda?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish agenda' })).toHaveFocus();
    expect(world.requests).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Publish agenda' }));
    await user.click(within(screen.getByRole('region', { name: 'Publish the agenda?' })).getByRole('button', { name: 'Yes, publish the agenda' }));

    expect(
      await screen.findByText(
        'Version 1 of the agenda has been published: 24 research tasks created for the invited agencies (1 withheld because a bar on the case names the agency), 9 notices queued for agency mailboxes',
      ),
    ).toBeInTheDocument();
    expect(world.requests).toEqual([{ method: 'POST', path: `/api/meetings/${meeting.id}/agenda/publish`, contentType: 'application/json', body: '{"version":0}', csrf: 'csrf-agenda' }]);
    const details = screen.getByText('Referral cut-off').closest('dl') as HTMLElement;
    expect(within(details).getByText('Version 1')).toBeInTheDocument();
    expect(within(details).getByText('Agenda published')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish changes as version 2' })).toBeInTheDocument();
  });

  it('shows the server’s refusal to publish an empty agenda', async () => {
    const { user } = coordinatorOpens(buildAgenda(MEETING()));
    server.use(
      http.post('/api/meetings/:id/agenda/publish', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the agenda', [{ field: 'agenda', message: 'Add at least one case before publishing the agenda' }]),
      ),
    );

    await screen.findByText('No cases are listed yet.');
    await user.click(screen.getByRole('button', { name: 'Publish agenda' }));
    await user.click(screen.getByRole('button', { name: 'Yes, publish the agenda' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Add at least one case before publishing the agenda')).toBeInTheDocument();
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Publish agenda' })).toBeInTheDocument();
  });

  it('gives a chair the agenda to read, with nothing to change', async () => {
    const meeting = MEETING();
    const agenda = threeCases({ ...meeting, status: 'agenda_published', agendaVersion: 2 });
    const removedEntry = buildEntry({ status: 'removed', removedReason: 'Duplicate of case 1', caseReference: 'NBC-2026-0009', position: 4 });
    const { handlers } = agendaWorld({ ...agenda, removed: [removedEntry] });
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), ...handlers);
    renderApp(`/meetings/${meeting.id}`);

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    expect(screen.getByText(/Version 2 has been published/)).toBeInTheDocument();
    expect(references()).toEqual(['NBC-2026-0001', 'NBC-2026-0002', 'NBC-2026-0003']);
    expect(screen.getByRole('link', { name: 'Download agenda (PDF)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Build agenda|Rebuild agenda|Publish/ })).not.toBeInTheDocument();
    expect(within(agendaTable()).queryAllByRole('button')).toEqual([]);
    const removed = screen.getByRole('region', { name: 'Taken off the agenda' });
    expect(within(removed).getByText('Duplicate of case 1')).toBeInTheDocument();
    expect(within(removed).queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers no changes once the meeting has started', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    coordinatorOpens(threeCases(meeting));

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    expect(screen.queryByRole('button', { name: /Build agenda|Rebuild agenda|Publish/ })).not.toBeInTheDocument();
    expect(within(agendaTable()).queryAllByRole('button')).toEqual([]);
  });
  it('lists each case’s referrals under it, the agencies barred from it and why, the flags raised since the meeting started, and counts the cases withheld', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 2 });
    const agenda = buildAgenda(meeting, {
      items: [
        buildEntry({
          position: 1,
          caseReference: 'NBC-2026-0001',
          referrals: [
            buildAgendaReferral({ reference: 'NBC-R-2026-00011', referralDate: '2026-02-20' }),
            buildAgendaReferral({ reference: 'NBC-R-2026-00012', referralDate: '2026-03-02', urgent: true, status: 'merged' }),
          ],
          referralDate: '2026-02-20',
          urgent: true,
          flags: [flag('repeat')],
          flagsSince: [flag('pregnancy_or_baby')],
          barredAgencies: [
            { agencyId: newId(), agencyName: 'Northbridge Homes', withdrawnAt: '2026-03-12T10:00:00.000Z', because: 'Referral NBC-R-2026-00012 names it as unsafe to contact' },
            { agencyId: newId(), agencyName: 'Northbridge Health', withdrawnAt: null, because: 'Recorded as unsafe to contact by a coordinator' },
          ],
        }),
        buildEntry({ position: 4, caseReference: 'NBC-2026-0004', victimName: 'Amy Adams' }),
      ],
      withheldCount: 2,
    });
    const { handlers } = agendaWorld(agenda);
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), ...handlers);
    renderApp(`/meetings/${meeting.id}`);

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    expect(screen.getByText('2 cases on this agenda are withheld from you.')).toBeInTheDocument();
    expect(screen.getByText(/4 cases listed of 20/)).toBeInTheDocument();

    const row = rowOf('NBC-2026-0001');
    const referrals = within(row).getByRole('list', { name: 'Referrals for NBC-2026-0001' });
    expect(within(referrals).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Referral NBC-R-2026-00011, 20 February 2026',
      'Referral NBC-R-2026-00012, 2 March 2026 (merged), urgent',
    ]);
    const barred = within(row).getByRole('list', { name: 'Agencies barred from NBC-2026-0001' });
    expect(within(barred).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Northbridge Homes withdrawn on 12 March 2026: Referral NBC-R-2026-00012 names it as unsafe to contact',
      'Northbridge Health not sent this case: Recorded as unsafe to contact by a coordinator',
    ]);
    // What the meeting was told and what was learned later are kept apart.
    expect(within(within(row).getByRole('list', { name: 'Flags' })).getByText('Repeat')).toHaveClass('govuk-tag');
    const since = within(row).getByRole('list', { name: 'Flags raised since this meeting started for NBC-2026-0001' });
    expect(within(since).getByText('Pregnancy or baby under 18 months')).toHaveClass('govuk-tag');
    expect(within(row).getByText('Raised since this meeting started')).toBeInTheDocument();

    const other = rowOf('NBC-2026-0004');
    expect(within(other).queryByRole('list', { name: /Agencies barred/ })).not.toBeInTheDocument();
    expect(within(other).queryByText('Raised since this meeting started')).not.toBeInTheDocument();
  });

  it('says nothing of withheld cases when none is withheld', async () => {
    coordinatorOpens(threeCases(MEETING()));

    await screen.findByRole('table', { name: 'Cases in the order they will be heard' });
    expect(screen.queryByText(/withheld from you/)).not.toBeInTheDocument();
    expect(screen.getByText(/3 cases listed of 20/)).toBeInTheDocument();
  });
});
