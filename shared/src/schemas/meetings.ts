import { z } from 'zod';
import { MEETING_WEEKDAYS, SERIES_DEFAULTS, SERIES_RECURRENCES } from '../rules/meeting-calendar';
import { Action, ActionStatus, REVIEW_OUTCOMES } from './actions';
import { FlagKind, RepeatWindowItem } from './cases';
import { PersonRole } from './people';
import { Id, IsoDate, OptionalText, RequiredText, TimeOfDay, Timestamp, Version, patchOf } from './common';


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

const WorkingDays = (what: string) =>
  z.number({ error: `Enter the ${what} as a number of working days` }).int(`Enter the ${what} as a whole number of working days`).min(0, 'Cannot be negative').max(30, 'Must be 30 working days or fewer');

/** Room for a meeting: at least one case, and the cases must fit in a working day. */
const Capacity = z.number({ error: 'Enter the most cases the meeting can hear' }).int('Enter a whole number of cases').min(1, 'A meeting must be able to hear at least 1 case').max(100, 'Must be 100 cases or fewer');
const MinutesPerCase = z.number({ error: 'Enter the minutes given to each case' }).int('Enter whole minutes').min(1, 'Give each case at least 1 minute').max(120, 'Must be 120 minutes or fewer');
const OnlineLink = z
  .string()
  .trim()
  .max(500, 'Must be 500 characters or fewer')
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Enter a secure link starting with https://')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

const seriesFields = {
  areaId: Id,
  name: RequiredText(120),
  recurrence: z.enum(SERIES_RECURRENCES, { error: 'Choose how often the meeting is held' }),
  weekday: z.enum(MEETING_WEEKDAYS, { error: 'Choose the day of the week' }),
  weekOfMonth: z.number().int().min(1).max(5).nullable().default(null),
  firstDate: IsoDate,
  startTime: TimeOfDay,
  location: OptionalText(200),
  onlineLink: OnlineLink,
  capacity: Capacity.default(SERIES_DEFAULTS.capacity),
  minutesPerCase: MinutesPerCase.default(SERIES_DEFAULTS.minutesPerCase),
  referralCutoffWorkingDays: WorkingDays('referral cut-off').default(SERIES_DEFAULTS.referralCutoffWorkingDays),
  circulationLeadWorkingDays: WorkingDays('circulation lead time').default(SERIES_DEFAULTS.circulationLeadWorkingDays),
  researchDeadlineWorkingDays: WorkingDays('research deadline').default(SERIES_DEFAULTS.researchDeadlineWorkingDays),
  minutesDeadlineWorkingDays: WorkingDays('minutes deadline').default(SERIES_DEFAULTS.minutesDeadlineWorkingDays),
};

export const CreateMeetingSeries = z.object(seriesFields);
export type CreateMeetingSeries = z.infer<typeof CreateMeetingSeries>;

export const MeetingSeriesList = z.array(MeetingSeries);

export const MeetingSeriesQuery = z.object({ areaId: Id.optional() });

/** How far ahead a series' meetings are put in the calendar, so agendas can be planned into them. */
export const SERIES_HORIZON_WEEKS = 26;

export const CreatedMeetingSeries = z.object({
  series: MeetingSeries,
  meetingsCreated: z.number().int().min(0),
  /** Meetings created on a bank holiday, for the coordinator to move. */
  onBankHolidays: z.array(z.object({ date: IsoDate, holiday: z.string() })),
});
export type CreatedMeetingSeries = z.infer<typeof CreatedMeetingSeries>;

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
  /** Of the meeting and its agenda together: a change to either names the version it started from. */
  version: Version,
});
export type Meeting = z.infer<typeof Meeting>;

/** A meeting in a list: what is needed to pick it, with a warning when it falls on a bank holiday. */
export const MeetingSummary = Meeting.extend({
  areaName: z.string(),
  bankHoliday: z.string().nullable(),
  listedCount: z.number().int().min(0),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingQuery = z.object({ areaId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional() });
export type MeetingQuery = z.infer<typeof MeetingQuery>;
export const MeetingList = z.array(MeetingSummary);

/**
 * A one-off or emergency meeting. Deadlines not given are counted from the date: the area's usual
 * working days for a one-off meeting; for an emergency meeting everything is due on the day itself.
 */
export const CreateMeeting = z.object({
  areaId: Id,
  kind: z.enum(['one_off', 'emergency'], { error: 'Choose a one-off or an emergency meeting' }),
  date: IsoDate,
  startTime: TimeOfDay,
  location: OptionalText(200),
  onlineLink: OnlineLink,
  capacity: Capacity.default(SERIES_DEFAULTS.capacity),
  minutesPerCase: MinutesPerCase.default(SERIES_DEFAULTS.minutesPerCase),
  referralCutoff: IsoDate.optional(),
  circulationDate: IsoDate.optional(),
  researchDeadline: IsoDate.optional(),
  minutesDueDate: IsoDate.optional(),
});
export type CreateMeeting = z.infer<typeof CreateMeeting>;

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
export type ResearchStatus = (typeof RESEARCH_STATUSES)[number];
export const RESEARCH_STATUS_LABELS: Record<ResearchStatus, string> = {
  not_started: 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  not_known: 'Not known',
};

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
  version: Version,
});
export type Research = z.infer<typeof Research>;

export const RiskAnalysis = z.object({
  harms: OptionalText(5000),
  contributingFactors: OptionalText(5000),
  protectiveFactors: OptionalText(5000),
});

/** A referral an agenda entry lists: accepted onto the case since its last hearing, or merged into one that was. */
export const AgendaReferral = z.object({
  id: Id,
  reference: z.string(),
  referralDate: IsoDate,
  urgent: z.boolean(),
  status: z.enum(['accepted', 'merged']),
});
export type AgendaReferral = z.infer<typeof AgendaReferral>;

/** An agency that will not be sent the case, or was withdrawn from it, and why, in plain words. */
export const AgendaBarredAgency = z.object({
  agencyId: Id,
  agencyName: z.string(),
  /** When its research for the case at this meeting was withdrawn; null when it was never sent the case. */
  withdrawnAt: Timestamp.nullable(),
  because: z.string(),
});
export type AgendaBarredAgency = z.infer<typeof AgendaBarredAgency>;

export const FlagTag = z.object({ kind: FlagKind, label: z.string() });
export type FlagTag = z.infer<typeof FlagTag>;

/** A case on an agenda as the coordinator and chair see it: one entry per case, its referrals under it. */
export const AgendaEntry = z.object({
  id: Id,
  position: z.number().int().min(1),
  slotStart: TimeOfDay.nullable(),
  pinned: z.boolean(),
  manuallyPlaced: z.boolean(),
  status: z.enum(AGENDA_ITEM_STATUSES),
  removedReason: z.string().nullable(),
  caseId: Id,
  caseReference: z.string(),
  /** Every referral on the case since its last hearing, oldest first. */
  referrals: z.array(AgendaReferral),
  /** The earliest referral date among them: how long the case has waited. */
  referralDate: IsoDate,
  urgent: z.boolean(),
  victimName: z.string(),
  /** As the meeting saw them once it started; before that, as they are now. */
  flags: z.array(FlagTag),
  /** Flags raised since the meeting started, by what was learned later: never part of what it was told. */
  flagsSince: z.array(FlagTag),
  /** The area a transferred-in case came from. */
  transferredFrom: z.string().nullable(),
  /** Other cases on this agenda sharing a perpetrator or household member with this one. */
  linkedItemIds: z.array(Id),
  /** Agencies invited to the meeting that are barred from this case. */
  barredAgencies: z.array(AgendaBarredAgency),
});
export type AgendaEntry = z.infer<typeof AgendaEntry>;

/** An action from an earlier meeting still open, brought back for review. */
export const AgendaReview = z.object({
  actionId: Id,
  caseId: Id,
  caseReference: z.string(),
  /** The agency owning the action: only it reads the review in its minutes. */
  agencyId: Id,
  agencyName: z.string(),
  description: z.string(),
  dueDate: IsoDate,
  status: ActionStatus,
  overdue: z.boolean(),
  /** What this meeting decided about it, once reviewed. */
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
});
export type AgendaReview = z.infer<typeof AgendaReview>;

export const Agenda = z.object({
  meeting: MeetingSummary,
  editable: z.boolean(),
  items: z.array(AgendaEntry),
  removed: z.array(AgendaEntry),
  reviews: z.array(AgendaReview),
  /** Cases whose 12-month window lapsed since the area's previous meeting. */
  lapsedWindows: z.array(RepeatWindowItem),
  /** Cases on this agenda that a bar keeps from the viewer: counted, never shown. */
  withheldCount: z.number().int().min(0),
});
export type Agenda = z.infer<typeof Agenda>;

export const OverflowCase = z.object({
  caseId: Id,
  caseReference: z.string(),
  movedToMeetingId: Id.nullable(),
  movedToDate: IsoDate.nullable(),
});

export const GeneratedAgenda = z.object({ agenda: Agenda, overflow: z.array(OverflowCase) });
export type GeneratedAgenda = z.infer<typeof GeneratedAgenda>;

const RemovalReason = z.string({ error: 'Give the reason the case is taken off the agenda' }).trim().min(1, 'Give the reason the case is taken off the agenda').max(1000, 'Must be 1000 characters or fewer');

/** One change a coordinator makes to an agenda by hand, from the version of the meeting they were shown. */
export const AgendaChange = z.discriminatedUnion('change', [
  z.object({ change: z.literal('position'), version: Version, itemId: Id, position: z.number().int().min(1, 'Positions start at 1') }),
  z.object({ change: z.literal('pin'), version: Version, itemId: Id, pinned: z.boolean() }),
  z.object({ change: z.literal('move'), version: Version, itemId: Id, toMeetingId: Id }),
  z.object({ change: z.literal('remove'), version: Version, itemId: Id, reason: RemovalReason }),
  z.object({ change: z.literal('restore'), version: Version, itemId: Id }),
]);
export type AgendaChange = z.infer<typeof AgendaChange>;

export const PublishedAgenda = z.object({
  agenda: Agenda,
  version: z.number().int().min(1),
  researchTasks: z.number().int().min(0),
  /** Invited agencies not sent a case because a bar on the case names them. */
  withheldCount: z.number().int().min(0),
  notices: z.number().int().min(0),
});
export type PublishedAgenda = z.infer<typeof PublishedAgenda>;

/** A person as a research packet names them: identifiers to search records by, nothing else. */
export const PacketPerson = z.object({
  role: PersonRole,
  name: z.string(),
  otherNames: z.array(z.string()),
  datesOfBirth: z.array(IsoDate),
  /** The address given most recently. */
  address: z.string().nullable(),
  /** Other addresses held for them: earlier ones, and those of records confirmed to be the same person. */
  otherAddresses: z.array(z.string()),
});
export type PacketPerson = z.infer<typeof PacketPerson>;

/**
 * What an invited agency receives for one case, as it was sent with a published version of the agenda:
 * everyone named on any of the case's referrals, with the other names, dates of birth and addresses of
 * records confirmed to be the same person, so the agency can search its systems; the case's flags and
 * who referred it. Never the narrative, the DASH answers, contact details or the unsafe contacts.
 */
export const ResearchPacket = z.object({
  meetingId: Id,
  meetingDate: IsoDate,
  areaName: z.string(),
  caseId: Id,
  caseReference: z.string(),
  position: z.number().int(),
  slotStart: TimeOfDay.nullable(),
  /** The agencies that referred the case, in the order of their referrals. */
  referringAgencyName: z.string(),
  researchDeadline: IsoDate,
  flags: z.array(FlagTag),
  people: z.array(PacketPerson),
  /** The agenda version this packet was sent with, and when. */
  version: z.number().int().min(1),
  publishedAt: Timestamp,
  /** What changed since the version before, in words; empty for the first. */
  changes: z.array(z.string()),
});
export type ResearchPacket = z.infer<typeof ResearchPacket>;

export const PacketList = z.array(ResearchPacket.pick({ caseId: true, caseReference: true, position: true, slotStart: true }));

/**
 * Changes to one meeting: moving it (off a bank holiday, say), its time, place or capacity. When the
 * date moves and no deadline is given, the deadlines are counted again from the new date.
 */
export const UpdateMeeting = patchOf({
  date: IsoDate,
  startTime: TimeOfDay,
  location: OptionalText(200),
  onlineLink: OnlineLink,
  capacity: Capacity,
  minutesPerCase: MinutesPerCase,
  referralCutoff: IsoDate,
  circulationDate: IsoDate,
  researchDeadline: IsoDate,
  minutesDueDate: IsoDate,
}).extend({ version: Version });
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;

/** An agency invited to a meeting: to every case (standing) or to one case. */
export const MeetingInvitationView = z.object({
  id: Id,
  agencyId: Id,
  agencyName: z.string(),
  caseId: Id.nullable(),
  caseReference: z.string().nullable(),
});
export type MeetingInvitationView = z.infer<typeof MeetingInvitationView>;
export const MeetingInvitationList = z.array(MeetingInvitationView);

export const InviteAgency = z.object({ version: Version, agencyId: Id, caseId: Id });
export type InviteAgency = z.infer<typeof InviteAgency>;

/** The steps a meeting takes after its agenda is published, in order. */
export const MEETING_STATUS_CHANGES = ['in_progress', 'minuted', 'closed'] as const;
export const MeetingStatusChange = z.object({ version: Version, status: z.enum(MEETING_STATUS_CHANGES, { error: 'Choose the next step for the meeting' }) });
export type MeetingStatusChange = z.infer<typeof MeetingStatusChange>;

/**
 * What the chair or coordinator records for a case at the meeting. `revision` is the one they started
 * from: a save over someone else's newer save is refused rather than silently overwriting it.
 */
export const CaseRecordInput = z.object({
  revision: z.number().int().min(0),
  riskAnalysis: RiskAnalysis,
  outcome: OptionalText(5000),
});
export type CaseRecordInput = z.infer<typeof CaseRecordInput>;

export const CaseRecord = z.object({
  itemId: Id,
  revision: z.number().int().min(0),
  riskAnalysis: RiskAnalysis.nullable(),
  outcome: z.string().nullable(),
  actions: z.array(Action),
});
export type CaseRecord = z.infer<typeof CaseRecord>;
