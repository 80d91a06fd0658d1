import { expect } from 'vitest';
import { Agenda, CONFIDENTIALITY_STATEMENT_VERSION, MeetingSummary, ScreeningOutcome, type AgendaEntry, type ReferralDetail } from '@marac/shared';
import type { Agent } from '../../helper';
import { decide, matchDecided, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026, 10:00 in London.
export const TODAY = '2026-11-23';

/** Housing named as unsafe to contact, for a referral's `unsafeContacts`. */
export const housingUnsafe = (world: World) => [{ name: 'Hal Housing', relationship: 'Cousin of the perpetrator', email: null, agencyId: world.housing.id, reason: 'Related to the perpetrator' }];

/** A person named unsafe by e-mail, for a referral's `unsafeContacts`. */
export const emailUnsafe = (email: string) => [{ name: 'Someone', relationship: 'Friend of the perpetrator', email, agencyId: null, reason: 'Passes information on' }];

export async function decided(agent: Agent, referralId: string, payload: Record<string, unknown>): Promise<ScreeningOutcome> {
  const response = await decide(agent, referralId, payload);
  expect(response.statusCode, response.body).toBe(200);
  return ScreeningOutcome.parse(response.json());
}

/** The world with housing and police mailboxes, so notices to them can be seen. */
export async function policyWorld() {
  const world = await referralWorld();
  world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac@homes.test.invalid', world.housing.id);
  world.database.sqlite.prepare('UPDATE agencies SET secure_email = ? WHERE id = ?').run('marac@police.test.invalid', world.police.id);
  return world;
}

export async function agendaOf(agent: Agent, meetingId: string): Promise<Agenda> {
  const response = await agent.request({ method: 'GET', url: `/api/meetings/${meetingId}/agenda` });
  expect(response.statusCode, response.body).toBe(200);
  return Agenda.parse(response.json());
}

/**
 * A referral for Alice accepted, her case on the published agenda of a meeting on `date` (later than
 * today unless given), every serving agency given research for it.
 */
export async function publishedCase(world: World, options: { date?: string; changes?: Record<string, unknown> } = {}) {
  const date = options.date ?? '2026-12-08';
  const referral = await submitReferral(world.agents.rep, referralSubmission(world.area.id, options.changes ?? {}));
  const accepted = await decided(world.agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id });
  const created = await world.agents.coordinator.request({
    method: 'POST',
    url: '/api/meetings',
    payload: { areaId: world.area.id, kind: date === TODAY ? 'emergency' : 'one_off', date, startTime: '15:00', referralCutoff: TODAY },
  });
  expect(created.statusCode, created.body).toBe(201);
  const meeting = MeetingSummary.parse(created.json());
  expect((await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  const published = await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: meetingVersion(world, meeting.id) } });
  expect(published.statusCode, published.body).toBe(200);
  const agenda = await agendaOf(world.agents.coordinator, meeting.id);
  const item = agenda.items.find((i) => i.caseId === accepted.caseId) as AgendaEntry;
  expect(item).toBeDefined();
  return { referral: accepted, caseId: accepted.caseId as string, meeting, item };
}

/**
 * A later referral for the same victim: the coordinator confirms she is the person already held, then
 * accepts it, so it joins her case.
 */
export async function laterReferral(world: World, earlier: ReferralDetail, changes: Record<string, unknown> = {}): Promise<ScreeningOutcome> {
  const later = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: TODAY, ...changes }));
  await matchDecided(world.agents.coordinator, later.id, later.victim.id, earlier.victim.personId as string, 'confirm');
  return decided(world.agents.coordinator, later.id, { decision: 'accept', areaId: world.area.id });
}

/** A duplicate referral merged into an earlier one. */
export async function mergedReferral(world: World, into: ReferralDetail, changes: Record<string, unknown> = {}): Promise<ScreeningOutcome> {
  const duplicate = await submitReferral(world.agents.rep, referralSubmission(world.area.id, { referralDate: TODAY, ...changes }));
  return decided(world.agents.coordinator, duplicate.id, { decision: 'merge', intoReferralId: into.id });
}

export const get = (agent: Agent, url: string) => agent.request({ method: 'GET', url });

/** The chair, the police and housing attend and sign the meeting's statement; the chair starts it. */
export async function startWithAttendees(world: World, meetingId: string) {
  for (const user of [world.users.chair, world.users.rep, world.users.housingRep]) {
    await world.agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meetingId}/attendance`, payload: { kind: 'attendee', userId: user.id } });
  }
  for (const agent of [world.agents.chair, world.agents.rep, world.agents.housingRep]) {
    const signed = await agent.request({ method: 'POST', url: `/api/meetings/${meetingId}/confidentiality`, payload: { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true } });
    expect(signed.statusCode).toBe(200);
  }
  expect((await world.agents.chair.request({ method: 'POST', url: `/api/meetings/${meetingId}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meetingId) } })).statusCode).toBe(200);
}
