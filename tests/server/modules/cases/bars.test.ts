import { describe, expect, it } from 'vitest';
import { CaseBars, HomeSummary, NotificationPage, PacketList, RecordedCaseBar, ResearchGrid, ResearchTaskList, ScreeningQueue } from '@marac/shared';
import { auditEvents, caseBars, outbox, research } from '../../../../server/src/db/schema';
import { deliverOutbox } from '../../../../server/src/modules/mail/outbox';
import { makeUser, signIn } from '../../helper';
import { acceptedReferral, decide, decideMatch, matchDecided, personOf, referralSubmission, rowCounts, submitReferral, TODAY, viewReferral } from '../referrals/factories';
import { agendaOf, decided, emailUnsafe, get, housingUnsafe, laterReferral, mergedReferral, policyWorld, publishedCase } from './world';
import { meetingVersion } from '../meetings/versions';

const packetsOf = async (agent: Parameters<typeof get>[0], meetingId: string) => PacketList.parse((await get(agent, `/api/meetings/${meetingId}/packets`)).json());

describe('a bar takes effect at once, on the whole case', () => {
  it('withdraws an agency a merged referral names as unsafe from a published agenda, and tells the coordinator which meeting and why', async () => {
    const world = await policyWorld();
    const { referral, caseId, meeting } = await publishedCase(world);
    const packetUrl = `/api/meetings/${meeting.id}/packets/${caseId}`;
    // Housing was given the case with the agenda.
    expect((await get(world.agents.housingRep, packetUrl)).statusCode).toBe(200);

    const merged = await mergedReferral(world, referral, { unsafeContacts: housingUnsafe(world) });
    expect(merged.barEffects).toEqual([
      {
        caseId,
        caseReference: referral.caseReference,
        agencyName: 'Testshire Homes',
        personName: null,
        withdrawnFrom: [{ meetingId: meeting.id, date: '2026-12-08' }],
        openActions: 0,
        because: `referral ${merged.reference} names it as unsafe to contact`,
      },
    ]);

    // Housing reaches nothing of the case any more: packet, its PDF, the list, research, the case.
    expect(await packetsOf(world.agents.housingRep, meeting.id)).toEqual([]);
    for (const url of [packetUrl, `${packetUrl}/pdf`, `/api/cases/${caseId}/actions`]) {
      const response = await get(world.agents.housingRep, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Alice');
    }
    expect(ResearchTaskList.parse((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/research`)).json())).toEqual([]);
    const saved = await world.agents.housingRep.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/research/${caseId}`, payload: { version: 0, knownToAgency: false } });
    expect(saved.statusCode).toBe(404);
    const home = HomeSummary.parse((await get(world.agents.housingRep, '/api/home')).json());
    expect(home.figures.find((f) => f.key === 'research_outstanding')?.value).toBe(0);
    // The agenda PDF for housing lists nothing.
    const agendaPdf = await get(world.agents.housingRep, `/api/meetings/${meeting.id}/agenda/pdf`);
    expect(agendaPdf.statusCode).toBe(200);
    expect(agendaPdf.rawPayload.toString('latin1')).not.toContain('Alice');

    // The police still have it.
    expect((await get(world.agents.rep, packetUrl)).statusCode).toBe(200);

    // The agenda lists the case once, both referrals under it, and says who was withdrawn and why.
    const agenda = await agendaOf(world.agents.coordinator, meeting.id);
    expect(agenda.items).toHaveLength(1);
    expect(agenda.items[0]?.referrals.map((r) => [r.reference, r.status])).toEqual([
      [referral.reference, 'accepted'],
      [merged.reference, 'merged'],
    ]);
    expect(agenda.items[0]?.barredAgencies).toEqual([
      { agencyId: world.housing.id, agencyName: 'Testshire Homes', withdrawnAt: expect.any(String), because: `Referral ${merged.reference} names it as unsafe to contact` },
    ]);
    const grid = ResearchGrid.parse((await get(world.agents.coordinator, `/api/meetings/${meeting.id}/research-grid`)).json());
    expect(Object.keys(grid.cases[0]?.statuses ?? {})).toEqual([world.police.id]);

    // The coordinator and chair are told in plain words.
    for (const agent of [world.agents.coordinator, world.agents.chair]) {
      const told = NotificationPage.parse((await get(agent, '/api/notifications')).json()).items.find((n) => n.subject.startsWith('Testshire Homes withdrawn'));
      expect(told?.body).toBe(
        `Testshire Homes was withdrawn from case ${referral.caseReference} on the agenda of the MARAC on 8 December 2026, because a referral about the victim names it as unsafe to contact. It can no longer see the case, and nothing more about it will be sent to it.`,
      );
    }

    // Publishing again gives housing nothing and sends its mailbox nothing.
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
    expect(world.database.db.select().from(research).all().filter((t) => t.agencyId === world.housing.id).every((t) => t.withdrawnAt !== null)).toBe(true);
    expect(world.database.db.select().from(outbox).all().filter((n) => n.recipient === 'marac@homes.test.invalid' && n.dedupeKey?.includes(':v2:'))).toEqual([]);
  });

  it('bars an agency a later referral for the same victim names, on the case it joins', async () => {
    const world = await policyWorld();
    const { referral, caseId, meeting } = await publishedCase(world);
    const later = await laterReferral(world, referral, { unsafeContacts: housingUnsafe(world) });
    expect(later.caseId).toBe(caseId);
    // The bar came as soon as the coordinator confirmed she is the same victim, before acceptance.
    const told = NotificationPage.parse((await get(world.agents.coordinator, '/api/notifications')).json()).items.map((n) => n.subject);
    expect(told).toContain(`Testshire Homes withdrawn from case ${referral.caseReference}`);
    // One entry, the later referral listed under it at once.
    const agenda = await agendaOf(world.agents.coordinator, meeting.id);
    expect(agenda.items.map((i) => i.referrals.map((r) => r.reference))).toEqual([[referral.reference, later.reference]]);
    expect((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(404);
    expect(CaseBars.parse((await get(world.agents.coordinator, `/api/cases/${caseId}/bars`)).json()).active).toMatchObject([
      { agencyName: 'Testshire Homes', referralReference: later.reference, reason: 'Related to the perpetrator', liftedAt: null },
    ]);
  });

  it('keeps a coordinator or chair whose e-mail a referral names from the referral, the case, its packets and every list that counts it', async () => {
    const world = await policyWorld();
    const { referral, caseId, meeting } = await publishedCase(world);
    const before = await agendaOf(world.agents.chair, meeting.id);
    expect(before.items).toHaveLength(1);

    // A new referral names the chair: at once, while it is screened, the chair cannot open it.
    const naming = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { unsafeContacts: emailUnsafe('Chair@Test.Invalid') }));
    expect((await get(world.agents.chair, `/api/referrals/${naming.id}`)).statusCode).toBe(404);
    const queue = ScreeningQueue.parse((await get(world.agents.chair, '/api/screening')).json());
    expect(queue.items.map((i) => i.id)).not.toContain(naming.id);

    // Confirmed as the same victim, it bars the chair from her whole case.
    const later = await laterReferral(world, referral, { unsafeContacts: emailUnsafe('chair@test.invalid') });
    const told = NotificationPage.parse((await get(world.agents.coordinator, '/api/notifications')).json()).items.map((n) => n.body);
    expect(told).toContain(`Chad Chair is barred from case ${referral.caseReference}, because a referral about the victim names their e-mail as unsafe to contact: they can no longer see it.`);
    for (const url of [`/api/referrals/${referral.id}`, `/api/referrals/${later.id}`, `/api/meetings/${meeting.id}/packets/${caseId}`, `/api/cases/${caseId}/actions`, `/api/cases/${caseId}/bars`]) {
      expect((await get(world.agents.chair, url)).statusCode, url).toBe(404);
    }
    const agenda = await agendaOf(world.agents.chair, meeting.id);
    expect(agenda).toMatchObject({ items: [], withheldCount: 1, meeting: { listedCount: 0 } });
    expect(await packetsOf(world.agents.chair, meeting.id)).toEqual([]);
    // The coordinator, not named, still sees all of it.
    expect((await agendaOf(world.agents.coordinator, meeting.id)).items).toHaveLength(1);
    expect((await viewReferral(world.agents.coordinator, later.id)).caseId).toBe(caseId);
  });

  it('hides notices already given about the case from the person barred since, and never sends one still waiting', async () => {
    const world = await policyWorld();
    const { referral, caseId } = await publishedCase(world);
    const reassigned = world.database.sqlite.prepare("INSERT INTO notifications (id, user_id, subject, body, link, dedupe_key, case_id, created_at) VALUES (?, ?, 'Action due', 'For case X', null, 'k1', ?, '2026-11-23T09:00:00.000Z')");
    reassigned.run(crypto.randomUUID(), world.users.housingRep.id, caseId);
    const waiting = world.database.db.select().from(outbox).all().filter((n) => n.recipient === 'marac@homes.test.invalid');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.caseIds).toEqual([caseId]);
    expect(NotificationPage.parse((await get(world.agents.housingRep, '/api/notifications')).json()).total).toBe(1);

    await mergedReferral(world, referral, { unsafeContacts: housingUnsafe(world) });
    expect(NotificationPage.parse((await get(world.agents.housingRep, '/api/notifications')).json())).toMatchObject({ total: 0, unread: 0, items: [] });

    const sent: string[] = [];
    const report = await deliverOutbox(world.database.db, { send: async (m) => void sent.push(m.to) }, () => new Date('2026-11-23T11:00:00.000Z'));
    expect(sent).not.toContain('marac@homes.test.invalid');
    expect(report.cancelled).toBe(1);
    expect(world.database.db.select().from(outbox).all().find((n) => n.recipient === 'marac@homes.test.invalid')).toMatchObject({ sentAt: null, cancelledAt: '2026-11-23T11:00:00.000Z' });
  });
});

describe('recording and lifting bars', () => {
  it('lets a coordinator record an agency as unsafe for a case, with the effect at once, and lift it only with a reason, never bringing anything back by itself', async () => {
    const world = await policyWorld();
    const { caseId, meeting } = await publishedCase(world);
    const missingReason = await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${caseId}/bars`, payload: { name: 'Testshire Homes', agencyId: null, email: null, reason: '' } });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['agencyId', 'reason']);
    expect(world.database.db.select().from(caseBars).all()).toEqual([]);

    const recorded = await world.agents.coordinator.request({
      method: 'POST',
      url: `/api/cases/${caseId}/bars`,
      payload: { name: 'Testshire Homes', agencyId: world.housing.id, email: null, reason: 'The housing officer is the perpetrator’s brother' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { bars, effect } = RecordedCaseBar.parse(recorded.json());
    expect(effect).toMatchObject({ agencyName: 'Testshire Homes', withdrawnFrom: [{ meetingId: meeting.id }], because: 'Cora Coordinator recorded it as unsafe to contact' });
    expect(bars.active).toMatchObject([{ agencyId: world.housing.id, recordedByName: 'Cora Coordinator', referralId: null }]);
    expect((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(404);

    const barId = bars.active[0]?.id as string;
    // The chair reads the bars but does not lift them; a lift needs its reason.
    expect((await world.agents.chair.request({ method: 'POST', url: `/api/cases/${caseId}/bars/${barId}/lift`, payload: { reason: 'x' } })).statusCode).toBe(403);
    const noReason = await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${caseId}/bars/${barId}/lift`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([{ field: 'reason', message: 'Say why the bar was recorded in error' }]);
    const lifted = await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${caseId}/bars/${barId}/lift`, payload: { reason: 'Wrong agency: it was the other landlord' } });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(CaseBars.parse(lifted.json())).toMatchObject({ active: [], lifted: [{ id: barId, liftedByName: 'Cora Coordinator', liftReason: 'Wrong agency: it was the other landlord' }] });
    expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${caseId}/bars/${barId}/lift`, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect(world.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'case' && e.action === 'decide' && e.detail?.['barId'] === barId)).toHaveLength(1);

    // Lifting gives nothing back by itself: housing is sent the case again only when invited again.
    expect((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(404);
    const invited = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: world.housing.id, caseId, version: meetingVersion(world, meeting.id) } });
    expect(invited.statusCode, invited.body).toBe(201);
    expect((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(200);
    // The withdrawal was a change to housing's research: a save from a page read before the bar is refused.
    const task = ResearchTaskList.parse((await get(world.agents.housingRep, `/api/meetings/${meeting.id}/research`)).json()).find((t) => t.caseId === caseId);
    expect(task?.version).toBe(1);
    const stale = await world.agents.housingRep.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/research/${caseId}`, payload: { version: 0, facts: 'Written before the bar' } });
    expect(stale.statusCode).toBe(409);
    expect((await world.agents.housingRep.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/research/${caseId}`, payload: { version: 1, facts: 'Written after' } })).statusCode).toBe(200);
  });

  it('refuses to invite a barred agency for the case, and refuses a coordinator barring themselves', async () => {
    const world = await policyWorld();
    const { referral, caseId, meeting } = await publishedCase(world);
    await mergedReferral(world, referral, { unsafeContacts: housingUnsafe(world) });
    const invite = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/invitations`, payload: { agencyId: world.housing.id, caseId, version: meetingVersion(world, meeting.id) } });
    expect(invite.statusCode).toBe(400);
    expect(invite.json().fields).toEqual([{ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact' }]);
    const self = await world.agents.coordinator.request({ method: 'POST', url: `/api/cases/${caseId}/bars`, payload: { name: 'Me', agencyId: null, email: 'coord@test.invalid', reason: 'Testing' } });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields[0].field).toBe('email');
  });

  it('refuses a referral that names its own sender or their agency as unsafe, field by field', async () => {
    const world = await policyWorld();
    const response = await world.agents.rep.request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralSubmission(world.area.id, {
        unsafeContacts: [
          { name: 'Me', relationship: null, email: 'rep@test.invalid', agencyId: null, reason: null },
          { name: 'Us', relationship: null, email: null, agencyId: world.police.id, reason: null },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { field: string }) => f.field)).toEqual(['unsafeContacts.0.email', 'unsafeContacts.1.agencyId']);
  });

  it('follows the victim: a bar recorded on one case of hers reaches the case a coordinator later confirms is hers too, in another area', async () => {
    const world = await policyWorld();
    const { referral } = await publishedCase(world, { changes: { unsafeContacts: housingUnsafe(world) } });
    // The other area's coordinator takes a referral for her and confirms she is the victim already held.
    const elsewhere = await submitReferral(world.agents.rep, referralSubmission(world.other.id, { victim: { ...referralSubmission(world.other.id).victim, address: { line1: '3 Far Road', line2: null, town: 'Otherton', postcode: 'OT1 1AA' } } }));
    const otherAgent = world.agents.otherCoordinator;
    const confirmed = await otherAgent.request({ method: 'POST', url: `/api/referrals/${elsewhere.id}/subjects/${elsewhere.victim.id}/matches`, payload: { personId: referral.victim.personId, decision: 'confirm' } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const accepted = await otherAgent.request({ method: 'POST', url: `/api/referrals/${elsewhere.id}/decisions`, payload: { decision: 'accept', areaId: world.other.id } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const otherCase = accepted.json().caseId as string;
    expect(otherCase).not.toBe(referral.caseId);
    const bars = CaseBars.parse((await get(otherAgent, `/api/cases/${otherCase}/bars`)).json());
    // Who is barred follows her; who the other area's referral named, and why, stays with that area.
    expect(bars.active.map((b) => [b.agencyId, b.referralId, b.referralReference, b.name, b.reason])).toEqual([
      [world.housing.id, null, null, 'Testshire Homes', 'Named on a referral about the same victim in another area'],
    ]);
    expect(JSON.stringify(bars)).not.toMatch(/Hal Housing|Related to the perpetrator|TST-R-/);
  });
});

describe('bars stay once they apply to a referral under screening', () => {
  /** Alice's case barring the chair by e-mail, Bella's case, and a new referral confirmed as Alice's. */
  async function twoVictims() {
    const world = await policyWorld();
    const alice = await acceptedReferral(world, referralSubmission(world.area.id, { unsafeContacts: emailUnsafe('chair@test.invalid') }));
    const bellaVictim = { ...referralSubmission(world.area.id).victim, givenName: 'Bella', familyName: 'Brook', aliases: [], datesOfBirth: ['1985-02-03'], address: { line1: '9 Far Lane', line2: null, town: 'Testford', postcode: 'TS2 9ZZ' }, phone: '07700 900099' };
    const bella = await acceptedReferral(world, referralSubmission(world.area.id, { victim: bellaVictim }));
    const later = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: TODAY }));
    await matchDecided(world.agents.coordinator, later.id, later.victim.id, alice.victim.personId as string, 'confirm');
    expect((await get(world.agents.chair, `/api/referrals/${later.id}`)).statusCode).toBe(404);
    return { world, alice, bella, later };
  }

  it('refuses to confirm the victim as someone else, or as no one, when that would lift a bar, and changes nothing', async () => {
    const { world, alice, bella, later } = await twoVictims();
    const counts = rowCounts(world);
    for (const payload of [
      { personId: bella.victim.personId, decision: 'confirm' },
      { personId: alice.victim.personId, decision: 'reject' },
    ]) {
      const refused = await decideMatch(world.agents.coordinator, later.id, later.victim.id, payload);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().fields).toEqual([{ field: 'personId', message: 'Someone barred from this referral would no longer be barred' }]);
    }
    expect(rowCounts(world)).toEqual(counts);
    expect(personOf(world, later.victim.id)).toBe(alice.victim.personId);
    expect((await get(world.agents.chair, `/api/referrals/${later.id}`)).statusCode).toBe(404);
  });

  it('refuses to merge it into a referral about another victim, and merges it into one about the same victim', async () => {
    const { world, alice, bella, later } = await twoVictims();
    const counts = rowCounts(world);
    const refused = await decide(world.agents.coordinator, later.id, { decision: 'merge', intoReferralId: bella.id });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().fields).toEqual([{ field: 'intoReferralId', message: 'Someone barred from this referral would no longer be barred' }]);
    expect(rowCounts(world)).toEqual(counts);
    expect((await viewReferral(world.agents.coordinator, later.id)).status).toBe('submitted');

    const merged = await decided(world.agents.coordinator, later.id, { decision: 'merge', intoReferralId: alice.id });
    expect(merged.status).toBe('merged');
    expect((await get(world.agents.chair, `/api/referrals/${later.id}`)).statusCode).toBe(404);
  });

  it('tells each coordinator where a bar came from only as far as they may open that referral', async () => {
    const world = await policyWorld();
    const alice = await acceptedReferral(world, referralSubmission(world.area.id));
    // Another area holds a case of hers too, where its coordinator records this area's coordinator as unsafe.
    const elsewhere = await submitReferral(world.agents.rep, referralSubmission(world.other.id, { victim: { ...referralSubmission(world.other.id).victim, address: { line1: '3 Far Road', line2: null, town: 'Otherton', postcode: 'OT1 1AA' } } }));
    await matchDecided(world.agents.otherCoordinator, elsewhere.id, elsewhere.victim.id, alice.victim.personId as string, 'confirm');
    const otherCase = (await decided(world.agents.otherCoordinator, elsewhere.id, { decision: 'accept', areaId: world.other.id })).caseId as string;
    const recorded = await world.agents.otherCoordinator.request({ method: 'POST', url: `/api/cases/${otherCase}/bars`, payload: { name: 'Cora Coordinator', agencyId: null, email: 'coord@test.invalid', reason: 'Lives with the perpetrator' } });
    expect(recorded.statusCode, recorded.body).toBe(201);

    // A new referral for her names housing; a second coordinator of the area confirms who she is.
    await makeUser(world.database, { role: 'coordinator', areaIds: [world.area.id], email: 'coord.two@test.invalid', name: 'Cass Second' });
    const second = await signIn(world.app, 'coord.two@test.invalid');
    const later = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: TODAY, unsafeContacts: housingUnsafe(world) }));
    await matchDecided(second, later.id, later.victim.id, alice.victim.personId as string, 'confirm');
    expect((await get(world.agents.coordinator, `/api/referrals/${later.id}`)).statusCode).toBe(404);

    const told = async (agent: typeof second) => NotificationPage.parse((await get(agent, '/api/notifications')).json()).items.map((n) => n.body);
    expect(await told(world.agents.chair)).toContain(`Testshire Homes is barred from case ${alice.caseReference}, because a referral about the victim names it as unsafe to contact. It can no longer see the case, and nothing more about it will be sent to it.`);
    const toCora = await told(world.agents.coordinator);
    expect(toCora).toContain(`Testshire Homes is barred from case ${alice.caseReference}, because a referral about the victim names it as unsafe to contact. It can no longer see the case, and nothing more about it will be sent to it.`);
    expect(JSON.stringify(toCora)).not.toContain(later.reference);
    // A notice is read later, when the referral may have moved: it names none. The case's bars, read at
    // the time, name it to a coordinator who may open it, and to nobody else.
    expect(JSON.stringify(await told(world.agents.chair))).not.toContain(later.reference);
    const bars = CaseBars.parse((await get(world.agents.coordinator, `/api/cases/${alice.caseId}/bars`)).json());
    expect(bars.active.map((b) => [b.agencyId, b.referralId, b.referralReference, b.name, b.reason])).toEqual([[world.housing.id, null, null, 'Testshire Homes', 'Named on a referral about the same victim']]);
    const toCass = CaseBars.parse((await get(second, `/api/cases/${alice.caseId}/bars`)).json());
    expect(toCass.active.map((b) => [b.referralId, b.referralReference])).toEqual([[later.id, later.reference]]);
  });
});

describe('a user named unsafe keeps nothing they were sent', () => {
  it('signs in afresh and still cannot reach the case', async () => {
    const world = await policyWorld();
    const named = await makeUser(world.database, { role: 'agency_representative', agencyId: world.police.id, areaIds: [world.area.id], email: 'pc.named@test.invalid', name: 'PC Named' });
    const { referral, caseId, meeting } = await publishedCase(world);
    const agent = await signIn(world.app, named.email);
    expect((await get(agent, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(200);
    await mergedReferral(world, referral, { unsafeContacts: emailUnsafe('pc.named@test.invalid') });
    const again = await signIn(world.app, named.email);
    expect((await get(again, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(404);
    // Their colleagues are not named, and keep the case.
    expect((await get(world.agents.rep, `/api/meetings/${meeting.id}/packets/${caseId}`)).statusCode).toBe(200);
  });
});
