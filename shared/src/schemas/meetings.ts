import { z } from 'zod';
import { MEETING_WEEKDAYS, SERIES_RECURRENCES } from '../rules/meeting-calendar';
import { Id, IsoDate, OptionalText, TimeOfDay, Timestamp } from './common';


/** A standing series of meetings in one area; deadlines are counted in England & Wales working days. */
export const MeetingSeries = z.object({
  id: Id,
  areaId: Id,
  name: z.string(),
  recurrence: z.enum(SERIES_RECURRENCES),
  weekday: z.enum(MEETING_WEEKDAYS),
  /** For monthly series: which occurrence of the weekday in the month (1–4, or 5 for "last"). */
  weekOfMonth: z.number().int().min(1).max(5).nullable(),
  firstDate: IsoDate,
  startTime: TimeOfDay,
  location: z.string().nullable(),
  onlineLink: z.string().nullable(),
  capacity: z.number().int().min(1).max(100),
  minutesPerCase: z.number().int().min(1).max(120),
  referralCutoffWorkingDays: z.number().int().min(0).max(30),
  circulationLeadWorkingDays: z.number().int().min(0).max(30),
  researchDeadlineWorkingDays: z.number().int().min(0).max(30),
  minutesDeadlineWorkingDays: z.number().int().min(0).max(30),
  active: z.boolean(),
});
export type MeetingSeries = z.infer<typeof MeetingSeries>;

export const MEETING_STATUSES = ['planned', 'agenda_published', 'in_progress', 'minuted', 'closed'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agenda_published: 'Agenda published',
  in_progress: 'In progress',
  minuted: 'Minuted',
  closed: 'Closed',
};

export const Meeting = z.object({
  id: Id,
  areaId: Id,
  seriesId: Id.nullable(),
  kind: z.enum(['scheduled', 'one_off', 'emergency']),
  date: IsoDate,
  startTime: TimeOfDay,
  location: z.string().nullable(),
  onlineLink: z.string().nullable(),
  capacity: z.number().int().min(1).max(100),
  minutesPerCase: z.number().int().min(1).max(120),
  status: MeetingStatus,
  referralCutoff: IsoDate,
  circulationDate: IsoDate,
  researchDeadline: IsoDate,
  minutesDueDate: IsoDate,
  agendaVersion: z.number().int().min(0),
  chairUserId: Id.nullable(),
  createdAt: Timestamp,
});
export type Meeting = z.infer<typeof Meeting>;

/** Agencies invited to a meeting: standing invitations (no case) or for one case. */
export const MeetingInvitation = z.object({
  id: Id,
  meetingId: Id,
  agencyId: Id,
  caseId: Id.nullable(),
});
export type MeetingInvitation = z.infer<typeof MeetingInvitation>;

export const AGENDA_ITEM_STATUSES = ['listed', 'heard', 'deferred', 'removed'] as const;

export const AgendaItem = z.object({
  id: Id,
  meetingId: Id,
  caseId: Id,
  referralId: Id,
  position: z.number().int().min(1),
  slotStart: TimeOfDay.nullable(),
  pinned: z.boolean(),
  manuallyPlaced: z.boolean(),
  status: z.enum(AGENDA_ITEM_STATUSES),
  removedReason: z.string().nullable(),
  transferredFromAreaId: Id.nullable(),
  outcome: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ATTENDANCE_KINDS = ['attendee', 'apology', 'observer'] as const;

export const Attendance = z.object({
  id: Id,
  meetingId: Id,
  userId: Id.nullable(),
  name: z.string(),
  agencyId: Id.nullable(),
  kind: z.enum(ATTENDANCE_KINDS),
  /** For apologies: whether the agency sent its information instead of attending. */
  informationSent: z.boolean(),
  recordedAt: Timestamp,
});
export type Attendance = z.infer<typeof Attendance>;

/** Signed by each attendee, observers included, on their own account, before any case content is shown. */
export const ConfidentialityAttestation = z.object({
  id: Id,
  meetingId: Id,
  userId: Id,
  statementVersion: z.string(),
  signedAt: Timestamp,
});
export type ConfidentialityAttestation = z.infer<typeof ConfidentialityAttestation>;

export const RESEARCH_STATUSES = ['not_started', 'draft', 'submitted', 'not_known'] as const;

/** What one agency shares about one case for one meeting; facts and professional opinion kept apart. */
export const Research = z.object({
  id: Id,
  meetingId: Id,
  caseId: Id,
  agencyId: Id,
  status: z.enum(RESEARCH_STATUSES),
  knownToAgency: z.boolean().nullable(),
  facts: z.string().nullable(),
  opinion: z.string().nullable(),
  risksIdentified: z.string().nullable(),
  protectiveFactors: z.string().nullable(),
  withheld: z.string().nullable(),
  withheldReason: z.string().nullable(),
  researchedBy: z.string().nullable(),
  dueDate: IsoDate,
  submittedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type Research = z.infer<typeof Research>;

export const RiskAnalysis = z.object({
  harms: OptionalText(5000),
  contributingFactors: OptionalText(5000),
  protectiveFactors: OptionalText(5000),
});
