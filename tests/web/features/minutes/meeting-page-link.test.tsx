import type { MeetingStatus } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { agendaWorld } from '../meetings/agenda-world';
import { AREA, buildAgenda, buildEntry, buildMeeting } from '../meetings/meeting-factories';
import { buildMinutes, HOUSING } from './minutes-factories';
import { minutesWorld } from './minutes-world';

/** The meeting page of a coordinator, with the agenda of a meeting at `status`. */
function coordinatorOpens(status: MeetingStatus) {
  const meeting = buildMeeting({ status, agendaVersion: status === 'planned' ? 0 : 1 });
  const { handlers } = agendaWorld(buildAgenda(meeting, { items: [buildEntry()] }));
  const minutes = minutesWorld(meeting, buildMinutes(meeting));
  server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })), ...handlers, ...minutes.handlers);
  return { meeting, ...renderApp(`/meetings/${meeting.id}`) };
}

describe('the way to the minutes from the meeting page', () => {
  it('is offered from the start of the meeting, and leads to the minutes', async () => {
    const { meeting, router, user } = coordinatorOpens('in_progress');

    const section = await screen.findByRole('region', { name: 'Minutes' });
    expect(section).toHaveTextContent('Generate the minutes from what was recorded');
    const link = within(section).getByRole('link', { name: 'Go to the minutes' });
    expect(link).toHaveAttribute('href', `/meetings/${meeting.id}/minutes`);

    await user.click(link);
    await waitFor(() => expect(currentPath(router)).toBe(`/meetings/${meeting.id}/minutes`));
    expect(await screen.findByRole('heading', { level: 1, name: /Minutes of the meeting on Tuesday 17 March 2026$/ })).toBeInTheDocument();
  });

  it('is not offered before the meeting starts, when there can be no minutes', async () => {
    coordinatorOpens('agenda_published');

    expect(await screen.findByRole('heading', { name: 'Agencies invited' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Minutes' })).not.toBeInTheDocument();
  });

  it('is offered to an agency’s representative once the meeting is minuted', async () => {
    const meeting = buildMeeting({ status: 'minuted', agendaVersion: 1 });
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })),
      http.get('/api/meetings/:id', () => HttpResponse.json(meeting)),
      http.get('/api/meetings/:id/packets', () => HttpResponse.json([])),
    );
    renderApp(`/meetings/${meeting.id}`);

    const section = await screen.findByRole('region', { name: 'Minutes' });
    expect(section).toHaveTextContent('Once distributed, the minutes hold the cases your agency was invited for.');
    expect(within(section).getByRole('link', { name: 'Go to the minutes' })).toHaveAttribute('href', `/meetings/${meeting.id}/minutes`);
  });
});
