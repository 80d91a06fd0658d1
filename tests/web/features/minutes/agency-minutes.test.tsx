import type { MeetingSummary, Minutes } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMe } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { buildMinutes, buildMinutesCase, HOUSING, recordedContent } from './minutes-factories';
import { minutesWorld } from './minutes-world';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const minuted = () => buildMeeting({ status: 'minuted', agendaVersion: 1, date: '2026-03-17', minutesDueDate: '2026-03-20' });

function opens(meeting: MeetingSummary, minutes: Minutes | null) {
  const { world, handlers } = minutesWorld(meeting, minutes);
  server.use(signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })), ...handlers);
  return { world, ...renderApp(`/meetings/${meeting.id}/minutes`) };
}

const status = () => screen.getByRole('region', { name: 'Status' });

describe('an agency’s minutes', () => {
  it('shows only the cases the server sent for the agency, with the deadline and a link to the agency’s PDF', async () => {
    vi.setSystemTime(new Date('2026-03-19T10:00:00Z'));
    const meeting = minuted();
    const all = recordedContent();
    // The server sends housing its own case only, and no agency list.
    const theirs = (all.cases ?? []).slice(0, 1).map((item) => ({ ...item, agencyIds: [] }));
    const distributed = buildMinutes(meeting, { ...all, cases: theirs, notes: 'Quorate.' }, {
      status: 'distributed',
      signedOffAt: '2026-03-18T09:00:00.000Z',
      signedOffByName: 'Chris Chair',
      distributedAt: '2026-03-18T09:30:00.000Z',
    });
    opens(meeting, distributed);

    const pdf = await screen.findByRole('link', { name: 'Download the minutes for Northbridge Homes (PDF)' });
    expect(pdf).toHaveAttribute('href', `/api/meetings/${meeting.id}/minutes/pdf`);
    // A plain link: the browser downloads it with the session cookie, not the app's router.
    expect(pdf).not.toHaveAttribute('target');
    expect(screen.getByText(/These are the minutes for Northbridge Homes: only the cases your agency was invited for/)).toBeInTheDocument();

    const cases = screen.getByRole('region', { name: 'Cases' });
    expect(within(cases).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['1. NBC-2026-0001Victim: Jane Doe']);
    expect(screen.queryByText(/NBC-2026-0002/)).not.toBeInTheDocument();
    expect(within(cases).getByRole('group', { name: 'Shared by Northbridge Homes' })).toHaveTextContent('Professional opinionThe tenancy is at risk.');
    expect(screen.getByRole('region', { name: 'Notes' })).toHaveTextContent('Quorate.');

    expect(within(status()).getByText('Distributed', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Minutes due by20 March 2026 (3 working days after the meeting)');
    expect(within(status()).getByText('Signed off on 18 March 2026')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign off|Distribute|Generate|Save/ })).not.toBeInTheDocument();
  });

  it('says the minutes are not distributed yet, and tracks the deadline, while the server has none for the agency', async () => {
    // Tuesday 24 March: two working days past Friday's deadline.
    vi.setSystemTime(new Date('2026-03-24T10:00:00Z'));
    const meeting = minuted();
    opens(meeting, null);

    expect(await screen.findByText(/The minutes of this meeting have not been distributed to your agency yet/)).toBeInTheDocument();
    expect(within(status()).getByText('Not distributed yet')).toBeInTheDocument();
    expect(within(status()).getByText('Overdue by 2 working days')).toHaveClass('govuk-tag--red');
    expect(screen.queryByRole('link', { name: /PDF/ })).not.toBeInTheDocument();
  });

  it('says so when none of the distributed cases was for the agency', async () => {
    vi.setSystemTime(new Date('2026-03-19T10:00:00Z'));
    const meeting = minuted();
    opens(
      meeting,
      buildMinutes(meeting, { cases: [] }, { status: 'distributed', signedOffAt: '2026-03-18T09:00:00.000Z', signedOffByName: 'Chris Chair', distributedAt: '2026-03-18T09:30:00.000Z' }),
    );

    expect(await screen.findByText('None of the cases heard at this meeting were for your agency.')).toBeInTheDocument();
  });

  it('keeps observers out without asking the server for the minutes', async () => {
    const meeting = minuted();
    const reads: string[] = [];
    server.use(
      signedInAs(buildMe({ role: 'observer', areas: [AREA] })),
      http.get('/api/meetings/:id/minutes', ({ request }) => {
        reads.push(request.url);
        return undefined;
      }),
    );
    renderApp(`/meetings/${meeting.id}/minutes`);

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText(/Minutes are for MARAC coordinators, chairs and the representatives/)).toBeInTheDocument();
    expect(reads).toEqual([]);
  });

  it('answers an address that cannot name a meeting with page not found', async () => {
    server.use(signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] })));
    renderApp('/meetings/not-a-meeting/minutes');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('a case with nothing recorded', () => {
  it('says so in each part rather than leaving it blank', async () => {
    vi.setSystemTime(new Date('2026-03-19T10:00:00Z'));
    const meeting = minuted();
    opens(
      meeting,
      buildMinutes(meeting, { cases: [buildMinutesCase({ caseReference: 'NBC-2026-0009', victimName: 'Kim Lee' })] }, {
        status: 'distributed',
        signedOffAt: '2026-03-18T09:00:00.000Z',
        signedOffByName: 'Chris Chair',
        distributedAt: '2026-03-18T09:30:00.000Z',
      }),
    );

    const item = await screen.findByRole('region', { name: /^1\. NBC-2026-0009/ });
    expect(item).toHaveTextContent('No flags.');
    expect(item).toHaveTextContent('No agency shared information for this case.');
    expect(item).toHaveTextContent('No outcome recorded.');
    expect(screen.getByRole('region', { name: 'Attendance' })).toHaveTextContent('No one was recorded as attending, sending apologies or observing.');
    expect(screen.getByRole('region', { name: 'Review of earlier actions' })).toHaveTextContent('No actions from earlier meetings were due for review.');
  });
});
