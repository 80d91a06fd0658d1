import { describe, expect, it } from 'vitest';
import { ApiError, MyReferrals, ReferralDetail } from '@marac/shared';
import {
  auditEvents,
  casePeople,
  cases,
  people,
  personAddresses,
  personBirthDates,
  personNames,
  personPhones,
  referralSubjects,
  referrals,
  screeningDecisions,
  personMatchKeys,
} from '../../../../server/src/db/schema';
import { decide, linkSubjectToPerson, referralAudit, referralSubmission, referralWorld, rowCounts, submitReferral, type World } from './factories';

async function decided(world: World, referralId: string, payload: Record<string, unknown>, agent = world.agents.coordinator) {
  const response = await decide(agent, referralId, payload);
  expect(response.statusCode, response.body).toBe(200);
  return ReferralDetail.parse(response.json());
}

/** Expects the decision to be refused with `status`, naming `field` when given, and nothing to change. */
async function refusedDecision(world: World, referralId: string, payload: Record<string, unknown>, status: number, field?: string) {
  const before = rowCounts(world);
  const referralBefore = world.database.db.select().from(referrals).all().find((r) => r.id === referralId);
  const response = await decide(world.agents.coordinator, referralId, payload);
  expect(response.statusCode, response.body).toBe(status);
  const body = ApiError.parse(response.json());
  if (field) expect(body.fields.map((f) => f.field)).toEqual([field]);
  expect(rowCounts(world)).toEqual(before);
  expect(world.database.db.select().from(referrals).all().find((r) => r.id === referralId)).toEqual(referralBefore);
  return body;
}

const decideAudit = (world: World) => referralAudit(world).filter((e) => e.action === 'decide');

describe('accepting a referral', () => {
  it('chooses the area from the victim’s postcode district, makes held people, opens a case with explicit roles and audits it all', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    world.clock.advanceMinutes(20);

    const accepted: ReferralDetail = await decided(world, referral.id, { decision: 'accept' });

    const db = world.database.db;
    const [theCase] = db.select().from(cases).all();
    expect(theCase).toMatchObject({ reference: 'TST-2026-0001', areaId: world.area.id, status: 'open', lastReferralDate: '2026-11-20', openedAt: '2026-11-23T10:20:00.000Z' });
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: 'Accepted', areaId: world.area.id, caseId: theCase!.id });

    const subjects = db.select().from(referralSubjects).all().sort((a, b) => a.position - b.position);
    expect(subjects.every((s) => s.personId !== null)).toBe(true);
    const [victim, perpetrator, child] = subjects.map((s) => s.personId!);
    expect(theCase!.victimPersonId).toBe(victim);
    // Every new person is filed for identity matching by the same transaction.
    const keyed = new Set(db.select().from(personMatchKeys).all().map((k) => k.personId));
    expect([victim, perpetrator, child].map((id) => keyed.has(id ?? ''))).toEqual([true, true, true]);

    expect(db.select().from(people).all().find((p) => p.id === victim)).toMatchObject({ givenName: 'Alice', familyName: 'Ashdown', gender: 'female' });
    expect(db.select().from(personNames).all()).toMatchObject([{ personId: victim, givenName: 'Ali', familyName: 'Ashdown', kind: 'alias' }]);
    expect(db.select().from(personBirthDates).all().map((b) => [b.personId, b.dateOfBirth]).sort()).toEqual(
      [
        [victim, '1990-04-12'],
        [perpetrator, '1987-02-01'],
        [child, '2019-06-30'],
      ].sort(),
    );
    expect(db.select().from(personAddresses).all().map((a) => [a.personId, a.postcode, a.current]).sort()).toEqual(
      [
        [victim, 'TS1 2AB', true],
        [perpetrator, 'TS2 9ZZ', true],
      ].sort(),
    );
    expect(db.select().from(personPhones).all()).toEqual([{ personId: victim, phone: '07700 900001' }]);
    expect(db.select().from(casePeople).all().map((l) => [l.personId, l.role, l.relationshipToVictim, l.relationshipToPerpetrator]).sort()).toEqual(
      [
        [victim, 'victim', null, null],
        [perpetrator, 'perpetrator', 'Ex-partner', null],
        [child, 'child', 'Daughter', 'Daughter'],
      ].sort(),
    );

    expect(db.select().from(screeningDecisions).all()).toMatchObject([
      { referralId: referral.id, decision: 'accepted', reason: null, areaId: world.area.id, decidedBy: world.users.coordinator.id, decidedAt: '2026-11-23T10:20:00.000Z' },
    ]);
    expect(accepted.history.map((h) => [h.kind, h.byName])).toEqual([
      ['submitted', 'Rita Rep'],
      ['accepted', 'Cora Coordinator'],
    ]);

    const audit = db.select().from(auditEvents).all().filter((e) => e.action !== 'sign_in');
    expect(audit.map((e) => [e.action, e.entityType]).sort()).toEqual(
      [
        ['create', 'referral'],
        ['decide', 'referral'],
        ['create', 'person'],
        ['create', 'person'],
        ['create', 'person'],
        ['create', 'case'],
      ].sort(),
    );
    expect(decideAudit(world)[0]).toMatchObject({ entityId: referral.id, userId: world.users.coordinator.id, detail: { decision: 'accepted', caseId: theCase!.id } });
    expect(JSON.stringify(audit.map((e) => e.detail))).not.toMatch(/Alice|Ashdown|TS1/);
  });

  it('uses the area the coordinator chooses, which must be one of theirs', async () => {
    const world = await referralWorld();
    const base = referralSubmission(world.area.id);
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { victim: { ...base.victim, address: null } }));
    await refusedDecision(world, referral.id, { decision: 'accept' }, 400, 'areaId');
    await refusedDecision(world, referral.id, { decision: 'accept', areaId: world.other.id }, 400, 'areaId');
    await refusedDecision(world, referral.id, { decision: 'accept', areaId: crypto.randomUUID() }, 400, 'areaId');
    const accepted = await decided(world, referral.id, { decision: 'accept', areaId: world.area.id });
    expect(accepted.areaId).toBe(world.area.id);
  });

  it('refuses a postcode district covered by none of the coordinator’s areas, without echoing it', async () => {
    const world = await referralWorld();
    const base = referralSubmission(world.area.id);
    const otherPostcode = await submitReferral(
      world.agents.rep,
      referralSubmission(world.area.id, { victim: { ...base.victim, address: { line1: '2 Far Lane', postcode: 'OT1 1AA' } } }),
    );
    const body = await refusedDecision(world, otherPostcode.id, { decision: 'accept' }, 400, 'areaId');
    expect(JSON.stringify(body)).not.toContain('OT1');
    const nowhere = await submitReferral(
      world.agents.rep,
      referralSubmission(world.area.id, { victim: { ...base.victim, address: { line1: '3 Lost Road', postcode: 'ZZ9 9ZZ' } } }),
    );
    await refusedDecision(world, nowhere.id, { decision: 'accept' }, 400, 'areaId');
  });

  it('continues the victim’s case in the area when identity matching has linked the victim to a held person', async () => {
    const world = await referralWorld();
    const first = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: '2026-03-02', incidentDates: [] }));
    await decided(world, first.id, { decision: 'accept' });
    const db = world.database.db;
    const [theCase] = db.select().from(cases).all();
    // MARAC does not keep cases open: the case was closed after its hearing.
    db.update(cases).set({ status: 'closed', closedAt: '2026-04-01T00:00:00.000Z' }).run();
    const victimPerson = theCase!.victimPersonId;

    const second = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id, { referralDate: '2026-11-21' }));
    // A coordinator confirmed the suggested match: the victim subject now names the held person.
    const secondVictim = db.select().from(referralSubjects).all().find((s) => s.referralId === second.id && s.position === 0)!;
    linkSubjectToPerson(world, secondVictim.id, victimPerson);

    const peopleBefore = db.select().from(people).all().length;
    const accepted = await decided(world, second.id, { decision: 'accept' });
    expect(accepted.caseId).toBe(theCase!.id);
    expect(accepted.victim.personId).toBe(victimPerson);
    expect(db.select().from(cases).all()).toMatchObject([{ id: theCase!.id, status: 'open', closedAt: null, lastReferralDate: '2026-11-21', reference: 'TST-2026-0001' }]);
    // The perpetrator and child were not matched, so they become new people; the victim does not.
    expect(db.select().from(people).all().length).toBe(peopleBefore + 2);
    const victimLinks = db.select().from(casePeople).all().filter((l) => l.personId === victimPerson);
    expect(victimLinks.map((l) => l.role)).toEqual(['victim']);
    expect(referralAudit(world).some((e) => e.action === 'create' && e.entityType === 'referral' && e.entityId === second.id)).toBe(true);
    expect(world.database.db.select().from(auditEvents).all().filter((e) => e.entityType === 'case').map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('opens a new case for the same victim in another area, and never moves the repeat window back', async () => {
    const world = await referralWorld();
    const both = world.agents.rep;
    const first = await submitReferral(both, referralSubmission(world.area.id, { referralDate: '2026-11-20' }));
    await decided(world, first.id, { decision: 'accept' });
    const db = world.database.db;
    const victimPerson = db.select().from(cases).all()[0]!.victimPersonId;

    // Entered late: an earlier referral for the same victim.
    const late = await submitReferral(both, referralSubmission(world.area.id, { referralDate: '2026-10-01', incidentDates: [] }));
    const lateVictim = db.select().from(referralSubjects).all().find((s) => s.referralId === late.id && s.position === 0)!;
    linkSubjectToPerson(world, lateVictim.id, victimPerson);
    await decided(world, late.id, { decision: 'accept' });
    expect(db.select().from(cases).all()).toMatchObject([{ lastReferralDate: '2026-11-20' }]);
  });
});

describe('rejecting, asking for more information and merging', () => {
  it('rejects with a reason the referrer sees, and requires that reason', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    await refusedDecision(world, referral.id, { decision: 'reject' }, 400, 'reason');
    await refusedDecision(world, referral.id, { decision: 'reject', reason: '   ' }, 400, 'reason');
    world.clock.advanceMinutes(10);
    const rejected = await decided(world, referral.id, { decision: 'reject', reason: 'The abuser is a neighbour, not personally connected.' });
    expect(rejected.status).toBe('rejected');
    expect(world.database.db.select().from(screeningDecisions).all()).toMatchObject([
      { decision: 'rejected', reason: 'The abuser is a neighbour, not personally connected.', decidedBy: world.users.coordinator.id },
    ]);
    expect(world.database.db.select().from(cases).all()).toHaveLength(0);

    const seen = ReferralDetail.parse((await world.agents.rep.request({ method: 'GET', url: `/api/referrals/${referral.id}` })).json());
    expect(seen.history.at(-1)).toEqual({
      kind: 'rejected',
      label: 'Rejected',
      at: '2026-11-23T10:10:00.000Z',
      byUserId: world.users.coordinator.id,
      byName: 'Cora Coordinator',
      reason: 'The abuser is a neighbour, not personally connected.',
    });
    const mine = MyReferrals.parse((await world.agents.rep.request({ method: 'GET', url: '/api/referrals/mine' })).json());
    expect(mine.items[0]).toMatchObject({ status: 'rejected', statusLabel: 'Rejected', reason: 'The abuser is a neighbour, not personally connected.' });
    expect(decideAudit(world).map((e) => e.detail?.['decision'])).toEqual(['rejected']);
    // The reason is personal to the case and stays out of the audit trail.
    expect(JSON.stringify(decideAudit(world))).not.toContain('neighbour');
  });

  it('refuses any decision on a referral already screened with 409, changing nothing', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    await decided(world, referral.id, { decision: 'accept' });
    for (const payload of [
      { decision: 'accept' },
      { decision: 'reject', reason: 'Too late' },
      { decision: 'request_information', reason: 'Too late' },
    ]) {
      const body = await refusedDecision(world, referral.id, payload, 409);
      expect(body.code).toBe('conflict');
    }
    expect(decideAudit(world)).toHaveLength(1);
  });

  it('refuses an unknown decision, naming the field', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    await refusedDecision(world, referral.id, { decision: 'approve' }, 400, 'decision');
  });

  it('asks for more information; the referrer resubmits in full and the referral returns to the queue', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    world.clock.advanceMinutes(10);
    await refusedDecision(world, referral.id, { decision: 'request_information' }, 400, 'reason');
    const asked = await decided(world, referral.id, { decision: 'request_information', reason: 'Is the victim aware of the referral?' });
    expect(asked.status).toBe('more_information_requested');

    const base = referralSubmission(world.area.id);
    const fuller = referralSubmission(world.area.id, {
      consent: { victimAware: true, consentGiven: 'no', reason: 'Victim aware; declined consent out of fear.' },
      perpetrators: [...(base.perpetrators as object[]), { givenName: 'Eddie', familyName: 'Brook', relationshipToVictim: 'Ex-partner’s brother' }],
      householdMembers: [],
      unsafeContacts: [],
    });
    // Only the referrer resubmits: a coordinator of the area may read it but not resubmit it; anyone else is told it does not exist.
    const before = rowCounts(world);
    expect((await world.agents.coordinator.request({ method: 'PUT', url: `/api/referrals/${referral.id}`, payload: fuller })).statusCode).toBe(403);
    expect((await world.agents.housingRep.request({ method: 'PUT', url: `/api/referrals/${referral.id}`, payload: fuller })).statusCode).toBe(404);
    const bad = await world.agents.rep.request({ method: 'PUT', url: `/api/referrals/${referral.id}`, payload: { ...fuller, dashScore: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(ApiError.parse(bad.json()).fields.map((f) => f.field)).toEqual(['dashScore']);
    expect(rowCounts(world)).toEqual(before);

    world.clock.advanceMinutes(10);
    const response = await world.agents.rep.request({ method: 'PUT', url: `/api/referrals/${referral.id}`, payload: fuller });
    expect(response.statusCode, response.body).toBe(200);
    const resubmitted = ReferralDetail.parse(response.json());
    expect(resubmitted).toMatchObject({ status: 'submitted', reference: referral.reference, submittedAt: '2026-11-23T10:20:00.000Z', createdAt: '2026-11-23T10:00:00.000Z' });
    expect(resubmitted.consent.consentGiven).toBe('no');
    expect(resubmitted.perpetrators.map((p) => p.givenName)).toEqual(['Bernard', 'Eddie']);
    expect(resubmitted.householdMembers).toEqual([]);
    expect(resubmitted.unsafeContacts).toEqual([]);
    expect(resubmitted.victim.id).toBe(referral.victim.id);
    expect(world.database.db.select().from(referralSubjects).all()).toHaveLength(3);
    expect(resubmitted.history.map((h) => [h.kind, h.byName, h.reason])).toEqual([
      ['submitted', 'Rita Rep', null],
      ['more_information_requested', 'Cora Coordinator', 'Is the victim aware of the referral?'],
      ['resubmitted', 'Rita Rep', null],
    ]);
    expect(referralAudit(world).at(-1)).toMatchObject({ action: 'update', entityId: referral.id, userId: world.users.rep.id, detail: { resubmitted: true } });

    // Back in the queue, and no longer open to resubmission.
    const again = await world.agents.rep.request({ method: 'PUT', url: `/api/referrals/${referral.id}`, payload: fuller });
    expect(again.statusCode).toBe(409);
    expect((await decided(world, referral.id, { decision: 'accept' })).status).toBe('accepted');
  });

  it('keeps a confirmed link to a held person across a resubmission only while the same person is named', async () => {
    const world = await referralWorld();
    const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const db = world.database.db;
    const personId = crypto.randomUUID();
    db.insert(people).values({ id: personId, givenName: 'Alice', familyName: 'Ashdown', gender: 'female', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }).run();
    linkSubjectToPerson(world, referral.victim.id, personId);
    linkSubjectToPerson(world, referral.perpetrators[0]!.id, personId);
    await decided(world, referral.id, { decision: 'request_information', reason: 'Check the perpetrator’s name.' });

    const base = referralSubmission(world.area.id);
    const response = await world.agents.rep.request({
      method: 'PUT',
      url: `/api/referrals/${referral.id}`,
      payload: { ...base, perpetrators: [{ givenName: 'Bertrand', familyName: 'Brooke' }] },
    });
    const resubmitted = ReferralDetail.parse(response.json());
    expect(resubmitted.victim.personId).toBe(personId);
    expect(resubmitted.perpetrators[0]?.personId).toBeNull();
  });

  it('merges into another referral in the same area that is still in play', async () => {
    const world = await referralWorld();
    const target = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    const duplicate = await submitReferral(world.agents.housingRep, referralSubmission(world.area.id));
    const elsewhere = await submitReferral(world.agents.rep, referralSubmission(world.other.id));
    const rejected = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    await decided(world, rejected.id, { decision: 'reject', reason: 'Duplicate sent in error.' });

    await refusedDecision(world, duplicate.id, { decision: 'merge', intoReferralId: duplicate.id }, 400, 'intoReferralId');
    await refusedDecision(world, duplicate.id, { decision: 'merge', intoReferralId: elsewhere.id }, 400, 'intoReferralId');
    await refusedDecision(world, duplicate.id, { decision: 'merge', intoReferralId: rejected.id }, 400, 'intoReferralId');
    await refusedDecision(world, duplicate.id, { decision: 'merge', intoReferralId: crypto.randomUUID() }, 400, 'intoReferralId');

    const merged = await decided(world, duplicate.id, { decision: 'merge', intoReferralId: target.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoReferralId: target.id });
    expect(world.database.db.select().from(screeningDecisions).all().find((d) => d.referralId === duplicate.id)).toMatchObject({
      decision: 'merged',
      mergedIntoReferralId: target.id,
    });
    // A merged referral cannot take others in.
    const third = await submitReferral(world.agents.rep, referralSubmission(world.area.id));
    await refusedDecision(world, third.id, { decision: 'merge', intoReferralId: duplicate.id }, 400, 'intoReferralId');
    expect(decideAudit(world).map((e) => e.detail?.['decision'])).toEqual(['rejected', 'merged']);
  });
});
