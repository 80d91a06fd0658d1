import type { ResearchRevision, ResearchTask } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { meetingOf } from '../meetings/meeting-handlers';
import { buildRevision, buildTask, POLICE } from './research-factories';
import { meetingNeighbours, recording, researchWorld, type SeenRequest } from './research-handlers';

const MEETING = () => buildMeeting({ status: 'agenda_published', agendaVersion: 1 });

/** The representative opens the research form for the first task, with the meeting page behind it. */
function opens(tasks: ResearchTask[], history: Record<string, ResearchRevision[]> = {}, role: 'agency_representative' | 'coordinator' = 'agency_representative') {
  const meeting = MEETING();
  const own = tasks.map((task) => ({ ...task, meetingId: meeting.id }));
  const { world, handlers, saveElsewhere } = researchWorld(own, history);
  server.use(
    signedInAs(buildMe({ role, areas: [AREA], agency: role === 'agency_representative' ? POLICE : null, csrfToken: 'csrf-research' })),
    meetingOf(meeting),
    http.get('/api/meetings/:id/packets', () => HttpResponse.json([])),
    ...meetingNeighbours(),
    ...handlers,
  );
  const first = own[0] as ResearchTask;
  return { meeting, task: first, world, saveElsewhere, ...renderApp(`/meetings/${meeting.id}/research/${first.caseId}`) };
}

const form = async () => {
  await screen.findByRole('heading', { level: 1, name: /Research for NBC-2026-0004/ });
  return screen.getByRole('group', { name: 'Is anyone in this case known to your agency?' });
};
const summary = () => screen.getByRole('alert');
const summaryMessages = () => within(summary()).getAllByRole('listitem').map((item) => item.textContent);

describe('recording research for one case', () => {
  it('saves a draft with what is typed, facts and opinion apart, and returns to the meeting page with a notice', async () => {
    const task = buildTask({ caseReference: 'NBC-2026-0004', position: 2, dueDate: '2026-03-13' });
    const { meeting, world, router, user } = opens([task]);

    const known = await form();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Meeting on Tuesday 17 March 2026');
    expect(screen.getByText('Friday 13 March 2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read the research packet for NBC-2026-0004' })).toHaveAttribute(
      'href',
      `/meetings/${meeting.id}/packets/${task.caseId}`,
    );
    // Facts and opinion are separate boxes, each saying what belongs in it.
    expect(screen.getByRole('textbox', { name: 'Facts: what your records show' })).toHaveAccessibleDescription(/Only what your agency’s records say/);
    expect(screen.getByRole('textbox', { name: 'Professional opinion' })).toHaveAccessibleDescription(/What your agency makes of the facts/);

    await user.click(within(known).getByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByRole('textbox', { name: 'Facts: what your records show' }), '  Two call-outs in January 2026.  ');
    await user.type(screen.getByRole('textbox', { name: 'Professional opinion' }), 'Risk is escalating.');
    await user.type(screen.getByRole('textbox', { name: 'Risks identified' }), 'Threats to kill');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    await waitFor(() => expect(currentPath(router)).toBe(`/meetings/${meeting.id}`));
    expect(world.requests).toEqual<SeenRequest[]>([
      {
        method: 'PUT',
        path: `/api/meetings/${meeting.id}/research/${task.caseId}`,
        contentType: 'application/json',
        csrf: 'csrf-research',
        body: JSON.stringify({
          version: 0,
          knownToAgency: true,
          facts: 'Two call-outs in January 2026.',
          opinion: 'Risk is escalating.',
          risksIdentified: 'Threats to kill',
          protectiveFactors: null,
          withheld: null,
          withheldReason: null,
          researchedBy: null,
          submit: false,
        }),
      },
    ]);
    expect(await screen.findByText('Your research for NBC-2026-0004 has been saved as a draft. Submit it by Friday 13 March 2026.')).toBeInTheDocument();
    const research = screen.getByRole('region', { name: 'Your research' });
    expect(within(research).getByText('Draft')).toHaveClass('govuk-tag');
    expect(within(research).getByRole('link', { name: 'Change research for NBC-2026-0004' })).toBeInTheDocument();
  });

  it('checks a submission with the shared rules before sending: the answer, the facts when known, a reason for anything held back, who researched', async () => {
    const { world, user } = opens([buildTask({ caseReference: 'NBC-2026-0004' })]);
    await form();

    await user.click(screen.getByRole('button', { name: 'Submit research' }));
    expect(summaryMessages()).toEqual(['Say whether anyone in the case is known to your agency', 'Enter who in your agency did the research']);
    expect(summary().closest('.govuk-error-summary')).toHaveFocus();
    expect(document.title).toMatch(/^Error: /);

    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByRole('textbox', { name: 'What your agency holds but will not share' }), 'A live investigation');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));
    expect(summaryMessages()).toEqual(['Say why this is held back', 'Enter the facts your agency will share', 'Enter who in your agency did the research']);
    const facts = screen.getByRole('textbox', { name: 'Facts: what your records show' });
    expect(facts).toHaveAccessibleDescription(expect.stringContaining('Error: Enter the facts your agency will share'));
    expect(screen.getByRole('textbox', { name: 'Why it is held back' })).toHaveAccessibleDescription(expect.stringContaining('Say why this is held back'));
    await user.click(within(summary()).getByRole('link', { name: 'Enter the facts your agency will share' }));
    expect(facts).toHaveFocus();

    // A draft can be saved incomplete, but not with something held back for no reason.
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(summaryMessages()).toEqual(['Say why this is held back']);
    expect(world.requests).toEqual([]);

    await user.type(facts, 'Two call-outs');
    await user.type(screen.getByRole('textbox', { name: 'Why it is held back' }), 'Disclosure would alert the suspect');
    await user.type(screen.getByRole('textbox', { name: 'Researched by' }), 'PC Pat Constable, MARAC liaison');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));

    expect(await screen.findByText('Your research for NBC-2026-0004 has been submitted. You can change it until the meeting starts.')).toBeInTheDocument();
    expect(JSON.parse(world.requests[0]?.body ?? '{}')).toEqual({
      version: 0,
      knownToAgency: true,
      facts: 'Two call-outs',
      opinion: null,
      risksIdentified: null,
      protectiveFactors: null,
      withheld: 'A live investigation',
      withheldReason: 'Disclosure would alert the suspect',
      researchedBy: 'PC Pat Constable, MARAC liaison',
      submit: true,
    });
  });

  it('submits a case not known to the agency without facts', async () => {
    const { world, user } = opens([buildTask({ caseReference: 'NBC-2026-0004' })]);
    await form();

    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.type(screen.getByRole('textbox', { name: 'Researched by' }), 'Pat Constable');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));

    expect(await screen.findByText('NBC-2026-0004 has been recorded as not known to your agency. You can change this until the meeting starts.')).toBeInTheDocument();
    expect(JSON.parse(world.requests[0]?.body ?? '{}')).toMatchObject({ knownToAgency: false, facts: null, submit: true });
    expect(within(screen.getByRole('region', { name: 'Your research' })).getByText('Not known')).toHaveClass('govuk-tag');
  });

  it('marks the fields the server names, keeping everything typed', async () => {
    const requests: SeenRequest[] = [];
    const { user } = opens([buildTask({ caseReference: 'NBC-2026-0004', knownToAgency: true, facts: 'Saved earlier', status: 'draft' })]);
    server.use(
      http.put('/api/meetings/:id/research/:caseId', async ({ request }) => {
        await recording(requests, request);
        return apiErrorResponse(400, 'validation_failed', 'Some answers need correcting', [
          { field: 'opinion', message: 'Must be 5000 characters or fewer' },
          { field: 'researchedBy', message: 'Enter who in your agency did the research' },
        ]);
      }),
    );
    await form();
    const facts = screen.getByRole('textbox', { name: 'Facts: what your records show' });
    expect(facts).toHaveValue('Saved earlier');

    await user.type(screen.getByRole('textbox', { name: 'Professional opinion' }), 'Escalating');
    await user.type(screen.getByRole('textbox', { name: 'Researched by' }), 'Pat');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));

    expect(await within(await screen.findByRole('alert')).findByRole('link', { name: 'Must be 5000 characters or fewer' })).toBeInTheDocument();
    expect(summaryMessages()).toEqual(['Must be 5000 characters or fewer', 'Enter who in your agency did the research']);
    expect(screen.getByRole('textbox', { name: 'Professional opinion' })).toHaveAccessibleDescription(expect.stringContaining('Must be 5000 characters or fewer'));
    expect(screen.getByRole('textbox', { name: 'Researched by' })).toHaveAccessibleDescription(expect.stringContaining('Enter who in your agency did the research'));
    expect(facts).toHaveValue('Saved earlier');
    expect(screen.getByRole('textbox', { name: 'Professional opinion' })).toHaveValue('Escalating');
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(requests).toHaveLength(1);
  });

  it('says when the meeting has started since the form was opened, keeping everything typed', async () => {
    const { user } = opens([buildTask({ caseReference: 'NBC-2026-0004' })]);
    server.use(
      http.put('/api/meetings/:id/research/:caseId', () =>
        apiErrorResponse(409, 'conflict', 'The meeting has started: research can no longer be changed. Share anything new at the meeting.'),
      ),
    );
    await form();

    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.type(screen.getByRole('textbox', { name: 'Researched by' }), 'Pat Constable');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The meeting has started: research can no longer be changed. Share anything new at the meeting.');
    expect(screen.getByRole('textbox', { name: 'Researched by' })).toHaveValue('Pat Constable');
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
  });

  it('shows a colleague’s save made since the form was opened beside what was typed, and saves over it only when asked', async () => {
    const task = buildTask({ caseReference: 'NBC-2026-0004', status: 'draft', knownToAgency: true, facts: 'Two call-outs', researchedBy: 'Pat Constable' });
    const { world, saveElsewhere, user } = opens([task]);
    await form();

    await user.clear(screen.getByRole('textbox', { name: 'Facts: what your records show' }));
    await user.type(screen.getByRole('textbox', { name: 'Facts: what your records show' }), 'Two call-outs and one arrest');
    // A colleague submits the same task meanwhile.
    saveElsewhere(task.caseId, { status: 'submitted', facts: 'Two call-outs; a non-molestation order in force', opinion: 'Escalating' });
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    // Refused in words; their version is read again and shown beside what was typed, which stays.
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed your agency’s research for this case since you opened it');
    const theirs = await screen.findByRole('region', { name: 'Someone else changed your agency’s research for this case while you were working on it' });
    expect(theirs).toHaveTextContent('Two call-outs; a non-molestation order in force');
    expect(theirs).toHaveTextContent('Escalating');
    expect(screen.getByRole('textbox', { name: 'Facts: what your records show' })).toHaveValue('Two call-outs and one arrest');
    expect(screen.getByRole('textbox', { name: 'Professional opinion' })).toHaveValue('');

    // Taking theirs puts their words in the form; the person adds to them and saves from their version.
    await user.click(within(theirs).getByRole('button', { name: 'Take their version' }));
    expect(screen.queryByRole('region', { name: /Someone else changed/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Facts: what your records show' })).toHaveValue('Two call-outs; a non-molestation order in force');
    expect(screen.getByRole('textbox', { name: 'Professional opinion' })).toHaveValue('Escalating');
    await user.type(screen.getByRole('textbox', { name: 'Facts: what your records show' }), '; one arrest');
    await user.click(screen.getByRole('button', { name: 'Submit research' }));

    expect(await screen.findByText('Your research for NBC-2026-0004 has been submitted. You can change it until the meeting starts.')).toBeInTheDocument();
    expect(world.requests.map((request) => JSON.parse(request.body).version)).toEqual([0, 1]);
    expect(world.tasks[0]).toMatchObject({ facts: 'Two call-outs; a non-molestation order in force; one arrest', version: 2 });
  });

  it('shows every saved version, newest first, with who saved it, when, as what and what it said', async () => {
    const task = buildTask({ caseReference: 'NBC-2026-0004', status: 'submitted', knownToAgency: true, facts: 'Two call-outs\nOne arrest', researchedBy: 'Pat Constable' });
    const { user } = opens([task], {
      [task.caseId]: [
        buildRevision({ status: 'draft', savedAt: '2026-03-11T10:15:00.000Z', savedByName: 'Sam Analyst' }, { knownToAgency: true, facts: 'Two call-outs' }),
        buildRevision(
          { status: 'submitted', savedAt: '2026-03-12T14:03:00.000Z', savedByName: 'Pat Constable' },
          { knownToAgency: true, facts: 'Two call-outs\nOne arrest', opinion: 'Escalating', researchedBy: 'Pat Constable' },
        ),
        buildRevision({ status: 'draft', savedAt: '2026-03-12T15:00:00.000Z', savedByName: null }),
      ],
    });
    await form();

    const history = await screen.findByRole('region', { name: 'Saved versions' });
    const versions = await within(history).findAllByRole('listitem');
    expect(versions.map((version) => within(version).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Version 3 Draft',
      'Version 2 Submitted',
      'Version 1 Draft',
    ]);
    const [third, second, first] = versions as [HTMLElement, HTMLElement, HTMLElement];
    expect(second).toHaveTextContent('Saved 12 March 2026, 14:03 by Pat Constable');
    expect(first).toHaveTextContent('Saved 11 March 2026, 10:15 by Sam Analyst');
    expect(third).toHaveTextContent('by a user no longer on the platform');

    const details = within(second).getByText('What version 2 said').closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(within(second).getByText('What version 2 said'));
    expect(details.open).toBe(true);
    const said = within(details).getByText('Professional opinion').closest('dl') as HTMLElement;
    expect(within(said).getByText('Escalating')).toBeInTheDocument();
    expect(within(said).getByText('Two call-outs')).toBeInTheDocument();
    expect(within(said).getByText('One arrest')).toBeInTheDocument();
  });

  it('shows the research read-only once it can no longer change', async () => {
    const task = buildTask({
      caseReference: 'NBC-2026-0004',
      status: 'submitted',
      knownToAgency: true,
      facts: 'Two call-outs',
      opinion: 'Escalating',
      researchedBy: 'Pat Constable',
      submittedAt: '2026-03-12T14:03:00.000Z',
      editable: false,
    });
    opens([task], { [task.caseId]: [buildRevision({ status: 'submitted' })] });

    expect(await screen.findByRole('heading', { level: 1, name: /Research for NBC-2026-0004/ })).toBeInTheDocument();
    expect(screen.getByText('Research is not editable: the meeting has started. Share anything new at the meeting.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Submit research|Save as draft/ })).not.toBeInTheDocument();
    const research = screen.getByRole('heading', { name: 'Your agency’s research' }).nextElementSibling as HTMLElement;
    expect(within(research).getByText('Yes')).toBeInTheDocument();
    expect(within(research).getByText('Two call-outs')).toBeInTheDocument();
    expect(within(research).getByText('Escalating')).toBeInTheDocument();
    expect(await within(await screen.findByRole('region', { name: 'Saved versions' })).findAllByRole('listitem')).toHaveLength(1);
  });

  it('tells anyone but a representative that research is for agencies', async () => {
    opens([buildTask({ caseReference: 'NBC-2026-0004' })], {}, 'coordinator');

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('Research is recorded by the representatives of the agencies invited to a meeting.')).toBeInTheDocument();
  });

  it('says so when the agency has no research for the case', async () => {
    const meeting = MEETING();
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', areas: [AREA], agency: POLICE })),
      meetingOf(meeting),
      ...researchWorld([buildTask({ meetingId: meeting.id })]).handlers,
    );
    renderApp(`/meetings/${meeting.id}/research/${crypto.randomUUID()}`);

    expect(await screen.findByText('Your agency has no research to record for this case at this meeting.')).toBeInTheDocument();
  });
});
