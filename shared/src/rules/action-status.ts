/**
 * How an action's status may change, and when the platform reminds and escalates. Pure rules, used by
 * the server to refuse an update and by the web app to offer only the statuses that can be chosen.
 */

import type { ActionReminderKind, ActionStatus } from '../schemas/actions';
import { addDays, compareIsoDates } from './dates';
import { addWorkingDays, workingDaysBetween } from './working-days';

/**
 * Who is updating: the agency that owns the action (its representative), or the MARAC itself (the
 * coordinator or chair of the area), who may also record that an agency failed and reopen.
 */
export type ActionActor = 'agency' | 'marac';

/**
 * The statuses an open action can move to. Keeping the same status is a progress note. Nothing goes
 * back to "open" (it means not started) except a closed action the MARAC reopens.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  open: ['open', 'in_progress', 'completed', 'not_possible', 'not_completed', 'escalated'],
  in_progress: ['in_progress', 'completed', 'not_possible', 'not_completed', 'escalated'],
  escalated: ['escalated', 'in_progress', 'completed', 'not_possible', 'not_completed'],
  completed: [],
  not_possible: [],
  not_completed: [],
};

/** Closed (`CLOSED_ACTION_STATUSES`): nothing follows except the MARAC reopening it. */
export const isClosedActionStatus = (status: ActionStatus): boolean => ACTION_TRANSITIONS[status].length === 0;

/** A closed action comes back only when the coordinator or chair reopens it, to one of these. */
export const REOPEN_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

/** Only the MARAC records that an agency did not do what it agreed. */
export const MARAC_ONLY_STATUSES: readonly ActionStatus[] = ['not_completed'];

export interface TransitionRefusal {
  /** `forbidden`: this actor may never do it; `conflict`: not from the action's current status. */
  kind: 'forbidden' | 'conflict';
  message: string;
}

const WORDS: Record<ActionStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  completed: 'completed',
  not_possible: 'not possible',
  not_completed: 'not completed',
  escalated: 'escalated',
};

/** Why `actor` may not move an action from `from` to `to`; null when they may. */
export function actionTransitionRefusal(from: ActionStatus, to: ActionStatus, actor: ActionActor): TransitionRefusal | null {
  if (isClosedActionStatus(from)) {
    if (actor === 'agency') return { kind: 'conflict', message: `This action is closed (${WORDS[from]}): only the MARAC coordinator can reopen it` };
    if (!REOPEN_STATUSES.includes(to)) return { kind: 'conflict', message: `This action is closed (${WORDS[from]}): reopen it as open or in progress first` };
    return null;
  }
  if (actor === 'agency' && MARAC_ONLY_STATUSES.includes(to)) {
    return { kind: 'forbidden', message: 'Only the MARAC coordinator or chair can record that an action was not completed by the agency' };
  }
  if (!ACTION_TRANSITIONS[from].includes(to)) return { kind: 'conflict', message: `An action that is ${WORDS[from]} cannot go back to ${WORDS[to]}` };
  return null;
}

/** The statuses `actor` may choose for an action that is `from` now. */
export const allowedActionStatuses = (from: ActionStatus, actor: ActionActor): ActionStatus[] =>
  (['open', 'in_progress', 'completed', 'not_possible', 'not_completed', 'escalated'] as const).filter((to) => actionTransitionRefusal(from, to, actor) === null);

/**
 * The note an update must carry, and what it should say; null when a note is optional. Finishing an
 * action says what was done or why not; escalating says why; a note-only update and a reopening need
 * their reason too.
 */
export function actionNoteRequirement(from: ActionStatus, to: ActionStatus): string | null {
  if (isClosedActionStatus(from)) return 'Say why the action is reopened';
  if (from === to) return 'Add a note of what was done';
  switch (to) {
    case 'completed':
      return 'Say what was done to complete the action';
    case 'not_possible':
      return 'Say what changed that made the action impossible';
    case 'not_completed':
      return 'Say why the action was not completed';
    case 'escalated':
      return 'Say why the action is escalated';
    default:
      return null;
  }
}

// ---- Reminders and escalation ---------------------------------------------------------------------

/** The area settings that time reminders and escalation, in working days; each has a default. */
export interface ActionTimingSettings {
  actionReminderWorkingDays?: number | undefined;
  actionEscalateToCoordinatorWorkingDays?: number | undefined;
  actionEscalateToChairWorkingDays?: number | undefined;
}

export const ACTION_TIMING_DEFAULTS = {
  /** Remind the agency this many working days before the due date (0: on the day). */
  actionReminderWorkingDays: 2,
  /** Escalate to the coordinator once an action has been overdue this many working days. */
  actionEscalateToCoordinatorWorkingDays: 5,
  /** And to the chair after this many (never before the coordinator). */
  actionEscalateToChairWorkingDays: 10,
} as const;

export interface ActionTiming {
  reminderWorkingDays: number;
  coordinatorAfterWorkingDays: number;
  chairAfterWorkingDays: number;
}

export function actionTiming(settings: ActionTimingSettings): ActionTiming {
  const coordinator = settings.actionEscalateToCoordinatorWorkingDays ?? ACTION_TIMING_DEFAULTS.actionEscalateToCoordinatorWorkingDays;
  return {
    reminderWorkingDays: settings.actionReminderWorkingDays ?? ACTION_TIMING_DEFAULTS.actionReminderWorkingDays,
    coordinatorAfterWorkingDays: coordinator,
    // The chair hears of an action after the coordinator, never before, whatever the settings say.
    chairAfterWorkingDays: Math.max(coordinator, settings.actionEscalateToChairWorkingDays ?? ACTION_TIMING_DEFAULTS.actionEscalateToChairWorkingDays),
  };
}

/**
 * The stages an open action due on `dueDate` has reached on `today`: "due soon" from the reminder day
 * up to the due date, "overdue" from the day after it, and the escalations once it has been overdue
 * the set number of working days (counted after the due date, up to and including today).
 */
export function actionReminderStages(dueDate: string, today: string, timing: ActionTiming): ActionReminderKind[] {
  if (compareIsoDates(today, dueDate) <= 0) {
    return compareIsoDates(today, addWorkingDays(dueDate, -timing.reminderWorkingDays)) >= 0 ? ['due_soon'] : [];
  }
  const overdueDays = workingDaysBetween(dueDate, today);
  const stages: ActionReminderKind[] = ['overdue'];
  if (overdueDays >= timing.coordinatorAfterWorkingDays) stages.push('escalated_coordinator');
  if (overdueDays >= timing.chairAfterWorkingDays) stages.push('escalated_chair');
  return stages;
}

/** "Due soon" in lists and on the home page: open and due today or within this many days. */
export const ACTION_DUE_SOON_DAYS = 7;
export const dueSoonUntil = (today: string): string => addDays(today, ACTION_DUE_SOON_DAYS);
