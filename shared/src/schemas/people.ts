import { z } from 'zod';
import { Address, Gender, Id, IsoDate, Timestamp } from './common';

export const NAME_KINDS = ['alias', 'previous_name', 'spelling_variant', 'nickname'] as const;

export const PersonName = z.object({
  givenName: z.string(),
  familyName: z.string(),
  kind: z.enum(NAME_KINDS),
});
export type PersonName = z.infer<typeof PersonName>;

/**
 * Someone the platform holds: a victim, perpetrator, child or other household member. One person may
 * hold different roles in different cases, so the role lives on the link to the case, never here.
 */
export const Person = z.object({
  id: Id,
  givenName: z.string(),
  familyName: z.string(),
  gender: Gender,
  /** All dates of birth recorded for the person: agencies often hold different ones. */
  datesOfBirth: z.array(IsoDate),
  aliases: z.array(PersonName),
  addresses: z.array(Address.extend({ current: z.boolean() })),
  phones: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.infer<typeof Person>;

export const PERSON_ROLES = ['victim', 'perpetrator', 'child', 'household_member'] as const;
export const PersonRole = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRole>;

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator',
  child: 'Child',
  household_member: 'Other household member',
};

/** The explicit role a person holds in one case. */
export const PersonCaseLink = z.object({
  id: Id,
  personId: Id,
  caseId: Id,
  role: PersonRole,
  relationshipToVictim: z.string().nullable(),
  relationshipToPerpetrator: z.string().nullable(),
  createdAt: Timestamp,
});
export type PersonCaseLink = z.infer<typeof PersonCaseLink>;

/** A coordinator's decision on a suggested identity match; rejected pairs are not suggested again. */
export const IdentityDecision = z.object({
  id: Id,
  personId: Id,
  otherPersonId: Id,
  decision: z.enum(['confirmed', 'rejected']),
  decidedBy: Id,
  decidedAt: Timestamp,
});
export type IdentityDecision = z.infer<typeof IdentityDecision>;
