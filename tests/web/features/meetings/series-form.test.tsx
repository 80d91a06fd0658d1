import { CreateMeetingSeries, CreatedMeetingSeries, MeetingSeries } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, COUNTY, buildMeeting } from './meeting-factories';
import { meetingList } from './meeting-handlers';

const firstDate = () => screen.getByRole('group', { name: 'Date of the first meeting' });

async function typeDate(user: UserEvent, group: HTMLElement, day: string, month: string, year: string) {
  for (const [label, value] of [['Day', day], ['Month', month], ['Year', year]] as const) {
    const box = within(group).getByLabelText(label);
    await user.clear(box);
    await user.type(box, value);
  }
}

async function replace(user: UserEvent, input: HTMLElement, value: string) {
  await user.clear(input);
  if (value !== '') await user.type(input, value);
}

/** Everything a weekly Tuesday series needs, leaving the defaults as they are. */
async function fillWeeklySeries(user: UserEvent) {
  await user.type(screen.getByLabelText('Name of the series'), 'Northbridge MARAC');
  await user.click(screen.getByLabelText('Every week'));
  await user.click(screen.getByLabelText('Tuesday'));
  await typeDate(user, firstDate(), '3', '3', '2026');
  await user.type(screen.getByLabelText('Start time'), '9:30');
  await user.type(screen.getByLabelText('Place (optional)'), 'Room 2, Civic Centre');
}

function created(body: CreateMeetingSeries, rest: Omit<CreatedMeetingSeries, 'series'>): CreatedMeetingSeries {
  return CreatedMeetingSeries.parse({ series: MeetingSeries.parse({ id: newId(), ...body, active: true }), ...rest });
}

describe('new meeting series', () => {
  it('checks the first date and the deadlines as the coordinator types, and sends nothing while they disagree', async () => {
    const posts: unknown[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.post('/api/meeting-series', async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderApp('/meetings/series/new');

    await screen.findByRole('heading', { level: 1, name: /Set up a meeting series/ });
    // The coordinator's one area is chosen for them, and the usual numbers are filled in.
    expect(screen.getByLabelText('MARAC area')).toHaveValue(AREA.id);
    expect(screen.getByLabelText('Most cases at one meeting')).toHaveValue('20');
    expect(screen.getByLabelText('Minutes for each case')).toHaveValue('12');
    expect(screen.getByLabelText('Referral cut-off: working days before the meeting')).toHaveValue('8');
    expect(screen.getByLabelText('Agenda circulated: working days before the meeting')).toHaveValue('5');
    expect(screen.getByLabelText('Research due: working days before the meeting')).toHaveValue('2');
    expect(screen.getByLabelText('Minutes due: working days after the meeting')).toHaveValue('3');

    await user.click(screen.getByLabelText('Every week'));
    await user.click(screen.getByLabelText('Tuesday'));
    await typeDate(user, firstDate(), '4', '3', '2026');
    // 4 March 2026 is a Wednesday: said at once, in the field, before any submission.
    expect(firstDate()).toHaveAccessibleDescription(/The first meeting must be on a Tuesday/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const research = screen.getByLabelText('Research due: working days before the meeting');
    await replace(user, research, '6');
    expect(research).toHaveAccessibleDescription(/Research must be due after the agenda is circulated/);

    await user.click(screen.getByRole('button', { name: 'Set up the series' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The first meeting must be on a Tuesday' })).toHaveAttribute('href', '#series-first-date-day');
    expect(within(summary).getByRole('link', { name: /Research must be due after the agenda is circulated/ })).toHaveAttribute('href', '#series-research-deadline');
    expect(posts).toEqual([]);

    await typeDate(user, firstDate(), '3', '3', '2026');
    await replace(user, research, '2');
    expect(firstDate()).not.toHaveAccessibleDescription(/must be on a Tuesday/);
    expect(research).not.toHaveAccessibleDescription(/Research must be due/);
  });

  it('asks for the week of the month for a monthly series and for numbers it cannot read', async () => {
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA, COUNTY] })));
    const { user } = renderApp('/meetings/series/new');

    await screen.findByRole('heading', { level: 1, name: /Set up a meeting series/ });
    await user.click(screen.getByLabelText('Once a month'));
    // Not nagged the moment "monthly" is picked: the question is simply there to answer.
    expect(screen.getByRole('group', { name: 'Which week of the month?' })).not.toHaveAccessibleDescription(/Choose/);
    await replace(user, screen.getByLabelText('Most cases at one meeting'), 'twenty');
    await user.click(screen.getByRole('button', { name: 'Set up the series' }));

    const summary = await screen.findByRole('alert');
    const messages = within(summary).getAllByRole('listitem').map((item) => item.textContent);
    expect(messages).toEqual([
      'Choose the MARAC area the meetings are for',
      'Choose which week of the month the meeting is held',
      'Choose the day of the week',
      'Enter the date of the first meeting',
      'Enter the most cases the meeting can hear as a whole number, like 20',
    ]);
    expect(within(summary).getByRole('link', { name: 'Choose which week of the month the meeting is held' })).toHaveAttribute('href', '#series-week-of-month');
    expect(screen.getByLabelText('Most cases at one meeting')).toHaveValue('twenty');
  });

  it('shows the server’s refusals against their fields and keeps everything typed', async () => {
    const bodies: unknown[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.post('/api/meeting-series', async ({ request }) => {
        bodies.push(await request.json());
        return apiErrorResponse(400, 'validation_failed', 'Check the series', [
          { field: 'capacity', message: 'Must be 100 cases or fewer' },
          { field: 'onlineLink', message: 'Enter a secure link starting with https://' },
        ]);
      }),
    );
    const { user, router } = renderApp('/meetings/series/new');

    await screen.findByRole('heading', { level: 1, name: /Set up a meeting series/ });
    await fillWeeklySeries(user);
    await user.type(screen.getByLabelText('Online meeting link (optional)'), 'http://meet.example.org/marac');
    await replace(user, screen.getByLabelText('Most cases at one meeting'), '150');
    await user.click(screen.getByRole('button', { name: 'Set up the series' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Must be 100 cases or fewer' })).toHaveAttribute('href', '#series-capacity');
    expect(within(summary).getByRole('link', { name: 'Enter a secure link starting with https://' })).toHaveAttribute('href', '#series-online-link');
    expect(screen.getByLabelText('Most cases at one meeting')).toHaveAccessibleDescription(/Must be 100 cases or fewer/);
    expect(screen.getByLabelText('Online meeting link (optional)')).toHaveValue('http://meet.example.org/marac');
    expect(screen.getByLabelText('Name of the series')).toHaveValue('Northbridge MARAC');
    expect(screen.getByLabelText('Tuesday')).toBeChecked();
    expect(within(firstDate()).getByLabelText('Day')).toHaveValue('3');
    expect(currentPath(router)).toBe('/meetings/series/new');
    expect(bodies).toEqual([
      {
        areaId: AREA.id,
        name: 'Northbridge MARAC',
        recurrence: 'weekly',
        weekday: 'tuesday',
        weekOfMonth: null,
        firstDate: '2026-03-03',
        startTime: '09:30',
        location: 'Room 2, Civic Centre',
        onlineLink: 'http://meet.example.org/marac',
        capacity: 150,
        minutesPerCase: 12,
        referralCutoffWorkingDays: 8,
        circulationLeadWorkingDays: 5,
        researchDeadlineWorkingDays: 2,
        minutesDeadlineWorkingDays: 3,
      },
    ]);
  });

  it('returns to the meetings with how many were added and the bank holidays to move', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA], csrfToken: 'csrf-series' })),
      http.post('/api/meeting-series', async ({ request }) => {
        tokens.push(request.headers.get('x-csrf-token'));
        const body = CreateMeetingSeries.parse(await request.json());
        return HttpResponse.json(
          created(body, {
            meetingsCreated: 13,
            onBankHolidays: [
              { date: '2026-05-25', holiday: 'Spring bank holiday' },
              { date: '2026-08-31', holiday: 'Summer bank holiday' },
            ],
          }),
          { status: 201 },
        );
      }),
      meetingList(() => [buildMeeting({ date: '2026-05-25', bankHoliday: 'Spring bank holiday' })]),
    );
    const { user, router } = renderApp('/meetings/series/new');

    await screen.findByRole('heading', { level: 1, name: /Set up a meeting series/ });
    await fillWeeklySeries(user);
    await user.click(screen.getByRole('button', { name: 'Set up the series' }));

    expect(
      await screen.findByText(
        '13 meetings added to the calendar. 2 fall on a bank holiday and need moving: Monday 25 May 2026 (Spring bank holiday) and Monday 31 August 2026 (Summer bank holiday)',
      ),
    ).toBeInTheDocument();
    expect(currentPath(router)).toBe('/meetings');
    expect(tokens).toEqual(['csrf-series']);
    expect(await screen.findByText(/Falls on Spring bank holiday: move it/)).toBeInTheDocument();
  });

  it('is for coordinators only', async () => {
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })));
    renderApp('/meetings/series/new');

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set up the series' })).not.toBeInTheDocument();
  });
});
