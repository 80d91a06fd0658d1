import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, buildAgenda, buildMeeting } from './meeting-factories';
import { agendaOf, invitationsOf } from './meeting-handlers';

async function typeDate(user: UserEvent, group: HTMLElement, day: string, month: string, year: string) {
  for (const [label, value] of [['Day', day], ['Month', month], ['Year', year]] as const) {
    const box = within(group).getByLabelText(label);
    await user.clear(box);
    await user.type(box, value);
  }
}

const group = (name: string) => screen.getByRole('group', { name });

describe('new one-off or emergency meeting', () => {
  it('counts blank deadlines from the date and refuses a cut-off after the meeting, sending nothing', async () => {
    const posts: unknown[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.post('/api/meetings', async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderApp('/meetings/new');

    await screen.findByRole('heading', { level: 1, name: /Arrange a one-off or emergency meeting/ });
    expect(group('Referral cut-off (optional)')).toHaveAccessibleDescription('Leave blank to count from the meeting date');
    await user.click(screen.getByLabelText('One-off meeting'));
    await typeDate(user, group('Date'), '17', '3', '2026');
    // Eight working days before Tuesday 17 March 2026.
    expect(group('Referral cut-off (optional)')).toHaveAccessibleDescription('Leave blank to count from the meeting date: Thursday 5 March 2026');

    await typeDate(user, group('Referral cut-off (optional)'), '20', '3', '2026');
    expect(group('Referral cut-off (optional)')).toHaveAccessibleDescription(/The referral cut-off must be on or before the meeting date/);

    await user.type(screen.getByLabelText('Start time'), '10:00');
    await user.click(screen.getByRole('button', { name: 'Arrange the meeting' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The referral cut-off must be on or before the meeting date' })).toHaveAttribute(
      'href',
      '#meeting-referral-cutoff-day',
    );
    expect(posts).toEqual([]);
  });

  it('shows the server’s refusal of the date against the date', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.post('/api/meetings', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the meeting', [{ field: 'date', message: 'The meeting date must be today or later' }]),
      ),
    );
    const { user } = renderApp('/meetings/new');

    await screen.findByRole('heading', { level: 1, name: /Arrange a one-off or emergency meeting/ });
    await user.click(screen.getByLabelText('Emergency meeting'));
    await typeDate(user, group('Date'), '2', '1', '2026');
    await user.type(screen.getByLabelText('Start time'), '14:00');
    await user.click(screen.getByRole('button', { name: 'Arrange the meeting' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The meeting date must be today or later' })).toHaveAttribute('href', '#meeting-date-day');
    expect(group('Date')).toHaveAccessibleDescription(/The meeting date must be today or later/);
    expect(screen.getByLabelText('Emergency meeting')).toBeChecked();
    expect(screen.getByLabelText('Start time')).toHaveValue('14:00');
  });

  it('arranges an emergency meeting and opens its page to build the agenda', async () => {
    const bodies: unknown[] = [];
    const meeting = buildMeeting({
      kind: 'emergency',
      seriesId: null,
      date: '2026-03-19',
      startTime: '14:00',
      location: null,
      referralCutoff: '2026-03-19',
      circulationDate: '2026-03-19',
      researchDeadline: '2026-03-19',
      minutesDueDate: '2026-03-24',
    });
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.post('/api/meetings', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(meeting, { status: 201 });
      }),
      agendaOf(() => buildAgenda(meeting)),
      invitationsOf(() => []),
    );
    const { user, router } = renderApp('/meetings/new');

    await screen.findByRole('heading', { level: 1, name: /Arrange a one-off or emergency meeting/ });
    await user.click(screen.getByLabelText('Emergency meeting'));
    await typeDate(user, group('Date'), '19', '3', '2026');
    expect(group('Research due (optional)')).toHaveAccessibleDescription('Leave blank to count from the meeting date: Thursday 19 March 2026');
    await user.type(screen.getByLabelText('Start time'), '14.00');
    await user.click(screen.getByRole('button', { name: 'Arrange the meeting' }));

    expect(await screen.findByText('Emergency meeting arranged for Thursday 19 March 2026 at 14:00')).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/meetings/${meeting.id}`);
    expect(screen.getByRole('heading', { level: 1, name: /Emergency meeting on Thursday 19 March 2026/ })).toBeInTheDocument();
    expect(bodies).toEqual([
      { areaId: AREA.id, kind: 'emergency', date: '2026-03-19', startTime: '14:00', location: null, onlineLink: null, capacity: 20, minutesPerCase: 12 },
    ]);
  });
});
