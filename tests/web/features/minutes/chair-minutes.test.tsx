import type { MeetingSummary, Minutes } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { referralKeys } from '../../../../web/src/lib/api/query-keys';
import { buildMe } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { buildMinutes, recordedContent } from './minutes-factories';
import { minutesWorld, type SeenRequest } from './minutes-world';

// The meeting was on Tuesday 17 March 2026 and its minutes are due on Friday 20 March.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-18T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const inProgress = () => buildMeeting({ status: 'in_progress', agendaVersion: 1, listedCount: 2, date: '2026-03-17', minutesDueDate: '2026-03-20' });

function opens(meeting: MeetingSummary, minutes: Minutes | null) {
  const { world, handlers } = minutesWorld(meeting, minutes, { chairName: 'Chris Chair' });
  const reads = { meeting: 0 };
  server.use(
    signedInAs(buildMe({ role: 'chair', areas: [AREA], csrfToken: 'csrf-chair' })),
    http.get('/api/meetings/:id', () => {
      reads.meeting += 1;
      return undefined;
    }),
    ...handlers,
  );
  return { world, reads, ...renderApp(`/meetings/${meeting.id}/minutes`) };
}

const status = () => screen.getByRole('region', { name: 'Status' });

describe('the chair’s minutes', () => {
  it('reads the draft and signs it off after a confirmation; editing then closes and the meeting is minuted', async () => {
    const meeting = inProgress();
    const { world, reads, queryClient, user } = opens(meeting, buildMinutes(meeting, recordedContent()));

    const signOff = await screen.findByRole('button', { name: 'Sign off the minutes' });
    // The chair reads: nothing to type, nothing to generate.
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Generate/ })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: /^1\. NBC-2026-0001/ })).toHaveTextContent('OutcomeSafety plan agreed');
    expect(within(status()).getByText('Draft', { selector: '.govuk-tag' })).toBeInTheDocument();

    await user.click(signOff);
    const panel = screen.getByRole('region', { name: 'Sign off the minutes?' });
    expect(within(panel).getByRole('heading', { name: 'Sign off the minutes?' })).toHaveFocus();
    expect(panel).toHaveTextContent('Once signed off, the coordinator can no longer change or regenerate the minutes.');
    expect(panel).toHaveTextContent('The meeting becomes minuted: the 2 cases on its agenda are recorded as heard on 17 March 2026.');
    expect(panel).toHaveTextContent('This cannot be undone.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(signOff).toHaveFocus();
    expect(world.requests).toEqual([]);

    queryClient.setQueryData(referralKeys.mine(), []);
    const meetingReads = reads.meeting;
    await user.click(signOff);
    await user.click(screen.getByRole('button', { name: 'Yes, sign off the minutes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('You have signed off the minutes.');
    expect(world.requests).toEqual<SeenRequest[]>([{ method: 'POST', path: `/api/meetings/${meeting.id}/minutes/sign-off`, body: '{"version":0}', csrf: 'csrf-chair' }]);
    expect(within(status()).getByText('Signed off', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Signed off18 March 2026, 10:30 by Chris Chair');
    expect(within(status()).getByText('Signed off on 18 March 2026')).toHaveClass('govuk-tag--green');
    expect(screen.getByRole('heading', { name: 'Status' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Sign off the minutes' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Next step' })).toHaveTextContent('The minutes are signed off. The coordinator distributes them to the agencies.');
    // The meeting moved on (minuted) and the cases were heard: the meeting and the referrals are read again.
    await waitFor(() => expect(reads.meeting).toBeGreaterThan(meetingReads));
    expect(queryClient.getQueryState(referralKeys.mine())?.isInvalidated).toBe(true);
  });

  it('is told plainly when there are no minutes yet, with nothing to press', async () => {
    opens(inProgress(), null);

    expect(
      await screen.findByText(
        'Minutes have not been generated yet. The coordinator generates them from what was recorded at the meeting; you then read them here and sign them off.',
      ),
    ).toBeInTheDocument();
    expect(within(status()).getByText('Not generated yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Generate|Sign off/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /PDF/ })).not.toBeInTheDocument();
  });

  it('shows the minutes read-only once distributed, with no step left', async () => {
    const meeting = buildMeeting({ status: 'minuted', agendaVersion: 1, date: '2026-03-17', minutesDueDate: '2026-03-20' });
    const distributed = buildMinutes(meeting, recordedContent(), {
      status: 'distributed',
      signedOffAt: '2026-03-18T09:00:00.000Z',
      signedOffByName: 'Chris Chair',
      distributedAt: '2026-03-18T09:30:00.000Z',
    });
    opens(meeting, distributed);

    expect(await screen.findByText('The minutes have been distributed to 3 agencies', { exact: false })).toBeInTheDocument();
    expect(within(status()).getByText('Distributed', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign off|Distribute|Generate/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
