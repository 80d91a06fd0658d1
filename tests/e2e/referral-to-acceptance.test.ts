import { Me, ReferralDetail, addDays } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { apiCall, platformAndBrowser, signedIn, today } from './browser';

const victim = { givenName: 'Imogen', familyName: 'Quarrendon', datesOfBirth: ['1991-03-14'], gender: 'female' };

describe('a referral from submission to acceptance, in a real browser', () => {
  const running = platformAndBrowser();

  it('the police representative refers, the coordinator confirms the earlier victim and accepts a repeat', async () => {
    const police = await signedIn(running.browser, running.platform.url, 'police@demo.test');
    const coordinator = await signedIn(running.browser, running.platform.url, 'coordinator@demo.test');
    const coordinatorMe = Me.parse(await coordinator.page.evaluate(async () => (await fetch('/api/auth/me')).json()));
    const city = coordinatorMe.areas.find((a) => a.code === 'NBC');
    expect(city).toBeDefined();

    // History: the same victim was referred two months ago and accepted, so a new referral is a repeat.
    const earlierDate = addDays(today(), -60);
    const earlier = await apiCall<ReferralDetail>(police.page, 'POST', '/api/referrals', {
      areaId: city!.id,
      referrerName: 'PC Example',
      referrerContact: 'pc.example@police.demo.test',
      referralDate: earlierDate,
      assessment: { completedOn: earlierDate, answers: Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < 15 ? 'yes' : 'no', comment: null })) },
      dashScore: 15,
      victim: { ...victim, address: { line1: '14 Example Row', line2: null, town: 'Northbridge', postcode: 'XC1 4AB' } },
      victimDetails: { contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null }, diversity: { ethnicity: 'white_british', disability: 'no', lgbt: 'no' } },
      perpetrators: [{ givenName: 'Damian', familyName: 'Quarrendon', datesOfBirth: ['1988-07-02'], gender: 'male', relationshipToVictim: 'Husband' }],
      consent: { victimAware: true, consentGiven: 'yes', reason: null },
      narrative: { recentIncident: 'An invented earlier incident.' },
    });
    expect(earlier.status, JSON.stringify(earlier.json)).toBe(201);
    const accepted = await apiCall<ReferralDetail>(coordinator.page, 'POST', `/api/referrals/${earlier.json.id}/decisions`, { decision: 'accept', areaId: city!.id });
    expect(accepted.status).toBe(200);

    // The new referral, typed into the form.
    const page = police.page;
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'New referral' }).click();
    await page.getByRole('heading', { level: 1, name: /referral/i }).waitFor();
    await page.getByRole('group', { name: 'MARAC area' }).getByLabel(city!.name).check();
    await page.locator('#referral-victim-givenName').fill(victim.givenName);
    await page.locator('#referral-victim-familyName').fill(victim.familyName);
    await page.locator('#referral-victim-datesOfBirth-0-day').fill('14');
    await page.locator('#referral-victim-datesOfBirth-0-month').fill('3');
    await page.locator('#referral-victim-datesOfBirth-0-year').fill('1991');
    // Not safe to call: the second choice.
    await page.locator('#referral-victimDetails-contactSafety-safeToCall-2').check();
    await page.locator('#referral-perpetrators-0-givenName').fill('Damian');
    await page.locator('#referral-perpetrators-0-familyName').fill('Quarrendon');
    const [y, m, d] = today().split('-');
    await page.locator('#referral-assessment-completedOn-day').fill(String(Number(d)));
    await page.locator('#referral-assessment-completedOn-month').fill(String(Number(m)));
    await page.locator('#referral-assessment-completedOn-year').fill(y as string);
    for (let question = 1; question <= 24; question++) {
      // The first choice is "Yes", the second "No".
      await page.locator(question <= 14 ? `#referral-assessment-answers-q${question}` : `#referral-assessment-answers-q${question}-2`).check();
    }
    // The score and the criteria follow the answers as they are given.
    await expect.poll(async () => page.locator('#referral-score').textContent()).toMatch(/14/);
    await expect.poll(async () => page.locator('#referral-score').textContent()).toMatch(/Visible high risk/i);
    await page.locator('#referral-consent-victimAware').check();
    await page.locator('#referral-consent-consentGiven').check();
    await page.locator('#referral-narrative-recentIncident').fill('An invented incident for the browser test.');
    await page.getByRole('button', { name: 'Send referral' }).click();

    // The referral's own page, with its reference; an error summary instead would say what was wrong.
    const outcome = page.getByText('Awaiting screening').first().or(page.locator('.govuk-error-summary'));
    await outcome.first().waitFor();
    expect(await page.locator('.govuk-error-summary').count(), (await page.locator('.govuk-error-summary').first().textContent().catch(() => '')) ?? '').toBe(0);
    const referralId = new URL(page.url()).pathname.split('/').pop() as string;
    const submitted = ReferralDetail.parse(await page.evaluate(async (id) => (await fetch(`/api/referrals/${id}`)).json(), referralId));
    expect(submitted.dashScore).toBe(14);
    // Nothing confirmed yet: no repeat flag from history.
    expect(submitted.flags.map((f) => f.kind)).not.toContain('repeat');

    // The coordinator finds it in the queue and opens it.
    const screen = coordinator.page;
    await screen.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Screening' }).click();
    await screen.getByRole('link', { name: submitted.reference }).click();
    await screen.getByRole('heading', { name: 'Possible matches' }).or(screen.locator('#matches-heading')).first().waitFor();

    // The earlier victim is suggested with reasons; the coordinator confirms it is the same person.
    const victimMatches = screen.getByRole('region', { name: `Victim: ${victim.givenName} ${victim.familyName}` });
    const confirm = victimMatches.getByRole('button', { name: /^Same person/ }).first();
    await confirm.waitFor();
    await expect.poll(async () => screen.locator('body').textContent()).toMatch(/same date of birth/);
    await confirm.click();

    // Now the history counts: the repeat flag appears with the earlier referral's date.
    const flags = screen.locator('section[aria-labelledby="flags-heading"]');
    await flags.getByText('Repeat', { exact: true }).first().waitFor();
    const earlierLong = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${earlierDate}T12:00:00Z`));
    await expect.poll(async () => flags.textContent()).toContain(`Previous referral on ${earlierLong}`);

    // Accept onto the victim's existing case.
    await screen.getByRole('radio', { name: 'Accept' }).check();
    await screen.getByRole('button', { name: 'Save decision' }).click();
    // The form gave no address, so the platform cannot tell the area from a postcode and asks.
    const area = screen.getByLabel('MARAC area that will hear the case');
    await area.waitFor();
    await expect.poll(async () => screen.locator('.govuk-error-summary').textContent()).toMatch(/no postcode/);
    await area.selectOption({ label: city!.name });
    await screen.getByRole('button', { name: 'Save decision' }).click();
    await screen.getByText('Accepted').first().waitFor();
    const after = ReferralDetail.parse(await screen.evaluate(async (id) => (await fetch(`/api/referrals/${id}`)).json(), referralId));
    expect(after.status).toBe('accepted');
    expect(after.caseId).toBe(accepted.json.caseId);
    expect(after.flags.find((f) => f.kind === 'repeat')).toMatchObject({ previousReferralDate: earlierDate, daysLeft: expect.any(Number) });
    expect(await flags.textContent()).toContain('Repeat');

    await police.context.close();
    await coordinator.context.close();
  });
});
