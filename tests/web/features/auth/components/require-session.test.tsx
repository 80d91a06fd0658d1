import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildMe, buildUser, buildUserList } from '../../../factories';
import { apiErrorResponse, homeSummary, publicInfo, signedInAs, signedOut } from '../../../handlers';
import { server } from '../../../msw-server';
import { currentPath, renderApp } from '../../../render-app';

describe('session guard', () => {
  it('sends a signed-out visitor to sign-in and back to the page they asked for', async () => {
    const me = buildMe({ role: 'administrator' });
    server.use(
      signedOut(),
      publicInfo(),
      http.post('/api/auth/login', () => HttpResponse.json(me)),
      http.get('/api/admin/users', () => HttpResponse.json(buildUserList([buildUser({ name: 'Priya Patel' })]))),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
      http.get('/api/admin/agencies', () => HttpResponse.json([])),
    );
    const { user, router } = renderApp('/admin/users?role=chair');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/sign-in?returnTo=${encodeURIComponent('/admin/users?role=chair')}`);
    // Nobody was signed in, so there is nothing to say about a session ending.
    expect(screen.queryByText('Your session has ended; sign in again')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('E-mail address'), 'alex@council.example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Priya Patel', { selector: 'strong' })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/admin/users?role=chair');
  });

  it('sends the user to sign in again, keeping their place, when the server ends the session', async () => {
    server.use(
      signedInAs(buildMe({ role: 'coordinator' })),
      publicInfo(),
      http.get('/api/home', () => apiErrorResponse(401, 'unauthenticated', 'Sign in to continue')),
    );
    const { router } = renderApp('/');

    expect(await screen.findByText('Your session has ended; sign in again')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('keeps the page and its filters when the session ends on a later page', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      publicInfo(),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
      http.get('/api/admin/agencies', () => HttpResponse.json([])),
      http.get('/api/admin/users', () => apiErrorResponse(401, 'unauthenticated', 'Sign in to continue')),
    );
    const { router } = renderApp('/admin/users?status=disabled');

    expect(await screen.findByText('Your session has ended; sign in again')).toBeInTheDocument();
    expect(currentPath(router)).toBe(`/sign-in?returnTo=${encodeURIComponent('/admin/users?status=disabled')}`);
  });

  it('shows a problem rather than the sign-in page when the service cannot say who is signed in', async () => {
    server.use(http.get('/api/auth/me', () => apiErrorResponse(500, 'internal_error', 'Something went wrong on our side')));
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sorry, there is a problem with the service' })).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on our side')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('signs out with the CSRF token, clears what was loaded and returns to sign-in', async () => {
    const me = buildMe({ role: 'coordinator', csrfToken: 'token-for-this-session' });
    let csrf: string | null = null;
    server.use(
      signedInAs(me),
      homeSummary(),
      publicInfo(),
      http.post('/api/auth/logout', ({ request }) => {
        csrf = request.headers.get('x-csrf-token');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router, queryClient } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(csrf).toBe('token-for-this-session');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(screen.queryByText('Your session has ended; sign in again')).not.toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryCache().find({ queryKey: ['home', 'summary'] })).toBeUndefined());
  });
});
