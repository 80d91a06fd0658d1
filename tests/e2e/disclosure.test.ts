import { type Agenda, Me, type MeetingSummary, type Minutes, type ReferralDetail, longDate } from '@marac/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, platformAndBrowser, signedIn, today } from './browser';

const meOf = async (page: Page) => Me.parse(await page.evaluate(async () => (await fetch('/api/auth/me')).json()));

/** A complete referral for an invented victim nobody else in the demo shares, naming whoever `unsafeContacts` lists. */
function referral(areaId: string, unsafeContacts: unknown[]) {
  return {
    areaId,
    referringAgencyId: null,
    referrerName: 'PC Test Referrer',
    referrerContact: 'referrer@police.demo.test',
    referralDate: today(),
    managerSignOff: null,
    urgent: true,
    assessment: { tool: 'dash', version: '2009', completedOn: today(), answers: Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < 15 ? 'yes' : 'no', comment: null })) },
    dashScore: 15,
    professionalJudgementReasons: null,
    incidentDates: [today()],
    knownRepeat: false,
    victim: {
      givenName: 'Quilla',
      familyName: 'Zorrington',
      aliases: [],
      datesOfBirth: ['1988-08-18'],
      gender: 'female',
      address: { line1: '17 Juniper Walk', line2: null, town: 'Northbridge', postcode: null },
      phone: null,
    },
    victimDetails: {
      language: 'English',
      interpreterNeeded: false,
      gp: null,
      contactSafety: { safeToCall: true, safeTimes: null, safeMethods: null },
      diversity: { ethnicity: 'white_british', disability: 'no', lgbt: 'no' },
    },
    perpetrators: [{ givenName: 'Vance', familyName: 'Zorrington', datesOfBirth: ['1985-05-05'], gender: 'male', address: null, relationshipToVictim: 'Husband' }],
    householdMembers: [],
    consent: { victimAware: true, consentGiven: 'yes', reason: null },
    victimFears: 'Being killed',
    unsafeContacts,
    previousMaracElsewhere: null,
    narrative: { recentIncident: 'An invented incident.', history: null, supportInPlace: null, risksAndTriggers: null },
    policeReferences: [],
  };
}

describe('one case, one disclosure policy, in a real browser', () => {
  const running = platformAndBrowser();

  it('a merged referral naming housing as unsafe withdraws housing from a published agenda: its packets, meeting mode and minutes never show the case, and the agenda says why', async () => {
    const coordinator = await signedIn(running.browser, running.platform.url, 'coordinator@demo.test');
    const police = await signedIn(running.browser, running.platform.url, 'police@demo.test');
    const housing = await signedIn(running.browser, running.platform.url, 'housing@demo.test');
    const chair = await signedIn(running.browser, running.platform.url, 'chair@demo.test');
    const coord = coordinator.page;
    const city = (await meOf(coord)).areas.find((a) => a.code === 'NBC')!;
    const housingMe = await meOf(housing.page);
    const housingAgency = housingMe.agency!;

    // Set-up through the API: the police refer Quilla, the coordinator accepts, and her case goes on the
    // published agenda of an emergency meeting today, every agency of the area given research for it.
    const first = await apiCall<ReferralDetail>(police.page, 'POST', '/api/referrals', referral(city.id, []));
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const accepted = await apiCall<ReferralDetail>(coord, 'POST', `/api/referrals/${first.json.id}/decisions`, { decision: 'accept', areaId: city.id });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const caseId = accepted.json.caseId!;
    const caseReference = accepted.json.caseReference!;
    const created = await apiCall<MeetingSummary>(coord, 'POST', '/api/meetings', { areaId: city.id, kind: 'emergency', date: today(), startTime: '09:30', capacity: 100 });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const meetingId = created.json.id;
    const built = await apiCall<{ agenda: Agenda }>(coord, 'POST', `/api/meetings/${meetingId}/agenda/generate`, { version: created.json.version });
    expect(built.json.agenda.items.map((i) => i.caseId)).toContain(caseId);
    expect((await apiCall(coord, 'POST', `/api/meetings/${meetingId}/agenda/publish`, { version: built.json.agenda.meeting.version })).status).toBe(200);

    // Housing was given the case: its packet is listed on the meeting page.
    const rep = housing.page;
    await rep.goto(`${running.platform.url}/meetings/${meetingId}`);
    const packets = rep.getByRole('region', { name: /research packets/i });
    await packets.getByRole('link', { name: caseReference, exact: true }).waitFor();

    // The police send a second referral about the same incident, naming housing as unsafe to contact.
    const second = await apiCall<ReferralDetail>(
      police.page,
      'POST',
      '/api/referrals',
      referral(city.id, [{ name: 'Marcus Campbell', relationship: 'Brother of the perpetrator', email: null, agencyId: housingAgency.id, reason: 'Related to the perpetrator' }]),
    );
    expect(second.status, JSON.stringify(second.json)).toBe(201);

    // The coordinator merges it into the first, on the referral's page.
    await coord.goto(`${running.platform.url}/referrals/${second.json.id}`);
    await coord.getByLabel('Merge into another referral').check();
    const target = coord.getByLabel('Referral to merge this one into');
    await target.locator('option', { hasText: first.json.reference }).waitFor({ state: 'attached' });
    await target.selectOption({ label: (await target.locator('option', { hasText: first.json.reference }).textContent())!.trim() });
    await coord.getByRole('button', { name: 'Save decision' }).click();
    // Told there and then, in plain words, which agency was withdrawn from which meeting and why.
    const banner = coord.getByRole('region', { name: /Barred from the case/ });
    await banner.waitFor();
    const told = (await banner.textContent()) ?? '';
    expect(told).toContain(`${housingAgency.name} was withdrawn from case ${caseReference} at the meeting on ${longDate(today())}`);
    expect(told).toContain(`referral ${second.json.reference} names it as unsafe to contact`);

    // The agenda says it too, under the case, with both referrals listed.
    await coord.goto(`${running.platform.url}/meetings/${meetingId}`);
    const row = coord.locator('section[aria-labelledby="agenda-heading"] tbody tr', { hasText: caseReference });
    await row.getByText(`${housingAgency.name} withdrawn`).waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(`Referral ${second.json.reference} names it as unsafe to contact`);
    expect(rowText).toContain(first.json.reference);
    expect(rowText).toContain(second.json.reference);

    // Housing's packets no longer list the case, and its address does not open it.
    await rep.reload();
    await packets.waitFor();
    await expect.poll(async () => (await packets.textContent()) ?? '').not.toContain('Research packets loading');
    expect((await rep.locator('main').textContent()) ?? '').not.toContain(caseReference);
    await rep.goto(`${running.platform.url}/meetings/${meetingId}/packets/${caseId}`);
    await rep.getByText(/does not exist or you do not have access to it/).waitFor();
    expect((await rep.locator('main').textContent()) ?? '').not.toMatch(/Quilla|Zorrington|Juniper/);

    // Meeting mode: housing and the police attend; the chair starts the meeting and opens the case.
    for (const person of [chair, police, housing]) {
      const me = await meOf(person.page);
      expect((await apiCall(coord, 'POST', `/api/meetings/${meetingId}/attendance`, { kind: 'attendee', userId: me.user.id, agencyId: me.agency?.id ?? null })).status).toBe(201);
    }
    await rep.goto(`${running.platform.url}/meetings/${meetingId}/live`);
    await rep.getByLabel('I have read this statement and accept it').check();
    await rep.getByRole('button', { name: 'Sign the statement' }).click();
    await rep.getByRole('status').getByText('Live').waitFor();
    const policePage = police.page;
    await policePage.goto(`${running.platform.url}/meetings/${meetingId}/live`);
    await policePage.getByLabel('I have read this statement and accept it').check();
    await policePage.getByRole('button', { name: 'Sign the statement' }).click();
    await policePage.getByRole('status').getByText('Live').waitFor();
    expect((await apiCall(chair.page, 'POST', `/api/meetings/${meetingId}/confidentiality`, { statementVersion: (await apiCall<{ statementVersion: string }>(chair.page, 'GET', `/api/meetings/${meetingId}/confidentiality`)).json.statementVersion, accepted: true })).status).toBe(200);
    const meetingNow = await apiCall<MeetingSummary>(chair.page, 'GET', `/api/meetings/${meetingId}`);
    expect((await apiCall(chair.page, 'POST', `/api/meetings/${meetingId}/status`, { status: 'in_progress', version: meetingNow.json.version })).status).toBe(200);
    const itemId = built.json.agenda.items.find((i) => i.caseId === caseId)!.id;
    expect((await apiCall(chair.page, 'POST', `/api/meetings/${meetingId}/cases/${itemId}/open`)).status).toBe(204);
    // The police screen moves to the case; housing's never shows it.
    await policePage.getByRole('heading', { name: new RegExp(`^${caseReference}:`) }).waitFor();
    expect((await rep.locator('main').textContent()) ?? '').not.toMatch(new RegExp(`${caseReference}|Quilla|Zorrington`));
    expect((await apiCall(rep, 'GET', `/api/meetings/${meetingId}/cases/${itemId}`)).status).toBe(404);

    // The minutes: generated, signed off and distributed; housing's copy never has the case.
    const generated = await apiCall<Minutes>(coord, 'POST', `/api/meetings/${meetingId}/minutes/generate`, { version: 0 });
    expect(generated.status).toBe(200);
    const signedOff = await apiCall<Minutes>(chair.page, 'POST', `/api/meetings/${meetingId}/minutes/sign-off`, { version: generated.json.version });
    expect(signedOff.status).toBe(200);
    expect((await apiCall(coord, 'POST', `/api/meetings/${meetingId}/minutes/distribute`, { version: signedOff.json.version })).status).toBe(200);
    await rep.goto(`${running.platform.url}/meetings/${meetingId}/minutes`);
    await rep.getByRole('heading', { name: /Minutes/ }).first().waitFor();
    expect((await rep.locator('main').textContent()) ?? '').not.toMatch(new RegExp(`${caseReference}|Quilla|Zorrington`));
    // The police, not barred, read it.
    await policePage.goto(`${running.platform.url}/meetings/${meetingId}/minutes`);
    await policePage.getByText(caseReference).first().waitFor();
  });
});
