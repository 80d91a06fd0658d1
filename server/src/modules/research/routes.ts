import { ChaseResult, Id, ResearchGrid, ResearchHistory, ResearchInput, ResearchTask, ResearchTaskList } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import type { SessionUser } from '../auth/session-store';
import { findMeeting, invitedToPublished } from '../meetings/calendar';
import { chaseResearch, ownResearch, researchGrid, researchHistory, saveResearch } from './repository';
import { auditedRead } from '../audit/audited-read';

const ById = z.object({ id: Id });
const ByCase = z.object({ id: Id, caseId: Id });

/** Research under /api/meetings/:id: agencies write their own, coordinators and chairs follow progress. */
const routes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  /** A representative reaches only published meetings their agency is invited to. */
  const meetingFor = (db: Db, user: SessionUser, id: string) => {
    const meeting = findMeeting(db, user, id);
    if (user.role === 'agency_representative' && !invitedToPublished(db, user, meeting)) throw notFound('meeting');
    return meeting;
  };

  app.get(
    '/:id/research',
    {
      config: { access: ['agency_representative'] },
      schema: { tags: ['research'], summary: 'Your agency’s research tasks for this meeting', params: ById, response: { 200: ResearchTaskList, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const meeting = meetingFor(db, request.session!.user, request.params.id);
        const tasks = ownResearch(db, request.session!.user, meeting);
        audit({ action: 'list', entityType: 'research', entityId: meeting.id, detail: { tasks: tasks.length } });
        return tasks;
      }),
  );

  app.put(
    '/:id/research/:caseId',
    {
      config: { access: ['agency_representative'] },
      schema: {
        tags: ['research'],
        summary: 'Save your agency’s research for one case as a draft, or submit it (until the meeting starts), from the version you were shown: refused (409) when someone else saved it since',
        params: ByCase,
        body: ResearchInput,
        response: { 200: ResearchTask, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = meetingFor(db, request.session!.user, request.params.id);
        const task = saveResearch(db, request.session!.user, meeting, request.params.caseId, request.body, app.clock());
        const filled = Object.entries(request.body).filter(([key, value]) => key !== 'submit' && key !== 'version' && value !== null && value !== '').map(([key]) => key);
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'research', entityId: task.id, detail: { status: task.status, fields: filled } }, app.clock());
        return task;
      }),
  );

  app.get(
    '/:id/research/:caseId/history',
    {
      config: { access: ['agency_representative'] },
      schema: { tags: ['research'], summary: 'Every saved version of your agency’s research for one case', params: ByCase, response: { 200: ResearchHistory, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const meeting = meetingFor(db, request.session!.user, request.params.id);
        const history = researchHistory(db, request.session!.user, meeting, request.params.caseId);
        audit({ action: 'view', entityType: 'research', entityId: meeting.id, detail: { caseId: request.params.caseId, history: true } });
        return history;
      }),
  );

  app.get(
    '/:id/research-grid',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: { tags: ['research'], summary: 'Which agency has researched which case, and what any agency holds but will not share (for the chair and coordinator alone)', params: ById, response: { 200: ResearchGrid, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const grid = researchGrid(db, user, findMeeting(db, user, request.params.id));
        // What agencies hold back is case content: reading it is a view of each case it concerns.
        for (const caseId of new Set(grid.heldBack.map((h) => h.caseId))) {
          audit({ action: 'view', entityType: 'case', entityId: caseId, detail: { meetingId: request.params.id, heldBack: true } });
        }
        return grid;
      }),
  );

  app.post(
    '/:id/research/chase',
    {
      config: { access: ['coordinator'] },
      schema: { tags: ['research'], summary: 'Remind every agency with research outstanding (a link and counts, once a day)', params: ById, response: { 200: ChaseResult, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const meeting = findMeeting(db, request.session!.user, request.params.id);
        const result = chaseResearch(db, meeting, todayInLondon(app.clock), app.clock(), options.publicUrl);
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'research', entityId: meeting.id, detail: { chased: result.agenciesChased } }, app.clock());
        return result;
      }),
  );
};

export default routes;
