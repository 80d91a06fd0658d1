import { MeetingStatusChange, type Agenda, type MeetingStatus, type MeetingSummary } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referralKeys } from '../../../../web/src/lib/api/query-keys';
import { meetingKeys } from '../../../../web/src/features/meetings/api/meeting-keys';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs, versionConflict } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { agendaWorld } from './agenda-world';
import { AREA, buildAgenda, buildEntry, buildMeeting } from './meeting-factories';
import { meetingOf } from './meeting-handlers';

// The meeting is on Tuesday 17 March 2026; each test says what day it is in London.
const MEETING_DATE = '2026-03-17';
const ON_THE_DAY = new Date('2026-03-17T08:00:00Z');
const THE_DAY_BEFORE = new Date('2026-03-16T17:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

function twoCases(status: MeetingStatus): Agenda {
  const meeting = buildMeeting({ date: MEETING_DATE, status, agendaVersion: status === 'planned' ? 0 : 1, minutesDueDate: '2026-03-20' });
  return buildAgenda(meeting, {
    items: [
      buildEntry({ position: 1, caseReference: 'NBC-2026-0001', victimName: 'Jane Doe' }),
      buildEntry({ position: 2, slotStart: '09:42', caseReference: 'NBC-2026-0002', victimName: 'Amy Adams' }),
    ],
  });
}

/** The agenda API, and a meeting status API that moves the meeting on the way the server does. */
function opens(role: 'coordinator' | 'chair', agenda: Agenda) {
  const { world, handlers, record } = agendaWorld(agenda);
  const counts = { agendaReads: 0 };
  const steps: MeetingStatusChange[] = [];
  server.use(
    signedInAs(buildMe({ role, areas: [AREA], csrfToken: 'csrf-steps' })),
    http.get('/api/meetings/:id/agenda', () => {
      counts.agendaReads += 1;
      return undefined;
    }),
    ...handlers,
    http.post('/api/meetings/:id/status', async ({ request, params }) => {
      const change = MeetingStatusChange.parse(JSON.parse(await record(request)));
      steps.push(change);
      if (params.id !== world.agenda.meeting.id) return apiErrorResponse(404, 'not_found', 'This meeting does not exist');
      if (change.version !== world.agenda.meeting.version) return versionConflict('this meeting');
      const meeting: MeetingSummary = { ...world.agenda.meeting, status: change.status, version: change.version + 1 };
      const items = change.status === 'minuted' ? world.agenda.items.map((item) => ({ ...item, status: 'heard' as const })) : world.agenda.items;
      world.agenda = { ...world.agenda, meeting, items, editable: false };
      return HttpResponse.json(meeting);
    }),
  );
  return { world, counts, steps, ...renderApp(`/meetings/${agenda.meeting.id}`) };
}

const progress = () => screen.getByRole('region', { name: 'Next step' });
const details = () => screen.getByText('Referral cut-off').closest('dl') as HTMLElement;

describe('moving a meeting on after its agenda is published', () => {
  it('starts the meeting on its day after a confirmation, with Cancel giving the focus back, and refreshes the meeting, agenda and lists', async () => {
    vi.setSystemTime(ON_THE_DAY);
    const agenda = twoCases('agenda_published');
    const meeting = agenda.meeting;
    const { world, counts, queryClient, user } = opens('coordinator', agenda);
    const list = meetingKeys.list({ areaId: AREA.id });
    queryClient.setQueryData(list, [meeting]);

    expect(await within(await screen.findByRole('region', { name: 'Next step' })).findByText(/Start the meeting when it begins/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish changes as version 2' })).toBeInTheDocument();
    const start = within(progress()).getByRole('button', { name: 'Start the meeting' });

    await user.click(start);
    const panel = screen.getByRole('region', { name: 'Start the meeting?' });
    expect(within(panel).getByRole('heading', { name: 'Start the meeting?' })).toHaveFocus();
    expect(panel).toHaveTextContent('its agenda, its date and the agencies invited can no longer be changed');
    expect(panel).toHaveTextContent('This cannot be undone.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Start the meeting?' })).not.toBeInTheDocument();
    expect(start).toHaveFocus();
    expect(world.requests).toEqual([]);

    const readsBefore = counts.agendaReads;
    await user.click(start);
    await user.click(screen.getByRole('button', { name: 'Yes, start the meeting' }));

    expect(await screen.findByText('The meeting has started')).toBeInTheDocument();
    expect(world.requests).toEqual([
      { method: 'POST', path: `/api/meetings/${meeting.id}/status`, contentType: 'application/json', body: '{"status":"in_progress","version":0}', csrf: 'csrf-steps' },
    ]);
    expect(within(details()).getByText('In progress')).toHaveClass('govuk-tag');
    expect(screen.queryByRole('region', { name: 'Start the meeting?' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Next step' })).toHaveFocus();
    // The next step is offered at once; the agenda and the meeting can no longer change.
    expect(within(progress()).getByRole('button', { name: 'Mark as minuted' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Publish|Rebuild agenda/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Change the meeting' })).not.toBeInTheDocument();
    await waitFor(() => expect(counts.agendaReads).toBeGreaterThan(readsBefore));
    expect(queryClient.getQueryState(list)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(meetingKeys.detail(meeting.id))).toMatchObject({ id: meeting.id, status: 'in_progress' });
  });

  it('offers no start before the meeting’s date, saying when it can start', async () => {
    vi.setSystemTime(THE_DAY_BEFORE);
    opens('coordinator', twoCases('agenda_published'));

    expect(await screen.findByText('The meeting can be started on its day, Tuesday 17 March 2026.')).toBeInTheDocument();
    expect(within(progress()).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start the meeting' })).not.toBeInTheDocument();
  });

  it('counts the day in London, not in UTC', async () => {
    // 23:30 on 16 June in UTC is 00:30 on 17 June in London (summer time).
    vi.setSystemTime(new Date('2026-06-16T23:30:00Z'));
    const agenda = twoCases('agenda_published');
    opens('coordinator', { ...agenda, meeting: { ...agenda.meeting, date: '2026-06-17' } });

    expect(await screen.findByRole('button', { name: 'Start the meeting' })).toBeInTheDocument();
  });

  it('offers no step before the agenda is published, and none once the meeting is closed', async () => {
    vi.setSystemTime(ON_THE_DAY);
    const planned = opens('coordinator', twoCases('planned'));
    expect(await screen.findByRole('button', { name: 'Publish agenda' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Next step' })).not.toBeInTheDocument();
    planned.unmount();

    opens('chair', twoCases('closed'));
    expect(await screen.findByText('The meeting is closed. It has no further steps.')).toBeInTheDocument();
    expect(within(progress()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets a chair mark the meeting as minuted, recording its cases as heard, then close it', async () => {
    vi.setSystemTime(new Date('2026-03-18T10:00:00Z'));
    const agenda = twoCases('in_progress');
    const { steps, queryClient, user } = opens('chair', agenda);
    const referral = referralKeys.detail(newId());
    queryClient.setQueryData(referral, { stand: 'in' });

    const explanation = await within(await screen.findByRole('region', { name: 'Next step' })).findByText(/mark it as minuted/);
    expect(explanation).toHaveTextContent(
      'the 2 cases on the agenda are recorded as heard on Tuesday 17 March 2026, and where the area counts the 12-month repeat window from the last hearing, each case’s window starts from that date. Minutes are due by 20 March 2026.',
    );
    await user.click(within(progress()).getByRole('button', { name: 'Mark as minuted' }));
    const panel = screen.getByRole('region', { name: 'Mark the meeting as minuted?' });
    expect(panel).toHaveTextContent('The 2 cases on the agenda are recorded as heard on Tuesday 17 March 2026.');
    expect(panel).toHaveTextContent('12-month repeat window from the last hearing');
    await user.click(within(panel).getByRole('button', { name: 'Yes, mark as minuted' }));

    expect(await screen.findByText('The meeting has been minuted: 2 cases recorded as heard on Tuesday 17 March 2026')).toBeInTheDocument();
    expect(within(details()).getByText('Minuted')).toHaveClass('govuk-tag');
    // The hearing can start a case's repeat window, which referral flags are counted from.
    expect(queryClient.getQueryState(referral)?.isInvalidated).toBe(true);

    await user.click(within(progress()).getByRole('button', { name: 'Close the meeting' }));
    await user.click(within(screen.getByRole('region', { name: 'Close the meeting?' })).getByRole('button', { name: 'Yes, close the meeting' }));
    expect(await screen.findByText('The meeting has been closed')).toBeInTheDocument();
    expect(within(details()).getByText('Closed')).toHaveClass('govuk-tag');
    expect(within(progress()).getByText('The meeting is closed. It has no further steps.')).toBeInTheDocument();
    expect(steps).toEqual([
      { status: 'minuted', version: 0 },
      { status: 'closed', version: 1 },
    ]);
  });

  it('shows the server’s refusal in the error summary, linked to the step’s button, and reads the meeting again', async () => {
    vi.setSystemTime(ON_THE_DAY);
    const agenda = twoCases('agenda_published');
    const { world, counts, user } = opens('coordinator', agenda);
    server.use(
      http.post('/api/meetings/:id/status', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the meeting', [{ field: 'status', message: 'A meeting cannot start before its date' }]),
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Start the meeting' }));
    const readsBefore = counts.agendaReads;
    await user.click(screen.getByRole('button', { name: 'Yes, start the meeting' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const refusal = within(alert).getByRole('link', { name: 'A meeting cannot start before its date' });
    expect(alert.closest('.govuk-error-summary')).toHaveFocus();
    expect(document.title).toMatch(/^Error: /);
    expect(screen.queryByRole('region', { name: 'Start the meeting?' })).not.toBeInTheDocument();
    expect(within(details()).getByText('Agenda published')).toBeInTheDocument();
    expect(screen.queryByText('The meeting has started')).not.toBeInTheDocument();
    await waitFor(() => expect(counts.agendaReads).toBeGreaterThan(readsBefore));
    expect(world.agenda.meeting.status).toBe('agenda_published');

    await user.click(refusal);
    expect(screen.getByRole('button', { name: 'Start the meeting' })).toHaveFocus();
  });
});

describe('what an agency representative sees', () => {
  it('never offers a representative the meeting’s steps', async () => {
    vi.setSystemTime(ON_THE_DAY);
    const statusRequests: string[] = [];
    for (const status of ['agenda_published', 'in_progress', 'minuted'] as const) {
      const meeting = buildMeeting({ date: MEETING_DATE, status, agendaVersion: 1 });
      server.use(
        signedInAs(buildMe({ role: 'agency_representative', areas: [AREA], agency: { id: newId(), name: 'Northbridge Police', kind: 'police' } })),
        meetingOf(meeting),
        http.get('/api/meetings/:id/packets', () => HttpResponse.json([])),
        http.post('/api/meetings/:id/status', ({ request }) => {
          statusRequests.push(request.url);
          return apiErrorResponse(403, 'forbidden', 'You cannot do this');
        }),
      );
      const view = renderApp(`/meetings/${meeting.id}`);
      expect(await screen.findByText('There are no cases for your agency to research on this agenda.')).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Next step' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Start the meeting|Mark as minuted|Close the meeting/ })).not.toBeInTheDocument();
      view.unmount();
    }
    expect(statusRequests).toEqual([]);
  });
});
