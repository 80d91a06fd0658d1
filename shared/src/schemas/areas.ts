import { z } from 'zod';
import { REPEAT_ANCHORS } from '../rules/repeat-window';
import { AgencyKind } from './agencies';
import { Id, IsoDate, OptionalText, PostcodeDistrict, RequiredText, Timestamp, Version, patchOf } from './common';

/** Per-area choices that the domain leaves to each MARAC. */
const settingsFields = {
  repeatAnchor: z.enum(REPEAT_ANCHORS).default('last_referral'),
  visibleHighRiskThreshold: z.number().int().min(1).max(24).default(14),
  escalationIncidents: z.number().int().min(1).max(50).default(3),
  escalationMonths: z.number().int().min(1).max(24).default(12),
  /**
   * Chasing agreed actions, in working days (`actionTiming` fills in the defaults when not set): remind
   * the agency this many days before the due date, escalate an overdue action to the coordinator after
   * this many days overdue, and to the chair after this many.
   */
  actionReminderWorkingDays: z.number().int().min(0).max(20).optional(),
  actionEscalateToCoordinatorWorkingDays: z.number().int().min(1).max(60).optional(),
  actionEscalateToChairWorkingDays: z.number().int().min(1).max(120).optional(),
};
export const AreaSettings = z.object(settingsFields);
export type AreaSettings = z.infer<typeof AreaSettings>;

export const Area = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  postcodeDistricts: z.array(z.string()),
  /** Adult women living in the area, for the "cases per 10,000" figure of the national return. */
  adultFemalePopulation: z.number().int().nullable(),
  settings: AreaSettings,
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
  version: Version,
});
export type Area = z.infer<typeof Area>;

export const AreaCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,12}$/, 'Use 2 to 12 letters, digits or hyphens, like CITY or NORTH-CO');

const areaFields = {
  name: RequiredText(120),
  code: AreaCode,
  description: OptionalText(500),
  postcodeDistricts: z.array(PostcodeDistrict).max(500).default([]),
  adultFemalePopulation: z.number().int().min(1).max(10_000_000).nullable().default(null),
  settings: AreaSettings.default(AreaSettings.parse({})),
};

export const CreateArea = z.object(areaFields);
export type CreateArea = z.infer<typeof CreateArea>;

/** Settings sent in an update change only the settings named; the others keep their values. */
export const UpdateArea = patchOf(areaFields).extend({ settings: patchOf(settingsFields).optional(), version: Version });
export type UpdateArea = z.infer<typeof UpdateArea>;

/** The register of agencies that have signed an area's information-sharing protocol. */
export const ProtocolSignature = z.object({
  id: Id,
  areaId: Id,
  agencyId: Id,
  signedOn: IsoDate,
  signatory: z.string(),
  recordedBy: Id,
  withdrawnOn: IsoDate.nullable(),
});
export type ProtocolSignature = z.infer<typeof ProtocolSignature>;

/** A signature as the register shows it: with the agency's name and who recorded it. */
export const ProtocolSignatureEntry = ProtocolSignature.extend({ agencyName: z.string(), recordedByName: z.string() });
export type ProtocolSignatureEntry = z.infer<typeof ProtocolSignatureEntry>;

/**
 * Where an agency stands with an area's protocol: signed (a signature not withdrawn), withdrawn (every
 * signature it gave has been withdrawn) or never signed. Only a signed agency may be invited.
 */
export const PROTOCOL_STATUSES = ['signed', 'withdrawn', 'not_signed'] as const;
export const ProtocolStatus = z.enum(PROTOCOL_STATUSES);
export type ProtocolStatus = z.infer<typeof ProtocolStatus>;

export const PROTOCOL_STATUS_LABELS: Record<ProtocolStatus, string> = {
  signed: 'Signed',
  withdrawn: 'Withdrawn',
  not_signed: 'Not signed',
};

/** One agency serving the area, with its current signature, or its last one when it was withdrawn. */
export const ProtocolRegisterRow = z.object({
  agencyId: Id,
  agencyName: z.string(),
  agencyKind: AgencyKind,
  agencyDisabled: z.boolean(),
  status: ProtocolStatus,
  signature: ProtocolSignatureEntry.nullable(),
});
export type ProtocolRegisterRow = z.infer<typeof ProtocolRegisterRow>;

/** An area's register: the agencies serving it, and every signature ever recorded for it, latest first. */
export const ProtocolRegister = z.object({
  areaId: Id,
  areaName: z.string(),
  agencies: z.array(ProtocolRegisterRow),
  history: z.array(ProtocolSignatureEntry),
});
export type ProtocolRegister = z.infer<typeof ProtocolRegister>;

export const RecordProtocolSignature = z.object({
  agencyId: z.uuid({ error: 'Choose the agency that signed' }),
  signedOn: z.iso.date({ error: 'Enter the date the protocol was signed, like 27 3 2026' }),
  /** The person who signed for the agency, with their role, as the signed copy names them. */
  signatory: z
    .string({ error: 'Enter the name of the person who signed for the agency' })
    .trim()
    .min(1, 'Enter the name of the person who signed for the agency')
    .max(160, 'Must be 160 characters or fewer'),
});
export type RecordProtocolSignature = z.infer<typeof RecordProtocolSignature>;

export const WithdrawProtocolSignature = z.object({
  withdrawnOn: z.iso.date({ error: 'Enter the date the agency withdrew, like 27 3 2026' }),
});
export type WithdrawProtocolSignature = z.infer<typeof WithdrawProtocolSignature>;

export const AreaList = z.array(Area);
