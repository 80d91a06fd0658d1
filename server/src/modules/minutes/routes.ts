import { EditMinutes, Id, Minutes, VersionOnly } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { findMeeting } from '../meetings/calendar';
import { minutesPdf } from '../agenda/pdf';
import { recipientOf } from '../agenda/recipient';
import { distributeMinutes, editMinutes, generateMinutes, minutesFor, signOffMinutes } from './repository';
import { auditedRead } from '../audit/audited-read';

const ById = z.object({ id: Id });

/** Minutes under /api/meetings/:id/minutes. */
const routes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const today = () => todayInLondon(app.clock);

  app.get(
    '/:id/minutes',
    {
      config: { access: ['coordinator', 'chair', 'agency_representative'] },
      schema: { tags: ['minutes'], summary: 'The minutes: whole for the area’s staff; once distributed, an agency’s own cases', params: ById, response: { 200: Minutes, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const read = minutesFor(db, request.session!.user, meeting);
        audit({ action: 'view', entityType: 'minutes', entityId: meeting.id, detail: { cases: read.content.cases.length } });
        return read;
      }),
  );

  app.get(
    '/:id/minutes/pdf',
    {
      config: { access: ['coordinator', 'chair', 'agency_representative'] },
      schema: { tags: ['minutes'], summary: 'The minutes as a PDF marked with who it was made for: an agency gets its own cases', params: ById, response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const { read, recipient, date } = await auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        const found = minutesFor(db, user, meeting);
        audit({ action: 'export', entityType: 'minutes', entityId: meeting.id, detail: { pdf: true, cases: found.content.cases.length } });
        return { read: found, recipient: recipientOf(db, user), date: meeting.date };
      });
      const pdf = await minutesPdf(read, recipient, today());
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="minutes-${date}.pdf"`).send(Buffer.from(pdf));
    },
  );

  app.post(
    '/:id/minutes/generate',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['minutes'],
        summary: 'Generate the minutes from what was recorded (keeping notes and summaries already written), from the version you were shown (0 before the first)',
        params: ById,
        body: VersionOnly,
        response: { 200: Minutes, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const generated = generateMinutes(db, request.session!.user, meeting, request.body.version, today(), app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'minutes', entityId: meeting.id, detail: { generated: true } }, app.clock());
        return generated;
      }),
  );

  app.put(
    '/:id/minutes',
    {
      config: { access: ['coordinator'] },
      schema: { tags: ['minutes'], summary: 'Edit the draft minutes: notes and a summary per case, from the version you were shown', params: ById, body: EditMinutes, response: { 200: Minutes, ...errorResponses(400, 401, 403, 404, 409, 413, 415) } },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const edited = editMinutes(db, request.session!.user, meeting, request.body, app.clock());
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'minutes', entityId: meeting.id, detail: { cases: request.body.cases.map((c) => c.itemId) } }, app.clock());
        return edited;
      }),
  );

  app.post(
    '/:id/minutes/sign-off',
    {
      config: { access: ['chair'] },
      schema: {
        tags: ['minutes'],
        summary: 'The chair signs off the version of the minutes they were shown; the meeting becomes minuted',
        params: ById,
        body: VersionOnly,
        response: { 200: Minutes, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const signed = signOffMinutes(db, request.session!.user, meeting, request.body.version, today(), app.clock());
        recordAudit(db, actorOf(request), { action: 'decide', entityType: 'minutes', entityId: meeting.id, detail: { signedOff: true } }, app.clock());
        return signed;
      }),
  );

  app.post(
    '/:id/minutes/distribute',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['minutes'],
        summary: 'Distribute signed-off minutes, from the version you were shown: each agency gets its own cases and a notice',
        params: ById,
        body: VersionOnly,
        response: { 200: Minutes, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const result = distributeMinutes(db, request.session!.user, meeting, request.body.version, app.clock(), options.publicUrl);
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'minutes', entityId: meeting.id, detail: { distributed: true, notices: result.notices } }, app.clock());
        return result.minutes;
      }),
  );
};

export default routes;
