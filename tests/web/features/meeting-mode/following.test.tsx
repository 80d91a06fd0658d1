import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { valueOf } from '../../render-app';
import { buildConfidentiality } from '../attendance/attendance-world';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { FakeEventSource } from './fake-event-source';
import { buildCaseView, buildRecordedAction, buildShared, caseOpened, followsTheMeetingAt, meetingModeWorld, opensLive, opensMeetingMode } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 10:00 in London (GMT) and the chair opened the case at 09:58:30.
followsTheMeetingAt(new Date('2026-03-17T10:00:00Z'));
const OPENED_AT = '2026-03-17T09:58:30.000Z';
const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };

const representative = () => buildMe({ role: 'agency_representative', agency: POLICE, areas: [AREA], csrfToken: 'csrf-follow' });

describe('following the meeting as an agency representative', () => {
  it('asks for the statement first and opens no stream; once it is signed the screen follows the meeting live', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
    const { world, handlers } = meetingModeWorld(meeting, { cases: [buildCaseView()], confidentiality: buildConfidentiality() });
    const { user } = opensMeetingMode(representative(), world, handlers);

    expect(await screen.findByRole('heading', { level: 1, name: /^Meeting on Tuesday 17 March 2026, Northbridge City\s*Meeting mode$/ })).toBeInTheDocument();
    const statement = await screen.findByRole('region', { name: 'Confidentiality statement' });
    const accept = await within(statement).findByRole('checkbox', { name: 'I have read this statement and accept it' });
    // Nothing about the meeting's cases before the signature: no stream, no running order, not even the list of cases.
    expect(FakeEventSource.instances).toEqual([]);
    expect(screen.queryByRole('navigation', { name: 'Cases' })).not.toBeInTheDocument();
    expect(screen.queryByText('Connecting')).not.toBeInTheDocument();
    expect(world.packetReads).toBe(0);

    await user.click(accept);
    await user.click(within(statement).getByRole('button', { name: 'Sign the statement' }));

    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const source = FakeEventSource.latest();
    expect(source.path).toBe(`/api/meetings/${meeting.id}/live`);
    expect(world.requests).toEqual([
      { method: 'POST', path: `/api/meetings/${meeting.id}/confidentiality`, body: { statementVersion: '2026-1', accepted: true }, csrf: 'csrf-follow' },
    ]);
    expect(await screen.findByText('Connecting')).toBeInTheDocument();
    expect(screen.queryByText('Live')).not.toBeInTheDocument();

    source.open();

    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(screen.queryByText('Connecting')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Confidentiality statement' })).not.toBeInTheDocument();
    expect(await screen.findByRole('navigation', { name: 'Cases' })).toHaveTextContent('1. NBC-2026-0001 (09:30)');
  });

  it('shows the case the chair opens with everyone’s research, read only, and the actions agreed as they are added', async () => {
    const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1, minutesPerCase: 12 });
    const view = buildCaseView({
      caseReference: 'NBC-2026-0001',
      victimName: 'Jane Doe',
      shared: [
        buildShared({ agencyName: 'Northbridge Homes', status: 'not_started', knownToAgency: null }),
        // A draft is not shared: the server sends none of it.
        buildShared({ agencyName: 'Northbridge IDVA Service', status: 'draft', knownToAgency: true }),
        buildShared({
          agencyName: 'Northbridge Police',
          facts: 'Two call-outs to the address in February.\nA knife was recovered on 18 February.',
          opinion: 'The risk is escalating since the separation.',
        }),
        buildShared({ agencyName: 'Wealdshire Probation', status: 'not_known', knownToAgency: false }),
      ],
    });
    const other = buildCaseView({ caseReference: 'NBC-2026-0004', position: 4, slotStart: '10:06', victimName: 'Amy Adams' });
    const { world, handlers } = meetingModeWorld(meeting, { cases: [view, other] });
    const { source } = await opensLive(representative(), world, handlers);

    expect(await screen.findByText('The meeting is under way. The case the chair opens appears here when it is one your agency is invited for.')).toBeInTheDocument();
    const order = await screen.findByRole('navigation', { name: 'Cases' });
    expect(within(order).getAllByRole('listitem').map((item) => item.textContent?.trim())).toEqual(['1. NBC-2026-0001 (09:30)', '4. NBC-2026-0004 (10:06)']);
    // A representative follows the chair: nothing to open.
    expect(within(order).queryByRole('button')).not.toBeInTheDocument();
    expect(world.caseReads).toEqual([]);

    source.emit('case_opened', caseOpened(view, OPENED_AT));

    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).toBeInTheDocument();
    expect(world.caseReads).toEqual([view.itemId]);
    expect(screen.queryByText(/The meeting is under way/)).not.toBeInTheDocument();
    expect(within(order).getAllByRole('listitem')[0]).toHaveAttribute('aria-current', 'step');
    expect(within(order).getAllByRole('listitem')[0]).toHaveTextContent('Under discussion');
    expect(screen.getByRole('timer', { name: 'Time on this case' })).toHaveTextContent('1:30 of 12 minutes');

    // Each agency's research on its own card, facts and professional opinion apart.
    const police = screen.getByRole('heading', { level: 4, name: 'Northbridge Police' }).closest('.govuk-summary-card') as HTMLElement;
    expect(within(police).getByText('Submitted')).toBeInTheDocument();
    expect(within(valueOf(police, 'Facts') as HTMLElement).getAllByText(/./).map((line) => line.textContent)).toEqual([
      'Two call-outs to the address in February.',
      'A knife was recovered on 18 February.',
    ]);
    expect(valueOf(police, 'Professional opinion')).toHaveTextContent('The risk is escalating since the separation.');
    expect(valueOf(police, 'Risks identified')).toHaveTextContent('Nothing recorded.');
    const probation = screen.getByRole('heading', { level: 4, name: 'Wealdshire Probation' }).closest('.govuk-summary-card') as HTMLElement;
    expect(probation).toHaveTextContent('Not known to Wealdshire Probation.');
    // Agencies that shared nothing are named together, not given a card each.
    expect(screen.queryByRole('heading', { level: 4, name: 'Northbridge Homes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 4, name: 'Northbridge IDVA Service' })).not.toBeInTheDocument();
    expect(screen.getByText('No research shared before the meeting by').parentElement).toHaveTextContent(
      'No research shared before the meeting by Northbridge Homes, Northbridge IDVA Service.',
    );

    // What is recorded is read, not written, on a representative's screen.
    const record = screen.getByRole('heading', { level: 3, name: 'Risk analysis and outcome' }).closest('section') as HTMLElement;
    expect(valueOf(record, 'Harms')).toHaveTextContent('Not recorded yet');
    expect(valueOf(record, 'Outcome')).toHaveTextContent('Not recorded yet');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add an action' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save|Add the action/ })).not.toBeInTheDocument();
    expect(screen.getByText('No actions have been agreed for this case yet.')).toBeInTheDocument();

    // The chair agrees an action on their screen: the stream says so and this screen reads the case again.
    const agreed = world.addAction(
      view.itemId,
      buildRecordedAction({ agencyName: 'Northbridge Homes', ownerName: 'Hal Housing', description: 'Fit extra locks', linkedRisk: 'Forced entry', category: 'housing', dueDate: '2026-03-24' }),
    );
    const action = agreed.record.actions[0];
    if (!action) throw new Error('no action');
    source.emit('action_added', { caseId: view.caseId, at: '2026-03-17T10:01:00.000Z', itemId: view.itemId, action: world.actionOf(agreed, action) });

    const table = await screen.findByRole('table', { name: 'Actions agreed' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent)),
    ).toEqual([['Northbridge HomesHal Housing', 'Fit extra locks', 'Forced entryHousing', '24 March 2026']]);
    expect(world.caseReads).toEqual([view.itemId, view.itemId]);
  });

  it('reads the case once for a burst of events, and waits for the chair before the meeting starts', async () => {
    const meeting = buildMeeting({ status: 'agenda_published', agendaVersion: 1 });
    const view = buildCaseView();
    const { world, handlers } = meetingModeWorld(meeting, { cases: [view] });
    await opensLive(representative(), world, handlers);

    expect(
      await screen.findByText(
        'The meeting has not started. This screen follows it once the chair starts it: each case your agency is invited for appears here when the chair opens it.',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByRole('navigation', { name: 'Cases' })).toHaveTextContent('1. NBC-2026-0001 (09:30)');

    // The chair starts the meeting and opens the case; a screen catching up receives the whole burst at once.
    world.meeting = { ...meeting, status: 'in_progress' };
    const source = FakeEventSource.latest();
    source.emit('meeting_status', { caseId: null, at: '2026-03-17T09:58:00.000Z', status: 'in_progress' });
    source.emit('case_opened', caseOpened(view, OPENED_AT));
    const saved = world.save(view.itemId, { riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: null }, outcome: null });
    source.emit('case_recorded', { caseId: view.caseId, at: '2026-03-17T09:59:00.000Z', ...world.caseRecordOf(saved) });

    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).toBeInTheDocument();
    const record = screen.getByRole('heading', { level: 3, name: 'Risk analysis and outcome' }).closest('section') as HTMLElement;
    expect(valueOf(record, 'Harms')).toHaveTextContent('Threats to kill');
    expect(world.caseReads).toEqual([view.itemId]);
  });
});
