import { z } from 'zod';
import { REPEAT_ANCHORS } from '../rules/repeat-window';
import { Id, IsoDate, OptionalText, PostcodeDistrict, RequiredText, Timestamp, patchOf } from './common';

/** Per-area choices that the domain leaves to each MARAC. */
const settingsFields = {
  repeatAnchor: z.enum(REPEAT_ANCHORS).default('last_referral'),
  visibleHighRiskThreshold: z.number().int().min(1).max(24).default(14),
  escalationIncidents: z.number().int().min(1).max(50).default(3),
  escalationMonths: z.number().int().min(1).max(24).default(12),
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
export const UpdateArea = patchOf(areaFields).extend({ settings: patchOf(settingsFields).optional() });
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

export const AreaList = z.array(Area);
