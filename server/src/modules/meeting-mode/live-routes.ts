import { Id } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { forbidden } from '../../lib/errors';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { findActiveSession, onSessionsEnded, type SessionUser } from '../auth/session-store';
import { hasSigned } from '../attendance/repository';
import { grantCases } from '../cases/policy';
import { findMeeting } from '../meetings/calendar';
import { eventsAfter, follow, type MeetingEvent } from './events';

const KEEP_ALIVE_MS = 15_000;

/** How often a quiet stream checks that its session still stands (expiry, a change by an administrator). */
export const SESSION_CHECK_MS = 5_000;

/** The only parts of an event a screen is sent: ids and words from fixed lists, never case content. */
const EVENT_FIELDS = ['itemId', 'position', 'actionId', 'revision', 'outcome', 'status'] as const;

const frame = (event: MeetingEvent) => {
  const ids = Object.fromEntries(EVENT_FIELDS.filter((key) => key in event.payload).map((key) => [key, event.payload[key]]));
  return `id: ${event.seq}\nevent: ${event.kind}\ndata: ${JSON.stringify({ caseId: event.caseId, at: event.at, ...ids })}\n\n`;
};

/** The same person with the same rights: anything else ends the stream (sessions are revoked on such changes, this is the check). */
const sameRights = (a: SessionUser, b: SessionUser) =>
  a.id === b.id && a.role === b.role && a.agencyId === b.agencyId && a.email === b.email && [...a.areaIds].sort().join() === [...b.areaIds].sort().join();

/**
 * GET /api/meetings/:id/live: the meeting as it happens, as server-sent events. Case content reaches
 * only those who have signed the confidentiality statement for the meeting. Every event is checked at
 * the moment it is sent: against the session (signed out, expired, disabled, role, areas or agency
 * changed: the stream ends) and against the disclosure policy (a case a bar now names the person on,
 * or one their agency is not given, is not sent). Events carry ids only; each screen reads the case
 * again through the audited read, and every case event delivered is audited as a view of the case.
 * `Last-Event-ID` (sent by browsers on reconnect) or `?after=` resumes after that event.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  // Streams still open when the platform shuts down are ended first: the browsers' EventSource
  // reconnects by itself (to the platform once it is back) and resumes from the last event it saw.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

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
      const session = request.session!;
      const token = request.cookies[app.sessionCookie.name] as string;
      const actor = actorOf(request);
      const meeting = transaction(app.database, (db) => {
        const found = findMeeting(db, session.user, request.params.id);
        if (!hasSigned(db, found.id, session.user.id)) throw forbidden('Sign the confidentiality statement for this meeting before following it');
        recordAudit(db, actor, { action: 'view', entityType: 'meeting', entityId: found.id, detail: { live: true } }, app.clock());
        return found;
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
      app.metrics.liveStreams.inc();

      let following = true;
      const stops: (() => void)[] = [];
      const end = () => {
        if (!following) return;
        following = false;
        app.metrics.liveStreams.dec();
        open.delete(end);
        for (const stop of stops) stop();
        raw.end();
      };
      open.add(end);
      /** The person as their session stands now, or null (and the stream ends) if it no longer stands as it did. */
      const current = (): SessionUser | null => {
        const now = findActiveSession(app.database.db, token, app.clock(), app.sessionLimits, { touch: false });
        if (now && now.idHash === session.idHash && sameRights(now.user, session.user)) return now.user;
        end();
        return null;
      };
      const flush = () => {
        if (!following) return;
        const viewer = current();
        if (!viewer) return;
        const frames = transaction(app.database, (db) => {
          const events = eventsAfter(db, meeting.id, last);
          const granted = grantCases(
            db,
            viewer,
            events.flatMap((e) => (e.caseId ? [e.caseId] : [])),
            { atMeeting: meeting.id },
          );
          const sent = events.filter((e) => e.caseId === null || granted.has(e.caseId));
          for (const caseId of new Set(sent.flatMap((e) => (e.caseId ? [e.caseId] : [])))) {
            const seqs = sent.filter((e) => e.caseId === caseId).map((e) => e.seq);
            recordAudit(db, actor, { action: 'view', entityType: 'case', entityId: caseId, detail: { meetingId: meeting.id, live: true, events: seqs } }, app.clock());
          }
          last = events.at(-1)?.seq ?? last;
          return sent.map(frame);
        });
        for (const text of frames) raw.write(text);
      };
      flush();
      stops.push(follow(meeting.id, flush));
      stops.push(
        onSessionsEnded((which) => {
          if (which.idHashes?.includes(session.idHash) || which.userIds?.includes(session.user.id)) end();
        }),
      );
      const ping = setInterval(() => {
        if (current()) raw.write(': keep-alive\n\n');
      }, KEEP_ALIVE_MS);
      const check = setInterval(() => void current(), SESSION_CHECK_MS);
      stops.push(() => clearInterval(ping), () => clearInterval(check));
      request.raw.on('close', end);
    },
  );
};

export default routes;
