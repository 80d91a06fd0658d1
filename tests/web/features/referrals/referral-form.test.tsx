import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { datePartsFrom } from '../../../../web/src/components/ui/date-input';
import { emptyRows } from '../../../../web/src/features/referrals/components/referral-form-values';
import { apiErrorResponse } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { answerDash, closeForm, completeValues, referralWorld, section, submissionOf } from './referral-world';

afterEach(closeForm);

const formReady = () => screen.findByText(/^Score so far:/);
const errorSummary = () => document.querySelector<HTMLElement>('.govuk-error-summary');
const send = () => screen.getByText('Send referral', { selector: 'button' });

describe('the referral form’s live DASH score', () => {
  it('updates the score and the criteria met as answers change, and explains what a score below the threshold needs', async () => {
    referralWorld();
    const { user } = renderApp('/referrals/new');

    const status = await formReady();
    expect(status).toHaveTextContent('Score so far: 0 “yes” answers (the threshold is 14). 0 of 24 questions answered.');
    const panel = () => document.getElementById('referral-score') as HTMLElement;
    expect(within(panel()).getByText('None yet. A referral needs at least one.')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('The score is below the threshold of 14 “yes” answers');

    await answerDash(user, 1, 'Yes');
    await answerDash(user, 2, 'Not known');
    expect(status).toHaveTextContent('Score so far: 1 “yes” answer (the threshold is 14). 2 of 24 questions answered.');

    for (let question = 3; question <= 15; question++) await answerDash(user, question, 'Yes');
    expect(status).toHaveTextContent('Score so far: 14 “yes” answers');
    expect(within(panel()).getByRole('heading', { name: 'DASH score: 14 of 24' })).toBeInTheDocument();
    expect(within(panel()).getByRole('list', { name: 'Criteria met' })).toHaveTextContent('Visible high risk: 14 or more “yes” answers');
    expect(panel()).not.toHaveTextContent('below the threshold');

    // "Not known" is not "yes": the case drops below the threshold again.
    await answerDash(user, 15, 'Not known');
    expect(within(panel()).getByRole('heading', { name: 'DASH score: 13 of 24' })).toBeInTheDocument();
    expect(within(panel()).getByText('None yet. A referral needs at least one.')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('The referral can still be made if you explain your professional judgement below');

    await user.type(section('criteria').getByLabelText(/^Professional judgement/), 'Threats with a knife since the separation');
    expect(within(panel()).getByRole('list', { name: 'Criteria met' })).toHaveTextContent('Professional judgement');

    await user.click(section('criteria').getByLabelText('The victim has been referred to a MARAC in the last 12 months'));
    const met = within(within(panel()).getByRole('list', { name: 'Criteria met' })).getAllByRole('listitem');
    expect(met.map((item) => item.textContent)).toEqual([
      'Professional judgement: you have explained why the case is high risk',
      'Repeat: the victim was referred to a MARAC in the last 12 months',
    ]);
  }, 20_000);

  it('counts incidents towards potential escalation', async () => {
    const world = referralWorld();
    const values = completeValues(world.me);
    const draft = world.saveDraft({
      ...values,
      assessment: { ...values.assessment, answers: values.assessment.answers.map(() => ({ answer: 'no', comment: '' })) },
      incidentDates: [emptyRows.date(), emptyRows.date()].map((row, i) => ({ ...row, date: datePartsFrom(i === 0 ? '2026-01-02' : '2026-01-09') })),
      referralDate: datePartsFrom('2026-01-14'),
    });
    const { user } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();
    const panel = document.getElementById('referral-score') as HTMLElement;
    expect(panel).toHaveTextContent('2 incidents in the 12 months before the referral.');
    expect(within(panel).getByText('None yet. A referral needs at least one.')).toBeInTheDocument();

    await user.click(section('criteria').getByText('Add another incident date'));
    const third = section('criteria').getByRole('group', { name: 'Incident 3' });
    expect(within(third).getByLabelText('Day')).toHaveFocus();
    await user.type(within(third).getByLabelText('Day'), '1');
    await user.type(within(third).getByLabelText('Month'), '12');
    await user.type(within(third).getByLabelText('Year'), '2025');

    expect(within(panel).getByRole('list', { name: 'Criteria met' })).toHaveTextContent('Potential escalation: 3 or more incidents in 12 months');
  }, 20_000);
});

describe('finding one’s way round the form', () => {
  it('moves to a section from the contents without leaving the form', async () => {
    referralWorld();
    const { user, router } = renderApp('/referrals/new');
    await formReady();
    await user.type(section('victim').getByLabelText('First name of the victim'), 'Vicky');

    const contents = screen.getByRole('navigation', { name: 'Contents' });
    await user.click(within(contents).getByRole('link', { name: 'DASH risk checklist' }));

    expect(section('dash').getByRole('heading', { level: 2, name: 'DASH risk checklist' })).toHaveFocus();
    expect(router.state.location.hash).toBe('');
    expect(section('victim').getByLabelText('First name of the victim')).toHaveValue('Vicky');
  });
});

describe('checking the referral before it is sent', () => {
  it('lists every problem in an error summary that links to its field, and keeps everything typed', async () => {
    referralWorld();
    const { user, router } = renderApp('/referrals/new');
    await formReady();

    const victim = section('victim');
    await user.type(victim.getByLabelText('Last name of the victim'), 'Example');
    const birth = victim.getByRole('group', { name: 'Date of birth of the victim' });
    await user.type(within(birth).getByLabelText('Day'), '12');
    await user.type(within(birth).getByLabelText('Month'), '4');
    await user.type(within(birth).getByLabelText('Year'), '2090');
    await user.type(section('perpetrators').getByLabelText('First name of perpetrator 1'), 'Paul');
    await user.click(send());

    const summary = await waitFor(() => {
      const found = errorSummary();
      if (!found) throw new Error('no error summary yet');
      return found;
    });
    expect(summary).toHaveFocus();
    const firstName = within(summary).getByRole('link', { name: 'Enter the victim’s first name' });
    expect(firstName).toHaveAttribute('href', '#referral-victim-givenName');
    const dateOfBirth = within(summary).getByRole('link', { name: 'Date of birth must be in the past' });
    expect(dateOfBirth).toHaveAttribute('href', '#referral-victim-datesOfBirth-0-day');
    expect(within(summary).getByRole('link', { name: 'Enter perpetrator 1’s last name' })).toHaveAttribute('href', '#referral-perpetrators-0-familyName');
    expect(within(summary).getByRole('link', { name: 'Say whether the victim knows about this referral' })).toHaveAttribute(
      'href',
      '#referral-consent-victimAware',
    );
    // 24 unanswered questions make one entry, not 24.
    expect(within(summary).getByRole('link', { name: 'Answer every DASH question: 24 are not answered yet' })).toHaveAttribute(
      'href',
      '#referral-assessment-answers-q1',
    );
    // The summary follows the order of the page.
    const messages = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(messages.indexOf('Enter the victim’s first name')).toBeLessThan(messages.indexOf('Date of birth must be in the past'));
    expect(messages.indexOf('Date of birth must be in the past')).toBeLessThan(messages.indexOf('Enter perpetrator 1’s last name'));

    await user.click(firstName);
    expect(victim.getByLabelText('First name of the victim')).toHaveFocus();
    expect(victim.getByLabelText('First name of the victim')).toHaveAccessibleDescription(/Enter the victim’s first name/);
    await user.click(dateOfBirth);
    expect(within(birth).getByLabelText('Day')).toHaveFocus();
    expect(birth).toHaveAccessibleDescription(/Date of birth must be in the past/);
    expect(within(dashQuestionGroup(7)).getByText('Answer question 7: yes, no or not known')).toBeInTheDocument();

    // Nothing typed is lost, and nothing was sent.
    expect(victim.getByLabelText('Last name of the victim')).toHaveValue('Example');
    expect(within(birth).getByLabelText('Day')).toHaveValue('12');
    expect(within(birth).getByLabelText('Month')).toHaveValue('4');
    expect(within(birth).getByLabelText('Year')).toHaveValue('2090');
    expect(section('perpetrators').getByLabelText('First name of perpetrator 1')).toHaveValue('Paul');
    expect(router.state.location.pathname).toBe('/referrals/new');
  }, 20_000);

  it('marks the row a problem came from when rows left empty are not sent', async () => {
    const world = referralWorld();
    const values = completeValues(world.me);
    // The first date-of-birth row is left empty, so the date numbered 0 in the submission is the second row.
    const draft = world.saveDraft({
      ...values,
      victim: { ...values.victim, datesOfBirth: [emptyRows.date(), { ...emptyRows.date(), date: datePartsFrom('2011-02-03') }] },
    });
    const { user } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();
    await user.click(send());

    const summary = await waitFor(() => {
      const found = errorSummary();
      if (!found) throw new Error('no error summary yet');
      return found;
    });
    const age = within(summary).getByRole('link', { name: 'The victim must be 16 or over to be referred to MARAC' });
    expect(age).toHaveAttribute('href', '#referral-victim-datesOfBirth-1-day');
    const second = section('victim').getByRole('group', { name: 'Date of birth 2 of the victim' });
    expect(second).toHaveAccessibleDescription(/The victim must be 16 or over/);
    await user.click(age);
    expect(within(second).getByLabelText('Day')).toHaveFocus();
    expect(within(second).getByLabelText('Year')).toHaveValue('2011');
    expect(world.sent.submissions).toHaveLength(0);
  });

  it('shows the server’s field errors against the right fields, keeping the draft and every value', async () => {
    const world = referralWorld();
    const values = completeValues(world.me);
    const contact = { ...emptyRows.unsafeContact(), name: 'Dora Sample', agencyId: world.housing.id };
    const draft = world.saveDraft({ ...values, unsafeContacts: [emptyRows.unsafeContact(), contact] });
    let body: unknown;
    server.use(
      http.post('/api/referrals', async ({ request }) => {
        body = await request.json();
        // Only the server knows these: the agency was disabled meanwhile, and the account lost its agency.
        return apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'unsafeContacts.0.agencyId', message: 'Choose an agency from the list' },
          { field: 'referringAgencyId', message: 'Your account is not linked to an agency: ask an administrator' },
        ]);
      }),
    );
    const { user, router } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();
    await user.click(send());

    const summary = await waitFor(() => {
      const found = errorSummary();
      if (!found) throw new Error('no error summary yet');
      return found;
    });
    expect(summary).toHaveFocus();
    // The blank first row was not sent, so the server's contact 0 is the second on the page.
    const agency = within(summary).getByRole('link', { name: 'Choose an agency from the list' });
    expect(agency).toHaveAttribute('href', '#referral-unsafeContacts-1-agencyId');
    // A problem with no field on this form is still listed, without a link.
    expect(within(summary).getByText('Your account is not linked to an agency: ask an administrator').closest('a')).toBeNull();
    const select = section('safety').getByLabelText(/^Agency they work for of unsafe contact 2/);
    expect(select).toHaveAccessibleDescription(/Choose an agency from the list/);
    await user.click(agency);
    expect(select).toHaveFocus();

    const sent = submissionOf(body);
    expect(sent.unsafeContacts).toEqual([{ name: 'Dora Sample', relationship: null, email: null, agencyId: world.housing.id, reason: null }]);
    expect((body as { draftId?: string }).draftId).toBe(draft.id);
    expect(select).toHaveValue(world.housing.id);
    expect(section('safety').getByLabelText('Name of unsafe contact 2')).toHaveValue('Dora Sample');
    expect(section('victim').getByLabelText('First name of the victim')).toHaveValue('Vicky');
    expect(currentPath(router)).toBe(`/referrals/new?draft=${draft.id}`);
    expect(world.drafts.has(draft.id)).toBe(true);
  });
});

/** A DASH question's fieldset, by number. */
function dashQuestionGroup(question: number): HTMLElement {
  const fieldset = document.getElementById(`referral-assessment-answers-q${question}`)?.closest('fieldset');
  if (!fieldset) throw new Error(`no question ${question}`);
  return fieldset;
}

describe('saving the referral as a draft', () => {
  it('creates a draft when the person moves on, updates it after a pause in typing, and reopens it from its address', async () => {
    const world = referralWorld();
    const first = renderApp('/referrals/new');
    await formReady();
    const { user } = first;

    expect(screen.getByText('Your answers will be saved as a draft as you go.')).toBeInTheDocument();
    await user.type(section('victim').getByLabelText('First name of the victim'), 'Vicky');
    expect(world.sent.draftCreates).toHaveLength(0);

    // Moving to another section saves at once.
    await user.click(section('perpetrators').getByLabelText('First name of perpetrator 1'));
    await waitFor(() => expect(world.sent.draftCreates).toHaveLength(1));
    expect(await screen.findByText('Saved at 14:04')).toBeInTheDocument();
    const [draftId] = [...world.drafts.keys()];
    expect(currentPath(first.router)).toBe(`/referrals/new?draft=${draftId}`);
    // The address changed, but it is the same form: what was typed is still there.
    expect(section('victim').getByLabelText('First name of the victim')).toHaveValue('Vicky');

    await user.type(section('perpetrators').getByLabelText('First name of perpetrator 1'), 'Paul');
    expect(world.sent.draftUpdates).toHaveLength(0);
    // Two seconds after the typing stops, the draft is replaced.
    await waitFor(() => expect(world.sent.draftUpdates).toHaveLength(1), { timeout: 4000 });
    expect(await screen.findByText('Saved at 14:05')).toBeInTheDocument();
    expect(world.sent.draftCreates).toHaveLength(1);
    expect(world.sent.draftUpdates[0]?.id).toBe(draftId);
    expect(world.sent.draftUpdates[0]?.payload).toMatchObject({
      values: { victim: { givenName: 'Vicky' }, perpetrators: [{ givenName: 'Paul' }] },
    });
    first.unmount();

    renderApp(`/referrals/new?draft=${draftId}`);
    await formReady();
    expect(section('victim').getByLabelText('First name of the victim')).toHaveValue('Vicky');
    expect(section('perpetrators').getByLabelText('First name of perpetrator 1')).toHaveValue('Paul');
    expect(screen.getByText('Saved at 14:05')).toBeInTheDocument();
  }, 20_000);

  it('says when a save fails and keeps what was typed', async () => {
    referralWorld();
    server.use(http.post('/api/referral-drafts', () => apiErrorResponse(503, 'internal_error', 'The service is unavailable')));
    const { user } = renderApp('/referrals/new');
    await formReady();

    await user.type(section('victim').getByLabelText('First name of the victim'), 'Vicky');
    await user.click(section('perpetrators').getByLabelText('First name of perpetrator 1'));

    expect(await screen.findByText('Could not save. What you have typed is still on this page.')).toBeInTheDocument();
    expect(screen.getByText('Try saving again', { selector: 'button' })).toBeInTheDocument();
    expect(section('victim').getByLabelText('First name of the victim')).toHaveValue('Vicky');
  });

  it('says so when a draft cannot be opened', async () => {
    referralWorld();
    renderApp(`/referrals/new?draft=${crypto.randomUUID()}`);

    expect(await screen.findByText('That draft does not exist or you do not have access to it')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'start a new referral' })).toHaveAttribute('href', '/referrals/new');
  });
});

describe('sending a referral', () => {
  it('sends the score the form computed and the draft it came from, then shows the referral', async () => {
    const world = referralWorld();
    world.acceptSubmissions('DERBY-R-2026-00042');
    const draft = world.saveDraft(completeValues(world.me));
    const { user, router } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();

    expect(section('referral').getByText('Derbyshire Constabulary')).toBeInTheDocument();
    expect(section('referral').getByLabelText('Referrer’s name')).toHaveValue('Pat Police');
    // 15 "yes" answers in the draft; one changed to "no" leaves 14.
    await answerDash(user, 15, 'No');
    expect(screen.getByText(/^Score so far:/)).toHaveTextContent('Score so far: 14 “yes” answers');
    await user.click(send());

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}$/));
    expect(router.state.location.state).toEqual({
      notice: 'Referral DERBY-R-2026-00042 has been sent to the MARAC coordinator for screening',
    });
    expect(world.sent.submissions).toHaveLength(1);
    const body = world.sent.submissions[0];
    expect(body?.dashScore).toBe(14);
    expect(body?.draftId).toBe(draft.id);
    expect(body?.referringAgencyId).toBeNull();
    expect(body?.areaId).toBe(world.city.id);
    expect(body?.assessment.answers).toHaveLength(24);
    expect(body?.assessment.answers.filter((a) => a.answer === 'yes')).toHaveLength(14);
    expect(body?.victim).toMatchObject({ givenName: 'Vicky', familyName: 'Example', datesOfBirth: ['1990-04-12'], gender: 'female' });
    expect(body?.perpetrators).toEqual([expect.objectContaining({ givenName: 'Paul', familyName: 'Sample', relationshipToVictim: 'Ex-partner' })]);
    expect(body?.consent).toEqual({ victimAware: true, consentGiven: 'yes', reason: null });
    // The change was saved to the draft before it was sent.
    expect(world.sent.draftUpdates.at(-1)?.payload).toMatchObject({ values: { assessment: { answers: expect.any(Array) } } });
    expect(world.drafts.has(draft.id)).toBe(false);
  }, 20_000);

  it('sends everything the form carries about the people involved', async () => {
    const world = referralWorld();
    world.acceptSubmissions();
    const draft = world.saveDraft(completeValues(world.me));
    const { user } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();

    const victim = section('victim');
    await user.click(victim.getByText('Add an alias or other spelling', { exact: false }));
    await user.type(victim.getByLabelText('First name in other name 1 of the victim'), 'Vic');
    await user.type(victim.getByLabelText('Last name in other name 1 of the victim'), 'Sample');
    await user.type(victim.getByLabelText('Address line 1'), '1 Example Street');
    await user.type(victim.getByLabelText('Postcode'), 'de1 2ab');

    const household = section('household');
    await user.click(household.getByText('Add a child or household member'));
    await user.type(household.getByLabelText('First name of household member 1'), 'Cara');
    await user.type(household.getByLabelText('Last name of household member 1'), 'Example');
    await user.type(household.getByLabelText(/^Relationship to the victim of household member 1/), 'Daughter');
    await user.type(household.getByLabelText(/^School, college or nursery/), 'Example Primary');

    const safety = section('safety');
    await user.click(safety.getByText('Add someone it is not safe to contact'));
    await user.type(safety.getByLabelText('Name of unsafe contact 1'), 'Dora Sample');
    await user.selectOptions(safety.getByLabelText(/^Agency they work for/), 'Derby Homes');

    const perpetrators = section('perpetrators');
    await user.click(perpetrators.getByText('Add another perpetrator'));
    await user.type(perpetrators.getByLabelText('First name of perpetrator 2'), 'Pete');
    await user.type(perpetrators.getByLabelText('Last name of perpetrator 2'), 'Other');
    await user.click(send());

    await waitFor(() => expect(world.sent.submissions).toHaveLength(1));
    const body = world.sent.submissions[0];
    expect(body?.victim.aliases).toEqual([{ givenName: 'Vic', familyName: 'Sample' }]);
    expect(body?.victim.address).toEqual({ line1: '1 Example Street', line2: null, town: null, postcode: 'DE1 2AB' });
    expect(body?.householdMembers).toEqual([
      expect.objectContaining({ role: 'child', givenName: 'Cara', familyName: 'Example', relationshipToVictim: 'Daughter', school: 'Example Primary' }),
    ]);
    expect(body?.unsafeContacts).toEqual([{ name: 'Dora Sample', relationship: null, email: null, agencyId: world.housing.id, reason: null }]);
    expect(body?.perpetrators.map((p) => p.givenName)).toEqual(['Paul', 'Pete']);
  }, 30_000);
});

describe('a coordinator entering a referral on someone’s behalf', () => {
  it('chooses the area and the referring agency, offered the agencies serving that area', async () => {
    const world = referralWorld('coordinator');
    world.acceptSubmissions();
    const draft = world.saveDraft(completeValues(world.me, { areaId: '' }));
    const { user } = renderApp(`/referrals/new?draft=${draft.id}`);
    await formReady();

    const details = section('referral');
    expect(details.queryByText(/You are referring for/)).not.toBeInTheDocument();
    await user.click(send());
    const summary = await waitFor(() => {
      const found = errorSummary();
      if (!found) throw new Error('no error summary yet');
      return found;
    });
    expect(within(summary).getByRole('link', { name: 'Choose the MARAC area that covers the victim’s address' })).toHaveAttribute(
      'href',
      '#referral-areaId',
    );
    expect(within(summary).getByRole('link', { name: 'Choose the agency the referral comes from' })).toHaveAttribute(
      'href',
      '#referral-referringAgencyId',
    );
    expect(world.sent.submissions).toHaveLength(0);

    await user.click(details.getByLabelText('Amber Valley'));
    const agency = details.getByLabelText('Referring agency');
    expect(within(agency).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose an agency',
      'Derbyshire Constabulary',
      'Amber Valley Probation',
    ]);
    await user.selectOptions(agency, 'Amber Valley Probation');
    await user.click(send());

    await waitFor(() => expect(world.sent.submissions).toHaveLength(1));
    expect(world.sent.submissions[0]).toMatchObject({ areaId: world.county.id, referringAgencyId: world.probation.id, referrerName: 'PC Robin Referrer' });
  }, 20_000);
});
