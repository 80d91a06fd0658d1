import { z } from 'zod';
import { REPEAT_ANCHORS, type RepeatAnchor } from '../rules/repeat-window';
import { Id, IsoDate, Timestamp } from './common';

export const CASE_STATUSES = ['open', 'closed', 'transferred_out'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  closed: 'MARAC involvement closed',
  transferred_out: 'Transferred to another area',
};

/**
 * A victim's MARAC case in one area. MARAC does not hold cases open: "closed" ends the MARAC involvement
 * while the 12-month repeat window keeps running from the anchor dates kept here.
 */
export const Case = z.object({
  id: Id,
  reference: z.string(),
  areaId: Id,
  victimPersonId: Id,
  status: CaseStatus,
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  lastReferralDate: IsoDate,
  lastHearingDate: IsoDate.nullable(),
  transferredFromAreaId: Id.nullable(),
  transferredToAreaId: Id.nullable(),
});
export type Case = z.infer<typeof Case>;

export const FLAG_KINDS = [
  'repeat',
  'repeat_perpetrator',
  'serial_perpetrator',
  'children_in_household',
  'pregnancy_or_baby',
  'victim_aged_16_17',
  'perpetrator_under_18',
  'transferred_in',
  'cross_area_history',
  'window_lapsing',
  'role_conflict',
] as const;
export const FlagKind = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKind>;

export const FLAG_LABELS: Record<FlagKind, string> = {
  repeat: 'Repeat',
  repeat_perpetrator: 'Repeat perpetrator',
  serial_perpetrator: 'Serial perpetrator',
  children_in_household: 'Children in household',
  pregnancy_or_baby: 'Pregnancy or baby under 18 months',
  victim_aged_16_17: 'Victim aged 16–17',
  perpetrator_under_18: 'Perpetrator aged 17 or under',
  transferred_in: 'Transferred in',
  cross_area_history: 'History in another area',
  window_lapsing: '12-month window lapsing',
  role_conflict: 'Victim and perpetrator in different cases',
};

/** A case as another case's flag may point to it: only ever one the viewer may open. */
export const RelatedCase = z.object({ id: Id, reference: z.string(), areaName: z.string() });
export type RelatedCase = z.infer<typeof RelatedCase>;

/**
 * A flag on a referral or case, computed from confirmed history when it is read, so it is never stale.
 * `detail` is plain words with dates but never names; `relatedCases` are only cases the viewer may open,
 * and `hiddenRelatedCount` counts the others. `previousReferralDate`, `anchorDate` and `daysLeft` are set
 * on a repeat: the earlier referral, the date the window ran from, and the days that were left in it.
 */
export const Flag = z.object({
  kind: FlagKind,
  label: z.string(),
  detail: z.string(),
  relatedCases: z.array(RelatedCase),
  hiddenRelatedCount: z.number().int().min(0),
  previousReferralDate: IsoDate.nullable(),
  anchorDate: IsoDate.nullable(),
  daysLeft: z.number().int().nullable(),
});
export type Flag = z.infer<typeof Flag>;

/** What an area counts the repeat window from (`AreaSettings.repeatAnchor`). */
export const REPEAT_ANCHOR_LABELS: Record<RepeatAnchor, string> = {
  last_referral: 'Last referral',
  last_hearing: 'Last hearing',
};

export const REPEAT_WINDOW_LIST_STATUSES = ['lapsing_soon', 'lapsed_recently'] as const;

/** A case on the coordinator's list of 12-month windows lapsing soon or lapsed recently. */
export const RepeatWindowItem = z.object({
  caseId: Id,
  caseReference: z.string(),
  area: z.object({ id: Id, name: z.string(), code: z.string() }),
  victimName: z.string(),
  status: z.enum(REPEAT_WINDOW_LIST_STATUSES),
  anchor: z.enum(REPEAT_ANCHORS),
  anchorDate: IsoDate,
  lapsesOn: IsoDate,
  /** Days from today to the lapse date: negative once it has lapsed. */
  daysUntilLapse: z.number().int(),
});
export type RepeatWindowItem = z.infer<typeof RepeatWindowItem>;

export const RepeatWindowQuery = z.object({ areaId: Id.optional() });
export type RepeatWindowQuery = z.infer<typeof RepeatWindowQuery>;

export const RepeatWindowList = z.object({
  today: IsoDate,
  noticeDays: z.number().int(),
  /** The soonest to lapse first, at most `REPEAT_WINDOWS_SHOWN` of `lapsingSoonTotal`. */
  lapsingSoon: z.array(RepeatWindowItem),
  lapsingSoonTotal: z.number().int().nonnegative(),
  /** The most recently lapsed first, at most `REPEAT_WINDOWS_SHOWN` of `lapsedRecentlyTotal`. */
  lapsedRecently: z.array(RepeatWindowItem),
  lapsedRecentlyTotal: z.number().int().nonnegative(),
});
export type RepeatWindowList = z.infer<typeof RepeatWindowList>;
