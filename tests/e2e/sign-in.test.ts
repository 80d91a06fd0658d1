import { HomeSummary, Me } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { platformAndBrowser } from './browser';

describe('signing in, in a real browser', () => {
  const running = platformAndBrowser();

  it('the coordinator signs in and sees their home page with figures from the database', async () => {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    await page.goto(running.platform.url);

    // The sign-in page says, before anyone signs in, that this deployment holds invented data.
    await page.getByText('invented data', { exact: false }).first().waitFor();
    await page.getByLabel('E-mail address').fill('coordinator@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The home page has replaced the sign-in form once the figures are there.
    await page.getByRole('list', { name: 'Your figures' }).waitFor();
    const me = Me.parse(await page.evaluate(async () => (await fetch('/api/auth/me')).json()));
    expect(me.user.email).toBe('coordinator@demo.test');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(me.user.name);

    // Every figure on the page is the one the API computes from the seeded database for this user.
    const summary = HomeSummary.parse(await page.evaluate(async () => (await fetch('/api/home')).json()));
    expect(summary.role).toBe('coordinator');
    const awaiting = summary.figures.find((f) => f.key === 'referrals_awaiting_screening');
    expect(awaiting?.value).toBeGreaterThan(0);
    for (const figure of summary.figures) {
      const card = page.locator('.app-figure', { has: page.getByRole('heading', { name: figure.label, exact: true }) });
      expect((await card.locator('.app-figure__value').textContent())?.replace(/,/g, '')).toBe(String(figure.value));
    }
    expect(summary.upcomingMeetings.length).toBeGreaterThan(0);
    await page.getByRole('cell', { name: summary.upcomingMeetings[0]!.areaName }).first().waitFor();

    // A coordinator has no administration pages, so the navigation offers none.
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail address').waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(after).toBe(401);
    await context.close();
  });
});
