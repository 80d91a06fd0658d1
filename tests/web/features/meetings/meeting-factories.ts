import {
  Agenda,
  AgendaEntry,
  AgendaReferral,
  AgendaReview,
  FLAG_LABELS,
  MeetingInvitationView,
  MeetingSeries,
  MeetingSummary,
  PacketList,
  SERIES_DEFAULTS,
  RepeatWindowItem,
  ResearchPacket,
  type FlagKind,
} from '@marac/shared';
import { newId } from '../../factories';

// Meetings data for web tests, parsed by the shared schemas like every other factory, so a test can
// never feed the app a shape the API cannot send. All people are invented.

export const AREA = { id: newId(), name: 'Northbridge City', code: 'NBC' };
export const COUNTY = { id: newId(), name: 'Wealdshire County', code: 'WLD' };

export function buildMeeting(overrides: Partial<MeetingSummary> = {}): MeetingSummary {
  return MeetingSummary.parse({
    id: newId(),
    areaId: AREA.id,
    seriesId: newId(),
    kind: 'scheduled',
    date: '2026-03-17',
    startTime: '09:30',
    location: 'Room 2, Civic Centre',
    onlineLink: null,
    capacity: 20,
    minutesPerCase: 12,
    status: 'planned',
    referralCutoff: '2026-03-05',
    circulationDate: '2026-03-10',
    researchDeadline: '2026-03-13',
    minutesDueDate: '2026-03-20',
    agendaVersion: 0,
    chairUserId: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    version: 0,
    areaName: AREA.name,
    bankHoliday: null,
    listedCount: 0,
    ...overrides,
  });
}

/** A weekly Tuesday series with the usual working days, unless told otherwise. */
export function buildSeries(overrides: Partial<MeetingSeries> = {}): MeetingSeries {
  return MeetingSeries.parse({
    id: newId(),
    areaId: AREA.id,
    name: 'Northbridge MARAC',
    recurrence: 'weekly',
    weekday: 'tuesday',
    weekOfMonth: null,
    firstDate: '2026-01-06',
    startTime: '09:30',
    location: 'Room 2, Civic Centre',
    onlineLink: null,
    capacity: SERIES_DEFAULTS.capacity,
    minutesPerCase: SERIES_DEFAULTS.minutesPerCase,
    referralCutoffWorkingDays: SERIES_DEFAULTS.referralCutoffWorkingDays,
    circulationLeadWorkingDays: SERIES_DEFAULTS.circulationLeadWorkingDays,
    researchDeadlineWorkingDays: SERIES_DEFAULTS.researchDeadlineWorkingDays,
    minutesDeadlineWorkingDays: SERIES_DEFAULTS.minutesDeadlineWorkingDays,
    active: true,
    ...overrides,
  });
}

/** An agency invited to every case (no case), or for the case given. */
export function buildInvitation(overrides: Partial<MeetingInvitationView> = {}): MeetingInvitationView {
  return MeetingInvitationView.parse({ id: newId(), agencyId: newId(), agencyName: 'Northbridge Police', caseId: null, caseReference: null, ...overrides });
}

export const flag = (kind: FlagKind) => ({ kind, label: FLAG_LABELS[kind] });

export function buildEntry(overrides: Partial<AgendaEntry> = {}): AgendaEntry {
  return AgendaEntry.parse({
    id: newId(),
    position: 1,
    slotStart: '09:30',
    pinned: false,
    manuallyPlaced: false,
    status: 'listed',
    removedReason: null,
    caseId: newId(),
    caseReference: 'NBC-2026-0001',
    referrals: [buildAgendaReferral()],
    referralDate: '2026-02-20',
    urgent: false,
    victimName: 'Jane Doe',
    flags: [],
    flagsSince: [],
    transferredFrom: null,
    linkedItemIds: [],
    barredAgencies: [],
    ...overrides,
  });
}

/** A referral accepted onto the case since its last hearing, as the agenda lists it under the case. */
export function buildAgendaReferral(overrides: Partial<AgendaReferral> = {}): AgendaReferral {
  return AgendaReferral.parse({ id: newId(), reference: 'NBC-R-2026-00001', referralDate: '2026-02-20', urgent: false, status: 'accepted', ...overrides });
}

export function buildAgenda(meeting: MeetingSummary, overrides: Partial<Agenda> = {}): Agenda {
  const items = overrides.items ?? [];
  return Agenda.parse({
    meeting: { ...meeting, listedCount: items.length },
    editable: meeting.status === 'planned' || meeting.status === 'agenda_published',
    items,
    removed: [],
    reviews: [],
    lapsedWindows: [],
    withheldCount: 0,
    ...overrides,
  });
}

export function buildReview(overrides: Partial<AgendaReview> = {}): AgendaReview {
  return AgendaReview.parse({
    actionId: newId(),
    caseId: newId(),
    caseReference: 'NBC-2025-0107',
    agencyId: newId(),
    agencyName: 'Northbridge Homes',
    description: 'Fit extra locks at the victim’s home',
    dueDate: '2026-03-01',
    status: 'in_progress',
    overdue: true,
    outcome: null,
    ...overrides,
  });
}

export function buildLapsedWindow(overrides: Partial<RepeatWindowItem> = {}): RepeatWindowItem {
  return RepeatWindowItem.parse({
    caseId: newId(),
    caseReference: 'NBC-2025-0033',
    area: AREA,
    victimName: 'Mary Major',
    status: 'lapsed_recently',
    anchor: 'last_referral',
    anchorDate: '2025-03-10',
    lapsesOn: '2026-03-10',
    daysUntilLapse: -2,
    ...overrides,
  });
}

export function buildPacket(overrides: Partial<ResearchPacket> = {}): ResearchPacket {
  return ResearchPacket.parse({
    meetingId: newId(),
    meetingDate: '2026-03-17',
    areaName: AREA.name,
    caseId: newId(),
    caseReference: 'NBC-2026-0001',
    position: 1,
    slotStart: '09:30',
    referringAgencyName: 'Northbridge Police',
    researchDeadline: '2026-03-13',
    flags: [],
    people: [],
    version: 1,
    publishedAt: '2026-03-10T09:00:00.000Z',
    changes: [],
    ...overrides,
  });
}

export const buildPacketList = (packets: ResearchPacket[]) =>
  PacketList.parse(packets.map(({ caseId, caseReference, position, slotStart }) => ({ caseId, caseReference, position, slotStart })));
