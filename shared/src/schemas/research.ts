import { z } from 'zod';
import { Id, IsoDate, OptionalText, Timestamp, Version } from './common';
import { Research } from './meetings';
import { HeldBack } from './minutes';

/**
 * What an agency representative saves for one case: a draft as often as they like, then submitted.
 * Facts and professional opinion are kept apart, as the meeting reads them differently. Colleagues of
 * one agency share the task, so a save names the version it started from.
 */
export const ResearchInput = z.object({
  version: Version,
  knownToAgency: z.boolean().nullable().default(null),
  facts: OptionalText(10_000),
  opinion: OptionalText(5_000),
  risksIdentified: OptionalText(5_000),
  protectiveFactors: OptionalText(5_000),
  /** What the agency holds but will not share, and why (a live investigation, say). */
  withheld: OptionalText(2_000),
  withheldReason: OptionalText(2_000),
  researchedBy: OptionalText(200),
  submit: z.boolean().default(false),
});
export type ResearchInput = z.infer<typeof ResearchInput>;

/** Checks that need more than each field's shape; the form runs them too. Only a submission must be complete. */
export function researchProblems(input: ResearchInput): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.withheld && !input.withheldReason) problems.push({ field: 'withheldReason', message: 'Say why this is held back' });
  if (!input.submit) return problems;
  if (input.knownToAgency === null) problems.push({ field: 'knownToAgency', message: 'Say whether anyone in the case is known to your agency' });
  if (input.knownToAgency === true && !input.facts) problems.push({ field: 'facts', message: 'Enter the facts your agency will share' });
  if (!input.researchedBy) problems.push({ field: 'researchedBy', message: 'Enter who in your agency did the research' });
  return problems;
}

/** One research task as its agency sees it. */
export const ResearchTask = Research.extend({
  caseReference: z.string(),
  position: z.number().int().nullable(),
  /** Research can change until the meeting starts. */
  editable: z.boolean(),
});
export type ResearchTask = z.infer<typeof ResearchTask>;
export const ResearchTaskList = z.array(ResearchTask);

/** A saved version of one research task, oldest first: what was said, by whom, when. */
export const ResearchRevision = z.object({
  id: Id,
  status: Research.shape.status,
  savedAt: Timestamp,
  savedByName: z.string().nullable(),
  content: ResearchInput.omit({ submit: true, version: true }),
});
export type ResearchRevision = z.infer<typeof ResearchRevision>;
export const ResearchHistory = z.array(ResearchRevision);
export type ResearchHistory = z.infer<typeof ResearchHistory>;

/** The coordinator's completeness grid: every case on the agenda against every agency with a task. */
export const ResearchGrid = z.object({
  researchDeadline: IsoDate,
  agencies: z.array(z.object({ id: Id, name: z.string() })),
  cases: z.array(
    z.object({
      caseId: Id,
      caseReference: z.string(),
      position: z.number().int(),
      /** Agency id → status; an agency without a task for the case is absent. */
      statuses: z.record(z.string(), Research.shape.status),
    }),
  ),
  outstanding: z.number().int().min(0),
  /** What agencies hold but will not share, per case, for the chair and coordinator alone. */
  heldBack: z.array(HeldBack.extend({ caseId: Id, caseReference: z.string() })),
});
export type ResearchGrid = z.infer<typeof ResearchGrid>;

export const ChaseResult = z.object({ agenciesChased: z.number().int().min(0), tasksOutstanding: z.number().int().min(0) });
export type ChaseResult = z.infer<typeof ChaseResult>;
