import { describe, expect, it } from 'vitest';
import { ApiError, ReferralDetail } from '@marac/shared';
import { referralDrafts, referralSubjects, referrals, riskAssessments, unsafeContacts } from '../../../../server/src/db/schema';
import { makeArea } from '../../helper';
import { dashAnswers, referralAudit, referralSubmission, referralWorld, rowCounts, submitReferral, type World } from './factories';

const rowsFor = <T extends { referralId: string }>(rows: T[], referralId: string) => rows.filter((r) => r.referralId === referralId);

describe('POST /api/referrals', () => {
  it('writes the referral, its people, checklist and unsafe contacts, scores it on the server and audits the creation', async () => {
    const world = await referralWorld();
    const response = await world.agents.rep.request({ method: 'POST', url: '/api/referrals', payload: referralSubmission(world.area.id) });
    expect(response.statusCode).toBe(201);
    const referral = ReferralDetail.parse(response.json());
    expect(referral).toMatchObject({
      reference: 'TST-R-2026-00001',
      status: 'submitted',
      statusLabel: 'Awaiting screening',
      areaId: world.area.id,
      areaName: 'Testshire',
      caseId: null,
      referringAgencyId: world.police.id,
      referringAgencyName: 'Testshire Police',
      referrerUserId: world.users.rep.id,
      enteredByUserId: world.users.rep.id,
      dashScore: 15,
      criteriaMet: ['visible_high_risk'],
      submittedAt: '2026-11-23T10:00:00.000Z',
      mergedIntoReferralId: null,
    });
    expect(referral.victim).toMatchObject({ role: 'victim', givenName: 'Alice', familyName: 'Ashdown', datesOfBirth: ['1990-04-12'], personId: null });
    expect(referral.victim.address?.postcode).toBe('TS1 2AB');
    expect(referral.perpetrators.map((p) => [p.role, p.givenName, p.relationshipToVictim])).toEqual([['perpetrator', 'Bernard', 'Ex-partner']]);
    expect(referral.householdMembers.map((m) => [m.role, m.givenName, m.school])).toEqual([['child', 'Cara', 'Testford Primary']]);
    expect(referral.assessments).toEqual([{ tool: 'dash', version: '2009', completedOn: '2026-11-19', answers: dashAnswers(15), score: 15 }]);
    expect(referral.unsafeContacts.map((c) => c.name)).toEqual(['Dora Brook']);
    expect(referral.history).toEqual([
      { kind: 'submitted', label: 'Submitted', at: '2026-11-23T10:00:00.000Z', byUserId: world.users.rep.id, byName: 'Rita Rep', reason: null },
    ]);

    const db = world.database.db;
    const stored = db.select().from(referrals).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: referral.id, status: 'submitted', dashScore: 15, referralDate: '2026-11-20', createdAt: '2026-11-23T10:00:00.000Z' });
    const subjects = rowsFor(db.select().from(referralSubjects).all(), referral.id).sort((a, b) => a.position - b.position);
    expect(subjects.map((s) => [s.position, s.role, s.personId])).toEqual([
      [0, 'victim', null],
      [1, 'perpetrator', null],
      [2, 'child', null],
    ]);
    expect(rowsFor(db.select().from(riskAssessments).all(), referral.id)).toMatchObject([{ tool: 'dash', version: '2009', score: 15 }]);
    expect(rowsFor(db.select().from(unsafeContacts).all(), referral.id)).toHaveLength(1);

    const audit = referralAudit(world);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 'referral', entityId: referral.id, userId: world.users.rep.id, ip: '127.0.0.1' });
    expect(JSON.stringify(audit[0]?.detail)).not.toMatch(/Alice|Ashdown|Bernard|TS1/);
  });

  it('numbers references per area code and year', async () => {
    const world = await referralWorld();
    const first = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const second = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const elsewhere = await submitReferral(world.agents.rep, referralSubmission(world.other.id));
    expect([first.reference, second.reference, elsewhere.reference]).toEqual(['TST-R-2026-00001', 'TST-R-2026-00002', 'OTH-R-2026-00001']);
  });

  it('computes the score itself and records every criterion met, including professional judgement below the threshold', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(
      world.agents.rep,
      referralSubmission(world.area.id, {
        assessment: { tool: 'dash', version: '2009', completedOn: '2026-11-19', answers: dashAnswers(9, 5) },
        dashScore: 9,
        professionalJudgementReasons: 'Strangulation in the latest incident and threats to kill.',
        incidentDates: ['2026-03-01', '2026-07-01', '2026-11-18'],
        knownRepeat: true,
      }),
    );
    expect(referral.dashScore).toBe(9);
    expect(referral.criteriaMet).toEqual(['professional_judgement', 'potential_escalation', 'repeat']);
  });

  it('lets a coordinator enter a referral for an agency, and requires that agency', async () => {
    const world = await referralWorld();
    const before = rowCounts(world);
    const missing = await world.agents.coordinator.request({ method: 'POST', url: '/api/referrals', payload: referralSubmission(world.area.id) });
    expect(missing.statusCode).toBe(400);
    expect(ApiError.parse(missing.json()).fields.map((f) => f.field)).toEqual(['referringAgencyId']);
    const unknown = await world.agents.coordinator.request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralSubmission(world.area.id, { referringAgencyId: crypto.randomUUID() }),
    });
    expect(ApiError.parse(unknown.json()).fields.map((f) => f.field)).toEqual(['referringAgencyId']);
    expect(rowCounts(world)).toEqual(before);

    const referral = await submitReferral(world.agents.coordinator, referralSubmission(world.area.id, { referringAgencyId: world.housing.id }));
    expect(referral).toMatchObject({ referringAgencyId: world.housing.id, referringAgencyName: 'Testshire Homes', enteredByUserId: world.users.coordinator.id });
  });

  it("refuses a representative referring for another agency", async () => {
    const world = await referralWorld();
    const before = rowCounts(world);
    const response = await world.agents.rep.request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralSubmission(world.area.id, { referringAgencyId: world.housing.id }),
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['referringAgencyId']);
    expect(rowCounts(world)).toEqual(before);
  });

  it('deletes the draft it came from in the same transaction, and only the submitter’s own draft', async () => {
    const world = await referralWorld();
    const saved = await world.agents.rep.request({ method: 'POST', url: '/api/referral-drafts', payload: { payload: { step: 3 } } });
    const draftId = saved.json<{ id: string }>().id;
    const othersDraft = await world.agents.housingRep.request({ method: 'POST', url: '/api/referral-drafts', payload: { payload: { step: 1 } } });
    const othersDraftId = othersDraft.json<{ id: string }>().id;

    const before = rowCounts(world);
    const stolen = await world.agents.rep.request({ method: 'POST', url: '/api/referrals', payload: { ...referralSubmission(world.area.id), draftId: othersDraftId } });
    expect(stolen.statusCode).toBe(400);
    expect(ApiError.parse(stolen.json()).fields.map((f) => f.field)).toEqual(['draftId']);
    expect(rowCounts(world)).toEqual(before);

    const referral = await submitReferral(world.agents.rep, { ...referralSubmission(world.area.id), draftId });
    const drafts = world.database.db.select().from(referralDrafts).all();
    expect(drafts.map((d) => d.id)).toEqual([othersDraftId]);
    expect(referralAudit(world).at(-1)).toMatchObject({ action: 'create', entityId: referral.id, detail: { fromDraft: draftId } });

    // Sending the same form twice does not make a second referral.
    const again = await world.agents.rep.request({ method: 'POST', url: '/api/referrals', payload: { ...referralSubmission(world.area.id), draftId } });
    expect(again.statusCode).toBe(400);
    expect(world.database.db.select().from(referrals).all()).toHaveLength(1);
  });

  it('is refused to roles that do not refer', async () => {
    const world = await referralWorld();
    for (const agent of [world.agents.chair, world.agents.observer]) {
      const response = await agent.request({ method: 'POST', url: '/api/referrals', payload: referralSubmission(world.area.id) });
      expect(response.statusCode).toBe(403);
    }
    expect(world.database.db.select().from(referrals).all()).toHaveLength(0);
  });
});

describe('POST /api/referrals with problems', () => {
  /** Sends a submission expected to fail; checks the fields named and that no table changed. */
  async function refused(world: World, payload: Record<string, unknown>, agent = world.agents.rep) {
    const before = rowCounts(world);
    const response = await agent.request({ method: 'POST', url: '/api/referrals', payload });
    expect(response.statusCode, response.body).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(rowCounts(world)).toEqual(before);
    return body.fields.map((f) => f.field);
  }

  it('names each problem by its field and writes nothing, not even an audit row', async () => {
    const world = await referralWorld();
    const valid = referralSubmission(world.area.id);
    const { victim: _victim, ...withoutVictim } = valid;

    expect(await refused(world, withoutVictim)).toContain('victim');
    expect(await refused(world, { ...valid, victim: { ...valid.victim, datesOfBirth: ['1990-04-12', '2027-01-01'] } })).toEqual(['victim.datesOfBirth.1']);
    expect(await refused(world, { ...valid, dashScore: 16 })).toEqual(['dashScore']);
    expect(
      await refused(world, {
        ...valid,
        assessment: { tool: 'dash', version: '2009', completedOn: '2026-11-19', answers: dashAnswers(10) },
        dashScore: 10,
      }),
    ).toEqual(['professionalJudgementReasons']);
    expect(await refused(world, { ...valid, areaId: crypto.randomUUID() })).toEqual(['areaId']);
    expect(await refused(world, referralSubmission(world.other.id), world.agents.housingRep)).toEqual(['areaId']);
    expect(await refused(world, { ...valid, referralDate: '2026-11-24' })).toEqual(['referralDate']);
    expect(await refused(world, { ...valid, victim: { ...valid.victim, datesOfBirth: ['2012-01-01'] } })).toEqual(['victim.datesOfBirth.0']);
    expect(await refused(world, { ...valid, perpetrators: [] })).toEqual(['perpetrators']);
    expect(await refused(world, { ...valid, consent: { victimAware: false, consentGiven: 'not_asked', reason: null } })).toEqual(['consent.reason']);
    expect(await refused(world, { ...valid, unsafeContacts: [{ name: 'Someone', agencyId: crypto.randomUUID() }] })).toEqual(['unsafeContacts.0.agencyId']);
    expect(world.database.db.select().from(referrals).all()).toHaveLength(0);
    expect(referralAudit(world)).toHaveLength(0);
  });

  it('refuses a disabled area and reports every problem at once', async () => {
    const world = await referralWorld();
    const closed = makeArea(world.database, { name: 'Closed', code: 'CLS', disabledAt: '2026-01-02T00:00:00.000Z' });
    const valid = referralSubmission(closed.id, { dashScore: 3 });
    const fields = await refused(world, valid, world.agents.rep);
    expect(fields).toEqual(['areaId', 'dashScore']);
  });

  it('never echoes personal data in its messages', async () => {
    const world = await referralWorld();
    const valid = referralSubmission(world.area.id);
    const response = await world.agents.rep.request({
      method: 'POST',
      url: '/api/referrals',
      payload: { ...valid, victim: { ...valid.victim, datesOfBirth: ['2027-03-04'] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('2027-03-04');
    expect(response.body).not.toContain('Alice');
  });
});
