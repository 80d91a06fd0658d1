import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { AREA, buildAgenda, buildEntry, buildMeeting, buildReview } from '../meetings/meeting-factories';
import { buildCaseView, caseOpened, entryFor, followsTheMeetingAt, meetingModeWorld, opensLive } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 09:45 in London (GMT).
followsTheMeetingAt(new Date('2026-03-17T09:45:00Z'));

const chair = () => buildMe({ role: 'chair', name: 'Chris Chair', areas: [AREA], csrfToken: 'csrf-chair' });

/** An in-progress meeting with two cases and two actions from earlier meetings to review, opened by the chair. */
async function chairOpens() {
  const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
  const first = buildCaseView({ caseReference: 'NBC-2026-0001', position: 1, slotStart: '09:30', victimName: 'Jane Doe' });
  const second = buildCaseView({ caseReference: 'NBC-2026-0002', position: 2, slotStart: '09:42', victimName: 'Amy Adams' });
  const locks = buildReview({ caseReference: 'NBC-2025-0107', agencyName: 'Northbridge Homes', description: 'Fit extra locks at the victim’s home', dueDate: '2026-03-01', overdue: true });
  const disclosure = buildReview({
    caseReference: 'NBC-2025-0108',
    agencyName: 'Northbridge Police',
    description: 'Make a Clare’s Law disclosure',
    dueDate: '2026-03-20',
    status: 'open',
    overdue: false,
  });
  const agenda = buildAgenda(meeting, { items: [first, second].map((view) => buildEntry(entryFor(view))), reviews: [locks, disclosure] });
  const { world, handlers } = meetingModeWorld(meeting, { cases: [first, second], agenda });
  const rendered = await opensLive(chair(), world, handlers);
  return { ...rendered, world, meeting, first, second, locks, disclosure };
}

const order = () => screen.getByRole('navigation', { name: 'Cases' });
const reviews = () => screen.getByRole('region', { name: 'Actions outstanding from earlier meetings' });
const reviewForm = (caseReference: string) => within(reviews()).getByRole('form', { name: `Review of the action for ${caseReference}` });

describe('running the meeting as its chair', () => {
  it('shows the running order and the start of the meeting, with the actions from earlier meetings to decide', async () => {
    await chairOpens();

    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(await within(await screen.findByRole('navigation', { name: 'Cases' })).findByRole('button', { name: 'Open the first case, NBC-2026-0001' })).toBeInTheDocument();
    expect(within(order()).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1. NBC-2026-0001 (09:30) Open NBC-2026-0001',
      '2. NBC-2026-0002 (09:42) Open NBC-2026-0002',
    ]);

    const start = screen.getByRole('region', { name: 'Start of the meeting' });
    expect(start).toHaveTextContent('The information shared at this MARAC is confidential.');
    // The meeting is under way already: nothing to start.
    expect(within(start).queryByRole('button', { name: 'Start the meeting' })).not.toBeInTheDocument();
    expect(reviews()).toHaveTextContent('0 of 2 decided.');
    const rows = within(within(reviews()).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent))).toEqual([
      ['NBC-2025-0107', 'Northbridge Homes', 'Fit extra locks at the victim’s home', '1 March 2026Overdue'],
      ['NBC-2025-0108', 'Northbridge Police', 'Make a Clare’s Law disclosure', '20 March 2026'],
    ]);
    expect(within(reviewForm('NBC-2025-0107')).getByRole('combobox', { name: 'Decision on the action for NBC-2025-0107' })).toHaveValue('');
  });

  it('records the decision on an earlier action with its note, and refuses a decision with no outcome chosen', async () => {
    const { world, user, meeting, locks } = await chairOpens();
    const form = await within(await screen.findByRole('region', { name: 'Actions outstanding from earlier meetings' })).findByRole('form', {
      name: 'Review of the action for NBC-2025-0107',
    });

    // Nothing chosen: the field says so and nothing is sent.
    await user.click(within(reviewForm('NBC-2025-0108')).getByRole('button', { name: 'Record the decision' }));
    const disclosureDecision = within(reviewForm('NBC-2025-0108')).getByRole('combobox', { name: 'Decision on the action for NBC-2025-0108' });
    expect(disclosureDecision).toHaveAccessibleDescription('Error: Choose what happened to the action');
    expect(world.requests).toEqual([]);

    await user.selectOptions(within(form).getByRole('combobox', { name: 'Decision on the action for NBC-2025-0107' }), 'Carried forward');
    await user.type(within(form).getByRole('textbox', { name: 'Note on the action for NBC-2025-0107 (optional)' }), '  Locks are on order  ');
    await user.click(within(form).getByRole('button', { name: 'Record the decision' }));

    // The agenda is read again, with the meeting's decision on the action.
    expect(await within(reviews()).findByText('1 of 2 decided.')).toBeInTheDocument();
    expect(world.requests).toEqual([
      {
        method: 'POST',
        path: `/api/meetings/${meeting.id}/reviews/${locks.actionId}`,
        body: { outcome: 'carried_forward', note: 'Locks are on order' },
        csrf: 'csrf-chair',
      },
    ]);
    const decided = reviewForm('NBC-2025-0107');
    expect(decided.closest('td')).toHaveTextContent(/^Carried forward/);
    expect(within(decided).getByRole('button', { name: 'Change the decision' })).toBeInTheDocument();
    expect(within(decided).getByRole('textbox', { name: 'Note on the action for NBC-2025-0107 (optional)' })).toHaveValue('');
    // The refused decision still waits for an outcome.
    expect(within(reviewForm('NBC-2025-0108')).getByRole('button', { name: 'Record the decision' })).toBeInTheDocument();
  });

  it('opens the first case on every screen: the page asks the server, and shows the case when the stream says it is open', async () => {
    const { world, user, source, meeting, first, second } = await chairOpens();

    await user.click(await within(await screen.findByRole('navigation', { name: 'Cases' })).findByRole('button', { name: 'Open the first case, NBC-2026-0001' }));

    await waitFor(() =>
      expect(world.requests).toEqual([{ method: 'POST', path: `/api/meetings/${meeting.id}/cases/${first.itemId}/open`, body: undefined, csrf: 'csrf-chair' }]),
    );
    // The screen moves with the meeting, not with the click: nothing changes until the stream says so.
    expect(screen.queryByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).not.toBeInTheDocument();
    expect(world.caseReads).toEqual([]);

    source.emit('case_opened', caseOpened(first, '2026-03-17T09:44:00.000Z'));

    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Time on this case' })).toHaveTextContent('1:00 of 12 minutes');
    const [firstItem, secondItem] = within(order()).getAllByRole('listitem');
    expect(firstItem).toHaveAttribute('aria-current', 'step');
    expect(firstItem).toHaveTextContent('Under discussion');
    expect(secondItem).not.toHaveAttribute('aria-current');
    expect(within(order()).getByRole('button', { name: 'Open the next case, NBC-2026-0002' })).toBeInTheDocument();
    // The start of the meeting folds away, a click away for the rest of it.
    expect(screen.queryByRole('region', { name: 'Start of the meeting' })).not.toBeInTheDocument();
    expect(screen.getByText('Start of the meeting: confidentiality, attendance, earlier actions')).toBeInTheDocument();
    // The chair records the case.
    expect(screen.getByRole('textbox', { name: 'Harms' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Add an action' })).toBeInTheDocument();

    // On to the next case, then back: a case read before is read afresh, one never read is read once.
    await user.click(within(order()).getByRole('button', { name: 'Open the next case, NBC-2026-0002' }));
    await waitFor(() => expect(world.requests).toHaveLength(2));
    source.emit('case_opened', caseOpened(second, '2026-03-17T09:45:00.000Z'));
    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0002: Amy Adams' })).toBeInTheDocument();
    expect(within(order()).queryByRole('button', { name: /Open the next case/ })).not.toBeInTheDocument();
    source.emit('case_opened', caseOpened(first, '2026-03-17T09:45:00.000Z'));
    expect(await screen.findByRole('heading', { level: 2, name: 'NBC-2026-0001: Jane Doe' })).toBeInTheDocument();
    await waitFor(() => expect(world.caseReads).toEqual([first.itemId, second.itemId, first.itemId]));
  });
});
