import { MatchDecisionInput, type ReferralDetail, type ReferralMatches } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildFlag, buildMe, newId } from '../../../factories';
import { agencyDirectory, apiErrorResponse, referralDetail, signedInAs } from '../../../handlers';
import { server } from '../../../msw-server';
import { renderApp } from '../../../render-app';
import { AREA, buildCandidate, buildMatches, buildScreeningReferral, buildSubjectMatches } from '../screening-factories';
import { referralMatches } from '../screening-handlers';

function coordinatorOpens(referral: ReferralDetail, matches: ReferralMatches) {
  const state = { referral, matches };
  server.use(
    signedInAs(buildMe({ role: 'coordinator', areas: [AREA], csrfToken: 'csrf-matches' })),
    agencyDirectory([]),
    referralDetail(() => state.referral),
    referralMatches(() => state.matches),
  );
  return state;
}

const panel = () => screen.getByRole('region', { name: 'Identity matches' });
const subjectPanel = (name: string) => within(panel()).getByRole('region', { name });
const candidateCard = (name: string) => {
  const title = within(panel()).getByRole('heading', { level: 4, name: new RegExp(`^${name}`) });
  const card = title.closest('.govuk-summary-card');
  if (!card) throw new Error(`no card for ${name}`);
  return card as HTMLElement;
};

describe('identity matches', () => {
  it('shows each suggestion with its score, reasons, identifying details, roles and cases', async () => {
    const referral = buildScreeningReferral();
    const candidate = buildCandidate({
      displayName: 'Janet Doe',
      score: 91,
      reasons: ['Same date of birth', 'Given name is a variant'],
      otherNames: ['Janet Smith'],
      datesOfBirth: ['1990-04-12', '1990-12-04'],
      postcodeDistricts: ['NB1', 'NB4'],
      roles: [
        { role: 'victim', areaName: 'Northbridge City', caseCount: 1 },
        { role: 'victim', areaName: 'Wealdshire County', caseCount: 2 },
      ],
      visibleCases: [{ id: newId(), reference: 'NBC-2025-0007', areaName: 'Northbridge City', role: 'victim' }],
      hiddenCaseCount: 2,
    });
    coordinatorOpens(
      referral,
      buildMatches(referral.id, [
        buildSubjectMatches({ role: 'victim', displayName: 'Jane Doe', candidates: [candidate] }),
        buildSubjectMatches({ role: 'perpetrator', displayName: 'John Roe', candidates: [] }),
      ]),
    );
    renderApp(`/referrals/${referral.id}`);

    await within(await screen.findByRole('region', { name: 'Identity matches' })).findByRole('region', { name: 'Victim: Jane Doe' });
    const card = candidateCard('Janet Doe');
    expect(card).toHaveTextContent('91 out of 100');
    expect(within(card).getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(['Same date of birth', 'Given name is a variant']),
    );
    expect(card).toHaveTextContent('Janet Smith');
    expect(card).toHaveTextContent('12 April 1990, 4 December 1990');
    expect(card).toHaveTextContent('NB1, NB4');
    expect(card).toHaveTextContent('Victim in 1 case, Northbridge City; Victim in 2 cases, Wealdshire County');
    expect(card).toHaveTextContent('NBC-2025-0007 (Northbridge City): victim');
    expect(card).toHaveTextContent('and 2 other cases you cannot see');
    expect(within(card).getByText('Suggested')).toHaveClass('govuk-tag');
    expect(within(card).queryByText(/Warning/)).not.toBeInTheDocument();

    expect(subjectPanel('Perpetrator: John Roe')).toHaveTextContent('No one held matches this person');
  });

  it('warns prominently when a suggested person holds the opposite role elsewhere', async () => {
    const referral = buildScreeningReferral();
    coordinatorOpens(
      referral,
      buildMatches(referral.id, [
        buildSubjectMatches({
          role: 'victim',
          displayName: 'Jane Doe',
          candidates: [
            buildCandidate({
              displayName: 'Jane Doe',
              roles: [{ role: 'perpetrator', areaName: 'Wealdshire County', caseCount: 1 }],
              hiddenCaseCount: 1,
              roleConflict: 'Held as a perpetrator in 1 case; this referral names them as the victim',
            }),
          ],
        }),
      ]),
    );
    renderApp(`/referrals/${referral.id}`);

    const warning = await screen.findByText('Held as a perpetrator in 1 case; this referral names them as the victim');
    expect(warning.closest('.govuk-warning-text')).toHaveTextContent('WarningHeld as a perpetrator in 1 case');
    // The warning comes before the rest of what is known about the person.
    expect(warning.compareDocumentPosition(within(candidateCard('Jane Doe')).getByText('Match score')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('confirms the same person, then shows the refreshed matches and the repeat flag that follows', async () => {
    const referral = buildScreeningReferral({ flags: [] });
    const subject = buildSubjectMatches({ role: 'victim', displayName: 'Jane Doe' });
    const earlier = buildCandidate({ displayName: 'Jane Doe', score: 95 });
    const state = coordinatorOpens(referral, buildMatches(referral.id, [{ ...subject, candidates: [earlier] }]));
    const posted: { params: Record<string, unknown>; body: MatchDecisionInput; csrf: string | null }[] = [];
    server.use(
      http.post('/api/referrals/:id/subjects/:subjectId/matches', async ({ request, params }) => {
        const body = MatchDecisionInput.parse(await request.json());
        posted.push({ params: { ...params }, body, csrf: request.headers.get('x-csrf-token') });
        state.matches = buildMatches(referral.id, [{ ...subject, linkedPersonId: earlier.personId, candidates: [{ ...earlier, decision: 'confirmed' }] }]);
        state.referral = {
          ...referral,
          flags: [buildFlag('repeat', { detail: 'Referred again within 12 months of the referral of 20 March 2025', previousReferralDate: '2025-03-20' })],
        };
        return HttpResponse.json(state.matches);
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Victim: Jane Doe' });
    expect(within(screen.getByRole('region', { name: 'Flags' })).getByText('No flags.')).toBeInTheDocument();
    await user.click(within(candidateCard('Jane Doe')).getByRole('button', { name: 'Same person: Jane Doe' }));

    expect(await within(panel()).findByText('Recorded that Jane Doe is the same person as Jane Doe')).toBeInTheDocument();
    expect(posted).toEqual([
      { params: { id: referral.id, subjectId: subject.subjectId }, body: { personId: earlier.personId, decision: 'confirm' }, csrf: 'csrf-matches' },
    ]);
    const card = candidateCard('Jane Doe');
    expect(within(card).getByText('Linked: same person')).toHaveClass('govuk-tag--green');
    expect(within(card).queryByRole('button', { name: /^Same person/ })).not.toBeInTheDocument();
    // Before acceptance a wrong link can still be undone.
    expect(within(card).getByRole('button', { name: 'Not the same person: Jane Doe' })).toBeInTheDocument();

    const flags = screen.getByRole('region', { name: 'Flags' });
    expect(await within(flags).findByText('Repeat')).toHaveClass('govuk-tag');
    expect(flags).toHaveTextContent('Previous referral: 20 March 2025');
  });

  it('rejects a suggestion, which then shows as not the same person and can still be confirmed later', async () => {
    const referral = buildScreeningReferral();
    const subject = buildSubjectMatches({ role: 'perpetrator', displayName: 'John Roe' });
    const other = buildCandidate({ displayName: 'Jon Rowe', score: 64, roles: [{ role: 'perpetrator', areaName: 'Northbridge City', caseCount: 1 }] });
    const state = coordinatorOpens(referral, buildMatches(referral.id, [{ ...subject, candidates: [other] }]));
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/referrals/:id/subjects/:subjectId/matches', async ({ request }) => {
        bodies.push(await request.json());
        state.matches = buildMatches(referral.id, [{ ...subject, candidates: [{ ...other, decision: 'rejected' }] }]);
        return HttpResponse.json(state.matches);
      }),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Perpetrator: John Roe' });
    await user.click(within(candidateCard('Jon Rowe')).getByRole('button', { name: 'Not the same person: Jon Rowe' }));

    expect(await within(panel()).findByText('Recorded that Jon Rowe is not the same person as John Roe')).toBeInTheDocument();
    expect(bodies).toEqual([{ personId: other.personId, decision: 'reject' }]);
    const card = candidateCard('Jon Rowe');
    expect(within(card).getByText('Not the same person', { selector: '.govuk-tag' })).toHaveClass('govuk-tag--grey');
    expect(within(card).queryByRole('button', { name: /^Not the same person/ })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Same person: Jon Rowe' })).toBeInTheDocument();
  });

  it('does not offer to unlink the person an accepted referral is held as', async () => {
    const referral = buildScreeningReferral({ status: 'accepted', statusLabel: 'Accepted' });
    const linked = buildCandidate({ displayName: 'Jane Doe', score: null, reasons: [] });
    const another = buildCandidate({ displayName: 'Jayne Dough', score: 72 });
    coordinatorOpens(
      referral,
      buildMatches(referral.id, [
        buildSubjectMatches({ role: 'victim', displayName: 'Jane Doe', linkedPersonId: linked.personId, linkFixed: true, candidates: [linked, another] }),
      ]),
    );
    renderApp(`/referrals/${referral.id}`);

    const subject = await screen.findByRole('region', { name: 'Victim: Jane Doe' });
    expect(subject).toHaveTextContent('Confirming a match now records that two held records are the same person');
    const linkedCard = candidateCard('Jane Doe');
    expect(linkedCard).toHaveTextContent('Linked by hand');
    expect(within(linkedCard).queryByRole('button')).not.toBeInTheDocument();
    expect(within(candidateCard('Jayne Dough')).getByRole('button', { name: 'Same person: Jayne Dough' })).toBeInTheDocument();
    expect(within(candidateCard('Jayne Dough')).getByRole('button', { name: 'Not the same person: Jayne Dough' })).toBeInTheDocument();
  });

  it('offers no decisions on the matches of a rejected referral', async () => {
    const referral = buildScreeningReferral({ status: 'rejected', statusLabel: 'Rejected' });
    coordinatorOpens(
      referral,
      buildMatches(referral.id, [buildSubjectMatches({ candidates: [buildCandidate({ displayName: 'Janet Doe' })] })], false),
    );
    renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Victim: Jane Doe' });
    expect(panel()).toHaveTextContent('This referral was rejected or merged: its matches can no longer be decided.');
    expect(within(panel()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows why a decision on a match was refused and leaves the matches as they were', async () => {
    const referral = buildScreeningReferral();
    const candidate = buildCandidate({ displayName: 'Janet Doe' });
    coordinatorOpens(referral, buildMatches(referral.id, [buildSubjectMatches({ candidates: [candidate] })]));
    server.use(
      http.post('/api/referrals/:id/subjects/:subjectId/matches', () =>
        apiErrorResponse(409, 'conflict', 'This person is already linked to someone else named in this referral'),
      ),
    );
    const { user } = renderApp(`/referrals/${referral.id}`);

    await screen.findByRole('region', { name: 'Victim: Jane Doe' });
    await user.click(within(candidateCard('Janet Doe')).getByRole('button', { name: 'Same person: Janet Doe' }));

    expect(await within(panel()).findByRole('alert')).toHaveTextContent('This person is already linked to someone else named in this referral');
    expect(within(candidateCard('Janet Doe')).getByText('Suggested')).toBeInTheDocument();
  });
});
