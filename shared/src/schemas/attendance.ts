import { z } from 'zod';
import { Id, OptionalText, RequiredText, Timestamp } from './common';
import { ATTENDANCE_KINDS, Attendance } from './meetings';

export const ATTENDANCE_KIND_LABELS: Record<(typeof ATTENDANCE_KINDS)[number], string> = {
  attendee: 'Attending',
  apology: 'Apologies',
  observer: 'Observing',
};

/**
 * Someone recorded for a meeting. A platform user is named by `userId` (their name and agency come
 * from their account); anyone else by name and agency.
 */
export const AttendanceInput = z.object({
  kind: z.enum(ATTENDANCE_KINDS, { error: 'Choose attending, apologies or observing' }),
  userId: Id.nullable().default(null),
  name: OptionalText(120),
  agencyId: Id.nullable().default(null),
  /** For apologies: the agency sent its information instead. */
  informationSent: z.boolean().default(false),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

/** An attendance row with whether its person has signed the confidentiality statement for this meeting. */
export const AttendanceEntry = Attendance.extend({
  agencyName: z.string().nullable(),
  signedAt: Timestamp.nullable(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;
export const AttendanceList = z.array(AttendanceEntry);

/** The statement every attendee, observers included, signs on their own account before seeing any case. */
export const CONFIDENTIALITY_STATEMENT_VERSION = '2026-1';
export const CONFIDENTIALITY_STATEMENT = [
  'The information shared at this MARAC is confidential. It is shared only to reduce the risk of serious harm or homicide to the people discussed, under the area’s information-sharing protocol and the law that supports it.',
  'I will not share it beyond my agency’s need to act on the actions agreed, nor record it anywhere other than my agency’s secure records.',
  'I will not contact, or pass anything to, anyone the referral names as unsafe to contact, and nothing discussed will reach the perpetrator.',
  'I understand that breaking this may put people at risk and may be a criminal offence.',
] as const;

export const ConfidentialityStatus = z.object({
  statementVersion: z.string(),
  statement: z.array(z.string()),
  signedAt: Timestamp.nullable(),
});
export type ConfidentialityStatus = z.infer<typeof ConfidentialityStatus>;

export const SignStatement = z.object({
  statementVersion: RequiredText(20),
  /** The signer ticks that they have read and accept it. */
  accepted: z.literal(true, { error: 'Confirm that you have read and accept the statement' }),
});
export type SignStatement = z.infer<typeof SignStatement>;
