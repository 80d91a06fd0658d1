import { AttendanceInput, AttendanceList, ConfidentialityStatus, Id, SignStatement } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { findMeeting } from '../meetings/calendar';
import { attendanceOf, confidentialityStatus, recordAttendance, removeAttendance, signStatement } from './repository';

const ById = z.object({ id: Id });
const EVERYONE_AT_A_MEETING = ['coordinator', 'chair', 'agency_representative', 'observer'] as const;

/** Attendance and confidentiality under /api/meetings/:id. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/attendance',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: { tags: ['meetings'], summary: 'Who attends, sends apologies or observes, and who has signed the statement', params: ById, response: { 200: AttendanceList, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => attendanceOf(app.database.db, findMeeting(app.database.db, request.session!.user, request.params.id).id),
  );

  app.post(
    '/:id/attendance',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['meetings'],
        summary: 'Record someone attending, sending apologies (and whether information was sent) or observing',
        params: ById,
        body: AttendanceInput,
        response: { 201: AttendanceList, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const list = transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const entryId = recordAttendance(db, meeting, request.body, app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'meeting', entityId: meeting.id, detail: { attendance: entryId, kind: request.body.kind } }, app.clock());
        return attendanceOf(db, meeting.id);
      });
      return reply.status(201).send(list);
    },
  );

  app.delete(
    '/:id/attendance/:entryId',
    {
      config: { access: ['coordinator'] },
      schema: { tags: ['meetings'], summary: 'Remove an attendance entry recorded by mistake', params: z.object({ id: Id, entryId: Id }), response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        removeAttendance(db, meeting, request.params.entryId);
        recordAudit(db, actorOf(request), { action: 'delete', entityType: 'meeting', entityId: meeting.id, detail: { attendance: request.params.entryId } }, app.clock());
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/confidentiality',
    {
      config: { access: EVERYONE_AT_A_MEETING },
      schema: { tags: ['meetings'], summary: 'The confidentiality statement for this meeting and whether you have signed it', params: ById, response: { 200: ConfidentialityStatus, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const db = app.database.db;
      const user = request.session!.user;
      return confidentialityStatus(db, findMeeting(db, user, request.params.id).id, user.id);
    },
  );

  app.post(
    '/:id/confidentiality',
    {
      config: { access: EVERYONE_AT_A_MEETING },
      schema: {
        tags: ['meetings'],
        summary: 'Sign the confidentiality statement, on your own account, before any case is shown to you',
        params: ById,
        body: SignStatement,
        response: { 200: ConfidentialityStatus, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        signStatement(db, meeting, user.id, request.body.statementVersion, app.clock());
        recordAudit(db, actorOf(request), { action: 'create', entityType: 'meeting', entityId: meeting.id, detail: { confidentiality: request.body.statementVersion } }, app.clock());
        return confidentialityStatus(db, meeting.id, user.id);
      }),
  );
};

export default routes;
