import { z } from 'zod';
import { Id, IsoDate, Timestamp } from './common';

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
});
export type Action = z.infer<typeof Action>;

export const ActionUpdate = z.object({
  id: Id,
  actionId: Id,
  status: ActionStatus,
  note: z.string().nullable(),
  occurredOn: IsoDate,
  updatedBy: Id,
  updatedAt: Timestamp,
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
