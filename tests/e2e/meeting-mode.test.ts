import { type Agenda, Me, type MeetingSummary, ScreeningQueue, type AttendanceEntry, type ConfidentialityStatus, type ReferralDetail } from '@marac/shared';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, platformAndBrowser, signedIn, today } from './browser';

const meOf = async (page: Page) => Me.parse(await page.evaluate(async () => (await fetch('/api/auth/me')).json()));

/** Signs the meeting's confidentiality statement in the page, as the attendee would. */
async function signStatement(page: Page) {
  await page.getByLabel('I have read this statement and accept it').check();
  await page.getByRole('button', { name: 'Sign the statement' }).click();
}

describe('the meeting as it happens, in two browsers', () => {
  const running = platformAndBrowser();

  it('the chair opens a case and records an action; the police representative’s screen shows both, then reads them in the minutes', async () => {
    // Set-up through the API, as the coordinator: a referral accepted, an emergency meeting today (all
    // its deadlines today, so the referral is listed), its agenda built and published, the chair and the
    // police representative recorded as attending.
    const coordinator = await signedIn(running.browser, running.platform.url, 'coordinator@demo.test');
    const city = (await meOf(coordinator.page)).areas.find((a) => a.code === 'NBC')!;
    const queue = ScreeningQueue.parse(await coordinator.page.evaluate(async (areaId) => (await fetch(`/api/screening?areaId=${areaId}&sort=oldest`)).json(), city.id));
    const accepted = await apiCall<ReferralDetail>(coordinator.page, 'POST', `/api/referrals/${queue.items[0]!.id}/decisions`, { decision: 'accept', areaId: city.id });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const created = await apiCall<MeetingSummary>(coordinator.page, 'POST', '/api/meetings', { areaId: city.id, kind: 'emergency', date: today(), startTime: '09:30', location: 'Civic Centre, Room 2' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const meetingId = created.json.id;
    const built = await apiCall<{ agenda: Agenda }>(coordinator.page, 'POST', `/api/meetings/${meetingId}/agenda/generate`, { version: created.json.version });
    expect(built.status, JSON.stringify(built.json)).toBe(200);
    expect(built.json.agenda.items.length).toBeGreaterThanOrEqual(1);
    const firstCase = built.json.agenda.items[0]!.caseReference;
    const published = await apiCall(coordinator.page, 'POST', `/api/meetings/${meetingId}/agenda/publish`, { version: built.json.agenda.meeting.version });
    expect(published.status, JSON.stringify(published.json)).toBe(200);

    const chair = await signedIn(running.browser, running.platform.url, 'chair@demo.test');
    const police = await signedIn(running.browser, running.platform.url, 'police@demo.test');
    for (const person of [chair, police]) {
      const me = await meOf(person.page);
      const recorded = await apiCall<AttendanceEntry[]>(coordinator.page, 'POST', `/api/meetings/${meetingId}/attendance`, { kind: 'attendee', userId: me.user.id, agencyId: me.agency?.id ?? null });
      expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    }

    // The police representative joins from the meeting page and signs the statement: only then does
    // the screen follow the meeting.
    const rep = police.page;
    await rep.goto(`${running.platform.url}/meetings/${meetingId}`);
    await rep.getByRole('link', { name: 'Open meeting mode' }).click();
    await rep.getByRole('heading', { name: 'Meeting mode' }).waitFor();
    // Before the signature the screen follows nothing.
    await rep.getByLabel('I have read this statement and accept it').waitFor();
    expect(await rep.getByText('Live', { exact: true }).count()).toBe(0);
    await signStatement(rep);
    await rep.getByRole('status').getByText('Live').waitFor();
    await rep.getByText('The meeting has not started.').waitFor();

    // The chair signs, starts the meeting and opens the first case.
    const page = chair.page;
    await page.goto(`${running.platform.url}/meetings/${meetingId}/live`);
    await signStatement(page);
    await page.getByRole('status').getByText('Live').waitFor();
    await page.getByRole('button', { name: 'Start the meeting' }).click();
    await page.getByRole('button', { name: `Open the first case, ${firstCase}` }).click();
    await page.getByRole('heading', { name: new RegExp(`^${firstCase}:`) }).waitFor();

    // The representative's screen moved to the case with the chair.
    await rep.getByRole('heading', { name: new RegExp(`^${firstCase}:`) }).waitFor({ timeout: 5_000 });
    await rep.getByRole('timer', { name: 'Time on this case' }).waitFor();
    expect(await rep.getByRole('button', { name: 'Add the action' }).count()).toBe(0);

    // The chair records an action for the police.
    const chairMe = await meOf(page);
    expect(chairMe.user.role).toBe('chair');
    const policeMe = await meOf(rep);
    await page.getByLabel('Agency that owns the action').selectOption({ label: 'Northbridge & Wealdshire Police' });
    await page.getByLabel('Action to be taken').fill('Flag the address for an urgent response');
    await page.getByLabel('Risk it answers (optional)').fill('Perpetrator released on bail');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill(String(Number(today().slice(0, 4)) + 1));
    const savedAt = Date.now();
    await page.getByRole('button', { name: 'Add the action' }).click();

    // Within moments it is on the police representative's screen, without a reload.
    const actions = rep.getByRole('table', { name: 'Actions agreed' });
    await actions.getByText('Flag the address for an urgent response').waitFor({ timeout: 5_000 });
    const shownAfter = Date.now() - savedAt;
    expect(await actions.textContent()).toContain('Northbridge & Wealdshire Police');
    // Through the browser and the page's re-read of the case, well within the seconds allowed.
    expect(shownAfter).toBeLessThan(5_000);

    // The risk analysis follows too.
    await page.getByLabel('Harms').fill('Serious physical harm to the victim after release');
    await page.getByRole('button', { name: 'Save the risk analysis and outcome' }).click();
    await rep.getByText('Serious physical harm to the victim after release').waitFor({ timeout: 5_000 });

    // The statement the representative signed is on record with its time.
    const statement = await apiCall<ConfidentialityStatus>(rep, 'GET', `/api/meetings/${meetingId}/confidentiality`);
    expect(statement.json.signedAt).not.toBeNull();
    expect(policeMe.user.role).toBe('agency_representative');

    // After the meeting: the coordinator generates the minutes and summarises the case, the chair signs
    // them off, the coordinator distributes them, and the police read their case with the action agreed,
    // on screen and as a PDF marked with their name.
    const coord = coordinator.page;
    await coord.goto(`${running.platform.url}/meetings/${meetingId}`);
    await coord.getByRole('link', { name: 'Go to the minutes' }).click();
    await coord.getByRole('button', { name: 'Generate the minutes' }).click();
    const summary = coord.getByLabel(/Summary/).first();
    await summary.fill('Police to prioritise calls to the address while the perpetrator is on bail.');
    await coord.getByRole('button', { name: /^Save/ }).click();
    await coord.getByText(/saved/i).first().waitFor();

    await page.goto(`${running.platform.url}/meetings/${meetingId}/minutes`);
    await page.getByRole('button', { name: 'Sign off the minutes' }).click();
    await page.getByRole('button', { name: 'Yes, sign off the minutes' }).click();
    await page.getByText(/signed off/i).first().waitFor();

    await coord.reload();
    await coord.getByRole('button', { name: 'Distribute the minutes' }).click();
    await coord.getByRole('button', { name: 'Yes, distribute the minutes' }).click();
    await coord.getByText(/distributed/i).first().waitFor();

    await rep.goto(`${running.platform.url}/meetings/${meetingId}/minutes`);
    await rep.getByText('Flag the address for an urgent response').waitFor();
    const minutesText = (await rep.locator('main').textContent()) ?? '';
    expect(minutesText).toContain(firstCase);
    expect(minutesText).toContain('Police to prioritise calls to the address while the perpetrator is on bail.');
    expect(minutesText).toContain('Serious physical harm to the victim after release');
    const pdfHref = await rep.getByRole('link', { name: /PDF/ }).first().getAttribute('href');
    const pdf = await rep.request.get(new URL(pdfHref!, running.platform.url).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfText = (await new PDFParse({ data: new Uint8Array(await pdf.body()) }).getText()).text;
    expect(pdfText).toContain('OFFICIAL-SENSITIVE');
    expect(pdfText).toContain(`for ${policeMe.user.name}`);
    expect(pdfText).toContain('Flag the address for an urgent response');

    for (const person of [chair, police, coordinator]) await person.context.close();
  });
});
