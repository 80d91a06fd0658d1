import { z } from 'zod';
import { CaseStatus } from './cases';
import { Id, IsoDate, PageQuery, Timestamp, Version, page } from './common';

export const ACTION_STATUSES = ['open', 'in_progress', 'completed', 'not_possible', 'not_completed', 'escalated'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Completed',
  not_possible: 'Not possible – circumstances changed',
  not_completed: 'Not completed – agency failed',
  escalated: 'Escalated',
};

/** Statuses after which an action is finished: it no longer comes back for review. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['completed', 'not_possible', 'not_completed'];

export const ACTION_CATEGORIES = [
  'victim_safety',
  'children_safeguarding',
  'adult_safeguarding',
  'perpetrator_management',
  'health',
  'housing',
  'other',
] as const;
export const ActionCategory = z.enum(ACTION_CATEGORIES);
export type ActionCategory = z.infer<typeof ActionCategory>;

export const ACTION_CATEGORY_LABELS: Record<ActionCategory, string> = {
  victim_safety: 'Risk to the victim',
  children_safeguarding: 'Safeguarding children',
  adult_safeguarding: 'Safeguarding adults at risk',
  perpetrator_management: 'Managing the perpetrator',
  health: 'Health',
  housing: 'Housing',
  other: 'Other',
};

export const Action = z.object({
  id: Id,
  caseId: Id,
  meetingId: Id,
  agencyId: Id,
  ownerName: z.string().nullable(),
  description: z.string(),
  linkedRisk: z.string().nullable(),
  category: ActionCategory,
  dueDate: IsoDate,
  status: ActionStatus,
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Action = z.infer<typeof Action>;

/**
 * One entry of an action's history: a status (the same one for a progress note), what was done and
 * when. `updatedBy` is null when the platform itself escalated an overdue action. A reassignment names
 * the agencies it moved between, and a new due date when one was set.
 */
export const ActionUpdate = z.object({
  id: Id,
  actionId: Id,
  status: ActionStatus,
  note: z.string().nullable(),
  occurredOn: IsoDate,
  updatedBy: Id.nullable(),
  updatedAt: Timestamp,
  fromAgencyId: Id.nullable(),
  toAgencyId: Id.nullable(),
  dueDate: IsoDate.nullable(),
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

/** An action agreed at the meeting: an owning agency, what is to be done, against which risk, by when. */
export const CreateAction = z.object({
  agencyId: z.uuid({ error: 'Choose the agency that owns the action' }),
  ownerName: z.string().trim().max(120, 'Must be 120 characters or fewer').nullable().default(null),
  description: z.string({ error: 'Describe the action' }).trim().min(1, 'Describe the action').max(2000, 'Must be 2000 characters or fewer'),
  linkedRisk: z.string().trim().max(500, 'Must be 500 characters or fewer').nullable().default(null),
  category: ActionCategory.default('victim_safety'),
  dueDate: z.iso.date({ error: 'Enter the date the action is due' }),
});
export type CreateAction = z.infer<typeof CreateAction>;

/** What the meeting decides about an action from an earlier meeting; the minutes keep the reason apart. */
export const REVIEW_OUTCOMES = ['completed', 'not_possible', 'not_completed', 'carried_forward'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  completed: 'Completed',
  not_possible: 'Not possible – circumstances changed',
  not_completed: 'Not completed by the agency',
  carried_forward: 'Carried forward',
};
export const ReviewActionInput = z.object({
  outcome: z.enum(REVIEW_OUTCOMES, { error: 'Choose what happened to the action' }),
  note: z.string().trim().max(2000, 'Must be 2000 characters or fewer').nullable().default(null),
});
export type ReviewActionInput = z.infer<typeof ReviewActionInput>;

// ---- Tracking actions after the meeting -------------------------------------------------------------

/**
 * The states an action list is filtered and counted by. Open: not closed (open, in progress,
 * escalated); due soon: open and due from today to `ACTION_DUE_SOON_DAYS` ahead; overdue: open and past
 * its due date; completed; closed: completed, not possible or not completed.
 */
export const ACTION_STATES = ['open', 'due_soon', 'overdue', 'completed', 'closed'] as const;
export const ActionState = z.enum(ACTION_STATES);
export type ActionState = z.infer<typeof ActionState>;
export const ACTION_STATE_LABELS: Record<ActionState, string> = {
  open: 'Open',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  completed: 'Completed',
  closed: 'Closed',
};

/** The stages of chasing an open action, in the order they come (`actionReminderStages`). */
export const ACTION_REMINDER_KINDS = ['due_soon', 'overdue', 'escalated_coordinator', 'escalated_chair'] as const;
export const ActionReminderKind = z.enum(ACTION_REMINDER_KINDS);
export type ActionReminderKind = z.infer<typeof ActionReminderKind>;
export const ACTION_REMINDER_KIND_LABELS: Record<ActionReminderKind, string> = {
  due_soon: 'Reminder before the due date',
  overdue: 'Overdue reminder',
  escalated_coordinator: 'Escalated to the coordinator',
  escalated_chair: 'Escalated to the chair',
};

/** How far the platform has escalated an overdue action for its current agency and due date. */
export const ESCALATION_STAGES = ['coordinator', 'chair'] as const;
export const EscalationStage = z.enum(ESCALATION_STAGES);
export type EscalationStage = z.infer<typeof EscalationStage>;
export const ESCALATION_STAGE_LABELS: Record<EscalationStage, string> = {
  coordinator: 'Escalated to the coordinator',
  chair: 'Escalated to the chair',
};

/**
 * What an action list can be narrowed to. Everything is intersected with what the user may see: a
 * representative's list is always their own agency's, whatever `agencyId` says. Review figures link to
 * the actions behind them with these same filters.
 */
const filterFields = {
  state: ActionState.optional(),
  status: ActionStatus.optional(),
  areaId: Id.optional(),
  agencyId: Id.optional(),
  meetingId: Id.optional(),
  caseId: Id.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
};
export const ActionFilter = z.object(filterFields);
export type ActionFilter = z.infer<typeof ActionFilter>;
export const ActionQuery = PageQuery.extend(filterFields);
export type ActionQuery = z.infer<typeof ActionQuery>;

/** An action as lists show it: with its case reference (never a name), area, agency and where it stands. */
export const ActionSummary = Action.extend({
  caseReference: z.string(),
  areaId: Id,
  areaName: z.string(),
  agencyName: z.string(),
  /** The meeting that agreed it. */
  meetingDate: IsoDate,
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  escalation: EscalationStage.nullable(),
  /** The date it was closed (the date given with the update that closed it); null while open. */
  closedOn: IsoDate.nullable(),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

export const ActionCounts = z.object({
  open: z.number().int().min(0),
  due_soon: z.number().int().min(0),
  overdue: z.number().int().min(0),
  completed: z.number().int().min(0),
  closed: z.number().int().min(0),
});
export type ActionCounts = z.infer<typeof ActionCounts>;

/** A page of actions, with the count in each state under the same filters (the state aside). */
export const ActionList = page(ActionSummary).extend({ today: IsoDate, counts: ActionCounts });
export type ActionList = z.infer<typeof ActionList>;

/** A history entry with the names a page shows: who (null: the platform) and the agencies of a reassignment. */
export const ActionHistoryEntry = ActionUpdate.extend({
  updatedByName: z.string().nullable(),
  fromAgencyName: z.string().nullable(),
  toAgencyName: z.string().nullable(),
});
export type ActionHistoryEntry = z.infer<typeof ActionHistoryEntry>;

export const ActionReminder = z.object({ kind: ActionReminderKind, sentOn: IsoDate, dueDate: IsoDate });
export type ActionReminder = z.infer<typeof ActionReminder>;

/** One action with every update kept, the reminders sent, and what the viewer may do next. */
export const ActionDetail = ActionSummary.extend({
  history: z.array(ActionHistoryEntry),
  reminders: z.array(ActionReminder),
  allowedStatuses: z.array(ActionStatus),
  canReassign: z.boolean(),
});
export type ActionDetail = z.infer<typeof ActionDetail>;

const ActionNote = z.string().trim().max(2000, 'Must be 2000 characters or fewer');

/**
 * An update: the status (the same one to add a progress note), what was done, and the date it happened
 * (today when not given; never in the future), from the version of the action the person was shown.
 */
export const UpdateActionInput = z.object({
  version: Version,
  status: z.enum(ACTION_STATUSES, { error: 'Choose the status of the action' }),
  note: ActionNote.nullable().default(null),
  occurredOn: z.iso.date({ error: 'Enter the date it happened, like 2026-11-23' }).optional(),
});
export type UpdateActionInput = z.infer<typeof UpdateActionInput>;

/** The coordinator or chair gives the action to another agency serving the area, with the reason. */
export const ReassignActionInput = z.object({
  version: Version,
  agencyId: z.uuid({ error: 'Choose the agency that takes the action over' }),
  note: z.string({ error: 'Say why the action is reassigned' }).trim().min(1, 'Say why the action is reassigned').max(2000, 'Must be 2000 characters or fewer'),
  /** The named owner in the new agency, when known. */
  ownerName: z.string().trim().max(120, 'Must be 120 characters or fewer').nullable().default(null),
  /** A new due date agreed with the new agency; the current one stays when not given. */
  dueDate: z.iso.date({ error: 'Enter the date the action is due' }).optional(),
});
export type ReassignActionInput = z.infer<typeof ReassignActionInput>;

// ---- The area's review of its action plans ----------------------------------------------------------

export const ActionReviewQuery = z.object({
  areaId: Id,
  /** Actions due in this range (both ends included); all when not given. */
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
});
export type ActionReviewQuery = z.infer<typeof ActionReviewQuery>;

/** A count, with the list filter that shows the actions behind it; null when the viewer may not see them. */
export const ActionFigure = z.object({ value: z.number().int().min(0), filter: ActionFilter.nullable() });
export type ActionFigure = z.infer<typeof ActionFigure>;

export const ActionReviewRow = z.object({
  /** Null on the row of totals. */
  agencyId: Id.nullable(),
  agencyName: z.string(),
  total: ActionFigure,
  open: ActionFigure,
  overdue: ActionFigure,
  completed: ActionFigure,
  /** Not possible because circumstances changed, apart from… */
  notPossible: ActionFigure,
  /** …not completed: the agency did not do it. */
  notCompleted: ActionFigure,
  /** Actions that should be done by now: closed, or open past their due date. */
  due: z.number().int().min(0),
  /** Completed ÷ due; null when nothing is due yet. */
  completionRate: z.number().min(0).max(1).nullable(),
  /** Median calendar days from the meeting that agreed an action to its completion; null with none completed. */
  medianDaysToComplete: z.number().min(0).nullable(),
});
export type ActionReviewRow = z.infer<typeof ActionReviewRow>;

export const ActionReview = z.object({
  area: z.object({ id: Id, name: z.string() }),
  today: IsoDate,
  dueFrom: IsoDate.nullable(),
  dueTo: IsoDate.nullable(),
  totals: ActionReviewRow,
  agencies: z.array(ActionReviewRow),
});
export type ActionReview = z.infer<typeof ActionReview>;

// ---- A case's actions across its meetings, and the chair's outcome review ---------------------------

export const CaseOutcomeReview = z.object({
  id: Id,
  outcome: z.string(),
  /** The review closed the case's MARAC involvement. */
  closedInvolvement: z.boolean(),
  reviewedByName: z.string(),
  reviewedAt: Timestamp,
});
export type CaseOutcomeReview = z.infer<typeof CaseOutcomeReview>;

export const CaseOutcomeReviewInput = z.object({
  outcome: z
    .string({ error: 'Record the outcome of the review' })
    .trim()
    .min(1, 'Record the outcome of the review')
    .max(4000, 'Must be 4000 characters or fewer'),
  /** Close the case's MARAC involvement; its 12-month repeat window keeps running. */
  closeInvolvement: z.boolean().default(false),
});
export type CaseOutcomeReviewInput = z.infer<typeof CaseOutcomeReviewInput>;

export const CaseActionItem = ActionSummary.extend({ history: z.array(ActionHistoryEntry) });
export type CaseActionItem = z.infer<typeof CaseActionItem>;

/**
 * Every action of a case across all its meetings. A representative sees their own agency's only;
 * `hiddenActionCount` counts the others.
 */
export const CaseActions = z.object({
  case: z.object({
    id: Id,
    reference: z.string(),
    areaId: Id,
    areaName: z.string(),
    status: CaseStatus,
    closedAt: Timestamp.nullable(),
    lastReferralDate: IsoDate,
    lastHearingDate: IsoDate.nullable(),
  }),
  meetings: z.array(z.object({ id: Id, date: IsoDate, status: z.enum(['listed', 'heard', 'deferred']) })),
  actions: z.array(CaseActionItem),
  hiddenActionCount: z.number().int().min(0),
  reviews: z.array(CaseOutcomeReview),
  /** The chair of the area may record an outcome review… */
  canReview: z.boolean(),
  /** …and close the involvement once the case is open and none of its actions is. */
  canClose: z.boolean(),
});
export type CaseActions = z.infer<typeof CaseActions>;
