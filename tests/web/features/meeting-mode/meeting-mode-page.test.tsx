import type { Me, MeetingStatus } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { FakeEventSource } from './fake-event-source';
import { buildCaseView, caseOpened, followsTheMeetingAt, meetingModeWorld, opensLive, opensMeetingMode } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 10:00 in London (GMT).
followsTheMeetingAt(new Date('2026-03-17T10:00:00Z'));

const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };
const representative = () => buildMe({ role: 'agency_representative', agency: POLICE, areas: [AREA] });
const coordinator = () => buildMe({ role: 'coordinator', areas: [AREA] });

describe('following the meeting over the live connection', () => {
  it('says when the connection drops, stops following when the browser gives up, and follows again on request', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const view = buildCaseView();
    const { world, handlers } = meetingModeWorld(meeting, { cases: [view] });
    const { user } = opensMeetingMode(representative(), world, handlers);

    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const first = FakeEventSource.latest();
    first.open();
    expect(await screen.findByText('Live')).toBeInTheDocument();

    // A break the browser retries by itself.
    first.fail();
    expect(await screen.findByText('Reconnecting')).toBeInTheDocument();
    expect(screen.getByText('The connection dropped. This screen catches up on everything recorded meanwhile as soon as it is back.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Follow the meeting again' })).not.toBeInTheDocument();
    first.open();
    expect(await screen.findByText('Live')).toBeInTheDocument();

    // The server refused the stream: the browser will not try again.
    first.fail({ retrying: false });
    expect(await screen.findByText('Not following')).toBeInTheDocument();
    expect(screen.getByText('This screen has stopped following the meeting. What is recorded now will not appear here until it follows again.')).toBeInTheDocument();
    expect(FakeEventSource.instances).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Follow the meeting again' }));

    expect(FakeEventSource.instances).toHaveLength(2);
    const second = FakeEventSource.latest();
    expect(second).not.toBe(first);
    expect(second.path).toBe(`/api/meetings/${meeting.id}/live`);
    expect(first.closed).toBe(true);
    expect(await screen.findByText('Connecting')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Follow the meeting again' })).not.toBeInTheDocument();

    // The new stream replays the meeting so far: the screen catches up with the case the chair opened.
    second.open();
    second.emit('case_opened', caseOpened(view, '2026-03-17T09:55:00.000Z'));
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).toBeInTheDocument();
  });

  it('closes the stream when the page is left', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const { world, handlers } = meetingModeWorld(meeting, { cases: [buildCaseView()] });
    const { unmount, source } = await opensLive(representative(), world, handlers);
    expect(await screen.findByText('Live')).toBeInTheDocument();

    unmount();
    expect(source.closed).toBe(true);
  });
});

describe('where the meeting stands', () => {
  async function opens(me: Me, status: MeetingStatus) {
    const meeting = buildMeeting({ status, agendaVersion: status === 'planned' ? 0 : 1 });
    const { world, handlers } = meetingModeWorld(meeting, { cases: [buildCaseView()] });
    const rendered = opensMeetingMode(me, world, handlers);
    expect(await screen.findByRole('heading', { level: 1, name: /^Meeting on Tuesday 17 March 2026, Northbridge City\s*Meeting mode$/ })).toBeInTheDocument();
    return { ...rendered, meeting, world };
  }

  it('says the agenda is not published yet for a planned meeting, asking nothing and following nothing', async () => {
    await opens(coordinator(), 'planned');

    expect(screen.getByText('The agenda for this meeting has not been published yet. Meeting mode opens once it is.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Cases' })).not.toBeInTheDocument();
    expect(FakeEventSource.instances).toEqual([]);
  });

  it('says a minuted or closed meeting is over, pointing to the meeting page for its minutes', async () => {
    for (const status of ['minuted', 'closed'] as const) {
      const { meeting, unmount } = await opens(representative(), status);

      const over = screen.getByText(/^The meeting is over\./);
      expect(over).toHaveTextContent('The meeting is over. What it recorded is in its minutes, from the meeting page.');
      expect(within(over).getByRole('link', { name: 'meeting page' })).toHaveAttribute('href', `/meetings/${meeting.id}`);
      expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
      expect(FakeEventSource.instances).toEqual([]);
      unmount();
    }
  });

  it('offers the chair the start of the meeting on its day, before any case is opened', async () => {
    await opens(buildMe({ role: 'chair', areas: [AREA] }), 'agenda_published');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();

    const start = await screen.findByRole('region', { name: 'Start of the meeting' });
    expect(within(start).getByRole('button', { name: 'Start the meeting' })).toBeInTheDocument();
    // Cases are opened once the meeting is under way.
    expect(await within(await screen.findByRole('navigation', { name: 'Cases' })).findByText(/NBC-2026-0001/)).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Cases' })).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets an observer follow where the meeting stands without asking for any case or packet', async () => {
    const { world } = await opens(buildMe({ role: 'observer', areas: [AREA] }), 'in_progress');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();

    expect(await screen.findByText(/^The meeting is under way\. As an observer you follow the discussion in the meeting/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Cases' })).not.toBeInTheDocument();
    expect(world.packetReads).toBe(0);
  });

  it('turns away an administrator, who does not follow meetings', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const { world, handlers } = meetingModeWorld(meeting, { cases: [buildCaseView()] });
    opensMeetingMode(buildMe({ role: 'administrator' }), world, handlers);

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText(/^The meeting is followed by its chair, its coordinator/)).toBeInTheDocument();
    expect(screen.queryByText('Meeting mode')).not.toBeInTheDocument();
    expect(FakeEventSource.instances).toEqual([]);
  });
});
