import { Minutes, MinutesCase, type MeetingSummary, type MinutesContent } from '@marac/shared';
import { newId } from '../../factories';

// Minutes data for web tests, parsed by the shared schemas so a test can never feed the app a shape the
// API cannot send. All people and agencies are invented.

export const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };
export const HOUSING = { id: newId(), name: 'Northbridge Homes', kind: 'housing' as const };
export const IDVA = { id: newId(), name: 'Northbridge IDVA Service', kind: 'idva' as const };

export function buildMinutesCase(overrides: Partial<MinutesCase> = {}): MinutesCase {
  return MinutesCase.parse({
    itemId: newId(),
    caseId: newId(),
    caseReference: 'NBC-2026-0001',
    position: 1,
    victimName: 'Jane Doe',
    flags: [],
    agencyIds: [],
    shared: [],
    riskAnalysis: null,
    actions: [],
    outcome: null,
    summary: null,
    ...overrides,
  });
}

/** The minutes of a meeting on Tuesday 17 March 2026, due Friday 20 March, as generated: a draft. */
export function buildMinutes(meeting: MeetingSummary, content: Partial<MinutesContent> = {}, overrides: Partial<Minutes> = {}): Minutes {
  return Minutes.parse({
    meetingId: meeting.id,
    status: 'draft',
    content: {
      areaName: meeting.areaName,
      date: meeting.date,
      startTime: meeting.startTime,
      location: meeting.location,
      minutesDueDate: meeting.minutesDueDate,
      attendance: [],
      reviews: [],
      cases: [],
      notes: null,
      ...content,
    },
    signedOffAt: null,
    signedOffByName: null,
    distributedAt: null,
    updatedAt: '2026-03-17T12:00:00.000Z',
    version: 0,
    ...overrides,
  });
}

/** Two cases as recorded at the meeting, with everything the minutes gather. */
export function recordedContent(): Partial<MinutesContent> {
  return {
    attendance: [
      { name: 'Chris Chair', agencyName: 'Northbridge Police', kind: 'attendee', informationSent: false, signedAt: '2026-03-17T09:25:00.000Z' },
      { name: 'Hal Housing', agencyName: HOUSING.name, kind: 'apology', informationSent: true, signedAt: null },
      { name: 'Olu Observer', agencyName: null, kind: 'observer', informationSent: false, signedAt: '2026-03-17T09:28:00.000Z' },
    ],
    reviews: [
      { caseReference: 'NBC-2025-0107', agencyId: HOUSING.id, agencyName: HOUSING.name, description: 'Fit extra locks', dueDate: '2026-03-01', status: 'not_possible', outcome: 'not_possible' },
      { caseReference: 'NBC-2025-0108', agencyId: POLICE.id, agencyName: POLICE.name, description: 'Clare’s Law disclosure', dueDate: '2026-03-05', status: 'open', outcome: null },
    ],
    cases: [
      buildMinutesCase({
        caseReference: 'NBC-2026-0001',
        position: 1,
        victimName: 'Jane Doe',
        flags: ['Repeat', 'Children in household'],
        agencyIds: [POLICE.id, HOUSING.id],
        shared: [
          {
            agencyName: HOUSING.name,
            knownToAgency: true,
            facts: 'Two reports of damage to the door in February.',
            opinion: 'The tenancy is at risk.',
            risksIdentified: null,
            protectiveFactors: 'Neighbour checks in daily',
          },
          { agencyName: POLICE.name, knownToAgency: false, facts: null, opinion: null, risksIdentified: null, protectiveFactors: null },
        ],
        riskAnalysis: { harms: 'Threats to kill', contributingFactors: 'Recent separation', protectiveFactors: null },
        actions: [
          { agencyName: HOUSING.name, ownerName: 'Hal Housing', description: 'Fit extra locks', linkedRisk: 'Forced entry', category: 'housing', dueDate: '2026-03-24' },
        ],
        outcome: 'Safety plan agreed',
      }),
      buildMinutesCase({ caseReference: 'NBC-2026-0002', position: 2, victimName: 'Amy Adams', agencyIds: [POLICE.id, IDVA.id] }),
    ],
  };
}
