import { LoginRequest } from '@marac/shared';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildHomeSummary, buildMe, buildPublicInfo } from '../../../factories';
import { apiErrorResponse, homeSummary, publicInfo } from '../../../handlers';
import { server } from '../../../msw-server';
import { currentPath, renderApp } from '../../../render-app';

describe('sign-in page', () => {
  it('signs in and lands on the home page with the figures for the role', async () => {
    const me = buildMe({ role: 'coordinator', name: 'Sam Coordinator' });
    let sent: unknown;
    server.use(
      publicInfo(),
      http.post('/api/auth/login', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(me);
      }),
      homeSummary(
        buildHomeSummary({
          figures: [{ key: 'referralsToScreen', label: 'Referrals to screen', value: 7, hint: 'Received and not yet screened' }],
        }),
      ),
    );
    const { user, router } = renderApp('/sign-in');

    await user.type(screen.getByLabelText('E-mail address'), '  Sam.Coordinator@Council.example.org ');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Sam Coordinator/ })).toBeInTheDocument();
    const figure = (await screen.findByRole('heading', { name: 'Referrals to screen' })).closest('li');
    expect(figure).not.toBeNull();
    expect(within(figure as HTMLElement).getByText('7')).toBeInTheDocument();
    expect(within(figure as HTMLElement).getByText('Received and not yet screened')).toBeInTheDocument();
    expect(currentPath(router)).toBe('/');
    // The address is sent the way the server compares it.
    expect(LoginRequest.parse(sent)).toEqual({ email: 'sam.coordinator@council.example.org', password: 'correct horse battery staple' });
  });

  it('shows the server message for a wrong password and keeps what was typed', async () => {
    server.use(
      publicInfo(),
      http.post('/api/auth/login', () =>
        apiErrorResponse(401, 'invalid_credentials', 'The e-mail address or password is not right'),
      ),
    );
    const { user, router } = renderApp('/sign-in');

    await user.type(screen.getByLabelText('E-mail address'), 'sam@council.example.org');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The e-mail address or password is not right');
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    expect(screen.getByLabelText('E-mail address')).toHaveValue('sam@council.example.org');
    expect(screen.getByLabelText('Password')).toHaveValue('not the password');
    expect(currentPath(router)).toBe('/sign-in');
    expect(document.title).toBe('Error: Sign in – MARAC');
  });

  it('marks both fields when the form is sent empty, with summary links that move to each field', async () => {
    // No login handler: an empty form must not reach the server (an unhandled request fails the test).
    server.use(publicInfo());
    const { user } = renderApp('/sign-in');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    const emailLink = within(summary).getByRole('link', { name: 'Enter your e-mail address' });
    const passwordLink = within(summary).getByRole('link', { name: 'Enter your password' });
    expect(emailLink).toHaveAttribute('href', '#email');
    expect(passwordLink).toHaveAttribute('href', '#password');

    const email = screen.getByLabelText('E-mail address');
    expect(email).toHaveAccessibleDescription(/Enter your e-mail address/);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Enter your password/);

    await user.click(passwordLink);
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.click(emailLink);
    expect(email).toHaveFocus();
  });

  it('explains when there have been too many attempts', async () => {
    server.use(
      publicInfo(),
      http.post('/api/auth/login', () =>
        apiErrorResponse(429, 'too_many_attempts', 'Too many failed attempts: wait 5 minutes before trying again'),
      ),
    );
    const { user } = renderApp('/sign-in');

    await user.type(screen.getByLabelText('E-mail address'), 'sam@council.example.org');
    await user.type(screen.getByLabelText('Password'), 'guess number six');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts: wait 5 minutes before trying again');
    expect(screen.getByLabelText('E-mail address')).toHaveValue('sam@council.example.org');
  });

  it('shows the server’s field errors against the fields', async () => {
    server.use(
      publicInfo(),
      http.post('/api/auth/login', () =>
        apiErrorResponse(400, 'validation_failed', 'Check the highlighted fields and try again', [
          { field: 'email', message: 'Use 254 characters or fewer' },
        ]),
      ),
    );
    const { user } = renderApp('/sign-in');

    await user.type(screen.getByLabelText('E-mail address'), 'sam@council.example.org');
    await user.type(screen.getByLabelText('Password'), 'whatever it is');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Use 254 characters or fewer' })).toHaveAttribute('href', '#email');
    expect(screen.getByLabelText('E-mail address')).toHaveAccessibleDescription(/Use 254 characters or fewer/);
  });

  it('warns that a demonstration holds invented data', async () => {
    server.use(publicInfo(buildPublicInfo({ demo: true, name: 'Demo MARAC' })));
    renderApp('/sign-in');

    expect(await screen.findByText('This is a demonstration with invented data')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Demonstration service' })).toHaveTextContent('DEMO — invented data, not real people');
    expect(screen.getByText('Demo MARAC')).toBeInTheDocument();
  });

  it('shows no demonstration warning for a real deployment', async () => {
    server.use(publicInfo(buildPublicInfo({ demo: false, name: 'Derbyshire MARAC' })));
    renderApp('/sign-in');

    expect(await screen.findByText('Derbyshire MARAC')).toBeInTheDocument();
    expect(screen.queryByText('This is a demonstration with invented data')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Demonstration service' })).not.toBeInTheDocument();
  });

  it('never follows a return address to another site', async () => {
    server.use(
      publicInfo(),
      http.post('/api/auth/login', () => HttpResponse.json(buildMe())),
      homeSummary(),
    );
    const { user, router } = renderApp(`/sign-in?returnTo=${encodeURIComponent('//evil.example/phish')}`);

    await user.type(screen.getByLabelText('E-mail address'), 'alex@council.example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Alex Administrator/ })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/');
  });
});
