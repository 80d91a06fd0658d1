import { z } from 'zod';
import { Email, Id, IsoDate, RequiredText, Timestamp } from './common';

/**
 * Someone who must never receive anything about a case: an agency, a person by e-mail, or both. Bars
 * come from the unsafe contacts every referral about the victim names, or are recorded by a coordinator;
 * only a coordinator lifts one, with the reason it was recorded in error.
 */
export const CaseBar = z.object({
  id: Id,
  caseId: Id,
  agencyId: Id.nullable(),
  agencyName: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string(),
  reason: z.string().nullable(),
  /** The referral that named them; null when a coordinator recorded the bar on the case. */
  referralId: Id.nullable(),
  referralReference: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: Timestamp,
  liftedAt: Timestamp.nullable(),
  liftedByName: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type CaseBar = z.infer<typeof CaseBar>;

export const CaseBars = z.object({
  caseId: Id,
  caseReference: z.string(),
  active: z.array(CaseBar),
  lifted: z.array(CaseBar),
  /** Whether the viewer may record and lift bars: the coordinators of the case's area. */
  canChange: z.boolean(),
});
export type CaseBars = z.infer<typeof CaseBars>;

/** A coordinator records someone as unsafe to contact about the case: an agency, a person's e-mail, or both. */
export const RecordCaseBar = z
  .object({
    name: RequiredText(120),
    agencyId: Id.nullable().default(null),
    email: Email.nullable().default(null),
    reason: RequiredText(500),
  })
  .superRefine((bar, ctx) => {
    if (bar.agencyId === null && bar.email === null) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Choose the agency, or enter the person’s e-mail, or both' });
    }
  });
export type RecordCaseBar = z.infer<typeof RecordCaseBar>;

/** Lifting a bar is a decision that it was recorded in error, and says why. */
export const LiftCaseBar = z.object({
  reason: z.string({ error: 'Say why the bar was recorded in error' }).trim().min(1, 'Say why the bar was recorded in error').max(1000, 'Must be 1000 characters or fewer'),
});
export type LiftCaseBar = z.infer<typeof LiftCaseBar>;

/** What a new bar took away at once, in plain words for the coordinator. */
export const BarEffect = z.object({
  caseId: Id,
  caseReference: z.string(),
  agencyName: z.string().nullable(),
  personName: z.string().nullable(),
  /** Meetings whose research for the case the agency no longer holds. */
  withdrawnFrom: z.array(z.object({ meetingId: Id, date: IsoDate })),
  openActions: z.number().int().min(0),
  because: z.string(),
});
export type BarEffect = z.infer<typeof BarEffect>;

/** What recording a bar did: the case's bars now, and what the new one took away. */
export const RecordedCaseBar = z.object({ bars: CaseBars, effect: BarEffect });
export type RecordedCaseBar = z.infer<typeof RecordedCaseBar>;
