import {
  Action,
  CaseRecord,
  CaseRecordInput,
  CreateAction,
  MeetingCaseView,
  PacketList,
  ReviewActionInput,
  SignStatement,
  type AgencyDirectoryEntry,
  type Agenda,
  type ConfidentialityStatus,
  type Me,
  type MeetingSummary,
} from '@marac/shared';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { newId } from '../../factories';
import { agencyDirectory, apiErrorResponse, requestRecorder, signedInAs, type SentRequest } from '../../handlers';
import { server } from '../../msw-server';
import { renderApp } from '../../render-app';
import { buildConfidentiality } from '../attendance/attendance-world';
import { buildAgenda, buildEntry } from '../meetings/meeting-factories';
import { FakeEventSource } from './fake-event-source';

// A case at the meeting, and a small stand-in for the meeting-mode API, answering from the test's own
// state the way the server does. Every object is parsed by the shared schemas, so a test can never feed
// the page a shape the API cannot send. All people and agencies are invented.

const CREATED_AT = '2026-03-17T09:00:00.000Z';

type Shared = MeetingCaseView['shared'][number];
type RecordedAction = MeetingCaseView['record']['actions'][number];
type Referral = MeetingCaseView['referrals'][number];

/**
 * Each test of the file follows the meeting through a `FakeEventSource`, with the clock set to `now`
 * (the meetings here are in March, when London is on GMT).
 */
export function followsTheMeetingAt(now: Date) {
  beforeEach(() => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    FakeEventSource.reset();
  });
}

/** The police's referral that put the case on the agenda. */
export function buildReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    reference: 'NBC-R-2026-00001',
    referringAgencyName: 'Northbridge Police',
    referralDate: '2026-02-20',
    dashScore: 16,
    criteriaMet: ['Visible high risk'],
    recentIncident: 'Threatened with a knife at home on 18 February.',
    ...overrides,
  };
}

/** What one agency shared: submitted research with facts and opinion, unless told otherwise. */
export function buildShared(overrides: Partial<Shared> = {}): Shared {
  return {
    agencyName: 'Northbridge Police',
    status: 'submitted',
    knownToAgency: true,
    facts: null,
    opinion: null,
    risksIdentified: null,
    protectiveFactors: null,
    ...overrides,
  };
}

export function buildRecordedAction(overrides: Partial<RecordedAction> = {}): RecordedAction {
  return {
    id: newId(),
    agencyName: 'Northbridge Homes',
    ownerName: null,
    description: 'Fit extra locks at the victim’s home',
    linkedRisk: null,
    category: 'housing',
    dueDate: '2026-03-24',
    ...overrides,
  };
}

/** Case 1 of the agenda, first heard, with nothing recorded yet. */
export function buildCaseView(overrides: Partial<MeetingCaseView> = {}): MeetingCaseView {
  return MeetingCaseView.parse({
    itemId: newId(),
    caseId: newId(),
    caseReference: 'NBC-2026-0001',
    position: 1,
    slotStart: '09:30',
    victimName: 'Jane Doe',
    referrals: [buildReferral()],
    flags: [],
    earlierHearings: [],
    earlierActions: [],
    shared: [],
    // What the server sends anyone but the chair and coordinator; a test about them gives the list.
    heldBack: null,
    record: { revision: 0, riskAnalysis: null, outcome: null, actions: [] },
    ...overrides,
  });
}

/** The agenda item a case view stands for, as the agenda lists it. */
export const entryFor = (view: MeetingCaseView) => ({
  id: view.itemId,
  caseId: view.caseId,
  caseReference: view.caseReference,
  position: view.position,
  slotStart: view.slotStart,
  victimName: view.victimName,
});

interface WorldOptions {
  /** The cases the meeting hears, as GET cases/:itemId answers them. */
  cases?: MeetingCaseView[];
  /** The agenda the chair and coordinator read; built from `cases` unless given. */
  agenda?: Agenda;
  /** The cases a representative's agency is invited for; every case unless given. */
  packets?: ReturnType<typeof PacketList.parse>;
  confidentiality?: ConfidentialityStatus;
  /** The agency directory, for the owner of an action. */
  agencies?: AgencyDirectoryEntry[];
}

/**
 * The meeting under way, as the server holds it: the meeting, its agenda and packets, the statement,
 * and each case's record, changed by the page's saves the way the real API changes it (a save naming
 * an old revision is refused with 409; an action is added to the case's list). Every change is recorded
 * in `requests`, and every read of a case counted in `caseReads`.
 */
export function meetingModeWorld(meeting: MeetingSummary, options: WorldOptions = {}) {
  const cases = options.cases ?? [];
  const agencies = options.agencies ?? [];
  const world = {
    meeting,
    agenda:
      options.agenda ??
      buildAgenda(meeting, { items: cases.map((view) => buildEntry(entryFor(view))) }),
    packets: options.packets ?? PacketList.parse(cases.map(({ caseId, caseReference, position, slotStart }) => ({ caseId, caseReference, position, slotStart }))),
    confidentiality: options.confidentiality ?? buildConfidentiality({ signedAt: '2026-03-17T09:05:00.000Z' }),
    cases: new Map(cases.map((view) => [view.itemId, view])),
    requests: [] as SentRequest[],
    caseReads: [] as string[],
    packetReads: 0,
  };

  const record = requestRecorder(world.requests);
  const noCase = () => apiErrorResponse(404, 'not_found', 'That case on this agenda does not exist or you do not have access to it');

  /** The record as PUT and POST answer it, with each action in full. */
  const caseRecordOf = (view: MeetingCaseView): CaseRecord =>
    CaseRecord.parse({
      itemId: view.itemId,
      revision: view.record.revision,
      riskAnalysis: view.record.riskAnalysis,
      outcome: view.record.outcome,
      actions: view.record.actions.map((action) => actionOf(view, action)),
    });
  const actionOf = (view: MeetingCaseView, action: RecordedAction): Action =>
    Action.parse({
      id: action.id,
      caseId: view.caseId,
      meetingId: world.meeting.id,
      agencyId: agencies.find((agency) => agency.name === action.agencyName)?.id ?? newId(),
      ownerName: action.ownerName,
      description: action.description,
      linkedRisk: action.linkedRisk,
      category: action.category,
      dueDate: action.dueDate,
      status: 'open',
      createdBy: newId(),
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      version: 0,
    });

  /** Someone saves the case (this page or another screen): the next revision. */
  function save(itemId: string, changes: Partial<Pick<MeetingCaseView['record'], 'riskAnalysis' | 'outcome'>>): MeetingCaseView {
    const view = world.cases.get(itemId);
    if (!view) throw new Error('unknown case');
    const saved = { ...view, record: { ...view.record, ...changes, revision: view.record.revision + 1 } };
    world.cases.set(itemId, saved);
    return saved;
  }

  /** An action is agreed for the case (on this page or another screen). */
  function addAction(itemId: string, action: RecordedAction): MeetingCaseView {
    const view = world.cases.get(itemId);
    if (!view) throw new Error('unknown case');
    const updated = { ...view, record: { ...view.record, actions: [...view.record.actions, action] } };
    world.cases.set(itemId, updated);
    return updated;
  }

  const handlers = [
    agencyDirectory(agencies),
    http.get('/api/meetings/:id', ({ params }) =>
      params.id === world.meeting.id ? HttpResponse.json(world.meeting) : apiErrorResponse(404, 'not_found', 'The meeting was not found'),
    ),
    http.get('/api/meetings/:id/agenda', () => HttpResponse.json({ ...world.agenda, meeting: { ...world.meeting, listedCount: world.agenda.items.length } })),
    http.get('/api/meetings/:id/packets', () => {
      world.packetReads += 1;
      return HttpResponse.json(world.packets);
    }),
    http.get('/api/meetings/:id/confidentiality', () => HttpResponse.json(world.confidentiality)),
    http.post('/api/meetings/:id/confidentiality', async ({ request }) => {
      const signature = SignStatement.parse((await record(request)).body);
      world.confidentiality = { ...world.confidentiality, statementVersion: signature.statementVersion, signedAt: '2026-03-17T09:12:00.000Z' };
      return HttpResponse.json(world.confidentiality);
    }),
    http.get('/api/meetings/:id/cases/:itemId', ({ params }) => {
      const view = world.cases.get(String(params.itemId));
      if (!view) return noCase();
      world.caseReads.push(view.itemId);
      return HttpResponse.json(view);
    }),
    http.put('/api/meetings/:id/cases/:itemId/record', async ({ request, params }) => {
      const input = CaseRecordInput.parse((await record(request)).body);
      const view = world.cases.get(String(params.itemId));
      if (!view) return noCase();
      if (input.revision !== view.record.revision) {
        return apiErrorResponse(409, 'conflict', 'Someone else has saved this case since you opened it', [{ field: 'revision', message: 'Saved by someone else meanwhile' }]);
      }
      const saved = save(view.itemId, { riskAnalysis: input.riskAnalysis, outcome: input.outcome });
      return HttpResponse.json(caseRecordOf(saved));
    }),
    http.post('/api/meetings/:id/cases/:itemId/actions', async ({ request, params }) => {
      const input = CreateAction.parse((await record(request)).body);
      const view = world.cases.get(String(params.itemId));
      if (!view) return noCase();
      const agency = agencies.find((candidate) => candidate.id === input.agencyId);
      if (!agency) return apiErrorResponse(400, 'validation_failed', 'Check the action', [{ field: 'agencyId', message: 'Choose an agency serving this area' }]);
      const updated = addAction(view.itemId, buildRecordedAction({
          agencyName: agency.name,
          ownerName: input.ownerName,
          description: input.description,
          linkedRisk: input.linkedRisk,
          category: input.category,
          dueDate: input.dueDate,
        }));
      return HttpResponse.json(caseRecordOf(updated), { status: 201 });
    }),
    http.post('/api/meetings/:id/cases/:itemId/open', async ({ request, params }) => {
      await record(request);
      return world.cases.has(String(params.itemId)) ? new HttpResponse(null, { status: 204 }) : noCase();
    }),
    http.post('/api/meetings/:id/reviews/:actionId', async ({ request, params }) => {
      const review = ReviewActionInput.parse((await record(request)).body);
      if (!world.agenda.reviews.some((candidate) => candidate.actionId === params.actionId)) {
        return apiErrorResponse(404, 'not_found', 'That action is not due for review at this meeting');
      }
      world.agenda = {
        ...world.agenda,
        reviews: world.agenda.reviews.map((candidate) => (candidate.actionId === params.actionId ? { ...candidate, outcome: review.outcome } : candidate)),
      };
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return { world: Object.assign(world, { save, addAction, caseRecordOf, actionOf }), handlers };
}

export type MeetingModeWorld = ReturnType<typeof meetingModeWorld>['world'];

/** Opens meeting mode for the signed-in user, with the world answering the page's requests. */
export function opensMeetingMode(me: Me, world: MeetingModeWorld, handlers: Parameters<typeof server.use>) {
  server.use(signedInAs(me), ...handlers);
  return renderApp(`/meetings/${world.meeting.id}/live`);
}

/** Opens meeting mode, waits for the page to open its stream, and opens it as the server does. */
export async function opensLive(me: Me, world: MeetingModeWorld, handlers: Parameters<typeof server.use>) {
  const rendered = opensMeetingMode(me, world, handlers);
  await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
  const source = FakeEventSource.latest();
  source.open();
  return { ...rendered, source };
}

/** Opens meeting mode live with `view` opened by the chair at 09:55, once the case is on the screen. */
export async function opensAtCase(me: Me, world: MeetingModeWorld, handlers: Parameters<typeof server.use>, view: MeetingCaseView) {
  const live = await opensLive(me, world, handlers);
  openCaseOn(live.source, view, '2026-03-17T09:55:00.000Z');
  await screen.findByRole('heading', { level: 2, name: `${view.caseReference}: ${view.victimName}` });
  return live;
}

/** What the server sends when the chair opens a case: the event every screen following the meeting receives. */
export const caseOpened = (view: MeetingCaseView, at: string) => ({ caseId: view.caseId, at, itemId: view.itemId, position: view.position });

/** The chair opens the case, and the stream tells the page. */
export const openCaseOn = (source: FakeEventSource, view: MeetingCaseView, at: string) => source.emit('case_opened', caseOpened(view, at));
