import { MyReferralDraft } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, buildMyReferral, buildMyReferrals, newId } from '../../factories';
import { apiErrorResponse, homeSummary, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';

const representative = () =>
  buildMe({ role: 'agency_representative', name: 'Pat Police', agency: { id: newId(), name: 'Derbyshire Constabulary', kind: 'police' } });

const draftSaved = (createdAt: string, updatedAt: string) => MyReferralDraft.parse({ id: newId(), createdAt, updatedAt });

const rowOf = (text: string) => {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`no row for ${text}`);
  return row;
};

describe('my referrals', () => {
  it('lists each referral with its status, and the screening reason when it was rejected or needs more information', async () => {
    const waiting = buildMyReferral({ reference: 'DERBY-R-2026-00003', victimName: 'Vicky Example', referralDate: '2026-01-14' });
    const rejected = buildMyReferral({
      reference: 'DERBY-R-2026-00002',
      victimName: 'Alex Sample',
      status: 'rejected',
      statusLabel: 'Rejected',
      reason: 'The victim lives in another MARAC area',
    });
    const moreInfo = buildMyReferral({
      reference: 'DERBY-R-2026-00001',
      victimName: 'Sam Invented',
      areaName: 'Amber Valley',
      status: 'more_information_requested',
      statusLabel: 'More information requested',
      reason: 'Please add the dates of the incidents',
    });
    server.use(
      signedInAs(representative()),
      http.get('/api/referrals/mine', () => HttpResponse.json(buildMyReferrals([waiting, rejected, moreInfo]))),
    );
    renderApp('/referrals');

    expect(await screen.findByRole('heading', { level: 1, name: 'My referrals' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Referrals you have made' });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Reference', 'Victim', 'Referral date', 'Area', 'Status']);

    const first = rowOf('DERBY-R-2026-00003');
    expect(within(first).getByRole('link', { name: 'DERBY-R-2026-00003' })).toHaveAttribute('href', `/referrals/${waiting.id}`);
    expect(first).toHaveTextContent('Vicky Example');
    expect(first).toHaveTextContent('14 January 2026');
    expect(first).toHaveTextContent('Derby City');
    expect(first).toHaveTextContent('Awaiting screening');
    expect(within(first).queryByRole('link', { name: /Provide more information/ })).not.toBeInTheDocument();

    expect(rowOf('DERBY-R-2026-00002')).toHaveTextContent('RejectedReason: The victim lives in another MARAC area');

    const third = rowOf('DERBY-R-2026-00001');
    expect(third).toHaveTextContent('More information requested');
    expect(third).toHaveTextContent('Please add the dates of the incidents');
    expect(within(third).getByRole('link', { name: 'Provide more information for DERBY-R-2026-00001' })).toHaveAttribute(
      'href',
      `/referrals/${moreInfo.id}/resubmit`,
    );
    expect(screen.getByRole('link', { name: 'Start a new referral' })).toHaveAttribute('href', '/referrals/new');
    expect(screen.getByText('You have no draft referrals.')).toBeInTheDocument();
  });

  it('pages through referrals', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      signedInAs(representative()),
      http.get('/api/referrals/mine', ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        const offset = Number(params.get('offset'));
        const items = Array.from({ length: offset === 0 ? 25 : 5 }, (_, i) =>
          buildMyReferral({ reference: `DERBY-R-2026-${String(offset + i + 1).padStart(5, '0')}` }),
        );
        return HttpResponse.json(buildMyReferrals(items, { total: 30, limit: 25, offset }));
      }),
    );
    const { user, router } = renderApp('/referrals');

    expect(await screen.findByText('Showing 1 to 25 of 30 referrals')).toBeInTheDocument();
    expect(Object.fromEntries(requests.at(-1) ?? [])).toEqual({ limit: '25', offset: '0' });
    await user.click(screen.getByRole('link', { name: 'Page 2' }));

    expect(await screen.findByText('DERBY-R-2026-00030')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(Object.fromEntries(requests.at(-1) ?? [])).toEqual({ limit: '25', offset: '25' });
    expect(screen.getByText('Showing 26 to 30 of 30 referrals')).toBeInTheDocument();
  });

  it('lists drafts with a way to continue each, and deletes one after confirmation', async () => {
    const older = draftSaved('2026-01-10T09:00:00.000Z', '2026-01-10T09:30:00.000Z');
    const newer = draftSaved('2026-01-15T13:00:00.000Z', '2026-01-15T14:03:00.000Z');
    let drafts = [newer, older];
    const deleted: string[] = [];
    let csrf: string | null = null;
    server.use(
      signedInAs(buildMe({ role: 'coordinator', csrfToken: 'csrf-coordinator' })),
      http.get('/api/referrals/mine', () => HttpResponse.json(buildMyReferrals([], { drafts }))),
      http.delete('/api/referral-drafts/:id', ({ params, request }) => {
        csrf = request.headers.get('x-csrf-token');
        deleted.push(String(params.id));
        drafts = drafts.filter((draft) => draft.id !== params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/referrals');

    const table = await screen.findByRole('table', { name: 'Draft referrals' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('15 January 2026, 13:0015 January 2026, 14:03'),
      expect.stringContaining('10 January 2026, 09:0010 January 2026, 09:30'),
    ]);
    expect(within(table).getByRole('link', { name: 'Continue draft last saved 15 January 2026, 14:03' })).toHaveAttribute(
      'href',
      `/referrals/new?draft=${newer.id}`,
    );
    expect(screen.getByText('You have not made any referrals yet.')).toBeInTheDocument();

    // Cancelling sends nothing and returns focus to the button.
    const deleteOlder = within(table).getByRole('button', { name: 'Delete draft last saved 10 January 2026, 09:30' });
    await user.click(deleteOlder);
    expect(screen.getByRole('heading', { name: 'Delete the draft last saved 10 January 2026, 09:30?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(deleted).toEqual([]);
    expect(deleteOlder).toHaveFocus();

    await user.click(deleteOlder);
    await user.click(screen.getByRole('button', { name: 'Yes, delete draft' }));

    expect(await screen.findByText('The draft has been deleted')).toBeInTheDocument();
    expect(deleted).toEqual([older.id]);
    expect(csrf).toBe('csrf-coordinator');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Draft referrals' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Delete draft last saved 10 January 2026, 09:30' })).not.toBeInTheDocument();
  });

  it('says why a draft could not be deleted and keeps it', async () => {
    const draft = draftSaved('2026-01-10T09:00:00.000Z', '2026-01-10T09:30:00.000Z');
    server.use(
      signedInAs(representative()),
      http.get('/api/referrals/mine', () => HttpResponse.json(buildMyReferrals([], { drafts: [draft] }))),
      http.delete('/api/referral-drafts/:id', () => apiErrorResponse(403, 'csrf_failed', 'Reload the page and try again')),
    );
    const { user } = renderApp('/referrals');

    await user.click(await screen.findByRole('button', { name: 'Delete draft last saved 10 January 2026, 09:30' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete draft' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Reload the page and try again');
    expect(within(screen.getByRole('table', { name: 'Draft referrals' })).getAllByRole('row')).toHaveLength(2);
  });

  it('shows the notice a form left after sending', async () => {
    server.use(
      signedInAs(representative()),
      homeSummary(),
      http.get('/api/referrals/mine', () => HttpResponse.json(buildMyReferrals([buildMyReferral()]))),
    );
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    await router.navigate('/referrals', { state: { notice: 'Referral DERBY-R-2026-00001 has been sent' } });

    expect(await screen.findByText('Referral DERBY-R-2026-00001 has been sent')).toBeInTheDocument();
  });
});
