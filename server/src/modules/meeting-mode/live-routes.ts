import { Id } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client';
import { forbidden } from '../../lib/errors';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import type { SessionUser } from '../auth/session-store';
import { hasSigned } from '../attendance/repository';
import { packetItems } from '../agenda/packets';
import { findMeeting } from '../meetings/calendar';
import { screensArea } from '../referrals/access';
import { eventsAfter, follow, type MeetingEvent } from './events';

const KEEP_ALIVE_MS = 15_000;

/**
 * The cases whose events this person may receive: every case for the area's coordinators and chairs,
 * the cases their agency is invited for (and not barred from) for a representative, none for others.
 */
function visibleCases(db: Db, user: SessionUser, meeting: Parameters<typeof packetItems>[2]): Set<string> | 'all' {
  if (screensArea(user, meeting.areaId)) return 'all';
  return new Set(packetItems(db, user, meeting).map((i) => i.caseId));
}

const frame = (event: MeetingEvent) => `id: ${event.seq}\nevent: ${event.kind}\ndata: ${JSON.stringify({ caseId: event.caseId, at: event.at, ...event.payload })}\n\n`;

/**
 * GET /api/meetings/:id/live: the meeting as it happens, as server-sent events. Case content reaches
 * only those who have signed the confidentiality statement for the meeting, and only for the cases
 * they may see. `Last-Event-ID` (sent by browsers on reconnect) or `?after=` resumes after that event.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/live',
    {
      config: { access: ['coordinator', 'chair', 'agency_representative', 'observer'] },
      schema: {
        tags: ['meeting'],
        summary: 'Follow the meeting live (text/event-stream): case opened, case recorded, action added, meeting status',
        params: z.object({ id: Id }),
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = request.session!.user;
      const { meeting, visible } = transaction(app.database, (db) => {
        const found = findMeeting(db, user, request.params.id);
        if (!hasSigned(db, found.id, user.id)) throw forbidden('Sign the confidentiality statement for this meeting before following it');
        recordAudit(db, actorOf(request), { action: 'view', entityType: 'meeting', entityId: found.id, detail: { live: true } }, app.clock());
        return { meeting: found, visible: visibleCases(db, user, found) };
      });
      const header = request.headers['last-event-id'];
      let last = Number(typeof header === 'string' && /^\d+$/.test(header) ? header : (request.query.after ?? 0));

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
      });
      raw.write('retry: 2000\n\n');
      const flush = () => {
        for (const event of eventsAfter(app.database.db, meeting.id, last)) {
          last = event.seq;
          if (event.caseId === null || visible === 'all' || visible.has(event.caseId)) raw.write(frame(event));
        }
      };
      flush();
      const stop = follow(meeting.id, flush);
      const ping = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      request.raw.on('close', () => {
        stop();
        clearInterval(ping);
      });
    },
  );
};

export default routes;
