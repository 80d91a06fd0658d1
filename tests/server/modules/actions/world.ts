import { expect } from 'vitest';
import { ActionDetail, Agenda, CaseRecord, MeetingSummary, type ActionStatus } from '@marac/shared';
import {
  actionReminders,
  actionUpdates,
  actions,
  auditEvents,
  caseReviews,
  cases,
  notifications,
  outbox,
} from '../../../../server/src/db/schema';
import { signIn, type Agent } from '../../helper';
import { decide, matchDecided, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';
import { actionVersion, meetingVersion } from '../meetings/versions';

// The test clock reads Monday 23 November 2026, 10:00 in London.
export const TODAY = '2026-11-23';

export type Agents = Pick<World['agents'], 'coordinator' | 'chair' | 'rep' | 'housingRep'> & Partial<World['agents']>;

/**
 * A meeting on `date` (today's date on the clock) with one new case, its agenda published (every
 * serving agency invited and given research) and the meeting started.
 */
export async function meetingOn(world: World, agents: Agents, date: string, victim: string, changes: Record<string, unknown> = {}, samePersonAs?: string) {
  const referral = await submitReferral(
    agents.rep,
    referralSubmission(world.area.id, { referralDate: date, victim: { givenName: victim, familyName: 'Tracker', datesOfBirth: ['1980-01-01'], gender: 'female', address: null }, ...changes }),
  );
  // A referral for a victim already held: the coordinator confirms the match, so the case continues.
  if (samePersonAs) await matchDecided(agents.coordinator, referral.id, referral.victim.id, samePersonAs, 'confirm');
  expect((await decide(agents.coordinator, referral.id, { decision: 'accept', areaId: world.area.id })).statusCode).toBe(200);
  const meeting = MeetingSummary.parse(
    (await agents.coordinator.request({ method: 'POST', url: '/api/meetings', payload: { areaId: world.area.id, kind: 'emergency', date, startTime: '15:00', referralCutoff: date } })).json(),
  );
  const agenda = Agenda.parse((await agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/generate`, payload: { version: meetingVersion(world, meeting.id) } })).json().agenda);
  expect((await agents.coordinator.request({ method: 'POST', url: `/api/meetings/${meeting.id}/agenda/publish`, payload: { version: agenda.meeting.version } })).statusCode).toBe(200);
  expect((await agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'in_progress', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  const item = agenda.items.find((i) => i.referrals.some((r) => r.id === referral.id));
  if (!item) throw new Error('the new referral is not on the agenda');
  /** Agrees an action for the case at this meeting; returns its id. */
  const agree = async (agencyId: string, description: string, dueDate: string) => {
    const response = await agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/cases/${item.id}/actions`, payload: { agencyId, description, dueDate } });
    expect(response.statusCode, response.body).toBe(201);
    return CaseRecord.parse(response.json()).actions.at(-1)?.id as string;
  };
  const minute = async () =>
    expect((await agents.chair.request({ method: 'POST', url: `/api/meetings/${meeting.id}/status`, payload: { status: 'minuted', version: meetingVersion(world, meeting.id) } })).statusCode).toBe(200);
  return { meeting, itemId: item.id, caseId: item.caseId, referralId: referral.id, victimId: referral.victim.id, agree, minute };
}

/** The referral world with a meeting under way today, ready to agree actions. */
export async function actionWorld() {
  const world = await referralWorld();
  const first = await meetingOn(world, world.agents, TODAY, 'Ada');
  return { ...world, first };
}
export type ActionWorld = Awaited<ReturnType<typeof actionWorld>>;

/** Moves the clock on by whole days and signs everyone in again (sessions expire when idle). */
export async function daysLater(world: World, days: number): Promise<World['agents']> {
  world.clock.advanceMinutes(days * 24 * 60);
  const agents = {} as Record<keyof World['agents'], Agent>;
  for (const [key, user] of Object.entries(world.users) as [keyof World['users'], { email: string }][]) agents[key] = await signIn(world.app, user.email);
  return agents;
}

/** An update sent from the action as it now stands, unless the payload names the version it started from. */
export const update = (world: Pick<World, 'database'>, agent: Agent, actionId: string, payload: Record<string, unknown>) =>
  agent.request({ method: 'POST', url: `/api/actions/${actionId}/updates`, payload: { version: actionVersion(world, actionId), ...payload } });

/** A reassignment sent the same way. */
export const reassign = (world: Pick<World, 'database'>, agent: Agent, actionId: string, payload: Record<string, unknown>) =>
  agent.request({ method: 'POST', url: `/api/actions/${actionId}/reassign`, payload: { version: actionVersion(world, actionId), ...payload } });

export async function detail(agent: Agent, actionId: string): Promise<ActionDetail> {
  const response = await agent.request({ method: 'GET', url: `/api/actions/${actionId}` });
  expect(response.statusCode, response.body).toBe(200);
  return ActionDetail.parse(response.json());
}

/** Puts an action straight into a status, as test set-up. */
export function setStatus(world: Pick<World, 'database'>, actionId: string, status: ActionStatus) {
  world.database.sqlite.prepare('update actions set status = ? where id = ?').run(status, actionId);
}

/** Rows in every table this capability writes to, audit included. */
export function rowCounts(world: Pick<World, 'database'>) {
  const db = world.database.db;
  const tables = { actions, actionUpdates, actionReminders, notifications, outbox, caseReviews, cases, auditEvents };
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, db.select().from(table).all().length]));
}

/** The whole of the tables a refused change must leave alone, rows and values. */
export function snapshot(world: Pick<World, 'database'>) {
  const db = world.database.db;
  return { counts: rowCounts(world), actions: db.select().from(actions).all(), cases: db.select().from(cases).all() };
}

export const auditOf = (world: Pick<World, 'database'>, entityType: string) =>
  world.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType === entityType);
