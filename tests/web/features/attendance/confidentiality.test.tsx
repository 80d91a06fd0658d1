import type { MeetingSummary } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConfidentialityPanel } from '../../../../web/src/features/attendance/components/confidentiality-panel';
import { buildMe } from '../../factories';
import { apiErrorResponse } from '../../handlers';
import { server } from '../../msw-server';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { attendanceWorld, buildConfidentiality, renderForUser } from './attendance-world';

const POLICE_AGENCY = { id: crypto.randomUUID(), name: 'Northbridge Police', kind: 'police' as const };

function representativeOpens(meeting: MeetingSummary, options: Parameters<typeof attendanceWorld>[1] = {}) {
  const { world, handlers } = attendanceWorld(meeting, options);
  const me = buildMe({ role: 'agency_representative', agency: POLICE_AGENCY, areas: [AREA], csrfToken: 'csrf-statement' });
  return { world, ...renderForUser(me, <ConfidentialityPanel meeting={meeting} />, handlers) };
}

const panel = () => screen.getByRole('region', { name: 'Confidentiality statement' });

describe('the confidentiality statement', () => {
  it('is signed on the reader’s own account once they tick that they accept it', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const { world, user } = representativeOpens(meeting, { signAt: '2026-03-17T09:12:00.000Z' });

    const accept = await within(await screen.findByRole('region', { name: 'Confidentiality statement' })).findByRole('checkbox', {
      name: 'I have read this statement and accept it',
    });
    expect(panel()).toHaveTextContent('The information shared at this MARAC is confidential.');
    expect(panel()).toHaveTextContent('nothing discussed will reach the perpetrator.');

    await user.click(within(panel()).getByRole('button', { name: 'Sign the statement' }));
    const summary = await screen.findByRole('alert');
    expect(summary.parentElement).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Confirm that you have read and accept the statement' })).toHaveAttribute('href', '#confidentiality-accepted');
    expect(within(panel()).getByRole('group', { name: 'Declaration' })).toHaveAccessibleDescription(/Confirm that you have read and accept the statement/);
    expect(world.requests).toEqual([]);

    await user.click(accept);
    await user.click(within(panel()).getByRole('button', { name: 'Sign the statement' }));

    expect(await within(panel()).findByText('You signed the confidentiality statement at 09:12 on 17 March 2026.')).toBeInTheDocument();
    expect(within(panel()).getByRole('heading', { name: 'Confidentiality statement' })).toHaveFocus();
    expect(within(panel()).queryByRole('button', { name: 'Sign the statement' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(world.requests).toEqual([
      { method: 'POST', path: `/api/meetings/${meeting.id}/confidentiality`, body: { statementVersion: '2026-1', accepted: true }, csrf: 'csrf-statement' },
    ]);
  });

  it('says when the reader signed, with the statement still there to read', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    representativeOpens(meeting, { confidentiality: buildConfidentiality({ signedAt: '2026-03-17T08:47:00.000Z' }) });

    expect(await within(await screen.findByRole('region', { name: 'Confidentiality statement' })).findByText(
      'You signed the confidentiality statement at 08:47 on 17 March 2026.',
    )).toBeInTheDocument();
    expect(within(panel()).getByText('Read the statement again')).toBeInTheDocument();
    expect(within(panel()).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('tells someone not recorded as attending to ask the coordinator', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const { user } = representativeOpens(meeting);
    server.use(
      http.post('/api/meetings/:id/confidentiality', () =>
        apiErrorResponse(409, 'conflict', 'You are not recorded as attending this meeting: ask the coordinator to add you'),
      ),
    );

    await user.click(await within(await screen.findByRole('region', { name: 'Confidentiality statement' })).findByRole('checkbox'));
    await user.click(within(panel()).getByRole('button', { name: 'Sign the statement' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'You are not recorded as attending this meeting. Ask the coordinator to record you as attending, then sign the statement.',
    );
    expect(within(panel()).getByRole('checkbox', { name: 'I have read this statement and accept it' })).toBeChecked();
    expect(within(panel()).queryByText(/You signed/)).not.toBeInTheDocument();
  });

  it('asks for the statement to be read again when it changed since it was opened', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const { world, user } = representativeOpens(meeting);
    server.use(
      http.post('/api/meetings/:id/confidentiality', () => {
        world.confidentiality = buildConfidentiality({ statementVersion: '2026-2', statement: ['A new first paragraph.'] });
        return apiErrorResponse(409, 'conflict', 'The statement has changed since you opened it: read it again and sign');
      }),
    );

    await user.click(await within(await screen.findByRole('region', { name: 'Confidentiality statement' })).findByRole('checkbox'));
    await user.click(within(panel()).getByRole('button', { name: 'Sign the statement' }));

    expect(await within(panel()).findByText('A new first paragraph.')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('The statement has changed since you opened it. Read it again, then sign it.');
  });

  it('shows nothing, and asks nothing, before the agenda is out or once the meeting is minuted or closed', async () => {
    for (const status of ['planned', 'minuted', 'closed'] as const) {
      const meeting = buildMeeting({ status, agendaVersion: status === 'planned' ? 0 : 1 });
      const { world, handlers } = attendanceWorld(meeting);
      const me = buildMe({ role: 'agency_representative', agency: POLICE_AGENCY, areas: [AREA] });
      const { unmount } = renderForUser(
        me,
        <>
          <p>The rest of the meeting page</p>
          <ConfidentialityPanel meeting={meeting} />
        </>,
        handlers,
      );

      expect(await screen.findByText('The rest of the meeting page')).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
      expect(screen.queryByText(/confidentiality statement/i)).not.toBeInTheDocument();
      expect(world.statementReads).toBe(0);
      unmount();
    }
  });
});
