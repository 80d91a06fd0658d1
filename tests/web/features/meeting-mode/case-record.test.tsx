import type { MeetingCaseView } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { buildCaseView, followsTheMeetingAt, meetingModeWorld, opensAtCase } from './meeting-mode-world';

// The meeting is on Tuesday 17 March 2026; it is 10:00 in London (GMT).
followsTheMeetingAt(new Date('2026-03-17T10:00:00Z'));

const THEIRS = { riskAnalysis: { harms: 'Threats made by text on 15 March', contributingFactors: 'Recent separation', protectiveFactors: null }, outcome: 'IDVA to call her today' };

/** The chair at the meeting, with the case opened on their screen: revision 3, nothing recorded yet. */
async function chairAtCase(record: Partial<MeetingCaseView['record']> = {}) {
  const meeting = buildMeeting({ status: 'in_progress', agendaVersion: 1 });
  const view = buildCaseView({ record: { revision: 3, riskAnalysis: null, outcome: null, actions: [], ...record } });
  const { world, handlers } = meetingModeWorld(meeting, { cases: [view] });
  const rendered = await opensAtCase(buildMe({ role: 'chair', areas: [AREA], csrfToken: 'csrf-record' }), world, handlers, view);
  return { ...rendered, world, meeting, view };
}

const record = () => screen.getByRole('heading', { level: 3, name: 'Risk analysis and outcome' }).closest('section') as HTMLElement;
const field = (name: string) => within(record()).getByRole('textbox', { name });
const newer = () => within(record()).queryByRole('heading', { name: 'Someone else saved this case while you were typing' });
const sentBodies = (world: { requests: { method: string; body: unknown }[] }) => world.requests.filter((request) => request.method === 'PUT').map((request) => request.body);

describe('recording the risk analysis and outcome', () => {
  it('saves what the chair typed, trimmed, naming the revision it started from', async () => {
    const { world, user, meeting, view } = await chairAtCase();

    expect(field('Harms')).toHaveAccessibleDescription('What harm is feared, to whom, and how serious and imminent it is.');
    await user.type(field('Harms'), '  Threats to kill  ');
    await user.type(field('Outcome'), ' Safety plan agreed ');
    await user.click(within(record()).getByRole('button', { name: 'Save the risk analysis and outcome' }));

    expect(await within(record()).findByRole('alert')).toHaveTextContent('The risk analysis and outcome are saved.');
    expect(world.requests).toEqual([
      {
        method: 'PUT',
        path: `/api/meetings/${meeting.id}/cases/${view.itemId}/record`,
        body: { revision: 3, riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: null }, outcome: 'Safety plan agreed' },
        csrf: 'csrf-record',
      },
    ]);
    expect(field('Harms')).toHaveValue('Threats to kill');
    expect(field('Outcome')).toHaveValue('Safety plan agreed');

    // The next save starts from the revision this one made.
    await user.type(field('Contributing factors'), 'Recent separation');
    expect(within(record()).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(record()).getByRole('button', { name: 'Save the risk analysis and outcome' }));
    await waitFor(() => expect(sentBodies(world)).toHaveLength(2));
    expect(sentBodies(world)[1]).toEqual({
      revision: 4,
      riskAnalysis: { harms: 'Threats to kill', contributingFactors: 'Recent separation', protectiveFactors: null },
      outcome: 'Safety plan agreed',
    });
  });

  it('keeps what was typed when someone else saved first, shows their version, and can save over it', async () => {
    const { world, user, view } = await chairAtCase();
    // The coordinator saves on their screen; the chair has not heard of it yet.
    world.save(view.itemId, THEIRS);
    const readsBefore = world.caseReads.length;

    await user.type(field('Harms'), 'Threats to kill');
    await user.click(within(record()).getByRole('button', { name: 'Save the risk analysis and outcome' }));

    expect(await within(record()).findByRole('alert')).toHaveTextContent('Someone else has saved this case since you opened it');
    expect(await within(record()).findByRole('heading', { name: 'Someone else saved this case while you were typing' })).toBeInTheDocument();
    expect(world.caseReads.length).toBe(readsBefore + 1);
    const theirs = newer()?.parentElement as HTMLElement;
    expect(within(theirs).getByText('Harms', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Threats made by text on 15 March');
    expect(within(theirs).getByText('Outcome', { selector: 'dt' }).nextElementSibling).toHaveTextContent('IDVA to call her today');
    expect(within(theirs).getByText('Protective factors', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Nothing recorded');
    // What the chair typed is still theirs to keep.
    expect(field('Harms')).toHaveValue('Threats to kill');
    expect(field('Outcome')).toHaveValue('');
    expect(within(record()).queryByRole('button', { name: 'Save the risk analysis and outcome' })).not.toBeInTheDocument();

    await user.click(within(theirs).getByRole('button', { name: 'Keep mine and save it over theirs' }));

    expect(await within(record()).findByRole('alert')).toHaveTextContent('The risk analysis and outcome are saved.');
    expect(sentBodies(world)).toEqual([
      { revision: 3, riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: null }, outcome: null },
      { revision: 4, riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: null }, outcome: null },
    ]);
    expect(newer()).not.toBeInTheDocument();
    expect(field('Harms')).toHaveValue('Threats to kill');
    expect(world.cases.get(view.itemId)?.record).toMatchObject({ revision: 5, riskAnalysis: { harms: 'Threats to kill' } });
  });

  it('takes the other version into the form when the chair chooses theirs', async () => {
    const { world, user, view } = await chairAtCase();
    world.save(view.itemId, THEIRS);

    await user.type(field('Harms'), 'Threats to kill');
    await user.click(within(record()).getByRole('button', { name: 'Save the risk analysis and outcome' }));
    await within(record()).findByRole('heading', { name: 'Someone else saved this case while you were typing' });

    await user.click(within(record()).getByRole('button', { name: 'Take their version' }));

    expect(field('Harms')).toHaveValue('Threats made by text on 15 March');
    expect(field('Contributing factors')).toHaveValue('Recent separation');
    expect(field('Protective factors')).toHaveValue('');
    expect(field('Outcome')).toHaveValue('IDVA to call her today');
    expect(newer()).not.toBeInTheDocument();
    expect(within(record()).queryByRole('alert')).not.toBeInTheDocument();
    expect(sentBodies(world)).toHaveLength(1);

    // Adding to their version saves over the revision taken.
    await user.type(field('Protective factors'), 'Neighbour checks in daily');
    await user.click(within(record()).getByRole('button', { name: 'Save the risk analysis and outcome' }));
    expect(await within(record()).findByRole('alert')).toHaveTextContent('The risk analysis and outcome are saved.');
    expect(sentBodies(world)[1]).toEqual({
      revision: 4,
      riskAnalysis: { harms: 'Threats made by text on 15 March', contributingFactors: 'Recent separation', protectiveFactors: 'Neighbour checks in daily' },
      outcome: 'IDVA to call her today',
    });
  });

  it('follows a save made on another screen while nothing is typed, and shows it beside what is typed otherwise', async () => {
    const { world, user, source, view } = await chairAtCase({ riskAnalysis: { harms: 'Threats to kill', contributingFactors: null, protectiveFactors: null } });
    expect(field('Harms')).toHaveValue('Threats to kill');

    const saved = world.save(view.itemId, THEIRS);
    source.emit('case_recorded', { caseId: view.caseId, at: '2026-03-17T09:58:00.000Z', ...world.caseRecordOf(saved) });

    await waitFor(() => expect(field('Harms')).toHaveValue('Threats made by text on 15 March'));
    expect(field('Contributing factors')).toHaveValue('Recent separation');
    expect(field('Outcome')).toHaveValue('IDVA to call her today');
    expect(newer()).not.toBeInTheDocument();

    // Once something is typed, a save elsewhere no longer replaces it.
    await user.type(field('Protective factors'), 'Moved to a refuge');
    const again = world.save(view.itemId, { outcome: 'Refer to housing' });
    source.emit('case_recorded', { caseId: view.caseId, at: '2026-03-17T09:59:00.000Z', ...world.caseRecordOf(again) });

    expect(await within(record()).findByRole('heading', { name: 'Someone else saved this case while you were typing' })).toBeInTheDocument();
    expect(field('Protective factors')).toHaveValue('Moved to a refuge');
    expect(field('Outcome')).toHaveValue('IDVA to call her today');
    expect(sentBodies(world)).toEqual([]);
  });
});
