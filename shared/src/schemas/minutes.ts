import { z } from 'zod';
import { ACTION_CATEGORIES, ActionStatus, REVIEW_OUTCOMES } from './actions';
import { FlagKind } from './cases';
import { Id, IsoDate, OptionalText, TimeOfDay, Timestamp, Version } from './common';
import { ATTENDANCE_KINDS, RESEARCH_STATUSES, RiskAnalysis } from './meetings';

/** What an agency holds about a case but will not share, and why (a live investigation, say). */
export const HeldBack = z.object({ agencyName: z.string(), withheld: z.string(), reason: z.string().nullable() });
export type HeldBack = z.infer<typeof HeldBack>;

/** What one agency shared about one case. */
export const MinutesSharing = z.object({
  agencyName: z.string(),
  knownToAgency: z.boolean().nullable(),
  facts: z.string().nullable(),
  opinion: z.string().nullable(),
  risksIdentified: z.string().nullable(),
  protectiveFactors: z.string().nullable(),
});

export const MinutesCase = z.object({
  itemId: Id,
  caseId: Id,
  caseReference: z.string(),
  position: z.number().int(),
  victimName: z.string(),
  flags: z.array(z.string()),
  /** Agencies invited for this case: each one receives this case in its minutes. */
  agencyIds: z.array(Id),
  shared: z.array(MinutesSharing),
  riskAnalysis: RiskAnalysis.nullable(),
  actions: z.array(
    z.object({ agencyName: z.string(), ownerName: z.string().nullable(), description: z.string(), linkedRisk: z.string().nullable(), category: z.enum(ACTION_CATEGORIES), dueDate: IsoDate }),
  ),
  outcome: z.string().nullable(),
  /** The coordinator's own words for the case, added when editing. */
  summary: z.string().nullable(),
});
export type MinutesCase = z.infer<typeof MinutesCase>;

/** The minutes as generated from what was recorded, then edited by the coordinator. */
export const MinutesContent = z.object({
  areaName: z.string(),
  date: IsoDate,
  startTime: TimeOfDay,
  location: z.string().nullable(),
  minutesDueDate: IsoDate,
  attendance: z.array(z.object({ name: z.string(), agencyName: z.string().nullable(), kind: z.enum(ATTENDANCE_KINDS), informationSent: z.boolean(), signedAt: Timestamp.nullable() })),
  /** Each with the owning agency, which alone reads it in its minutes; and its case (absent in minutes generated before reviews named it). */
  reviews: z.array(z.object({ caseId: Id.optional(), caseReference: z.string(), agencyId: Id, agencyName: z.string(), description: z.string(), dueDate: IsoDate, status: ActionStatus, outcome: z.enum(REVIEW_OUTCOMES).nullable() })),
  cases: z.array(MinutesCase),
  /**
   * Notes about the meeting as a whole: every agency that receives the minutes reads them, so nothing
   * about one case belongs here (that goes in the case's summary, read only by those allowed the case).
   */
  notes: z.string().nullable(),
});
export type MinutesContent = z.infer<typeof MinutesContent>;

export const MINUTES_STATUSES = ['draft', 'signed_off', 'distributed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: 'Draft',
  signed_off: 'Signed off',
  distributed: 'Distributed',
};

export const Minutes = z.object({
  meetingId: Id,
  status: z.enum(MINUTES_STATUSES),
  content: MinutesContent,
  signedOffAt: Timestamp.nullable(),
  signedOffByName: z.string().nullable(),
  distributedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  /** Editing, generating again, signing off and distributing each name the version they started from. */
  version: Version,
});
export type Minutes = z.infer<typeof Minutes>;

/** The coordinator's edits: notes for the whole meeting (read by every agency) and a summary per case (read by those allowed the case). */
export const EditMinutes = z.object({
  version: Version,
  notes: OptionalText(10_000),
  cases: z.array(z.object({ itemId: Id, summary: OptionalText(10_000) })).max(200).default([]),
});
export type EditMinutes = z.infer<typeof EditMinutes>;

/**
 * A case as the meeting sees it once opened: the referral in brief, flags, earlier hearings and actions
 * for the victim, what every invited agency shared, and what has been recorded so far.
 */
export const MeetingCaseView = z.object({
  itemId: Id,
  caseId: Id,
  caseReference: z.string(),
  position: z.number().int(),
  slotStart: TimeOfDay.nullable(),
  victimName: z.string(),
  /** Every referral the agenda lists for the case, oldest first. */
  referrals: z.array(
    z.object({
      reference: z.string(),
      referringAgencyName: z.string(),
      referralDate: IsoDate,
      dashScore: z.number().int(),
      criteriaMet: z.array(z.string()),
      recentIncident: z.string().nullable(),
    }),
  ),
  /** As the meeting saw them when it started. */
  flags: z.array(z.object({ kind: FlagKind, label: z.string(), detail: z.string() })),
  earlierHearings: z.array(z.object({ date: IsoDate, outcome: z.string().nullable() })),
  earlierActions: z.array(z.object({ agencyName: z.string(), description: z.string(), dueDate: IsoDate, status: ActionStatus })),
  shared: z.array(MinutesSharing.extend({ status: z.enum(RESEARCH_STATUSES) })),
  /**
   * What agencies hold but will not share, and why: for the chair and coordinator to weigh, never shown
   * to other agencies, never in packets or minutes. Null for anyone else.
   */
  heldBack: z.array(HeldBack).nullable(),
  record: z.object({
    revision: z.number().int(),
    riskAnalysis: RiskAnalysis.nullable(),
    outcome: z.string().nullable(),
    actions: z.array(z.object({ id: Id, agencyName: z.string(), ownerName: z.string().nullable(), description: z.string(), linkedRisk: z.string().nullable(), category: z.enum(ACTION_CATEGORIES), dueDate: IsoDate })),
  }),
});
export type MeetingCaseView = z.infer<typeof MeetingCaseView>;
