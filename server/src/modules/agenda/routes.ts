import { Agenda, AgendaChange, GeneratedAgenda, Id, PublishedAgenda, VersionOnly } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { meetings } from '../../db/schema';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { grantCases } from '../cases/policy';
import { findMeeting } from '../meetings/calendar';
import { claimVersion } from '../../db/versions';
import { queueAgendaChanged } from '../mail/notices';
import { changeAgenda } from './changes';
import { generateAgenda } from './generate';
import { publishAgenda } from './publish';
import { agendaOf } from './read';
import { auditedRead } from '../audit/audited-read';

const ById = z.object({ id: Id });

/** Agendas under /api/meetings/:id/agenda: read by the area's coordinators and chairs, built by coordinators. */
const routes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  const today = () => todayInLondon(app.clock);

  app.get(
    '/:id/agenda',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: { tags: ['agenda'], summary: 'The agenda of a meeting, with actions to review and lapsed windows', params: ById, response: { 200: Agenda, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const agenda = agendaOf(db, request.session!.user, meeting, today());
        audit({ action: 'view', entityType: 'agenda', entityId: meeting.id, detail: { cases: agenda.items.length } });
        return agenda;
      }),
  );

  app.post(
    '/:id/agenda/generate',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['agenda'],
        summary: 'Build (or rebuild) the agenda from accepted referrals waiting to be heard, from the version of the meeting you were shown; pins and cases placed by hand stay',
        params: ById,
        body: VersionOnly,
        response: { 200: GeneratedAgenda, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        claimVersion(db, meetings, meeting.id, request.body.version, 'this meeting’s agenda');
        const result = generateAgenda(db, meeting);
        queueAgendaChanged(db, meeting, today(), app.clock(), options.publicUrl);
        // What went to another meeting is reported only where the coordinator may see the case.
        const shown = grantCases(
          db,
          user,
          result.overflow.map((o) => o.caseId),
          'staff',
        );
        recordAudit(
          db,
          actorOf(request),
          { action: 'update', entityType: 'agenda', entityId: meeting.id, detail: { generated: true, listed: result.listed, overflow: result.overflow.length } },
          app.clock(),
        );
        return { agenda: agendaOf(db, user, findMeeting(db, user, meeting.id), today()), overflow: result.overflow.filter((o) => shown.has(o.caseId)) };
      }),
  );

  app.post(
    '/:id/agenda/changes',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['agenda'],
        summary: 'Change the agenda by hand, from the version of the meeting you were shown: move a case to a position (pinning it), pin, move to another meeting, remove with a reason, restore',
        params: ById,
        body: AgendaChange,
        response: { 200: Agenda, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        const caseId = changeAgenda(db, user, meeting, request.body);
        queueAgendaChanged(db, meeting, today(), app.clock(), options.publicUrl, [caseId]);
        const { change, itemId } = request.body;
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'agenda', entityId: meeting.id, detail: { change, itemId } }, app.clock());
        return agendaOf(db, user, findMeeting(db, user, meeting.id), today());
      }),
  );

  app.post(
    '/:id/agenda/publish',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['agenda'],
        summary: 'Publish the agenda you were shown (the version of the meeting you started from): a numbered frozen version, research tasks for the invited agencies, notices to their mailboxes',
        params: ById,
        body: VersionOnly,
        response: { 200: PublishedAgenda, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const meeting = findMeeting(db, user, request.params.id);
        const result = publishAgenda(db, user, meeting, request.body.version, app.clock(), today(), options.publicUrl);
        recordAudit(
          db,
          actorOf(request),
          { action: 'update', entityType: 'agenda', entityId: meeting.id, detail: { published: result.version, researchTasks: result.researchTasks, withheld: result.withheld.length } },
          app.clock(),
        );
        const published = findMeeting(db, user, meeting.id);
        return { agenda: agendaOf(db, user, published, today()), version: result.version, researchTasks: result.researchTasks, withheldCount: result.withheld.length, notices: result.notices };
      }),
  );
};

export default routes;
