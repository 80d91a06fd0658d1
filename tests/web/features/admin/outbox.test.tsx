import { OutboxMessage, OutboxPage } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, newId } from '../../factories';
import { apiErrorResponse, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';

function buildOutboxMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return OutboxMessage.parse({
    id: newId(),
    recipient: 'marac@police.example.org',
    subject: 'Northbridge City MARAC: agenda published for 17 March 2026',
    body: 'The agenda for the meeting on 17 March 2026 has been published.\nSign in to read your research packets.',
    state: 'waiting',
    createdAt: '2026-03-10T09:00:00.000Z',
    sentAt: null,
    cancelledAt: null,
    cancelledBy: null,
    error: null,
    attempts: 0,
    nextAttemptAt: null,
    sending: false,
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
    const sent = buildOutboxMessage({ recipient: 'marac@homes.example.org', state: 'sent', sentAt: '2026-03-10T09:01:00.000Z', attempts: 1 });
    const failed = buildOutboxMessage({
      recipient: 'marac@health.example.org',
      subject: 'Northbridge City MARAC: research due tomorrow',
      state: 'failed',
      error: 'Mailbox unavailable',
      attempts: 3,
      nextAttemptAt: '2026-03-10T09:40:00.000Z',
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
    expect(within(failedRow).getByText('Tried again after 10 March 2026, 09:40')).toBeInTheDocument();
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
            ? page([buildOutboxMessage({ state: 'failed', error: 'Connection refused', attempts: 2 })], { total: 60, smtpConfigured: true })
            : page([buildOutboxMessage()], { smtpConfigured: true }),
        seen,
      ),
    );
    const { user, router } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    expect(screen.queryByRole('region', { name: 'No mail server' })).not.toBeInTheDocument();
    expect(Object.fromEntries(seen[0] ?? [])).toEqual({ limit: '50', offset: '0' });

    const filters = screen.getByRole('search', { name: 'Filter notices' });
    await user.selectOptions(within(filters).getByLabelText('Status'), 'Failed');
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
      state: 'cancelled',
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
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when no notice matches', async () => {
    server.use(admin(), outbox(() => page([], { smtpConfigured: true })));
    renderApp('/admin/outbox?state=waiting');

    expect(await screen.findByText('No notices match this filter.')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('waiting');
  });
});

describe('resending and cancelling a notice', () => {
  /** A stand-in outbox that changes as the page resends and cancels, keeping every change it was sent. */
  function outboxApi(initial: OutboxMessage[]) {
    let items = initial;
    const sent: { path: string; csrf: string | null }[] = [];
    let reads = 0;
    const change = (id: string, to: (message: OutboxMessage) => OutboxMessage) => {
      items = items.map((message) => (message.id === id ? to(message) : message));
      return items.find((message) => message.id === id)!;
    };
    return {
      sent,
      reads: () => reads,
      handlers: [
        http.get('/api/admin/outbox', () => {
          reads += 1;
          return HttpResponse.json(page(items, { smtpConfigured: true }));
        }),
        http.post('/api/admin/outbox/:id/resend', ({ request, params }) => {
          sent.push({ path: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token') });
          return HttpResponse.json(change(String(params.id), (m) => ({ ...m, state: 'waiting', attempts: 0, error: null, nextAttemptAt: null })));
        }),
        http.post('/api/admin/outbox/:id/cancel', ({ request, params }) => {
          sent.push({ path: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token') });
          return HttpResponse.json(
            change(String(params.id), (m) => ({ ...m, state: 'cancelled', cancelledAt: '2026-03-10T10:00:00.000Z', cancelledBy: { id: newId(), name: 'Ada Admin' } })),
          );
        }),
      ],
    };
  }

  const givenUp = () =>
    buildOutboxMessage({ recipient: 'marac@health.example.org', state: 'failed', error: 'EENVELOPE (SMTP 550)', attempts: 5, subject: 'Research due tomorrow' });

  it('offers resend and cancel only for notices that have not gone and no sender holds', async () => {
    const sent = buildOutboxMessage({ recipient: 'marac@homes.example.org', state: 'sent', sentAt: '2026-03-10T09:01:00.000Z', attempts: 1 });
    const sending = buildOutboxMessage({ recipient: 'marac@probation.example.org', sending: true, attempts: 1 });
    server.use(admin(), ...outboxApi([buildOutboxMessage(), givenUp(), sent, sending]).handlers);
    renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    for (const recipient of ['marac@police.example.org', 'marac@health.example.org']) {
      expect(within(rowOf(recipient)).getByRole('button', { name: `Resend notice to ${recipient}` })).toBeInTheDocument();
      expect(within(rowOf(recipient)).getByRole('button', { name: `Cancel notice to ${recipient}` })).toBeInTheDocument();
    }
    expect(within(rowOf('marac@health.example.org')).getByText('Not tried again unless it is resent')).toBeInTheDocument();
    expect(within(rowOf('marac@homes.example.org')).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rowOf('marac@probation.example.org')).getByText('Sending')).toHaveClass('govuk-tag--blue');
    expect(within(rowOf('marac@probation.example.org')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('resends a failed notice after a confirmation, with the CSRF token, and shows it waiting again', async () => {
    const notice = givenUp();
    const stub = outboxApi([notice]);
    server.use(signedInAs(buildMe({ role: 'administrator', csrfToken: 'csrf-admin-1' })), ...stub.handlers);
    const { user } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    await user.click(within(rowOf('marac@health.example.org')).getByRole('button', { name: 'Resend notice to marac@health.example.org' }));
    expect(screen.getByRole('heading', { name: 'Send the notice to marac@health.example.org again?' })).toHaveFocus();
    expect(stub.sent).toEqual([]);
    const readsBefore = stub.reads();
    await user.click(screen.getByRole('button', { name: 'Yes, send it again' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The notice to marac@health.example.org will be sent again at the next delivery');
    expect(stub.sent).toEqual([{ path: `/api/admin/outbox/${notice.id}/resend`, csrf: 'csrf-admin-1' }]);
    expect(stub.reads()).toBeGreaterThan(readsBefore);
    expect(await within(rowOf('marac@health.example.org')).findByText('Waiting')).toHaveClass('govuk-tag--yellow');
    expect(screen.queryByRole('heading', { name: 'Send the notice to marac@health.example.org again?' })).not.toBeInTheDocument();
  });

  it('cancels a notice after a confirmation and shows who cancelled it', async () => {
    const notice = buildOutboxMessage();
    const stub = outboxApi([notice]);
    server.use(admin(), ...stub.handlers);
    const { user } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    await user.click(within(rowOf('marac@police.example.org')).getByRole('button', { name: 'Cancel notice to marac@police.example.org' }));
    expect(screen.getByRole('heading', { name: 'Cancel the notice to marac@police.example.org?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the notice' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The notice to marac@police.example.org has been cancelled');
    expect(stub.sent.map((r) => r.path)).toEqual([`/api/admin/outbox/${notice.id}/cancel`]);
    const row = rowOf('marac@police.example.org');
    expect(await within(row).findByText('Cancelled 10 March 2026, 10:00 by Ada Admin')).toBeInTheDocument();
    expect(within(row).getByText('Not sent')).toHaveClass('govuk-tag--grey');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends nothing when the administrator goes back, and returns focus to the button', async () => {
    const stub = outboxApi([buildOutboxMessage()]);
    server.use(admin(), ...stub.handlers);
    const { user } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    const button = within(rowOf('marac@police.example.org')).getByRole('button', { name: 'Cancel notice to marac@police.example.org' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'No, go back' }));

    expect(screen.queryByRole('button', { name: 'Yes, cancel the notice' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(stub.sent).toEqual([]);
  });

  it('shows why the server refused, and reads the list again to show where the notice now stands', async () => {
    const notice = givenUp();
    let refused = false;
    let reads = 0;
    server.use(
      admin(),
      http.get('/api/admin/outbox', () => {
        reads += 1;
        // By the time the refusal comes back, another administrator had cancelled it.
        const current = refused ? { ...notice, state: 'cancelled' as const, cancelledAt: '2026-03-10T09:59:00.000Z' } : notice;
        return HttpResponse.json(page([current], { smtpConfigured: true }));
      }),
      http.post('/api/admin/outbox/:id/resend', () => {
        refused = true;
        return apiErrorResponse(409, 'conflict', 'This notice has been cancelled and will not be sent');
      }),
    );
    const { user } = renderApp('/admin/outbox');

    await screen.findByRole('table', { name: 'Notices, newest first' });
    await user.click(within(rowOf('marac@health.example.org')).getByRole('button', { name: 'Resend notice to marac@health.example.org' }));
    const readsBefore = reads;
    await user.click(screen.getByRole('button', { name: 'Yes, send it again' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(summary).toHaveTextContent('This notice has been cancelled and will not be sent');
    expect(await within(rowOf('marac@health.example.org')).findByText('Cancelled 10 March 2026, 09:59')).toBeInTheDocument();
    expect(reads).toBeGreaterThan(readsBefore);
  });
});
