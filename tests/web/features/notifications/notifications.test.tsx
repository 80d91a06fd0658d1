import { Notification, NotificationPage } from '@marac/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildHomeSummary, buildMe, newId } from '../../factories';
import { apiErrorResponse, homeSummary, signedInAs } from '../../handlers';
import { server } from '../../msw-server';
import { currentPath, renderApp } from '../../render-app';
import { AREA, HOUSING, buildActionDetail } from '../actions/action-factories';
import { actionDetail } from '../actions/action-handlers';

const notice = (overrides: Partial<Notification> = {}): Notification =>
  Notification.parse({
    id: newId(),
    subject: 'Action due 25 November 2026',
    body: 'An action your agency agreed at the MARAC for case NBC-2026-0012 is due on 25 November 2026. Update it when it is done.',
    link: `/actions/${newId()}`,
    createdAt: '2026-11-23T07:00:00.000Z',
    readAt: null,
    ...overrides,
  });

/** The user's notices as the server keeps them: unread first, newest first; marking one read moves it down. */
function inbox(initial: Notification[]) {
  let notices = initial;
  const read: string[] = [];
  const ordered = () => [...notices].sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || b.createdAt.localeCompare(a.createdAt));
  return {
    read,
    handlers: [
      http.get('/api/notifications', ({ request }) => {
        const params = new URL(request.url).searchParams;
        const unreadOnly = params.get('unread') === 'true';
        const items = ordered().filter((n) => !unreadOnly || n.readAt === null);
        const limit = Number(params.get('limit') ?? 50);
        const offset = Number(params.get('offset') ?? 0);
        return HttpResponse.json(
          NotificationPage.parse({ items: items.slice(offset, offset + limit), total: items.length, limit, offset, unread: notices.filter((n) => n.readAt === null).length }),
        );
      }),
      http.post('/api/notifications/:id/read', ({ params }) => {
        if (!notices.some((n) => n.id === params.id)) return apiErrorResponse(404, 'not_found', 'The notification was not found');
        read.push(String(params.id));
        notices = notices.map((n) => (n.id === params.id ? { ...n, readAt: '2026-11-23T10:00:00.000Z' } : n));
        return new HttpResponse(null, { status: 204 });
      }),
    ],
  };
}

const housingRep = () => signedInAs(buildMe({ role: 'agency_representative', agency: HOUSING, areas: [AREA] }));
const headerLink = () => within(screen.getByRole('banner')).getByRole('link', { name: /^Notifications/ });

describe('notifications', () => {
  it('shows the number unread in the header, lists notices unread first and marks one read', async () => {
    const dueSoon = notice();
    const escalated = notice({ subject: 'Overdue action escalated to the coordinator', createdAt: '2026-11-22T07:00:00.000Z' });
    const old = notice({ subject: 'Action reassigned to your agency, due 4 December 2026', createdAt: '2026-11-23T08:00:00.000Z', readAt: '2026-11-23T09:00:00.000Z' });
    const world = inbox([dueSoon, escalated, old]);
    server.use(housingRep(), homeSummary(buildHomeSummary({ role: 'agency_representative', figures: [] })), ...world.handlers);
    const { user, router } = renderApp('/');

    await waitFor(() => expect(headerLink()).toHaveAccessibleName('Notifications 2 unread'));
    await user.click(headerLink());
    expect(currentPath(router)).toBe('/notifications');
    expect(await screen.findByText('You have 2 unread notifications.')).toBeInTheDocument();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    // Unread first, newest first; the notice read already comes last even though it is newer.
    expect(headings).toEqual(['Action due 25 November 2026 Unread', 'Overdue action escalated to the coordinator Unread', 'Action reassigned to your agency, due 4 December 2026']);
    expect(screen.getByRole('link', { name: 'Open the action: Action due 25 November 2026' })).toHaveAttribute('href', dueSoon.link);

    await user.click(screen.getByRole('button', { name: 'Mark as read: Overdue action escalated to the coordinator' }));
    expect(await screen.findByText('You have 1 unread notification.')).toBeInTheDocument();
    expect(world.read).toEqual([escalated.id]);
    expect(screen.queryByRole('button', { name: 'Mark as read: Overdue action escalated to the coordinator' })).not.toBeInTheDocument();
    await waitFor(() => expect(headerLink()).toHaveAccessibleName('Notifications 1 unread'));
  });

  it('marks a notice read when its link is followed to the action', async () => {
    const action = buildActionDetail();
    const dueSoon = notice({ link: `/actions/${action.id}` });
    const world = inbox([dueSoon]);
    server.use(housingRep(), actionDetail(() => action), ...world.handlers);
    const { user, router } = renderApp('/notifications');

    await user.click(await screen.findByRole('link', { name: 'Open the action: Action due 25 November 2026' }));
    expect(currentPath(router)).toBe(`/actions/${action.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Action for case NBC-2026-0012/ })).toBeInTheDocument();
    await waitFor(() => expect(world.read).toEqual([dueSoon.id]));
    await waitFor(() => expect(headerLink()).toHaveAccessibleName('Notifications'));
  });

  it('says when nothing has been sent', async () => {
    server.use(signedInAs(buildMe({ role: 'coordinator', areas: [AREA] })), ...inbox([]).handlers);
    renderApp('/notifications');
    expect(await screen.findByText('You have no unread notifications.')).toBeInTheDocument();
    expect(screen.getByText(/Nothing has been sent to you yet/)).toBeInTheDocument();
  });

  it('gives administrators no notifications link', async () => {
    server.use(signedInAs(buildMe({ role: 'administrator' })), homeSummary());
    renderApp('/');
    await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: /Notifications/ })).not.toBeInTheDocument();
  });
});
