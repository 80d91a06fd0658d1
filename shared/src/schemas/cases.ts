import { z } from 'zod';
import { Id, IsoDate, Timestamp } from './common';

export const CASE_STATUSES = ['open', 'closed', 'transferred_out'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

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

/** A flag computed from confirmed history; `detail` is plain words, `relatedCaseIds` only those the viewer may see. */
export const Flag = z.object({
  id: Id,
  caseId: Id,
  referralId: Id.nullable(),
  kind: FlagKind,
  detail: z.string(),
  relatedCaseIds: z.array(Id),
  hiddenRelatedCount: z.number().int().min(0),
  computedAt: Timestamp,
});
export type Flag = z.infer<typeof Flag>;
