import type { Me, MeetingCaseView } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { valueOf } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { buildCaseView, buildReferral, followsTheMeetingAt, meetingModeWorld, opensAtCase } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 10:00 in London (GMT).
followsTheMeetingAt(new Date('2026-03-17T10:00:00Z'));
const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };

/** Two referrals on the case since its last hearing, the second merged into the first. */
const REFERRALS: MeetingCaseView['referrals'] = [
  buildReferral(),
  buildReferral({
    reference: 'NBC-R-2026-00007',
    referringAgencyName: 'Northbridge IDVA Service',
    referralDate: '2026-03-03',
    dashScore: 18,
    criteriaMet: ['Visible high risk', 'Escalation'],
    recentIncident: null,
  }),
];

const HELD_BACK: NonNullable<MeetingCaseView['heldBack']> = [
  { agencyName: 'Northbridge Police', withheld: 'An open investigation into the perpetrator', reason: 'Sharing it could alert him before arrest' },
  { agencyName: 'Northbridge Homes', withheld: 'A neighbour’s complaint', reason: null },
];

/** Someone at the meeting with the case open on their screen; the server sends `heldBack` as it would to them. */
async function atCase(me: Me, heldBack: MeetingCaseView['heldBack']) {
  const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
  const view = buildCaseView({ referrals: REFERRALS, heldBack });
  const { world, handlers } = meetingModeWorld(meeting, { cases: [view] });
  await opensAtCase(me, world, handlers, view);
}

describe('the case at the meeting', () => {
  it('lists every referral on the case, each with its agency, date, DASH score, criteria and incident', async () => {
    await atCase(buildMe({ role: 'agency_representative', agency: POLICE, areas: [AREA] }), null);

    expect(screen.getByRole('heading', { level: 3, name: 'Referrals' })).toBeInTheDocument();
    const first = screen.getByRole('heading', { level: 4, name: 'NBC-R-2026-00001 from Northbridge Police on 20 February 2026' }).closest('.govuk-summary-card') as HTMLElement;
    expect(valueOf(first, 'DASH score')).toHaveTextContent('16 of 24');
    expect(valueOf(first, 'Most recent incident')).toHaveTextContent('Threatened with a knife at home on 18 February.');
    const second = screen.getByRole('heading', { level: 4, name: 'NBC-R-2026-00007 from Northbridge IDVA Service on 3 March 2026' }).closest('.govuk-summary-card') as HTMLElement;
    expect(valueOf(second, 'Criteria met')).toHaveTextContent('Visible high risk; Escalation');
    expect(valueOf(second, 'Most recent incident')).toHaveTextContent('Not given.');
  });

  it('shows the chair what agencies hold back and why, labelled as not to be shared', async () => {
    await atCase(buildMe({ role: 'chair', areas: [AREA] }), HELD_BACK);

    const panel = screen.getByRole('region', { name: 'Held back by agencies: not to be shared' });
    expect(panel).toHaveTextContent('Only the chair and the coordinator see this. Do not read it out, minute it or pass it to any other agency.');
    const rows = within(within(panel).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Northbridge Police', 'An open investigation into the perpetrator', 'Sharing it could alert him before arrest'],
      ['Northbridge Homes', 'A neighbour’s complaint', 'No reason given'],
    ]);
  });

  it('tells the coordinator when no agency holds anything back', async () => {
    await atCase(buildMe({ role: 'coordinator', areas: [AREA] }), []);

    const panel = screen.getByRole('region', { name: 'Held back by agencies: not to be shared' });
    expect(panel).toHaveTextContent('No agency has held anything back about NBC-2026-0001.');
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a representative nothing of what is held back', async () => {
    await atCase(buildMe({ role: 'agency_representative', agency: POLICE, areas: [AREA] }), null);

    expect(screen.queryByRole('region', { name: /Held back/ })).not.toBeInTheDocument();
    expect(screen.queryByText('An open investigation into the perpetrator')).not.toBeInTheDocument();
  });
});
