import { ActionReview, Me } from '@marac/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, platformAndBrowser, signedIn } from './browser';

const meOf = async (page: Page) => Me.parse(await page.evaluate(async () => (await fetch('/api/auth/me')).json()));

describe('following an action after the meeting, in a real browser', () => {
  const running = platformAndBrowser();

  it('the housing representative completes one of their agency’s open actions; the chair’s review and the case’s actions show it', async () => {
    const chair = await signedIn(running.browser, running.platform.url, 'chair@demo.test');
    const city = (await meOf(chair.page)).areas[0]!;
    const reviewOf = async () => {
      const response = await apiCall<unknown>(chair.page, 'GET', `/api/actions/review?areaId=${city.id}`);
      expect(response.status).toBe(200);
      return ActionReview.parse(response.json);
    };
    const housing = await signedIn(running.browser, running.platform.url, 'housing@demo.test');
    const rep = housing.page;
    const agency = (await meOf(rep)).agency!;
    const before = (await reviewOf()).agencies.find((row) => row.agencyId === agency.id)!;
    expect(before.open.value).toBeGreaterThan(0);

    // The representative goes to their agency's open actions from the menu and opens the first.
    await rep.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
    await rep.getByRole('heading', { level: 1, name: /My agency’s actions/ }).waitFor();
    const table = rep.getByRole('table', { name: 'Actions' });
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    const actionLink = first.getByRole('link').first();
    const description = ((await actionLink.textContent()) ?? '').trim();
    const caseReference = ((await first.getByRole('link', { name: /^NBC-/ }).textContent()) ?? '').trim();
    await actionLink.click();
    await rep.getByRole('heading', { level: 1, name: `Action for case ${caseReference}` }).waitFor();
    const actionId = new URL(rep.url()).pathname.split('/').at(-1)!;

    // Completing needs a note: the page asks for one before sending.
    const form = rep.getByRole('region', { name: 'Update the action' });
    await form.getByLabel('Completed', { exact: true }).check();
    await form.getByRole('button', { name: 'Save the update' }).click();
    await rep.getByRole('alert').getByText('Say what was done to complete the action').waitFor();
    await form.getByLabel('What was done').fill('Locks changed and the door reinforced; sanctuary room fitted.');
    await form.getByRole('button', { name: 'Save the update' }).click();
    await rep.getByText(/The action has been updated: completed/).waitFor();
    const history = rep.getByRole('list', { name: 'Updates, newest first' });
    expect(await history.locator('li').first().textContent()).toContain('Locks changed and the door reinforced; sanctuary room fitted.');
    await rep.getByText('This action is closed. Only the MARAC coordinator or chair can reopen it.').waitFor();

    // The chair's review of the area counts it as completed.
    const page = chair.page;
    await page.goto(running.platform.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Action review' }).click();
    const reviewTable = page.getByRole('table', { name: 'Actions by agency' });
    await reviewTable.waitFor();
    const housingRow = reviewTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: agency.name, exact: true }) });
    const completed = housingRow.getByRole('link', { name: new RegExp(`^${before.completed.value + 1} completed actions?, `) });
    await completed.waitFor();
    const after = (await reviewOf()).agencies.find((row) => row.agencyId === agency.id)!;
    expect(after.completed.value).toBe(before.completed.value + 1);
    expect(after.open.value).toBe(before.open.value - 1);

    // The figure opens the list of the housing agency's completed actions, newest first: this one leads.
    await completed.click();
    await page.getByRole('heading', { level: 1, name: /Actions/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('state')).toBe('completed');
    expect(new URL(page.url()).searchParams.get('agencyId')).toBe(agency.id);
    const listed = page.getByRole('table', { name: 'Actions' }).locator('tbody tr').first();
    await listed.locator(`a[href="/actions/${actionId}"]`).waitFor();
    expect((await listed.locator(`a[href="/actions/${actionId}"]`).textContent())?.trim()).toBe(description);

    // The case's actions show it completed, with the representative's note in its history.
    await listed.getByRole('link', { name: caseReference }).click();
    await page.getByRole('heading', { level: 1, name: `Actions for case ${caseReference}` }).waitFor();
    // By its address: a case can hold two actions worded alike, from different hearings.
    const item = page.locator('li.app-case-action').filter({ has: page.locator(`a[href="/actions/${actionId}"]`) });
    expect(await item.locator('.govuk-summary-list .govuk-tag').textContent()).toBe('Completed');
    await item.locator('summary').click();
    await item.getByText('Locks changed and the door reinforced; sanctuary room fitted.').waitFor();
    expect(await item.getByRole('link', { name: description }).count()).toBe(1);

    await housing.context.close();
    await chair.context.close();
  });
});
