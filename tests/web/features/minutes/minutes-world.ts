import { EditMinutes, VersionOnly, type MeetingSummary, type Minutes } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { apiErrorResponse, versionConflict } from '../../handlers';

/** A request the page sent, as the server received it. */
export interface SeenRequest {
  method: string;
  path: string;
  body: string;
  csrf: string | null;
}

interface WorldOptions {
  /** What generating builds from the record; the notes and summaries already saved are kept. */
  generated?: Minutes;
  /** Who signs off, as the server names them. */
  chairName?: string;
}

/**
 * A small stand-in for the minutes API of one meeting, moving the minutes on the way the server does:
 * generate (keeping notes and summaries), edit while a draft, sign off (the meeting becomes minuted),
 * distribute, each from the version the page was shown (0 before the first generation). Every command
 * is recorded for the test to check; a handler the test adds wins.
 */
export function minutesWorld(meeting: MeetingSummary, initial: Minutes | null, options: WorldOptions = {}) {
  const world = { meeting, minutes: initial, requests: [] as SeenRequest[], minutesReads: 0 };
  const at = '2026-03-18T10:30:00.000Z';

  const record = async (request: Request) => {
    const body = await request.text();
    world.requests.push({ method: request.method, path: new URL(request.url).pathname, body, csrf: request.headers.get('x-csrf-token') });
    return body;
  };
  const missing = () => apiErrorResponse(404, 'not_found', 'The minutes were not found');
  const stale = (version: number) => version !== (world.minutes?.version ?? 0);
  const next = () => (world.minutes ? world.minutes.version + 1 : 0);

  const handlers = [
    http.get('/api/meetings/:id', ({ params }) =>
      params.id === world.meeting.id ? HttpResponse.json(world.meeting) : apiErrorResponse(404, 'not_found', 'The meeting was not found'),
    ),
    http.get('/api/meetings/:id/minutes', () => {
      world.minutesReads += 1;
      return world.minutes ? HttpResponse.json(world.minutes) : missing();
    }),
    http.post('/api/meetings/:id/minutes/generate', async ({ request }) => {
      if (stale(VersionOnly.parse(JSON.parse(await record(request))).version)) return versionConflict('these minutes');
      const built = options.generated;
      if (!built) throw new Error('the test gave nothing to generate');
      const before = world.minutes?.content;
      world.minutes = {
        ...built,
        content: {
          ...built.content,
          notes: before?.notes ?? null,
          cases: built.content.cases.map((item) => ({ ...item, summary: before?.cases.find((c) => c.itemId === item.itemId)?.summary ?? null })),
        },
        updatedAt: at,
        version: next(),
      };
      return HttpResponse.json(world.minutes);
    }),
    http.put('/api/meetings/:id/minutes', async ({ request }) => {
      const edits = EditMinutes.parse(JSON.parse(await record(request)));
      if (!world.minutes) return missing();
      if (stale(edits.version)) return versionConflict('these minutes');
      const summaries = new Map(edits.cases.map((item) => [item.itemId, item.summary]));
      world.minutes = {
        ...world.minutes,
        content: {
          ...world.minutes.content,
          notes: edits.notes,
          cases: world.minutes.content.cases.map((item) => (summaries.has(item.itemId) ? { ...item, summary: summaries.get(item.itemId) ?? null } : item)),
        },
        updatedAt: at,
        version: next(),
      };
      return HttpResponse.json(world.minutes);
    }),
    http.post('/api/meetings/:id/minutes/sign-off', async ({ request }) => {
      const { version } = VersionOnly.parse(JSON.parse(await record(request)));
      if (!world.minutes) return missing();
      if (stale(version)) return versionConflict('these minutes');
      world.minutes = { ...world.minutes, status: 'signed_off', signedOffAt: at, signedOffByName: options.chairName ?? 'Chris Chair', updatedAt: at, version: next() };
      if (world.meeting.status === 'in_progress') world.meeting = { ...world.meeting, status: 'minuted', version: world.meeting.version + 1 };
      return HttpResponse.json(world.minutes);
    }),
    http.post('/api/meetings/:id/minutes/distribute', async ({ request }) => {
      const { version } = VersionOnly.parse(JSON.parse(await record(request)));
      if (world.minutes && stale(version)) return versionConflict('these minutes');
      if (world.minutes?.status !== 'signed_off') return apiErrorResponse(409, 'conflict', 'The chair signs the minutes off before they are distributed');
      world.minutes = { ...world.minutes, status: 'distributed', distributedAt: '2026-03-18T11:00:00.000Z', updatedAt: '2026-03-18T11:00:00.000Z', version: next() };
      return HttpResponse.json(world.minutes);
    }),
  ];
  /** Another coordinator saves the draft, as the server would: it takes the next version. */
  const editElsewhere = (changes: Partial<Minutes['content']>) => {
    if (!world.minutes) throw new Error('no minutes to change');
    world.minutes = { ...world.minutes, content: { ...world.minutes.content, ...changes }, updatedAt: at, version: world.minutes.version + 1 };
  };
  return { world, handlers, editElsewhere };
}
