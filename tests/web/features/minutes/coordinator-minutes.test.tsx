import type { MeetingSummary, Minutes } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMe } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { AREA, buildMeeting } from '../meetings/meeting-factories';
import { buildMinutes, recordedContent } from './minutes-factories';
import { minutesWorld, type SeenRequest } from './minutes-world';

// The meeting was on Tuesday 17 March 2026 and its minutes are due on Friday 20 March; it is now
// Wednesday 18 March in London.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-18T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const inProgress = (overrides: Partial<MeetingSummary> = {}) =>
  buildMeeting({ status: 'in_progress', agendaVersion: 1, listedCount: 2, date: '2026-03-17', minutesDueDate: '2026-03-20', ...overrides });

function opens(meeting: MeetingSummary, minutes: Minutes | null, generated?: Minutes) {
  const { world, handlers, editElsewhere } = minutesWorld(meeting, minutes, generated ? { generated } : {});
  server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA], csrfToken: 'csrf-minutes' })), ...handlers);
  return { world, editElsewhere, ...renderApp(`/meetings/${meeting.id}/minutes`) };
}

const status = () => screen.getByRole('region', { name: 'Status' });
const caseRegion = (reference: string) => screen.getByRole('region', { name: new RegExp(`^\\d+\\. ${reference}`) });
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
const summaryList = () => screen.getByRole('alert');

describe('the coordinator’s minutes', () => {
  it('generates the minutes from the record and shows them readably: meeting, deadline, attendance, review, and each case', async () => {
    const meeting = inProgress();
    const generated = buildMinutes(meeting, recordedContent());
    const { world, user } = opens(meeting, null, generated);

    expect(await screen.findByRole('heading', { level: 1, name: /Minutes of the meeting on Tuesday 17 March 2026$/ })).toHaveTextContent('Northbridge CityMinutes of the meeting on Tuesday 17 March 2026');
    expect(await screen.findByText('Minutes have not been generated yet.')).toBeInTheDocument();
    expect(within(status()).getByText('Not generated yet')).toBeInTheDocument();
    expect(status()).toHaveTextContent('20 March 2026 (3 working days after the meeting)');
    expect(within(status()).getByText('Due in 2 working days')).toHaveClass('govuk-tag');

    await user.click(screen.getByRole('button', { name: 'Generate the minutes' }));

    expect(await screen.findByText(/The minutes have been generated from what was recorded at the meeting/)).toBeInTheDocument();
    expect(world.requests).toEqual<SeenRequest[]>([{ method: 'POST', path: `/api/meetings/${meeting.id}/minutes/generate`, body: '{"version":0}', csrf: 'csrf-minutes' }]);
    expect(within(status()).getByText('Draft')).toHaveClass('govuk-tag');
    expect(screen.getByRole('heading', { name: 'Status' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Generate the minutes' })).not.toBeInTheDocument();

    const details = screen.getByRole('region', { name: 'Meeting details' });
    expect(details).toHaveTextContent('AreaNorthbridge City');
    expect(details).toHaveTextContent('Date17 March 2026');
    expect(details).toHaveTextContent('Start time09:30');
    expect(details).toHaveTextContent('PlaceRoom 2, Civic Centre');

    expect(rowsOf(screen.getByRole('table', { name: 'Attendance' }))).toEqual([
      ['Chris Chair', 'Northbridge Police', 'Attending', 'Not applicable', '17 March 2026, 09:25'],
      ['Hal Housing', 'Northbridge Homes', 'Apologies', 'Yes', 'Not signed'],
      ['Olu Observer', 'None', 'Observing', 'Not applicable', '17 March 2026, 09:28'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Review of earlier actions' }))).toEqual([
      ['NBC-2025-0107', 'Northbridge Homes', 'Fit extra locks', '1 March 2026', 'Not possible – circumstances changed', 'Not possible – circumstances changed'],
      ['NBC-2025-0108', 'Northbridge Police', 'Clare’s Law disclosure', '5 March 2026', 'Open', 'Not reviewed'],
    ]);

    const first = caseRegion('NBC-2026-0001');
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent('1. NBC-2026-0001Victim: Jane Doe');
    expect(within(first).getByText('Repeat')).toHaveClass('govuk-tag--red');
    expect(within(first).getByText('Children in household')).toHaveClass('govuk-tag');
    // Facts and professional opinion are separate rows, each under its own name.
    const housing = within(first).getByRole('group', { name: 'Shared by Northbridge Homes' });
    expect(housing).toHaveTextContent('Known to the agencyYes');
    expect(housing).toHaveTextContent('FactsTwo reports of damage to the door in February.');
    expect(housing).toHaveTextContent('Professional opinionThe tenancy is at risk.');
    expect(housing).toHaveTextContent('Protective factorsNeighbour checks in daily');
    expect(within(first).getByRole('group', { name: 'Shared by Northbridge Police' })).toHaveTextContent('Known to the agencyNo');
    const risk = within(first).getByText('Harms').closest('dl') as HTMLElement;
    expect(risk).toHaveTextContent('HarmsThreats to kill');
    expect(risk).toHaveTextContent('Contributing factorsRecent separation');
    expect(risk).toHaveTextContent('Protective factorsNone recorded');
    expect(rowsOf(within(first).getByRole('table', { name: 'Actions agreed for NBC-2026-0001' }))).toEqual([
      ['Northbridge Homes', 'Hal Housing', 'Fit extra locks', 'Forced entry', 'Housing', '24 March 2026'],
    ]);
    expect(first).toHaveTextContent('OutcomeSafety plan agreed');

    const second = caseRegion('NBC-2026-0002');
    expect(second).toHaveTextContent('No agency shared information for this case.');
    expect(second).toHaveTextContent('No risk analysis was recorded.');
    expect(second).toHaveTextContent('No actions were agreed.');

    // Regenerating is offered, saying what it keeps.
    expect(screen.getByRole('button', { name: 'Generate again from the record' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Next step' })).toHaveTextContent('the notes and case summaries already saved are kept');
    expect(screen.getByRole('link', { name: 'Download the minutes (PDF)' })).toHaveAttribute('href', `/api/meetings/${meeting.id}/minutes/pdf`);
  });

  it('saves the notes and every case’s summary in one go, and keeps them when the minutes are generated again', async () => {
    const meeting = inProgress();
    const minutes = buildMinutes(meeting, recordedContent());
    const [first, second] = minutes.content.cases;
    const { world, user } = opens(meeting, minutes, minutes);

    const notes = await screen.findByRole('textbox', { name: 'Notes for the whole meeting' });
    await user.type(notes, '  Quorate. Police chaired.  ');
    const summary = screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' });
    expect(summary).toHaveAccessibleDescription(/Kept when the minutes are generated again/);
    await user.type(summary, 'Referred to the IDVA service.');
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    expect(await screen.findByText('The minutes have been saved.')).toBeInTheDocument();
    expect(world.requests).toEqual<SeenRequest[]>([
      {
        method: 'PUT',
        path: `/api/meetings/${meeting.id}/minutes`,
        csrf: 'csrf-minutes',
        body: JSON.stringify({
          version: 0,
          notes: 'Quorate. Police chaired.',
          cases: [
            { itemId: first?.itemId, summary: null },
            { itemId: second?.itemId, summary: 'Referred to the IDVA service.' },
          ],
        }),
      },
    ]);
    // What the page shows is what was stored.
    expect(notes).toHaveValue('Quorate. Police chaired.');

    await user.click(screen.getByRole('button', { name: 'Generate again from the record' }));
    expect(await screen.findByText(/generated again from what was recorded\. The notes and case summaries already saved are kept/)).toBeInTheDocument();
    expect(world.minutes?.content.notes).toBe('Quorate. Police chaired.');
    expect(screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' })).toHaveValue('Referred to the IDVA service.');
    expect(screen.getByRole('textbox', { name: 'Notes for the whole meeting' })).toHaveValue('Quorate. Police chaired.');
  });

  it('shows the server’s refusal against the field it names, keeping everything typed', async () => {
    const meeting = inProgress();
    const { world, user } = opens(meeting, buildMinutes(meeting, recordedContent()));
    server.use(
      http.put('/api/meetings/:id/minutes', async ({ request }) => {
        world.requests.push({ method: 'PUT', path: new URL(request.url).pathname, body: await request.text(), csrf: request.headers.get('x-csrf-token') });
        return apiErrorResponse(400, 'validation_failed', 'Some answers need correcting', [{ field: 'cases.1.summary', message: 'Must be 10000 characters or fewer' }]);
      }),
    );

    await user.type(await screen.findByRole('textbox', { name: 'Notes for the whole meeting' }), 'Quorate.');
    const summary = screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' });
    await user.type(summary, 'Discussed at length.');
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    const link = await within(await screen.findByRole('alert')).findByRole('link', { name: 'Must be 10000 characters or fewer' });
    expect(summary).toHaveAccessibleDescription(expect.stringContaining('Error: Must be 10000 characters or fewer'));
    expect(screen.getByRole('textbox', { name: 'Summary of NBC-2026-0001' })).not.toHaveAccessibleDescription(expect.stringContaining('Error'));
    expect(summary).toHaveValue('Discussed at length.');
    expect(screen.getByRole('textbox', { name: 'Notes for the whole meeting' })).toHaveValue('Quorate.');
    await user.click(link);
    expect(summary).toHaveFocus();
    expect(world.requests).toHaveLength(1);
  });

  it('warns that every agency reads the notes, and shows on the notes the server’s refusal of notes that name a case, keeping what was typed', async () => {
    const meeting = inProgress();
    const { world, user } = opens(meeting, buildMinutes(meeting, recordedContent()));
    server.use(
      http.put('/api/meetings/:id/minutes', async ({ request }) => {
        world.requests.push({ method: 'PUT', path: new URL(request.url).pathname, body: await request.text(), csrf: request.headers.get('x-csrf-token') });
        return apiErrorResponse(400, 'validation_failed', 'Some answers need correcting', [
          { field: 'notes', message: 'These notes are read by every agency, and they name case NBC-2026-0002: write what is about one case in that case’s summary' },
        ]);
      }),
    );

    const notes = await screen.findByRole('textbox', { name: 'Notes for the whole meeting' });
    expect(screen.getByText('Every agency that receives these minutes reads these notes. Write nothing about a single case here: use that case’s summary.')).toBeInTheDocument();
    expect(notes).toHaveAccessibleDescription(expect.stringContaining('Read by every agency that receives the minutes.'));
    expect(screen.getByRole('textbox', { name: 'Summary of NBC-2026-0001' })).toHaveAccessibleDescription(expect.stringContaining('Only those allowed this case read it.'));
    await user.type(notes, 'Quorate. Amy Adams to be re-referred.');
    const summary = screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' });
    await user.type(summary, 'Referred to the IDVA service.');
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    const message = 'These notes are read by every agency, and they name case NBC-2026-0002: write what is about one case in that case’s summary';
    const link = await within(await screen.findByRole('alert')).findByRole('link', { name: message });
    expect(notes).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
    expect(summary).not.toHaveAccessibleDescription(expect.stringContaining('Error'));
    expect(notes).toHaveValue('Quorate. Amy Adams to be re-referred.');
    expect(summary).toHaveValue('Referred to the IDVA service.');
    await user.click(link);
    expect(notes).toHaveFocus();
    expect(world.requests).toHaveLength(1);
    // The server stored nothing.
    expect(world.minutes?.content.notes).toBeNull();
  });

  it('checks the length with the shared rules before sending anything', async () => {
    const meeting = inProgress();
    const { world, user } = opens(meeting, buildMinutes(meeting, recordedContent()));

    const summary = await screen.findByRole('textbox', { name: 'Summary of NBC-2026-0001' });
    await user.click(summary);
    await user.paste('x'.repeat(10_001));
    // Too long is marked as it is typed.
    expect(summary).toHaveAccessibleDescription(expect.stringContaining('Must be 10000 characters or fewer'));
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    expect(within(summaryList()).getByRole('link', { name: 'Must be 10000 characters or fewer' })).toBeInTheDocument();
    expect(world.requests).toEqual([]);
  });

  it('shows another coordinator’s save made since the page was read beside what was typed, and saves over it when asked', async () => {
    const meeting = inProgress();
    const { world, editElsewhere, user } = opens(meeting, buildMinutes(meeting, recordedContent()));

    const notes = await screen.findByRole('textbox', { name: 'Notes for the whole meeting' });
    await user.type(notes, 'Quorate. Police chaired.');
    await user.type(screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' }), 'Referred to the IDVA service.');
    // Another coordinator saves the notes meanwhile.
    editElsewhere({ notes: 'Quorate. Housing sent apologies.' });
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    // Refused in words; theirs is read again and shown beside what was typed, which stays.
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed these minutes since you opened it: their version is shown');
    const theirs = await screen.findByRole('region', { name: 'Someone else changed these minutes while you were working on it' });
    expect(theirs).toHaveTextContent('Quorate. Housing sent apologies.');
    expect(notes).toHaveValue('Quorate. Police chaired.');
    expect(screen.getByRole('textbox', { name: 'Summary of NBC-2026-0002' })).toHaveValue('Referred to the IDVA service.');

    // Keeping theirs in mind, the coordinator keeps their own words and saves them over theirs.
    await user.click(within(theirs).getByRole('button', { name: 'Keep mine' }));
    expect(screen.queryByRole('region', { name: /Someone else changed these minutes/ })).not.toBeInTheDocument();
    await user.clear(notes);
    await user.type(notes, 'Quorate. Police chaired; housing sent apologies.');
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    expect(await screen.findByText('The minutes have been saved.')).toBeInTheDocument();
    expect(world.requests.map((request) => JSON.parse(request.body).version)).toEqual([0, 1]);
    expect(world.minutes).toMatchObject({ version: 2, content: { notes: 'Quorate. Police chaired; housing sent apologies.' } });
  });

  it('says so when the chair has signed off since the page was read, keeping what was typed', async () => {
    const meeting = inProgress();
    const { user } = opens(meeting, buildMinutes(meeting, recordedContent()));
    server.use(http.put('/api/meetings/:id/minutes', () => apiErrorResponse(409, 'conflict', 'The minutes have been signed off: they can no longer be edited')));

    const notes = await screen.findByRole('textbox', { name: 'Notes for the whole meeting' });
    await user.type(notes, 'Late words');
    await user.click(screen.getByRole('button', { name: 'Save the minutes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The minutes have been signed off: they can no longer be edited');
    expect(notes).toHaveValue('Late words');
  });

  it('distributes signed-off minutes after a confirmation saying how many agencies receive them', async () => {
    const meeting = inProgress({ status: 'minuted' });
    const signed = buildMinutes(meeting, recordedContent(), { status: 'signed_off', signedOffAt: '2026-03-18T09:15:00.000Z', signedOffByName: 'Chris Chair' });
    const { world, user } = opens(meeting, signed);

    expect(await within(await screen.findByRole('region', { name: 'Status' })).findByText('Signed off', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(within(status()).getByText('Signed off on 18 March 2026')).toHaveClass('govuk-tag--green');
    expect(status()).toHaveTextContent('within the deadline');
    expect(status()).toHaveTextContent('18 March 2026, 09:15 by Chris Chair');
    // Editing has closed: the document is read only.
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Generate/ })).not.toBeInTheDocument();

    const distribute = screen.getByRole('button', { name: 'Distribute the minutes' });
    await user.click(distribute);
    const panel = screen.getByRole('region', { name: 'Distribute the minutes?' });
    expect(within(panel).getByRole('heading', { name: 'Distribute the minutes?' })).toHaveFocus();
    // Police and housing for the first case, police and the IDVA service for the second.
    expect(panel).toHaveTextContent('3 agencies receive the minutes, each with only the cases it was invited for.');
    expect(panel).toHaveTextContent('Notices hold no names and no case details.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(distribute).toHaveFocus();
    expect(world.requests).toEqual([]);

    await user.click(distribute);
    await user.click(screen.getByRole('button', { name: 'Yes, distribute the minutes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The minutes have been distributed to 3 agencies, each with only the cases it was invited for. Each agency with a secure mailbox is sent a notice with a link; notices hold no personal data.',
    );
    expect(world.requests).toEqual<SeenRequest[]>([{ method: 'POST', path: `/api/meetings/${meeting.id}/minutes/distribute`, body: '{"version":0}', csrf: 'csrf-minutes' }]);
    expect(within(status()).getByText('Distributed', { selector: '.govuk-tag' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Distributed18 March 2026, 11:00');
    expect(screen.queryByRole('button', { name: 'Distribute the minutes' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Status' })).toHaveFocus();
  });

  it('shows the server’s refusal to distribute in the error summary', async () => {
    const meeting = inProgress({ status: 'minuted' });
    const signed = buildMinutes(meeting, recordedContent(), { status: 'signed_off', signedOffAt: '2026-03-18T09:15:00.000Z', signedOffByName: 'Chris Chair' });
    const { user } = opens(meeting, signed);
    server.use(http.post('/api/meetings/:id/minutes/distribute', () => apiErrorResponse(409, 'conflict', 'The chair signs the minutes off before they are distributed')));

    await user.click(await screen.findByRole('button', { name: 'Distribute the minutes' }));
    await user.click(screen.getByRole('button', { name: 'Yes, distribute the minutes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The chair signs the minutes off before they are distributed');
    expect(screen.queryByRole('region', { name: 'Distribute the minutes?' })).not.toBeInTheDocument();
  });

  it('offers no generation before the meeting has started, saying when it can be', async () => {
    const meeting = inProgress({ status: 'agenda_published' });
    opens(meeting, null);

    expect(await screen.findByText('Minutes have not been generated yet. They can be generated once the meeting has started.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Generate/ })).not.toBeInTheDocument();
  });

  it('tells a meeting that does not exist from minutes that do not', async () => {
    const meeting = inProgress();
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      http.get('/api/meetings/:id', () => apiErrorResponse(404, 'not_found', 'The meeting was not found')),
      http.get('/api/meetings/:id/minutes', () => apiErrorResponse(404, 'not_found', 'The minutes were not found')),
    );
    renderApp(`/meetings/${meeting.id}/minutes`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Sorry, the meeting could not be shown');
    expect(screen.getByRole('alert')).toHaveTextContent('The meeting was not found');
    await waitFor(() => expect(screen.queryByText(/Minutes have not been generated/)).not.toBeInTheDocument());
  });
});
