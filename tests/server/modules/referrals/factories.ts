import { expect } from 'vitest';
import { ReferralDetail } from '@marac/shared';
import {
  auditEvents,
  casePeople,
  cases,
  identityDecisions,
  people,
  personAddresses,
  personBirthDates,
  personNames,
  personPhones,
  referralDrafts,
  referralSubjects,
  referrals,
  riskAssessments,
  screeningDecisions,
  subjectMatchDecisions,
  unsafeContacts,
} from '../../../../server/src/db/schema';
import { makeAgency, makeArea, makeUser, signIn, testApp, type Agent } from '../../helper';

// The test clock reads 2026-11-23 in London.
export const TODAY = '2026-11-23';

type Answer = 'yes' | 'no' | 'not_known';

/** All 24 DASH answers: the first `yes` are "yes", then `notKnown` "not known", the rest "no". */
export function dashAnswers(yes: number, notKnown = 0) {
  return Array.from({ length: 24 }, (_, i) => ({
    question: i + 1,
    answer: (i < yes ? 'yes' : i < yes + notKnown ? 'not_known' : 'no') as Answer,
    comment: null,
  }));
}

/** A JSON body as the referral form sends it. */
export type SubmissionPayload = Record<string, unknown> & { areaId: string; victim: Record<string, unknown> };

/**
 * A complete, valid referral (15 "yes": visible high risk) from the given area; `changes` replace
 * top-level fields. Names and dates are invented.
 */
export function referralSubmission(areaId: string, changes: Record<string, unknown> = {}): SubmissionPayload {
  return {
    areaId,
    referringAgencyId: null,
    referrerName: 'PC Robin Referrer',
    referrerContact: 'robin.referrer@police.test.invalid',
    referralDate: '2026-11-20',
    managerSignOff: null,
    urgent: false,
    assessment: { tool: 'dash', version: '2009', completedOn: '2026-11-19', answers: dashAnswers(15) },
    dashScore: 15,
    professionalJudgementReasons: null,
    incidentDates: ['2026-11-18'],
    knownRepeat: false,
    victim: {
      givenName: 'Alice',
      familyName: 'Ashdown',
      aliases: [{ givenName: 'Ali', familyName: 'Ashdown' }],
      datesOfBirth: ['1990-04-12'],
      gender: 'female',
      address: { line1: '1 Example Street', line2: null, town: 'Testford', postcode: 'ts1 2ab' },
      phone: '07700 900001',
    },
    victimDetails: {
      language: 'English',
      interpreterNeeded: false,
      gp: null,
      contactSafety: { safeToCall: true, safeTimes: 'Weekdays 10:00 to 14:00', safeMethods: null },
      diversity: { ethnicity: 'white_british', disability: 'no', lgbt: 'no' },
    },
    perpetrators: [
      {
        givenName: 'Bernard',
        familyName: 'Brook',
        datesOfBirth: ['1987-02-01'],
        gender: 'male',
        address: { line1: '9 Other Road', line2: null, town: 'Testford', postcode: 'TS2 9ZZ' },
        relationshipToVictim: 'Ex-partner',
      },
    ],
    householdMembers: [
      { role: 'child', givenName: 'Cara', familyName: 'Ashdown', datesOfBirth: ['2019-06-30'], relationshipToVictim: 'Daughter', relationshipToPerpetrator: 'Daughter', school: 'Testford Primary' },
    ],
    consent: { victimAware: true, consentGiven: 'yes', reason: null },
    victimFears: 'Being killed',
    unsafeContacts: [{ name: 'Dora Brook', relationship: "Perpetrator's mother", email: null, agencyId: null, reason: 'Passes information on' }],
    previousMaracElsewhere: null,
    narrative: { recentIncident: 'An invented incident for the tests.', history: null, supportInPlace: null, risksAndTriggers: null },
    policeReferences: [{ kind: 'crime', reference: 'TS/C/2026/0001', detail: null, date: '2026-11-18' }],
    ...changes,
  };
}

/**
 * Two areas, each with a coordinator and a chair; two agencies with a representative each (the
 * police one in both areas); an observer; each user signed in.
 */
export async function referralWorld() {
  const ctx = await testApp();
  const { database } = ctx;
  const area = makeArea(database, { name: 'Testshire', code: 'TST', postcodeDistricts: ['TS1', 'TS2'] });
  const other = makeArea(database, { name: 'Otherton', code: 'OTH', postcodeDistricts: ['OT1'] });
  const police = makeAgency(database, [area.id, other.id], { name: 'Testshire Police', kind: 'police' });
  const housing = makeAgency(database, [area.id], { name: 'Testshire Homes', kind: 'housing' });
  const users = {
    rep: await makeUser(database, { role: 'agency_representative', agencyId: police.id, areaIds: [area.id, other.id], email: 'rep@test.invalid', name: 'Rita Rep' }),
    housingRep: await makeUser(database, { role: 'agency_representative', agencyId: housing.id, areaIds: [area.id], email: 'housing@test.invalid', name: 'Hal Housing' }),
    coordinator: await makeUser(database, { role: 'coordinator', areaIds: [area.id], email: 'coord@test.invalid', name: 'Cora Coordinator' }),
    chair: await makeUser(database, { role: 'chair', areaIds: [area.id], email: 'chair@test.invalid', name: 'Chad Chair' }),
    otherCoordinator: await makeUser(database, { role: 'coordinator', areaIds: [other.id], email: 'coord.other@test.invalid', name: 'Olly Other' }),
    otherChair: await makeUser(database, { role: 'chair', areaIds: [other.id], email: 'chair.other@test.invalid', name: 'Opal Other' }),
    observer: await makeUser(database, { role: 'observer', areaIds: [area.id], email: 'observer@test.invalid', name: 'Obi Observer' }),
  };
  const agents = {
    rep: await signIn(ctx.app, users.rep.email),
    housingRep: await signIn(ctx.app, users.housingRep.email),
    coordinator: await signIn(ctx.app, users.coordinator.email),
    chair: await signIn(ctx.app, users.chair.email),
    otherCoordinator: await signIn(ctx.app, users.otherCoordinator.email),
    otherChair: await signIn(ctx.app, users.otherChair.email),
    observer: await signIn(ctx.app, users.observer.email),
  };
  return { ...ctx, area, other, police, housing, users, agents };
}
export type World = Awaited<ReturnType<typeof referralWorld>>;

/** Submits and expects success; returns the referral as the API describes it. */
export async function submitReferral(agent: Agent, payload: Record<string, unknown>): Promise<ReferralDetail> {
  const response = await agent.request({ method: 'POST', url: '/api/referrals', payload });
  expect(response.statusCode, response.body).toBe(201);
  return ReferralDetail.parse(response.json());
}

export async function decide(agent: Agent, referralId: string, payload: Record<string, unknown>) {
  return agent.request({ method: 'POST', url: `/api/referrals/${referralId}/decisions`, payload });
}

/** Rows in every table a referral, a draft or a screening decision writes to, audit included. */
export function rowCounts(world: Pick<World, 'database'>) {
  const db = world.database.db;
  const tables = {
    referrals,
    referralSubjects,
    riskAssessments,
    unsafeContacts,
    screeningDecisions,
    referralDrafts,
    people,
    personNames,
    personBirthDates,
    personAddresses,
    personPhones,
    cases,
    casePeople,
    subjectMatchDecisions,
    identityDecisions,
    auditEvents,
  };
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, db.select().from(table).all().length]));
}

/** Audit rows about referrals (and drafts, which are audited as referrals). */
export const referralAudit = (world: Pick<World, 'database'>) =>
  world.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType === 'referral');

/** Links a referral subject to a held person, as a coordinator confirming an identity match would. */
export function linkSubjectToPerson(world: Pick<World, 'database'>, subjectId: string, personId: string) {
  world.database.sqlite.prepare('update referral_subjects set person_id = ? where id = ?').run(personId, subjectId);
}

// ---- Identity matches, history and flags --------------------------------------------------------------

import { ReferralMatches } from '@marac/shared';
import { agendaItemReferrals, agendaItems, meetings } from '../../../../server/src/db/schema';

/** Submits a referral and has a coordinator accept it (into `areaId` when given); returns it as accepted. */
export async function acceptedReferral(
  world: World,
  payload: Record<string, unknown>,
  options: { submitter?: Agent; coordinator?: Agent; areaId?: string } = {},
): Promise<ReferralDetail> {
  const referral = await submitReferral(options.submitter ?? world.agents.rep, payload);
  const response = await decide(options.coordinator ?? world.agents.coordinator, referral.id, { decision: 'accept', ...(options.areaId ? { areaId: options.areaId } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  return ReferralDetail.parse(response.json());
}

/** The referral as `agent` reads it. */
export async function viewReferral(agent: Agent, referralId: string): Promise<ReferralDetail> {
  const response = await agent.request({ method: 'GET', url: `/api/referrals/${referralId}` });
  expect(response.statusCode, response.body).toBe(200);
  return ReferralDetail.parse(response.json());
}

/** The identity matches of a referral as `agent` reads them; expects success. */
export async function referralMatches(agent: Agent, referralId: string): Promise<ReferralMatches> {
  const response = await agent.request({ method: 'GET', url: `/api/referrals/${referralId}/matches` });
  expect(response.statusCode, response.body).toBe(200);
  return ReferralMatches.parse(response.json());
}

/** A coordinator's decision on one suggested person for one subject; returns the raw response. */
export function decideMatch(agent: Agent, referralId: string, subjectId: string, payload: Record<string, unknown>) {
  return agent.request({ method: 'POST', url: `/api/referrals/${referralId}/subjects/${subjectId}/matches`, payload });
}

/** Confirms or rejects and expects success; returns the refreshed matches. */
export async function matchDecided(agent: Agent, referralId: string, subjectId: string, personId: string, decision: 'confirm' | 'reject'): Promise<ReferralMatches> {
  const response = await decideMatch(agent, referralId, subjectId, { personId, decision });
  expect(response.statusCode, response.body).toBe(200);
  return ReferralMatches.parse(response.json());
}

/** The held person a subject of a referral is linked to, read from the database. */
export function personOf(world: Pick<World, 'database'>, subjectId: string): string | null {
  return world.database.db.select().from(referralSubjects).all().find((s) => s.id === subjectId)?.personId ?? null;
}

/**
 * Records a case as heard at a meeting on `date` (a meeting and a heard agenda item): meetings have no
 * API yet, so this is the one piece of history written directly.
 */
export function heardAt(world: Pick<World, 'database'>, referral: { id: string; caseId: string | null; areaId: string | null }, date: string) {
  const db = world.database.db;
  const meetingId = crypto.randomUUID();
  db.insert(meetings)
    .values({
      id: meetingId,
      areaId: referral.areaId!,
      kind: 'scheduled',
      date,
      startTime: '10:00',
      capacity: 16,
      minutesPerCase: 15,
      status: 'closed',
      referralCutoff: date,
      circulationDate: date,
      researchDeadline: date,
      minutesDueDate: date,
      createdAt: `${date}T09:00:00.000Z`,
    })
    .run();
  const itemId = crypto.randomUUID();
  db.insert(agendaItems).values({ id: itemId, meetingId, caseId: referral.caseId!, position: 1, status: 'heard' }).run();
  db.insert(agendaItemReferrals).values({ itemId, referralId: referral.id }).run();
  return meetingId;
}
