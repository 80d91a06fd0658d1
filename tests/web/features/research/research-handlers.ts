import { ResearchInput, type ResearchRevision, type ResearchTask } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { apiErrorResponse, versionConflict } from '../../handlers';
import { signedStatement } from './research-factories';

/** A request the page sent, as the server received it. */
export interface SeenRequest {
  method: string;
  path: string;
  contentType: string | null;
  body: string;
  csrf: string | null;
}

const seen = async (request: Request): Promise<SeenRequest> => ({
  method: request.method,
  path: new URL(request.url).pathname,
  contentType: request.headers.get('content-type'),
  body: await request.text(),
  csrf: request.headers.get('x-csrf-token'),
});

/**
 * A small stand-in for the research API of one agency: its tasks, each case's saved versions, and a
 * save that keeps each version the way the server does (unless the test answers it itself).
 */
export function researchWorld(initial: ResearchTask[], history: Record<string, ResearchRevision[]> = {}) {
  const world = { tasks: initial, history, requests: [] as SeenRequest[], taskReads: 0 };
  const handlers = [
    http.get('/api/meetings/:id/research', () => {
      world.taskReads += 1;
      return HttpResponse.json(world.tasks);
    }),
    http.get('/api/meetings/:id/research/:caseId/history', ({ params }) => {
      if (!world.tasks.some((task) => task.caseId === params.caseId)) return apiErrorResponse(404, 'not_found', 'This research task does not exist');
      return HttpResponse.json(world.history[String(params.caseId)] ?? []);
    }),
    http.put('/api/meetings/:id/research/:caseId', async ({ request, params }) => {
      const sent = await seen(request);
      world.requests.push(sent);
      const task = world.tasks.find((candidate) => candidate.caseId === params.caseId);
      if (!task) return apiErrorResponse(404, 'not_found', 'This research task does not exist');
      const { submit, version, ...content } = ResearchInput.parse(JSON.parse(sent.body));
      if (version !== task.version) return versionConflict('your agency’s research for this case');
      const status = submit ? (content.knownToAgency === false ? 'not_known' : 'submitted') : 'draft';
      const saved: ResearchTask = { ...task, ...content, status, submittedAt: submit ? '2026-03-12T11:00:00.000Z' : task.submittedAt, version: task.version + 1 };
      world.tasks = world.tasks.map((candidate) => (candidate.caseId === task.caseId ? saved : candidate));
      return HttpResponse.json(saved);
    }),
  ];
  /** A colleague saves the task, as the server would: it takes the next version. */
  const saveElsewhere = (caseId: string, changes: Partial<ResearchTask>) => {
    world.tasks = world.tasks.map((task) => (task.caseId === caseId ? { ...task, ...changes, version: task.version + 1 } : task));
  };
  return { world, handlers, saveElsewhere };
}

/** Records every request to a path, for a test that answers it itself. */
export const recording = (requests: SeenRequest[], request: Request) => seen(request).then((sent) => (requests.push(sent), sent));

/**
 * The meeting page also shows attendance and the confidentiality statement (another feature): its reads
 * (who attends, the statement, recent meetings and the agency directory to pick attendees from) are
 * answered with nothing to show, so these tests are about research only.
 */
export const meetingNeighbours = () => [
  http.get('/api/meetings/:id/attendance', () => HttpResponse.json([])),
  http.get('/api/meetings/:id/confidentiality', () => HttpResponse.json(signedStatement())),
  http.get('/api/meetings', () => HttpResponse.json([])),
  http.get('/api/agencies', () => HttpResponse.json([])),
];

