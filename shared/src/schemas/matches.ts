import { z } from 'zod';
import { Id, IsoDate } from './common';
import { RelatedCase } from './cases';
import { PersonRole } from './people';

/** What a coordinator says about one suggested person for one person a referral names. */
export const MATCH_DECISIONS = ['confirm', 'reject'] as const;
export const MatchDecisionInput = z.object({
  personId: Id,
  decision: z.enum(MATCH_DECISIONS, { error: 'Choose whether this is the same person' }),
});
export type MatchDecisionInput = z.infer<typeof MatchDecisionInput>;

/** How many cases a held person is in, in one role and area; the area is named even when its cases are not shown. */
export const CandidateRole = z.object({ role: PersonRole, areaName: z.string(), caseCount: z.number().int().min(1) });
export type CandidateRole = z.infer<typeof CandidateRole>;

/**
 * A held person who may be someone the referral names: what the coordinator needs to decide and no
 * more. Addresses are cut to their postcode district; cases are linked only where the coordinator
 * may open them and otherwise counted per area and role.
 */
export const MatchCandidate = z.object({
  personId: Id,
  /** 0–100; null for a person linked by hand whom matching would not have suggested. */
  score: z.number().int().min(0).max(100).nullable(),
  reasons: z.array(z.string()),
  displayName: z.string(),
  otherNames: z.array(z.string()),
  datesOfBirth: z.array(IsoDate),
  postcodeDistricts: z.array(z.string()),
  roles: z.array(CandidateRole),
  visibleCases: z.array(RelatedCase.extend({ role: PersonRole })),
  hiddenCaseCount: z.number().int().min(0),
  /** Plain words when the person holds the opposite role elsewhere (a victim here, a perpetrator there). */
  roleConflict: z.string().nullable(),
  decision: z.enum(['confirmed', 'rejected']).nullable(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const SubjectMatches = z.object({
  subjectId: Id,
  role: PersonRole,
  displayName: z.string(),
  /** The held person this subject is linked to, if any. */
  linkedPersonId: Id.nullable(),
  /** Whether the link can still change: only until the referral is accepted. */
  linkFixed: z.boolean(),
  candidates: z.array(MatchCandidate),
});
export type SubjectMatches = z.infer<typeof SubjectMatches>;

export const ReferralMatches = z.object({
  referralId: Id,
  /** False once the referral is rejected or merged: nothing more is decided on it. */
  decidable: z.boolean(),
  subjects: z.array(SubjectMatches),
});
export type ReferralMatches = z.infer<typeof ReferralMatches>;
