import { BarEffect, CaseBar, CaseBars, LiftCaseBar, RecordCaseBar, RecordedCaseBar, type AgencyDirectoryEntry } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { newId } from '../../factories';
import { apiErrorResponse, requestRecorder, type SentRequest } from '../../handlers';

// A case's bars for web tests, and a small stand-in for the bars API that changes them the way the
// server does. Every object is parsed by the shared schemas; all people and agencies are invented.

const RECORDED_AT = '2026-11-02T09:15:00.000Z';
const NOW = '2026-11-23T10:00:00.000Z';

export function buildBar(overrides: Partial<CaseBar> = {}): CaseBar {
  return CaseBar.parse({
    id: newId(),
    caseId: newId(),
    agencyId: null,
    agencyName: null,
    email: null,
    name: 'Pat Person',
    reason: null,
    referralId: null,
    referralReference: null,
    recordedByName: null,
    recordedAt: RECORDED_AT,
    liftedAt: null,
    liftedByName: null,
    liftReason: null,
    ...overrides,
  });
}

export function buildCaseBars(caseId: string, overrides: Partial<CaseBars> = {}): CaseBars {
  return CaseBars.parse({ caseId, caseReference: 'NBC-2026-0012', active: [], lifted: [], canChange: true, ...overrides });
}

interface WorldOptions {
  /** The agencies a bar can name, by id. */
  agencies?: AgencyDirectoryEntry[];
  /** Who records and lifts, as the server names them. */
  coordinatorName?: string;
  /** What a new bar takes away at once, for the effect the answer carries. */
  effect?: Partial<Pick<BarEffect, 'withdrawnFrom' | 'openActions'>>;
}

/**
 * The case's bars as the server holds them: recording adds an active bar and answers what it took
 * away; lifting moves the bar to the lifted ones with who lifted it and why, and refuses a bar already
 * lifted with 409. Every request is recorded in `requests` and every read counted in `reads`.
 */
export function barsWorld(initial: CaseBars, options: WorldOptions = {}) {
  const world = { bars: initial, requests: [] as SentRequest[], reads: 0 };
  const who = options.coordinatorName ?? 'Sam Coordinator';

  const record = requestRecorder(world.requests);
  const noCase = () => apiErrorResponse(404, 'not_found', 'The case was not found');

  const handlers = [
    http.get('/api/cases/:caseId/bars', ({ params }) => {
      if (params.caseId !== world.bars.caseId) return noCase();
      world.reads += 1;
      return HttpResponse.json(world.bars);
    }),
    http.post('/api/cases/:caseId/bars', async ({ request, params }) => {
      const input = RecordCaseBar.parse((await record(request)).body);
      if (params.caseId !== world.bars.caseId) return noCase();
      const agencyName = input.agencyId ? (options.agencies?.find((agency) => agency.id === input.agencyId)?.name ?? null) : null;
      const bar = buildBar({ caseId: world.bars.caseId, ...input, agencyName, recordedByName: who, recordedAt: NOW });
      world.bars = { ...world.bars, active: [...world.bars.active, bar] };
      const effect = BarEffect.parse({
        caseId: world.bars.caseId,
        caseReference: world.bars.caseReference,
        agencyName,
        personName: null,
        withdrawnFrom: options.effect?.withdrawnFrom ?? [],
        openActions: options.effect?.openActions ?? 0,
        because: `${who} recorded ${agencyName ? 'it' : 'them'} as unsafe to contact`,
      });
      return HttpResponse.json(RecordedCaseBar.parse({ bars: world.bars, effect }), { status: 201 });
    }),
    http.post('/api/cases/:caseId/bars/:barId/lift', async ({ request, params }) => {
      const { reason } = LiftCaseBar.parse((await record(request)).body);
      if (world.bars.lifted.some((bar) => bar.id === params.barId)) return apiErrorResponse(409, 'conflict', 'This bar has already been lifted');
      const bar = world.bars.active.find((candidate) => candidate.id === params.barId);
      if (!bar) return apiErrorResponse(404, 'not_found', 'The bar was not found');
      const lifted = { ...bar, liftedAt: NOW, liftedByName: who, liftReason: reason };
      world.bars = { ...world.bars, active: world.bars.active.filter((candidate) => candidate !== bar), lifted: [...world.bars.lifted, lifted] };
      return HttpResponse.json(world.bars);
    }),
  ];

  /** Someone else lifts the bar on their screen. */
  const liftElsewhere = (barId: string) => {
    const bar = world.bars.active.find((candidate) => candidate.id === barId);
    if (!bar) throw new Error('unknown bar');
    world.bars = {
      ...world.bars,
      active: world.bars.active.filter((candidate) => candidate !== bar),
      lifted: [...world.bars.lifted, { ...bar, liftedAt: NOW, liftedByName: 'Alex Other', liftReason: 'Recorded against the wrong case' }],
    };
  };

  return { world: Object.assign(world, { liftElsewhere }), handlers };
}
