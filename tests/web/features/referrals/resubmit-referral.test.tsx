import { ReferralSubmission, type ReferralDetail } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { valuesFromReferral } from '../../../../web/src/features/referrals/components/referral-form-values';
import { buildDashAnswers, buildReferralDetail, newId } from '../../factories';
import { referralDetail } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { closeForm, dashQuestion, referralWorld, section } from './referral-world';

afterEach(closeForm);

const formReady = () => screen.findByText(/^Score so far:/);

/** A referral screening sent back, with everything the form can show filled in. */
function waitingForInformation(world: ReturnType<typeof referralWorld>, overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  const person = { aliases: [], address: null, phone: null, relationshipToVictim: null, relationshipToPerpetrator: null, school: null, personId: null };
  return buildReferralDetail({
    status: 'more_information_requested',
    statusLabel: 'More information requested',
    areaId: world.city.id,
    referringAgencyId: world.police.id,
    referrerUserId: world.me.user.id,
    referrerName: 'Pat Police',
    referrerContact: 'pat.police@police.example.org',
    referralDate: '2026-01-14',
    urgent: true,
    assessments: [{ tool: 'dash', version: '2009', completedOn: '2026-01-13', answers: buildDashAnswers(12), score: 12 }],
    dashScore: 12,
    criteriaMet: ['professional_judgement'],
    professionalJudgementReasons: 'Threats with a knife since the separation',
    incidentDates: ['2026-01-02'],
    victim: {
      ...person,
      id: newId(),
      role: 'victim',
      givenName: 'Vicky',
      familyName: 'Example',
      aliases: [{ givenName: 'Vic', familyName: 'Sample' }],
      datesOfBirth: ['1990-04-12'],
      gender: 'female',
      address: { line1: '1 Example Street', line2: null, town: 'Derby', postcode: 'DE1 2AB' },
      phone: '07700 900001',
    },
    perpetrators: [{ ...person, id: newId(), role: 'perpetrator', givenName: 'Paul', familyName: 'Sample', datesOfBirth: [], gender: 'male', relationshipToVictim: 'Ex-partner' }],
    householdMembers: [
      { ...person, id: newId(), role: 'child', givenName: 'Cara', familyName: 'Example', datesOfBirth: ['2019-06-30'], gender: 'female', school: 'Example Primary' },
    ],
    consent: { victimAware: true, consentGiven: 'no', reason: 'She fears he will find out' },
    unsafeContacts: [{ name: 'Dora Sample', relationship: 'His mother', email: null, agencyId: null, reason: 'Passes information on' }],
    history: [
      { kind: 'submitted', label: 'Submitted', at: '2026-01-14T10:00:00.000Z', byUserId: world.me.user.id, byName: 'Pat Police', reason: null },
      {
        kind: 'more_information_requested',
        label: 'More information requested',
        at: '2026-01-15T09:12:00.000Z',
        byUserId: newId(),
        byName: 'Cora Coordinator',
        reason: 'Please add the dates of the other incidents',
      },
    ],
    ...overrides,
  });
}

describe('providing more information', () => {
  it('fills the form from the referral as it was sent, and sends it back in full', async () => {
    const world = referralWorld();
    const referral = waitingForInformation(world);
    let current = referral;
    let body: ReferralSubmission | undefined;
    let putId: string | undefined;
    server.use(
      referralDetail(() => current),
      http.put('/api/referrals/:id', async ({ request, params }) => {
        putId = String(params.id);
        body = ReferralSubmission.parse(await request.json());
        current = { ...referral, status: 'submitted', statusLabel: 'Awaiting screening', incidentDates: body.incidentDates };
        return HttpResponse.json(current);
      }),
    );
    const { user, router } = renderApp(`/referrals/${referral.id}/resubmit`);
    await formReady();

    expect(screen.getByText('Please add the dates of the other incidents')).toBeInTheDocument();
    expect(screen.getByText('The coordinator asked for more information on 15 January 2026, 09:12')).toBeInTheDocument();
    const victim = section('victim');
    expect(victim.getByLabelText('First name of the victim')).toHaveValue('Vicky');
    expect(victim.getByLabelText('First name in other name 1 of the victim')).toHaveValue('Vic');
    expect(victim.getByLabelText('Postcode')).toHaveValue('DE1 2AB');
    expect(within(victim.getByRole('group', { name: 'Date of birth of the victim' })).getByLabelText('Year')).toHaveValue('1990');
    expect(section('household').getByLabelText('First name of household member 1')).toHaveValue('Cara');
    expect(section('safety').getByLabelText('Name of unsafe contact 1')).toHaveValue('Dora Sample');
    expect(within(section('safety').getByRole('group', { name: /^Has the victim consented/ })).getByLabelText('No')).toBeChecked();
    expect(within(dashQuestion(12)).getByLabelText('Yes')).toBeChecked();
    expect(within(dashQuestion(13)).getByLabelText('No')).toBeChecked();
    expect(section('criteria').getByLabelText(/^Professional judgement/)).toHaveValue('Threats with a knife since the separation');
    expect(within(section('criteria').getByRole('group', { name: 'Incident 1' })).getByLabelText('Month')).toHaveValue('1');

    await user.click(section('criteria').getByText('Add another incident date'));
    const added = section('criteria').getByRole('group', { name: 'Incident 2' });
    await user.type(within(added).getByLabelText('Day'), '9');
    await user.type(within(added).getByLabelText('Month'), '1');
    await user.type(within(added).getByLabelText('Year'), '2026');
    await user.click(screen.getByText('Resubmit referral', { selector: 'button' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/referrals/${referral.id}`));
    expect(router.state.location.state).toEqual({
      notice: 'Referral DERBY-R-2026-00001 has been sent back to the MARAC coordinator with more information',
    });
    expect(putId).toBe(referral.id);
    expect(body).toMatchObject({
      areaId: world.city.id,
      referringAgencyId: null,
      urgent: true,
      dashScore: 12,
      incidentDates: ['2026-01-02', '2026-01-09'],
      professionalJudgementReasons: 'Threats with a knife since the separation',
      consent: { victimAware: true, consentGiven: 'no', reason: 'She fears he will find out' },
      victim: { givenName: 'Vicky', aliases: [{ givenName: 'Vic', familyName: 'Sample' }], datesOfBirth: ['1990-04-12'], phone: '07700 900001' },
      householdMembers: [{ role: 'child', givenName: 'Cara', datesOfBirth: ['2019-06-30'], school: 'Example Primary' }],
      unsafeContacts: [{ name: 'Dora Sample', relationship: 'His mother', reason: 'Passes information on' }],
    });
    expect(body?.assessment.answers.filter((answer) => answer.answer === 'yes')).toHaveLength(12);
    // The work was kept as a draft while it was typed, and the draft goes once the answer is sent.
    expect(world.sent.draftCreates[0]).toMatchObject({ resubmits: referral.id });
    await waitFor(() => expect(world.sent.draftDeletes).toHaveLength(1));
    expect(world.drafts.size).toBe(0);
  }, 30_000);

  it('continues a saved draft of more information on the referral’s own page', async () => {
    const world = referralWorld();
    const referral = waitingForInformation(world);
    server.use(referralDetail(() => referral));
    const values = valuesFromReferral(referral, world.me);
    const draft = world.saveDraft({ ...values, victimFears: 'That he will take the children' }, referral.id);
    // Drafts are listed without their content, so "Continue" always opens the new-referral address.
    const { router } = renderApp(`/referrals/new?draft=${draft.id}`);

    await waitFor(() => expect(currentPath(router)).toBe(`/referrals/${referral.id}/resubmit?draft=${draft.id}`));
    await formReady();
    expect(section('safety').getByLabelText(/^What and whom does the victim fear/)).toHaveValue('That he will take the children');
    expect(screen.getByText('Resubmit referral', { selector: 'button' })).toBeInTheDocument();
  });

  it('does not offer the form when the referral is not waiting for more information', async () => {
    const world = referralWorld();
    const referral = waitingForInformation(world, { status: 'accepted', statusLabel: 'Accepted', reference: 'DERBY-R-2026-00007' });
    server.use(referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}/resubmit`);

    expect(await screen.findByText(/Referral DERBY-R-2026-00007 is not waiting for more information/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the referral' })).toHaveAttribute('href', `/referrals/${referral.id}`);
    expect(screen.queryByText('Resubmit referral')).not.toBeInTheDocument();
  });
});
