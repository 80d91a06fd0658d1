import { z } from 'zod';
import { Email, Id, RequiredText, Timestamp, Version, patchOf } from './common';

/** The kinds of agency that sit at a MARAC; the IDVA service is an agency like any other. */
export const AGENCY_KINDS = [
  'police',
  'idva',
  'childrens_social_care',
  'adult_social_care',
  'primary_care',
  'acute_hospital',
  'mental_health',
  'midwifery_health_visiting',
  'housing',
  'probation',
  'substance_misuse',
  'education',
  'fire_rescue',
  'specialist_service',
  'other',
] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  police: 'Police',
  idva: 'IDVA service',
  childrens_social_care: "Children's social care",
  adult_social_care: 'Adult social care',
  primary_care: 'GP / primary care',
  acute_hospital: 'Acute hospital',
  mental_health: 'Mental health',
  midwifery_health_visiting: 'Midwifery / health visiting',
  housing: 'Housing',
  probation: 'Probation',
  substance_misuse: 'Substance misuse',
  education: 'Education',
  fire_rescue: 'Fire and rescue',
  specialist_service: 'Specialist service',
  other: 'Other',
};

export const Agency = z.object({
  id: Id,
  name: z.string(),
  kind: AgencyKind,
  /** A secure mailbox for notifications; notifications never carry personal data. */
  secureEmail: z.string().nullable(),
  areaIds: z.array(Id),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
  version: Version,
});
export type Agency = z.infer<typeof Agency>;

const agencyFields = {
  name: RequiredText(160),
  kind: AgencyKind,
  secureEmail: Email.nullable().default(null),
  areaIds: z.array(Id).min(1, 'Choose at least one area the agency serves'),
};

export const CreateAgency = z.object(agencyFields);
export type CreateAgency = z.infer<typeof CreateAgency>;

export const UpdateAgency = patchOf(agencyFields).extend({ version: Version });
export type UpdateAgency = z.infer<typeof UpdateAgency>;

export const AgencyList = z.array(Agency);

/** An agency as everyone signed in may see it: enough to choose it on a form. */
export const AgencyDirectoryEntry = z.object({ id: Id, name: z.string(), kind: AgencyKind, areaIds: z.array(Id) });
export type AgencyDirectoryEntry = z.infer<typeof AgencyDirectoryEntry>;
export const AgencyDirectory = z.array(AgencyDirectoryEntry);
export type AgencyDirectory = z.infer<typeof AgencyDirectory>;
