import {
  ActionDetail,
  ActionHistoryEntry,
  ActionList,
  ActionReview,
  ActionReviewRow,
  ActionSummary,
  CaseActions,
  type ActionCounts,
  type ActionFilter,
} from '@marac/shared';
import { newId } from '../../factories';

// Actions data for web tests, parsed by the shared schemas like every other factory, so a test can never
// feed the app a shape the API cannot send. Cases are named by reference only, as the API names them.

export const AREA = { id: newId(), name: 'Northbridge City', code: 'NBC' };
export const COUNTY = { id: newId(), name: 'Wealdshire County', code: 'WLD' };
export const HOUSING = { id: newId(), name: 'Northbridge Homes', kind: 'housing' as const };
export const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };
export const CASE_ID = newId();
export const MEETING_ID = newId();

/** The test's today: Monday 23 November 2026. */
export const TODAY = '2026-11-23';

export function buildActionSummary(overrides: Partial<ActionSummary> = {}): ActionSummary {
  return ActionSummary.parse({
    id: newId(),
    caseId: CASE_ID,
    meetingId: MEETING_ID,
    agencyId: HOUSING.id,
    ownerName: null,
    description: 'Sanctuary scheme assessment and target hardening at the victim’s home',
    linkedRisk: 'Perpetrator forcing entry',
    category: 'housing',
    dueDate: '2026-11-27',
    status: 'open',
    createdBy: newId(),
    createdAt: '2026-11-10T15:00:00.000Z',
    updatedAt: '2026-11-10T15:00:00.000Z',
    version: 0,
    caseReference: 'NBC-2026-0012',
    areaId: AREA.id,
    areaName: AREA.name,
    agencyName: HOUSING.name,
    meetingDate: '2026-11-10',
    overdue: false,
    dueSoon: true,
    escalation: null,
    closedOn: null,
    ...overrides,
  });
}

export function buildHistoryEntry(overrides: Partial<ActionHistoryEntry> = {}): ActionHistoryEntry {
  return ActionHistoryEntry.parse({
    id: newId(),
    actionId: newId(),
    status: 'in_progress',
    note: 'Survey booked with the locksmith.',
    occurredOn: '2026-11-16',
    updatedBy: newId(),
    updatedAt: '2026-11-16T11:30:00.000Z',
    fromAgencyId: null,
    toAgencyId: null,
    dueDate: null,
    updatedByName: 'Marcus Campbell',
    fromAgencyName: null,
    toAgencyName: null,
    ...overrides,
  });
}

export function buildActionDetail(overrides: Partial<ActionDetail> = {}): ActionDetail {
  const summary = buildActionSummary(overrides);
  return ActionDetail.parse({
    history: [],
    reminders: [],
    allowedStatuses: ['open', 'in_progress', 'completed', 'not_possible', 'escalated'],
    canReassign: false,
    ...summary,
    ...overrides,
  });
}

export const counts = (values: Partial<ActionCounts> = {}): ActionCounts => ({ open: 0, due_soon: 0, overdue: 0, completed: 0, closed: 0, ...values });

export function buildActionList(items: ActionSummary[], rest: { counts?: Partial<ActionCounts>; total?: number; limit?: number; offset?: number } = {}): ActionList {
  return ActionList.parse({
    items,
    total: rest.total ?? items.length,
    limit: rest.limit ?? 25,
    offset: rest.offset ?? 0,
    today: TODAY,
    counts: counts(rest.counts ?? { open: items.length }),
  });
}

export function buildCaseActions(overrides: Partial<CaseActions> = {}): CaseActions {
  return CaseActions.parse({
    case: {
      id: CASE_ID,
      reference: 'NBC-2026-0012',
      areaId: AREA.id,
      areaName: AREA.name,
      status: 'open',
      closedAt: null,
      lastReferralDate: '2026-10-28',
      lastHearingDate: '2026-11-10',
    },
    meetings: [{ id: MEETING_ID, date: '2026-11-10', status: 'heard' }],
    actions: [],
    hiddenActionCount: 0,
    reviews: [],
    canReview: false,
    canClose: false,
    ...overrides,
  });
}

/** A row of review figures; every figure links with the filter given (null: the viewer may not see them). */
export function buildReviewRow(
  agency: { id: string; name: string } | null,
  values: { total: number; open: number; overdue: number; completed: number; notPossible: number; notCompleted: number; median: number | null },
  range: ActionFilter = { areaId: AREA.id },
  linked = true,
): ActionReviewRow {
  const base: ActionFilter = { ...range, ...(agency ? { agencyId: agency.id } : {}) };
  const figure = (value: number, narrowing: ActionFilter) => ({ value, filter: linked ? { ...base, ...narrowing } : null });
  const due = values.completed + values.notPossible + values.notCompleted + values.overdue;
  return ActionReviewRow.parse({
    agencyId: agency?.id ?? null,
    agencyName: agency?.name ?? 'All agencies',
    total: figure(values.total, {}),
    open: figure(values.open, { state: 'open' }),
    overdue: figure(values.overdue, { state: 'overdue' }),
    completed: figure(values.completed, { state: 'completed' }),
    notPossible: figure(values.notPossible, { status: 'not_possible' }),
    notCompleted: figure(values.notCompleted, { status: 'not_completed' }),
    due,
    completionRate: due === 0 ? null : values.completed / due,
    medianDaysToComplete: values.median,
  });
}

export function buildActionReview(agencies: ActionReviewRow[], totals: ActionReviewRow, overrides: Partial<ActionReview> = {}): ActionReview {
  return ActionReview.parse({ area: { id: AREA.id, name: AREA.name }, today: TODAY, dueFrom: null, dueTo: null, totals, agencies, ...overrides });
}
