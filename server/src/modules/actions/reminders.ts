/**
 * The daily chase of open actions. On each working day it finds the stage every open action has
 * reached (`actionReminderStages`: due soon, overdue, escalated to the coordinator, to the chair, with
 * each area's working-day thresholds) and, for each stage not reached before, records it
 * (`action_reminders`, unique per action, stage, agency and due date), tells the people concerned in
 * the platform, and sends one e-mail per recipient and area with counts and a link, never a name or a
 * case reference. An escalation also sets the action to "escalated" in its history, by the platform.
 *
 * Running it again the same day finds every stage already recorded and does nothing; after days
 * without a run it catches up, telling only of the furthest stage each action has reached.
 */

import { and, asc, eq, gt, gte, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import {
  ACTION_REMINDER_KINDS,
  CLOSED_ACTION_STATUSES,
  actionReminderStages,
  actionTiming,
  addWorkingDays,
  isWorkingDay,
  longDate,
  workingDaysBetween,
  type ActionReminderKind,
} from '@marac/shared';
import { transaction, type Database_, type Db } from '../../db/client';
import { actionReminders, actionUpdates, actions, agencies, areas, cases, meetings } from '../../db/schema';
import { newId, sha256 } from '../../lib/ids';
import type { JobRegistry } from '../../lib/jobs';
import { todayInLondon, type Clock } from '../../lib/time';
import { recordAudit, type Actor } from '../audit/repository';
import { mayReceive, mayReceiveAddress } from '../cases/policy';
import { queueNotice } from '../mail/outbox';
import { nextVersion } from '../../db/versions';
import { notifyUsers } from '../notifications/repository';
import { actionLink, actionsLink, agencyMailboxes, agencyRepresentatives, areaStaff } from './recipients';

/** The furthest ahead any area reminds (the setting's maximum), so no action due later is read. */
const MAX_REMINDER_WORKING_DAYS = 20;

/** The platform itself, as the audit trail records its escalations. */
const PLATFORM: Actor = { userId: null, userEmail: null, ip: null };

const rank = (kind: ActionReminderKind) => ACTION_REMINDER_KINDS.indexOf(kind);

export interface ActionReminderRun {
  today: string;
  /** Nothing is sent on a weekend or bank holiday; the next working day catches up. */
  workingDay: boolean;
  /** Stages recorded now. */
  reminders: number;
  /** Actions escalated now (to the coordinator or the chair). */
  escalated: number;
  notifications: number;
  notices: number;
}

interface Mail {
  recipient: string;
  areaId: string;
  areaName: string;
  /** Who it is for: the agency (all stages) or a coordinator or chair (escalations to them). */
  audience: 'agency' | 'coordinator' | 'chair';
  counts: Map<ActionReminderKind, number>;
  keys: string[];
  caseIds: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function agencyText(kind: ActionReminderKind, caseReference: string, dueDate: string, overdueDays: number) {
  const due = longDate(dueDate);
  switch (kind) {
    case 'due_soon':
      return { subject: `Action due ${due}`, body: `An action your agency agreed at the MARAC for case ${caseReference} is due on ${due}. Update it when it is done.` };
    case 'overdue':
      return { subject: 'Action overdue', body: `An action your agency agreed at the MARAC for case ${caseReference} was due on ${due} and is still open.` };
    case 'escalated_coordinator':
    case 'escalated_chair':
      return {
        subject: `Overdue action escalated to the ${kind === 'escalated_chair' ? 'chair' : 'coordinator'}`,
        body: `An action your agency agreed at the MARAC for case ${caseReference}, due on ${due}, has been overdue for ${plural(overdueDays, 'working day', 'working days')} and has been escalated to the MARAC ${kind === 'escalated_chair' ? 'chair' : 'coordinator'}.`,
      };
  }
}

function mailText(mail: Mail, publicUrl: string): { subject: string; body: string } {
  const n = (kind: ActionReminderKind) => mail.counts.get(kind) ?? 0;
  if (mail.audience !== 'agency') {
    const total = n('escalated_coordinator') + n('escalated_chair');
    return {
      subject: `MARAC actions escalated to you: ${mail.areaName}`,
      body: [
        `${plural(total, 'overdue action in the', 'overdue actions in the')} ${mail.areaName} MARAC ${total === 1 ? 'has' : 'have'} been escalated to you as its ${mail.audience}.`,
        `Sign in to see ${total === 1 ? 'it' : 'them'}: ${actionsLink(publicUrl, { areaId: mail.areaId, state: 'overdue' })}`,
      ].join('\n\n'),
    };
  }
  const lines = [
    n('due_soon') ? `- ${plural(n('due_soon'), 'action', 'actions')} due soon` : null,
    n('overdue') ? `- ${plural(n('overdue'), 'action', 'actions')} overdue` : null,
    n('escalated_coordinator') ? `- ${plural(n('escalated_coordinator'), 'overdue action', 'overdue actions')} escalated to the MARAC coordinator` : null,
    n('escalated_chair') ? `- ${plural(n('escalated_chair'), 'overdue action', 'overdue actions')} escalated to the MARAC chair` : null,
  ].filter((line): line is string => line !== null);
  return {
    subject: `MARAC actions to update: ${mail.areaName}`,
    body: [`Your agency has actions from the ${mail.areaName} MARAC that need updating:`, lines.join('\n'), `Sign in to update them: ${actionsLink(publicUrl, { areaId: mail.areaId })}`].join('\n\n'),
  };
}

/** Open actions looked at per page: each page is one transaction, so no run holds the write lock for long. */
const PAGE = 250;

interface Cursor {
  dueDate: string;
  id: string;
}

/**
 * The next page of open actions near or past their due date, in due-date order, after `cursor`: first
 * the page itself, read from the due-date index alone, then what the chase needs of each. Read in
 * one join the planner would rather start from the areas and sort every open action of the database.
 */
function openActionsPage(db: Db, today: string, cursor: Cursor | null) {
  // The lower bound on the date alone lets the index start at the cursor rather than at the beginning.
  const after = cursor ? and(gte(actions.dueDate, cursor.dueDate), or(gt(actions.dueDate, cursor.dueDate), gt(actions.id, cursor.id))) : undefined;
  const page = db
    .select({ id: actions.id, dueDate: actions.dueDate })
    .from(actions)
    .where(and(lte(actions.dueDate, addWorkingDays(today, MAX_REMINDER_WORKING_DAYS)), notInArray(actions.status, [...CLOSED_ACTION_STATUSES]), after))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .limit(PAGE)
    .all();
  const last = page.at(-1);
  const next: Cursor | null = page.length < PAGE || !last ? null : { dueDate: last.dueDate, id: last.id };
  if (page.length === 0) return { open: [], next };
  const open = db
    .select({
      id: actions.id,
      agencyId: actions.agencyId,
      agencyName: agencies.name,
      dueDate: actions.dueDate,
      caseId: actions.caseId,
      caseReference: cases.reference,
      areaId: meetings.areaId,
      areaName: areas.name,
      settings: areas.settings,
    })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(areas, eq(areas.id, meetings.areaId))
    .innerJoin(cases, eq(cases.id, actions.caseId))
    .innerJoin(agencies, eq(agencies.id, actions.agencyId))
    .where(and(inArray(actions.id, page.map((a) => a.id)), isNull(areas.disabledAt)))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
  return { open, next };
}

const emptyRun = (today: string): ActionReminderRun => ({ today, workingDay: isWorkingDay(today), reminders: 0, escalated: 0, notifications: 0, notices: 0 });

/**
 * One page of a run: records the stages each action has reached, escalates, tells the agency and the
 * area's staff, and queues the e-mails of the page. Adds what it did to `run`; returns where the next
 * page starts, or null when there is none. Call inside a transaction: the page commits together.
 */
function remindPage(db: Db, today: string, now: Date, publicUrl: string, cursor: Cursor | null, run: ActionReminderRun): Cursor | null {
  const at = now.toISOString();
  const { open, next } = openActionsPage(db, today, cursor);
  if (open.length === 0) return next;

  const stageKey = (actionId: string, agencyId: string, dueDate: string) => `${actionId}:${agencyId}:${dueDate}`;
  const reached = new Map<string, ActionReminderKind[]>();
  for (const r of db
    .select({ actionId: actionReminders.actionId, agencyId: actionReminders.agencyId, dueDate: actionReminders.dueDate, kind: actionReminders.kind })
    .from(actionReminders)
    .where(inArray(actionReminders.actionId, open.map((a) => a.id)))
    .all()) {
    const key = stageKey(r.actionId, r.agencyId, r.dueDate);
    reached.set(key, [...(reached.get(key) ?? []), r.kind]);
  }

  const mailboxes = agencyMailboxes(db, [...new Set(open.map((a) => a.agencyId))]);
  const staff = new Map<string, ReturnType<typeof areaStaff>>();
  const staffOf = (areaId: string, role: 'coordinator' | 'chair', caseId: string) => {
    const key = `${areaId}:${role}`;
    if (!staff.has(key)) staff.set(key, areaStaff(db, areaId, role));
    // Anyone a bar on the case names is never told of it, coordinators and chairs included.
    return (staff.get(key) ?? []).filter((person) => mayReceiveAddress(db, person.email, [caseId]));
  };
  const mails = new Map<string, Mail>();
  const mail = (recipientKey: string, recipient: string, audience: Mail['audience'], action: (typeof open)[number], kind: ActionReminderKind, key: string) => {
    const id = `${recipientKey}|${action.areaId}`;
    const entry: Mail = mails.get(id) ?? { recipient, areaId: action.areaId, areaName: action.areaName, audience, counts: new Map(), keys: [], caseIds: [] };
    entry.counts.set(kind, (entry.counts.get(kind) ?? 0) + 1);
    entry.keys.push(key);
    entry.caseIds.push(action.caseId);
    mails.set(id, entry);
  };

  for (const action of open) {
    const stages = actionReminderStages(action.dueDate, today, actionTiming(action.settings));
    const key = stageKey(action.id, action.agencyId, action.dueDate);
    const before = reached.get(key) ?? [];
    const fresh = stages.filter((kind) => !before.includes(kind));
    if (fresh.length === 0) continue;
    for (const kind of fresh) {
      run.reminders += db
        .insert(actionReminders)
        .values({ id: newId(), actionId: action.id, kind, agencyId: action.agencyId, dueDate: action.dueDate, sentOn: today, createdAt: at })
        .onConflictDoNothing()
        .run().changes;
    }
    // Only the furthest stage is told of, and only when it goes further than anything told before.
    const kind = fresh.at(-1) as ActionReminderKind;
    if (before.some((k) => rank(k) >= rank(kind))) continue;
    const overdueDays = Math.max(0, workingDaysBetween(action.dueDate, today));
    const reminderKey = `action:${action.id}:${kind}:${action.agencyId}:${action.dueDate}`;

    if (kind === 'escalated_coordinator' || kind === 'escalated_chair') {
      const stage = kind === 'escalated_chair' ? 'chair' : 'coordinator';
      // A new version: an update sent from a screen read before the escalation must not undo it unseen.
      db.update(actions).set({ status: 'escalated', updatedAt: at, version: nextVersion(actions) }).where(eq(actions.id, action.id)).run();
      db.insert(actionUpdates)
        .values({
          id: newId(),
          actionId: action.id,
          status: 'escalated',
          note: `Escalated to the ${stage} by the platform: overdue for ${plural(overdueDays, 'working day', 'working days')} (due ${longDate(action.dueDate)})`,
          occurredOn: today,
          updatedBy: null,
          updatedAt: at,
          fromAgencyId: null,
          toAgencyId: null,
          dueDate: null,
        })
        .run();
      recordAudit(db, PLATFORM, { action: 'update', entityType: 'action', entityId: action.id, detail: { escalatedTo: stage, automatic: true, overdueWorkingDays: overdueDays } }, now);
      run.escalated += 1;
      const roles: ('coordinator' | 'chair')[] = kind === 'escalated_chair' ? ['coordinator', 'chair'] : ['coordinator'];
      for (const role of roles) {
        const people = staffOf(action.areaId, role, action.caseId);
        run.notifications += notifyUsers(
          db,
          people.map((p) => p.id),
          {
            subject: `Overdue action escalated to the ${stage}`,
            body: `An action ${action.agencyName} agreed at the MARAC for case ${action.caseReference}, due on ${longDate(action.dueDate)}, has been overdue for ${plural(overdueDays, 'working day', 'working days')}.`,
            link: actionLink('', action.id),
            dedupeKey: reminderKey,
            caseId: action.caseId,
          },
          now,
        );
        for (const person of people) mail(`user:${person.id}`, person.email, role, action, kind, reminderKey);
      }
    }

    // An agency a bar on the case names is chased for nothing: the action waits for the MARAC to reassign it.
    const mailbox = mailboxes.get(action.agencyId) ?? null;
    if (!mayReceive(db, { agencyId: action.agencyId, email: mailbox }, [action.caseId])) continue;
    run.notifications += notifyUsers(
      db,
      agencyRepresentatives(db, action.agencyId, action.areaId, action.caseId).map((u) => u.id),
      { ...agencyText(kind, action.caseReference, action.dueDate, overdueDays), link: actionLink('', action.id), dedupeKey: reminderKey, caseId: action.caseId },
      now,
    );
    if (mailbox) mail(`agency:${action.agencyId}`, mailbox, 'agency', action, kind, reminderKey);
  }

  for (const [id, entry] of mails) {
    const text = mailText(entry, publicUrl);
    const digest = sha256([...entry.keys].sort().join('\n')).slice(0, 16);
    if (queueNotice(db, { recipient: entry.recipient, ...text, dedupeKey: `action-reminders:${today}:${id}:${digest}`, caseIds: [...new Set(entry.caseIds)] }, now)) run.notices += 1;
  }
  return next;
}

/** One whole run for `today`, page after page. Call inside a transaction: everything it writes commits together. */
export function runActionReminders(db: Db, today: string, now: Date, publicUrl: string): ActionReminderRun {
  const run = emptyRun(today);
  if (!run.workingDay) return run;
  let cursor: Cursor | null = null;
  do cursor = remindPage(db, today, now, publicUrl, cursor, run);
  while (cursor);
  return run;
}

/**
 * The same run as the platform's job does it: each page in a transaction of its own, and a turn of the
 * event loop between pages, so requests are answered while a large backlog is worked through. A run
 * cut off part-way has committed whole pages; the next run carries on from what they recorded.
 */
export async function runActionRemindersInPages(database: Database_, today: string, clock: Clock, publicUrl: string, stopped = () => false): Promise<ActionReminderRun> {
  const run = emptyRun(today);
  if (!run.workingDay) return run;
  let cursor: Cursor | null = null;
  do {
    const from: Cursor | null = cursor;
    cursor = transaction(database, (db) => remindPage(db, today, clock(), publicUrl, from, run));
    await new Promise((resolve) => setImmediate(resolve));
  } while (cursor && !stopped());
  return run;
}

export interface ActionReminderJob {
  /** Runs for today now, whatever has run before (safe: a second run the same day does nothing). */
  run(): Promise<ActionReminderRun>;
  /** Settles once the run under way, if any, has finished or, after `stop`, ended after its page. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Runs once the platform listens (the caller starts it then), then whenever the date in London has
 * moved on since the last run (checked every `checkEveryMs`), in the platform's process like the mail
 * worker, page by page (`runActionRemindersInPages`). The clock is the app's, so tests drive it with
 * their own.
 */
export function startActionReminders(
  database: Database_,
  clock: Clock,
  publicUrl: string,
  log: { warn(details: object, message: string): void; info?(details: object, message: string): void },
  jobs?: JobRegistry,
  checkEveryMs = 15 * 60_000,
): ActionReminderJob {
  // Runs once a day: readiness calls it stuck only after two days without a run that succeeded.
  jobs?.register('action-reminders', 24 * 60 * 60_000);
  let lastRunFor: string | null = null;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = async () => {
    const today = todayInLondon(clock);
    const report = await runActionRemindersInPages(database, today, clock, publicUrl, () => stopped);
    lastRunFor = today;
    return report;
  };
  const tick = () => {
    if (busy || todayInLondon(clock) === lastRunFor) return;
    busy = true;
    running = run().then(
      (report) => {
        jobs?.ran('action-reminders', clock());
        log.info?.({ ...report }, 'action reminders');
      },
      (error: unknown) => {
        jobs?.ran('action-reminders', clock(), error instanceof Error ? error.message : 'failed');
        log.warn({ error: String(error) }, 'action reminders failed');
      },
    ).finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, checkEveryMs);
  timer.unref();
  return {
    run,
    idle: () => running,
    // A run under way stops after the page it is on; `idle` settles then.
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
