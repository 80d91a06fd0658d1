import {
  MatchCandidate,
  ReferralMatches,
  RepeatWindowItem,
  RepeatWindowList,
  ScreeningQueue,
  ScreeningOutcome,
  ScreeningQueueItem,
  SubjectMatches,
  type BarEffect,
  type ReferralDetail,
  type ReferralSubjectRecord,
} from '@marac/shared';
import { buildReferralDetail, newId } from '../../factories';

// Screening data for web tests. Every object is parsed by the shared schema, like the rest of the
// factories, so a test can never feed the app a shape the API cannot send.

const AT = '2026-03-02T10:15:00.000Z';

export const AREA = { id: newId(), name: 'Northbridge City', code: 'NBC' };

export function buildSubject(overrides: Partial<ReferralSubjectRecord> = {}): ReferralSubjectRecord {
  return {
    id: newId(),
    role: 'victim',
    givenName: 'Jane',
    familyName: 'Doe',
    aliases: [],
    datesOfBirth: ['1990-04-12'],
    gender: 'female',
    address: { line1: '1 High Street', line2: null, town: 'Northbridge', postcode: 'NB1 2AB' },
    phone: null,
    relationshipToVictim: null,
    relationshipToPerpetrator: null,
    school: null,
    personId: null,
    ...overrides,
  };
}

/**
 * A referral awaiting screening in Northbridge City: the shared referral factory's (15 "yes" answers, one
 * perpetrator, no children) with screening's area, people, answers and history.
 */
export function buildScreeningReferral(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  const referrerUserId = overrides.referrerUserId ?? newId();
  return buildReferralDetail({
    reference: 'NBC-R-2026-00042',
    areaId: AREA.id,
    areaName: AREA.name,
    referringAgencyId: newId(),
    referringAgencyName: 'Northbridge Police',
    referrerUserId,
    referrerName: 'PC Pat Police',
    referrerContact: 'pat.police@police.example.org',
    enteredByUserId: referrerUserId,
    referralDate: '2026-03-01',
    assessments: [
      {
        tool: 'dash',
        version: '2009',
        completedOn: '2026-03-01',
        answers: Array.from({ length: 24 }, (_, index) => ({
          question: index + 1,
          answer: index < 15 ? 'yes' : index < 20 ? 'no' : 'not_known',
          comment: index === 0 ? 'Bruising to the arm' : null,
        })),
        score: 15,
      },
    ],
    victim: buildSubject(),
    perpetrators: [buildSubject({ role: 'perpetrator', givenName: 'John', familyName: 'Roe', relationshipToVictim: 'Ex-partner' })],
    narrative: { recentIncident: 'Assault at home.', history: null, supportInPlace: null, risksAndTriggers: null },
    submittedAt: AT,
    createdAt: AT,
    updatedAt: AT,
    history: [{ kind: 'submitted', label: 'Submitted', at: AT, byUserId: referrerUserId, byName: 'PC Pat Police', reason: null }],
    ...overrides,
  });
}

export function buildQueueItem(overrides: Partial<ScreeningQueueItem> = {}): ScreeningQueueItem {
  return ScreeningQueueItem.parse({
    id: newId(),
    reference: 'NBC-R-2026-00042',
    status: 'submitted',
    statusLabel: 'Awaiting screening',
    area: AREA,
    referringAgencyName: 'Northbridge Police',
    referralDate: '2026-03-01',
    ageDays: 4,
    urgent: false,
    dashScore: 15,
    criteriaMet: ['visible_high_risk'],
    victim: { displayName: 'Jane Doe', yearOfBirth: 1990 },
    perpetratorCount: 1,
    childrenCount: 0,
    flags: [],
    ...overrides,
  });
}

export function buildQueue(items: ScreeningQueueItem[], page: { total?: number; limit?: number; offset?: number } = {}): ScreeningQueue {
  return ScreeningQueue.parse({ items, total: page.total ?? items.length, limit: page.limit ?? 25, offset: page.offset ?? 0 });
}

export function buildCandidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return MatchCandidate.parse({
    personId: newId(),
    score: 87,
    reasons: ['Same date of birth', 'Surname sounds the same'],
    displayName: 'Jane Doe',
    otherNames: [],
    datesOfBirth: ['1990-04-12'],
    postcodeDistricts: ['NB1'],
    roles: [{ role: 'victim', areaName: AREA.name, caseCount: 1 }],
    visibleCases: [],
    hiddenCaseCount: 0,
    roleConflict: null,
    decision: null,
    ...overrides,
  });
}

export function buildSubjectMatches(overrides: Partial<SubjectMatches> = {}): SubjectMatches {
  return SubjectMatches.parse({
    subjectId: newId(),
    role: 'victim',
    displayName: 'Jane Doe',
    linkedPersonId: null,
    linkFixed: false,
    candidates: [],
    ...overrides,
  });
}

export function buildMatches(referralId: string, subjects: SubjectMatches[], decidable = true): ReferralMatches {
  return ReferralMatches.parse({ referralId, decidable, subjects });
}

export function buildRepeatWindowItem(overrides: Partial<RepeatWindowItem> = {}): RepeatWindowItem {
  return RepeatWindowItem.parse({
    caseId: newId(),
    caseReference: 'NBC-2025-0007',
    area: AREA,
    victimName: 'Jane Doe',
    status: 'lapsing_soon',
    anchor: 'last_referral',
    anchorDate: '2025-03-20',
    lapsesOn: '2026-03-20',
    daysUntilLapse: 15,
    ...overrides,
  });
}

export function buildRepeatWindowList(overrides: Partial<RepeatWindowList> = {}): RepeatWindowList {
  const lapsingSoon = overrides.lapsingSoon ?? [];
  const lapsedRecently = overrides.lapsedRecently ?? [];
  return RepeatWindowList.parse({ today: '2026-03-05', noticeDays: 30, lapsingSoon, lapsingSoonTotal: lapsingSoon.length, lapsedRecently, lapsedRecentlyTotal: lapsedRecently.length, ...overrides });
}

/** The decision's answer: the referral as screening left it, and what any bar it brought took away (none unless given). */
export const buildOutcome = (referral: ReferralDetail, barEffects: BarEffect[] = []): ScreeningOutcome => ScreeningOutcome.parse({ ...referral, barEffects });
