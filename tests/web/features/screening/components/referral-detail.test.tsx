import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgencyDirectoryEntry, buildFlag, buildMe, newId } from '../../../factories';
import { agencyDirectory, referralDetail, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';
import { AREA, buildScreeningReferral, buildSubject } from '../screening-factories';

const section = (name: string) => screen.getByRole('region', { name });

describe('referral detail', () => {
  it('shows each flag with its detail, the related cases by reference and how many cannot be seen', async () => {
    const referral = buildScreeningReferral({
      flags: [
        buildFlag('repeat', {
          detail: 'Referred again within 12 months of the referral of 20 March 2025',
          relatedCases: [{ id: newId(), reference: 'NBC-2025-0007', areaName: 'Northbridge City' }],
          hiddenRelatedCount: 2,
          previousReferralDate: '2025-03-20',
          anchorDate: '2025-03-20',
          daysLeft: 19,
        }),
        buildFlag('serial_perpetrator', { detail: 'The perpetrator is named in cases with 2 unconnected victims', hiddenRelatedCount: 1 }),
      ],
    });
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), agencyDirectory([]), referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Referral NBC-R-2026-00042/ })).toBeInTheDocument();
    const flags = section('Flags');
    const repeat = within(flags).getByText('Repeat').closest('.govuk-summary-list__row') as HTMLElement;
    expect(repeat).toHaveTextContent('Referred again within 12 months of the referral of 20 March 2025');
    expect(repeat).toHaveTextContent('Previous referral: 20 March 2025');
    expect(repeat).toHaveTextContent('12-month window counted from 20 March 2025');
    expect(repeat).toHaveTextContent('19 days left in the window');
    expect(repeat).toHaveTextContent('Related cases: NBC-2025-0007 (Northbridge City) and 2 other cases you cannot see');
    // There is no case page yet, so references are not links.
    expect(within(repeat).queryByRole('link')).not.toBeInTheDocument();
    const serial = within(flags).getByText('Serial perpetrator').closest('.govuk-summary-list__row') as HTMLElement;
    expect(serial).toHaveTextContent('1 related case you cannot see');
    // Flags come before the referral itself.
    expect(flags.compareDocumentPosition(section('Referral')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows everything the referral carries, with unsafe contacts marked “Do not contact”', async () => {
    const agencyId = newId();
    const referral = buildScreeningReferral({
      urgent: true,
      criteriaMet: ['visible_high_risk', 'professional_judgement'],
      professionalJudgementReasons: 'Escalating threats over the last month.',
      victim: buildSubject({ givenName: 'Jane', familyName: 'Doe', phone: '07700 900123', aliases: [{ givenName: 'Janey', familyName: 'Smith' }] }),
      victimDetails: {
        language: 'Polish',
        interpreterNeeded: true,
        gp: 'High Street Surgery',
        contactSafety: { safeToCall: false, safeTimes: null, safeMethods: 'Through the IDVA only' },
        diversity: { ethnicity: 'white_other', disability: 'no', lgbt: 'not_known' },
      },
      householdMembers: [buildSubject({ role: 'child', givenName: 'Sam', familyName: 'Doe', datesOfBirth: ['2019-06-01'], school: 'Northbridge Primary' })],
      unsafeContacts: [{ name: 'Peter Roe', relationship: 'Perpetrator’s brother', email: null, agencyId, reason: 'Passes everything on' }],
      policeReferences: [{ kind: 'crime', reference: 'CR/123/26', detail: 'Common assault', date: '2026-02-28' }],
      consent: { victimAware: true, consentGiven: 'no', reason: 'She fears he will find out.' },
      narrative: { recentIncident: 'Pushed down the stairs.', history: 'Two years of controlling behaviour.', supportInPlace: null, risksAndTriggers: null },
    });
    server.use(
      signedInAs(buildMe({ role: 'chair', areas: [AREA] })),
      agencyDirectory([buildAgencyDirectoryEntry({ id: agencyId, name: 'Northbridge Housing', kind: 'housing', areaIds: [AREA.id] })]),
      referralDetail(() => referral),
    );
    renderApp(`/referrals/${referral.id}`);

    const doNotContact = await screen.findByRole('region', { name: 'Do not contact' });
    expect(within(doNotContact).getByText(/Never contact these people/)).toBeInTheDocument();
    expect(await within(doNotContact).findByText(/Northbridge Housing/)).toBeInTheDocument();
    expect(doNotContact).toHaveTextContent('Peter Roe (Perpetrator’s brother, Northbridge Housing) – Passes everything on');

    const facts = section('Referral');
    expect(facts).toHaveTextContent('Northbridge Police');
    expect(facts).toHaveTextContent('PC Pat Police');
    expect(facts).toHaveTextContent('1 March 2026');
    expect(facts).toHaveTextContent('15 of 24');
    expect(facts).toHaveTextContent('Visible high risk, Professional judgement');
    expect(facts).toHaveTextContent('Escalating threats over the last month.');
    expect(within(facts).getByText('Urgent', { selector: 'strong' })).toHaveClass('govuk-tag', 'govuk-tag--red');

    const risk = section('Risk assessment');
    const rows = within(risk).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toHaveTextContent('Injury in the current incident');
    expect(rows[0]).toHaveTextContent('Yes');
    expect(rows[0]).toHaveTextContent('Bruising to the arm');
    expect(rows[17]).toHaveTextContent('Abuser known to hurt others');
    expect(rows[17]).toHaveTextContent('No');
    expect(rows[23]).toHaveTextContent('Abuser known to police or has a criminal record');
    expect(rows[23]).toHaveTextContent('Not known');

    const victim = section('Victim');
    expect(within(victim).getByText('It is not safe to call the victim.')).toBeInTheDocument();
    expect(victim).toHaveTextContent('Janey Smith');
    expect(victim).toHaveTextContent('12 April 1990');
    expect(victim).toHaveTextContent('Through the IDVA only');
    expect(victim).toHaveTextContent('Polish');
    expect(victim).toHaveTextContent('White other');

    expect(section('Perpetrator')).toHaveTextContent('John Roe');
    expect(section('Perpetrator')).toHaveTextContent('Ex-partner');
    const household = section('Children and other household members');
    expect(household).toHaveTextContent('Sam Doe');
    expect(household).toHaveTextContent('Child');
    expect(household).toHaveTextContent('Northbridge Primary');
    expect(section('Consent')).toHaveTextContent('She fears he will find out.');
    expect(section('What happened')).toHaveTextContent('Pushed down the stairs.');
    expect(section('What happened')).toHaveTextContent('Two years of controlling behaviour.');
    expect(section('Police references, orders and court dates')).toHaveTextContent('CR/123/26');
  });

  it('shows the history with who did what, when and why', async () => {
    const referral = buildScreeningReferral({
      status: 'submitted',
      history: [
        { kind: 'submitted', label: 'Submitted', at: '2026-03-01T09:00:00.000Z', byUserId: newId(), byName: 'PC Pat Police', reason: null },
        {
          kind: 'more_information_requested',
          label: 'More information requested',
          at: '2026-03-02T14:30:00.000Z',
          byUserId: newId(),
          byName: 'Sam Coordinator',
          reason: 'Please add the perpetrator’s date of birth.',
        },
        { kind: 'resubmitted', label: 'Resubmitted with more information', at: '2026-03-03T08:00:00.000Z', byUserId: newId(), byName: 'PC Pat Police', reason: null },
      ],
    });
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), agencyDirectory([]), referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}`);

    const history = await screen.findByRole('list', { name: 'History of this referral' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toHaveTextContent('Submitted');
    expect(entries[0]).toHaveTextContent('1 March 2026, 09:00 by PC Pat Police');
    expect(entries[1]).toHaveTextContent('More information requested');
    expect(entries[1]).toHaveTextContent('2 March 2026, 14:30 by Sam Coordinator');
    expect(entries[1]).toHaveTextContent('Reason: Please add the perpetrator’s date of birth.');
    expect(entries[2]).toHaveTextContent('Resubmitted with more information');
  });

  it('gives the referrer the reason and a way to provide more information, with no decision form or matches', async () => {
    const me = buildMe({ role: 'agency_representative', areas: [AREA] });
    const referral = buildScreeningReferral({
      referrerUserId: me.user.id,
      enteredByUserId: me.user.id,
      status: 'more_information_requested',
      statusLabel: 'More information requested',
      history: [
        { kind: 'submitted', label: 'Submitted', at: '2026-03-01T09:00:00.000Z', byUserId: me.user.id, byName: 'PC Pat Police', reason: null },
        {
          kind: 'more_information_requested',
          label: 'More information requested',
          at: '2026-03-02T14:30:00.000Z',
          byUserId: newId(),
          byName: 'Sam Coordinator',
          reason: 'Please add the perpetrator’s date of birth.',
        },
      ],
    });
    // No matches handler: the page must not ask for them.
    server.use(signedInAs(me), agencyDirectory([]), referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}`);

    const banner = await screen.findByRole('region', { name: 'More information requested' });
    expect(banner).toHaveTextContent('Screening asked: Please add the perpetrator’s date of birth.');
    expect(screen.getByRole('link', { name: 'Provide more information' })).toHaveAttribute('href', `/referrals/${referral.id}/resubmit`);
    expect(screen.getByRole('link', { name: 'Back to your referrals' })).toHaveAttribute('href', '/referrals');
    expect(screen.queryByRole('region', { name: 'Screening decision' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Identity matches' })).not.toBeInTheDocument();
  });

  it('tells the referrer why a referral was rejected, with nothing to resubmit', async () => {
    const me = buildMe({ role: 'agency_representative', areas: [AREA] });
    const referral = buildScreeningReferral({
      referrerUserId: me.user.id,
      enteredByUserId: me.user.id,
      status: 'rejected',
      statusLabel: 'Rejected',
      history: [
        { kind: 'submitted', label: 'Submitted', at: '2026-03-01T09:00:00.000Z', byUserId: me.user.id, byName: 'PC Pat Police', reason: null },
        { kind: 'rejected', label: 'Rejected', at: '2026-03-02T14:30:00.000Z', byUserId: newId(), byName: 'Sam Coordinator', reason: 'The victim is under 16.' },
      ],
    });
    server.use(signedInAs(me), agencyDirectory([]), referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}`);

    expect(await screen.findByRole('region', { name: 'Referral rejected' })).toHaveTextContent('Reason given by screening: The victim is under 16.');
    expect(screen.queryByRole('link', { name: 'Provide more information' })).not.toBeInTheDocument();
  });

  it('lets a chair of the area read the referral but not decide or see identity matches', async () => {
    const referral = buildScreeningReferral({ status: 'submitted' });
    server.use(signedInAs(buildMe({ role: 'chair', areas: [AREA] })), agencyDirectory([]), referralDetail(() => referral));
    renderApp(`/referrals/${referral.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Referral NBC-R-2026-00042/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to screening' })).toHaveAttribute('href', '/screening');
    expect(screen.queryByRole('region', { name: 'Screening decision' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Identity matches' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Provide more information' })).not.toBeInTheDocument();
  });

  it('says a referral it may not see could not be shown', async () => {
    const hidden = newId();
    server.use(
      signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })),
      agencyDirectory([]),
      http.get('/api/referrals/:id', () =>
        HttpResponse.json({ code: 'not_found', message: 'The referral was not found', fields: [], requestId: 'req-1' }, { status: 404 }),
      ),
    );
    renderApp(`/referrals/${hidden}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Sorry, the referral could not be shown');
    expect(screen.getByRole('alert')).toHaveTextContent('The referral was not found');
  });

  it('shows “Page not found” for an address that cannot name a referral, without asking the server', async () => {
    // No referral handler: a request would fail the test.
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })));
    renderApp('/referrals/not-a-referral');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
