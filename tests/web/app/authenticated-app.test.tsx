import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAgency, buildMe } from '../factories';
import { homeSummary, signedInAs } from '../handlers';
import { server } from '../msw-server';
import { renderApp } from '../render-app';

const menuLinks = () =>
  within(screen.getByRole('navigation', { name: 'Menu' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('signed-in layout', () => {
  it('gives administrators links to every administration page', async () => {
    server.use(signedInAs(buildMe({ role: 'administrator', name: 'Alex Administrator' })), homeSummary());
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(menuLinks()).toEqual(['Home', 'Areas', 'Agencies', 'Users', 'Audit log', 'Outbox']);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Alex Administrator')).toBeInTheDocument();
    expect(within(banner).getByText('Administrator')).toBeInTheDocument();
  });

  it('gives a coordinator the screening and referral pages and no administration links', async () => {
    server.use(signedInAs(buildMe({ role: 'coordinator' })), homeSummary());
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(menuLinks()).toEqual(['Home', 'Screening', 'Meetings', 'Repeat windows', 'Actions', 'Action review', 'New referral', 'My referrals']);
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('shows an agency representative their role and agency', async () => {
    const agency = buildAgency({ name: 'Derby Homes', kind: 'housing' });
    server.use(
      signedInAs(buildMe({ role: 'agency_representative', name: 'Jo Housing', agency: { id: agency.id, name: agency.name, kind: agency.kind } })),
      homeSummary(),
    );
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(screen.getByRole('banner')).getByText('Agency representative, Derby Homes')).toBeInTheDocument();
    // A representative refers and follows their own referrals; the screening queue is not theirs.
    expect(menuLinks()).toEqual(['Home', 'Meetings', 'Actions', 'New referral', 'My referrals']);
  });

  it('gives an observer the meetings they are recorded at and nothing to refer or screen', async () => {
    server.use(signedInAs(buildMe({ role: 'observer' })), homeSummary());
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(menuLinks()).toEqual(['Home', 'Meetings']);
  });

  it('tells a coordinator who opens an administration page that it is not for them', async () => {
    // No admin handlers: the page must not even ask for the data.
    server.use(signedInAs(buildMe({ role: 'coordinator' })));
    renderApp('/admin/users');

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
  });

  it('tells a coordinator who opens the outbox that it is for administrators, naming it among their pages', async () => {
    // No outbox handler: the page must not even ask for the notices.
    server.use(signedInAs(buildMe({ role: 'coordinator' })));
    renderApp('/admin/outbox');

    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText(/^Only administrators can/)).toHaveTextContent(/areas.*agencies.*users.*audit log.*outbox/);
  });

  it('marks every page of a demonstration as invented data', async () => {
    server.use(signedInAs(buildMe({ demo: true })), homeSummary());
    renderApp('/');

    expect(await screen.findByRole('region', { name: 'Demonstration service' })).toHaveTextContent(
      'DEMO — invented data, not real people',
    );
  });

  it('shows no demonstration banner on a real deployment', async () => {
    server.use(signedInAs(buildMe({ demo: false })), homeSummary());
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(screen.queryByRole('region', { name: 'Demonstration service' })).not.toBeInTheDocument();
  });

  it('carries the protective marking in the footer', async () => {
    server.use(signedInAs(buildMe()), homeSummary());
    renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(screen.getByRole('contentinfo')).getByText('OFFICIAL-SENSITIVE')).toBeInTheDocument();
  });

  it('offers a skip link to the main content', async () => {
    server.use(signedInAs(buildMe()), homeSummary());
    const { user } = renderApp('/');

    await screen.findByRole('navigation', { name: 'Menu' });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows a not-found page for an unknown address', async () => {
    server.use(signedInAs(buildMe()));
    renderApp('/no-such-page/here');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found – MARAC');
  });

  it('moves focus to the new page’s heading after following a link', async () => {
    server.use(
      signedInAs(buildMe({ role: 'administrator' })),
      homeSummary(),
      http.get('/api/admin/areas', () => HttpResponse.json([])),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('link', { name: 'Areas' }));

    const heading = await screen.findByRole('heading', { level: 1, name: /MARAC areas/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(screen.getByRole('navigation', { name: 'Menu' })).getByRole('link', { name: 'Areas' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
