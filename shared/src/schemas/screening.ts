import { z } from 'zod';
import { BarEffect } from './bars';
import { Flag, FlagKind } from './cases';
import { Address, Id, IsoDate, PageQuery, Timestamp, page } from './common';
import { Referral, ReferralCriterion, ReferralStatus, ReferralSubject, ReferralSubmission, SCREENING_DECISIONS } from './referrals';

/** Drafts are the form's own state and are never validated beyond being an object of bounded size. */
export const REFERRAL_DRAFT_MAX_BYTES = 256 * 1024;

/** UTF-8 size of the value as JSON, counted by hand: shared is built without DOM or Node types, so without TextEncoder. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one character outside the Basic Multilingual Plane: four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const ReferralDraftInput = z.object({
  payload: z
    .record(z.string(), z.unknown())
    .refine((payload) => jsonBytes(payload) <= REFERRAL_DRAFT_MAX_BYTES, 'The draft is too large to save: remove some text and try again'),
});
export type ReferralDraftInput = z.infer<typeof ReferralDraftInput>;

export const ReferralDraft = z.object({
  id: Id,
  payload: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReferralDraft = z.infer<typeof ReferralDraft>;

/** A submission, optionally naming the draft it came from so the draft goes when the referral is made. */
export const ReferralSubmissionRequest = ReferralSubmission.extend({ draftId: Id.optional() });
export type ReferralSubmissionRequest = z.infer<typeof ReferralSubmissionRequest>;

export const REFERRAL_HISTORY_KINDS = ['submitted', 'resubmitted', ...SCREENING_DECISIONS] as const;
export const ReferralHistoryKind = z.enum(REFERRAL_HISTORY_KINDS);
export type ReferralHistoryKind = z.infer<typeof ReferralHistoryKind>;

export const REFERRAL_HISTORY_LABELS: Record<ReferralHistoryKind, string> = {
  submitted: 'Submitted',
  resubmitted: 'Resubmitted with more information',
  accepted: 'Accepted',
  rejected: 'Rejected',
  merged: 'Merged into another referral',
  more_information_requested: 'More information requested',
};

/** One step in a referral's life, with who took it; `reason` is what the referrer is told. */
export const ReferralHistoryEntry = z.object({
  kind: ReferralHistoryKind,
  label: z.string(),
  at: Timestamp,
  byUserId: Id.nullable(),
  byName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ReferralHistoryEntry = z.infer<typeof ReferralHistoryEntry>;

/**
 * An address as stored. The input schema normalises postcodes with a one-way transform, which a
 * response cannot be encoded through; what was stored is already normalised.
 */
export const StoredAddress = Address.extend({ postcode: z.string().nullable() });

/** A referral subject as sent back: the stored address, not the input one. */
export const ReferralSubjectRecord = ReferralSubject.extend({ address: StoredAddress.nullable() });
export type ReferralSubjectRecord = z.infer<typeof ReferralSubjectRecord>;

/** A referral as its referrer and the area's coordinators and chairs see it. */
export const ReferralDetail = Referral.extend({
  victim: ReferralSubjectRecord,
  perpetrators: z.array(ReferralSubjectRecord),
  householdMembers: z.array(ReferralSubjectRecord),
  statusLabel: z.string(),
  areaName: z.string().nullable(),
  referringAgencyName: z.string(),
  history: z.array(ReferralHistoryEntry),
  /**
   * Flags from confirmed history. An agency representative sees only flags drawn from the referral
   * itself, never what other cases reveal.
   */
  flags: z.array(Flag),
  /** The victim's case once accepted; set only for viewers who may open it. */
  caseReference: z.string().nullable(),
});
export type ReferralDetail = z.infer<typeof ReferralDetail>;

/** A draft in the referrer's list: the form's content stays out of lists. */
export const MyReferralDraft = z.object({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type MyReferralDraft = z.infer<typeof MyReferralDraft>;

export const MyReferral = z.object({
  id: Id,
  reference: z.string(),
  status: ReferralStatus,
  statusLabel: z.string(),
  areaName: z.string().nullable(),
  referralDate: IsoDate,
  submittedAt: Timestamp.nullable(),
  victimName: z.string(),
  /** The latest reason from screening, shown while the referral is rejected or waiting for more information. */
  reason: z.string().nullable(),
});
export type MyReferral = z.infer<typeof MyReferral>;

export const MY_DRAFTS_SHOWN = 50;

export const MyReferrals = page(MyReferral).extend({
  /** The most recently changed drafts, at most `MY_DRAFTS_SHOWN`. */
  drafts: z.array(MyReferralDraft),
  draftTotal: z.number().int().min(0),
});
export type MyReferrals = z.infer<typeof MyReferrals>;

export const MyReferralsQuery = PageQuery;
export type MyReferralsQuery = z.infer<typeof MyReferralsQuery>;

/** `true` / `false` in a query string (`z.coerce.boolean` would read "false" as true). */
const QueryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const SCREENING_SORTS = ['oldest', 'newest', 'score', 'urgent'] as const;
export const ScreeningSort = z.enum(SCREENING_SORTS);
export type ScreeningSort = z.infer<typeof ScreeningSort>;

export const SCREENING_DEFAULT_STATUSES = ['submitted', 'more_information_requested'] as const satisfies readonly ReferralStatus[];

export const ScreeningQuery = PageQuery.extend({
  /** One of the user's areas; all of them when not given. */
  areaId: Id.optional(),
  /** One status or several separated by commas; by default those awaiting screening. */
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(ReferralStatus).min(1, 'Choose a status'))
    .optional(),
  urgent: QueryFlag.optional(),
  /** The referrer knows of a referral in the last 12 months, so repeat is among the criteria met. */
  repeat: QueryFlag.optional(),
  referringAgencyId: Id.optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: ScreeningSort.default('oldest'),
});
export type ScreeningQuery = z.infer<typeof ScreeningQuery>;

/** A referral in the screening queue: the minimum needed to pick what to screen next. */
export const ScreeningQueueItem = z.object({
  id: Id,
  reference: z.string(),
  status: ReferralStatus,
  statusLabel: z.string(),
  area: z.object({ id: Id, name: z.string(), code: z.string() }),
  referringAgencyName: z.string(),
  referralDate: IsoDate,
  ageDays: z.number().int(),
  urgent: z.boolean(),
  dashScore: z.number().int(),
  criteriaMet: z.array(ReferralCriterion),
  victim: z.object({ displayName: z.string(), yearOfBirth: z.number().int().nullable() }),
  perpetratorCount: z.number().int().min(0),
  childrenCount: z.number().int().min(0),
  flags: z.array(z.object({ kind: FlagKind, label: z.string() })),
});
export type ScreeningQueueItem = z.infer<typeof ScreeningQueueItem>;

export const ScreeningQueue = page(ScreeningQueueItem);
export type ScreeningQueue = z.infer<typeof ScreeningQueue>;

const DecisionReason = z
  .string({ error: 'Give the reason the referrer will see' })
  .trim()
  .min(1, 'Give the reason the referrer will see')
  .max(2000, 'Must be 2000 characters or fewer');

/** A coordinator's screening decision on one referral. */
export const ScreeningDecisionInput = z.discriminatedUnion('decision', [
  /** Without `areaId` the area is the one whose postcode districts cover the victim's postcode. */
  z.object({ decision: z.literal('accept'), areaId: Id.optional() }),
  z.object({ decision: z.literal('reject'), reason: DecisionReason }),
  z.object({ decision: z.literal('merge'), intoReferralId: Id }),
  z.object({ decision: z.literal('request_information'), reason: DecisionReason }),
]);
export type ScreeningDecisionInput = z.infer<typeof ScreeningDecisionInput>;

/**
 * A referral as screening left it, with what any bar it brought took away at once (an agency withdrawn
 * from a meeting's research, say), so the coordinator is told there and then.
 */
export const ScreeningOutcome = ReferralDetail.extend({ barEffects: z.array(BarEffect) });
export type ScreeningOutcome = z.infer<typeof ScreeningOutcome>;
