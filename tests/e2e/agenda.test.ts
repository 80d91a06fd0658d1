import { Me, MeetingList, ScreeningQueue, longDate, type ReferralDetail } from '@marac/shared';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { apiCall, platformAndBrowser, signedIn } from './browser';

describe('building and publishing an agenda, in a real browser', () => {
  const running = platformAndBrowser();

  it('the coordinator builds, adjusts and publishes an agenda; the police representative opens their packet', async () => {
    const coordinator = await signedIn(running.browser, running.platform.url, 'coordinator@demo.test');
    const page = coordinator.page;
    const me = Me.parse(await page.evaluate(async () => (await fetch('/api/auth/me')).json()));
    const city = me.areas.find((a) => a.code === 'NBC')!;

    // Two referrals waiting in the city's screening queue are accepted, so they wait to be listed.
    const queue = ScreeningQueue.parse(await page.evaluate(async (areaId) => (await fetch(`/api/screening?areaId=${areaId}&sort=oldest`)).json(), city.id));
    expect(queue.items.length).toBeGreaterThanOrEqual(2);
    const waiting = queue.items.slice(0, 2);
    for (const item of waiting) {
      const decided = await apiCall<ReferralDetail>(page, 'POST', `/api/referrals/${item.id}/decisions`, { decision: 'accept', areaId: city.id });
      expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    }

    // The first meeting still only planned is the one the accepted referrals wait for.
    const meetings = MeetingList.parse(await page.evaluate(async (areaId) => (await fetch(`/api/meetings?areaId=${areaId}`)).json(), city.id));
    const planned = meetings.find((m) => m.status === 'planned')!;
    expect(planned).toBeDefined();

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: longDate(planned.date) }).click();
    await page.getByRole('button', { name: 'Build agenda' }).click();

    const agenda = page.locator('section[aria-labelledby="agenda-heading"]');
    const rows = agenda.locator('tbody tr');
    await expect.poll(async () => rows.count()).toBe(2);
    const caseOf = async (row: number) => ((await rows.nth(row).textContent()) ?? '').match(/NBC-\d{4}-\d{4}/)?.[0];
    const [first, second] = [await caseOf(0), await caseOf(1)];
    expect(first).toBeDefined();
    expect(second).not.toBe(first);

    // The coordinator moves the second case up: it takes the first place and is pinned there.
    await rows.nth(1).getByRole('button', { name: /^Move up/ }).click();
    await expect.poll(async () => caseOf(0)).toBe(second);
    await expect.poll(async () => (await rows.nth(0).textContent()) ?? '').toContain('Pinned');
    expect(await caseOf(1)).toBe(first);

    // Publish, confirming.
    await page.getByRole('button', { name: 'Publish agenda' }).click();
    await page.getByRole('button', { name: 'Yes, publish the agenda' }).click();
    await expect.poll(async () => page.locator('body').textContent()).toMatch(/research task/i);
    const published = MeetingList.parse(await page.evaluate(async (areaId) => (await fetch(`/api/meetings?areaId=${areaId}`)).json(), city.id)).find((m) => m.id === planned.id)!;
    expect(published).toMatchObject({ status: 'agenda_published', agendaVersion: 1, listedCount: 2 });

    // The police representative finds the meeting and opens a packet.
    const police = await signedIn(running.browser, running.platform.url, 'police@demo.test');
    const rep = police.page;
    await rep.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Meetings' }).click();
    await rep.getByRole('link', { name: longDate(planned.date) }).click();
    const packets = rep.getByRole('region', { name: /research packets/i });
    await packets.waitFor();
    const packetLinks = packets.getByRole('link', { name: /^NBC-/ });
    await expect.poll(async () => packetLinks.count()).toBe(2);
    const caseReference = ((await packetLinks.first().textContent()) ?? '').trim();
    await packetLinks.first().click();
    await rep.getByText('OFFICIAL-SENSITIVE').first().waitFor();
    await rep.getByText(caseReference).first().waitFor();
    // Names and dates of birth to search for; nothing of the narrative or the DASH answers.
    const packetText = (await rep.locator('main').textContent()) ?? '';
    expect(packetText).toMatch(/Victim/);
    expect(packetText).not.toMatch(/DASH|Risk identification checklist|recent incident/i);

    // The PDF the page offers is marked with who downloaded it.
    const href = await rep.getByRole('link', { name: /Download PDF/ }).first().getAttribute('href');
    expect(href).toMatch(/\/pdf$/);
    const pdf = await rep.request.get(new URL(href!, running.platform.url).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(await pdf.body()) }).getText()).text;
    const repMe = Me.parse(await rep.evaluate(async () => (await fetch('/api/auth/me')).json()));
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(`for ${repMe.user.name}`);
    expect(text).toContain(caseReference);

    await police.context.close();
    await coordinator.context.close();
  });
});
