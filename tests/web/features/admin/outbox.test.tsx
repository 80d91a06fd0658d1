import { OutboxMessage, OutboxPage } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';

function buildOutboxMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return OutboxMessage.parse({
    id: newId(),
    recipient: 'marac@police.example.org',
    subject: 'Northbridge City MARAC: agenda published for 17 March 2026',
    body: 'The agenda for the meeting on 17 March 2026 has been published.\nSign in to read your research packets.',
    createdAt: '2026-03-10T09:00:00.000Z',
    sentAt: null,
    cancelledAt: null,
    error: null,
    attempts: 0,
    ...overrides,
  });
}

const page = (items: OutboxMessage[], rest: { total?: number; offset?: number; smtpConfigured?: boolean } = {}): OutboxPage =>
  OutboxPage.parse({ items, total: rest.total ?? items.length, limit: 50, offset: rest.offset ?? 0, smtpConfigured: rest.smtpConfigured ?? false });

/** GET /api/admin/outbox answering from `answer`, recording each query string. */
function outbox(answer: (query: URLSearchParams) => OutboxPage, seen: URLSearchParams[] = []) {
  return http.get('/api/admin/outbox', ({ request }) => {
    const query = new URL(request.url).searchParams;
    seen.push(query);
    return HttpResponse.json(answer(query));
  });
}

const admin = () => signedInAs(buildMe({ role: 'administrator' }));
const table = () => screen.getByRole('table', { name: 'Notices, newest first' });
const rowOf = (recipient: string) => within(table()).getByText(recipient).closest('tr') as HTMLElement;

describe('outbox', () => {
  it('lists notices with their status and attempts, explains that no mail server is set up, and opens each body', async () => {
    const waiting = buildOutboxMessage({ recipient: 'marac@police.example.org' });
    const sent = buildOutboxMessage({ recipient: 'marac@homes.example.org', sentAt: '2026-03-10T09:01:00.000Z', attempts: 1 });
    const failed = buildOutboxMessage({
      recipient: 'marac@health.example.org',
      subject: 'Northbridge City MARAC: research due tomorrow',
      error: 'Mailbox unavailable',
      attempts: 3,
    });
    server.use(admin(), outbox(() => page([waiting, sent, failed])));
    const { user } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    expect(screen.getByRole('region', { name: 'No mail server' })).toHaveTextContent('Notices are waiting here because no SMTP server is set up');
    expect(screen.getByText('Showing 1 to 3 of 3 notices')).toBeInTheDocument();

    const waitingRow = rowOf('marac@police.example.org');
    expect(within(waitingRow).getByText('Waiting')).toHaveClass('govuk-tag');
    expect(within(waitingRow).getByText('10 March 2026, 09:00')).toBeInTheDocument();
    expect(within(waitingRow).getByText('0')).toBeInTheDocument();
    const sentRow = rowOf('marac@homes.example.org');
    expect(within(sentRow).getByText('Sent')).toHaveClass('govuk-tag--green');
    expect(within(sentRow).getByText('10 March 2026, 09:01')).toBeInTheDocument();
    const failedRow = rowOf('marac@health.example.org');
    expect(within(failedRow).getByText('Failed')).toHaveClass('govuk-tag--red');
    expect(within(failedRow).getByText('Mailbox unavailable')).toBeInTheDocument();
    expect(within(failedRow).getByText('3')).toBeInTheDocument();

    const details = within(waitingRow).getByText('Northbridge City MARAC: agenda published for 17 March 2026').closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(within(waitingRow).getByText('Northbridge City MARAC: agenda published for 17 March 2026'));
    expect(details.open).toBe(true);
    expect(within(details).getByText('Sign in to read your research packets.')).toBeInTheDocument();
  });

  it('keeps the status filter in the address and asks the server for it, with pages', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      admin(),
      outbox(
        (query) =>
          query.get('state') === 'failed'
            ? page([buildOutboxMessage({ error: 'Connection refused', attempts: 2 })], { total: 60, smtpConfigured: true })
            : page([buildOutboxMessage()], { smtpConfigured: true }),
        seen,
      ),
    );
    const { user, router } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    expect(screen.queryByRole('region', { name: 'No mail server' })).not.toBeInTheDocument();
    expect(Object.fromEntries(seen[0] ?? [])).toEqual({ limit: '50', offset: '0' });

    const filters = screen.getByRole('search', { name: 'Filter notices' });
    await user.selectOptions(within(filters).getByLabelText('Status'), 'Failed or not sent');
    await user.click(within(filters).getByRole('button', { name: 'Show' }));

    expect(currentPath(router)).toBe('/admin/outbox?state=failed');
    expect(await screen.findByText('Connection refused')).toBeInTheDocument();
    expect(Object.fromEntries(seen[seen.length - 1] ?? [])).toEqual({ state: 'failed', limit: '50', offset: '0' });
    expect(screen.getByText('Showing 1 to 50 of 60 notices')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Page 2' }));
    expect(currentPath(router)).toBe('/admin/outbox?state=failed&page=2');
    expect(Object.fromEntries(seen[seen.length - 1] ?? [])).toEqual({ state: 'failed', limit: '50', offset: '50' });
  });

  it('shows a notice a bar stopped before it went as not sent, when it was cancelled and why', async () => {
    const cancelled = buildOutboxMessage({
      recipient: 'marac@homes.example.org',
      cancelledAt: '2026-03-10T09:05:00.000Z',
      error: 'Not sent: a bar on a case it concerns names the recipient',
      attempts: 0,
    });
    server.use(admin(), outbox(() => page([cancelled], { smtpConfigured: true })));
    renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    const row = rowOf('marac@homes.example.org');
    expect(within(row).getByText('Not sent')).toHaveClass('govuk-tag--grey');
    expect(within(row).getByText('Cancelled 10 March 2026, 09:05')).toBeInTheDocument();
    expect(within(row).getByText('Not sent: a bar on a case it concerns names the recipient')).toBeInTheDocument();
    expect(within(row).queryByText('Failed')).not.toBeInTheDocument();
    expect(within(row).queryByText('Waiting')).not.toBeInTheDocument();
  });

  it('says when no notice matches', async () => {
    server.use(admin(), outbox(() => page([], { smtpConfigured: true })));
    renderApp('/admin/outbox?state=waiting');

    expect(await screen.findByText('No notices match this filter.')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('waiting');
  });
});
