import { ActionDetail, ActionList, ActionQuery, ActionReview, ActionReviewQuery, Id, ReassignActionInput, UpdateActionInput, type ActionQuery as ActionQueryType } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { actionDetail, listActions } from './repository';
import { actionReview } from './review';
import { reassignAction, updateAction } from './updates';
import { auditedRead } from '../audit/audited-read';

const ById = z.object({ id: Id });
const TRACKERS = ['agency_representative', 'coordinator', 'chair'] as const;

/** The filters a list was asked for, by name: what the audit trail keeps instead of their values. */
const filtersOf = (query: ActionQueryType) =>
  Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== 'limit' && key !== 'offset')
    .map(([key]) => key);

/**
 * Actions after the meeting, under /api/actions: each agency's list and updates, the MARAC's
 * reassignments and the area's review. Every read and change is audited in its transaction.
 */
const routes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, options) => {
  app.get(
    '/',
    {
      config: { access: TRACKERS },
      schema: {
        tags: ['actions'],
        summary: 'Actions you may see (a representative: their agency’s), filtered by state, status, area, agency, meeting, case and due dates, with counts per state',
        querystring: ActionQuery,
        response: { 200: ActionList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const list = listActions(db, request.session!.user, request.query, todayInLondon(app.clock));
        audit({ action: 'list', entityType: 'action', detail: { filters: filtersOf(request.query), total: list.total, shown: list.items.length } });
        return list;
      }),
  );

  app.get(
    '/review',
    {
      config: { access: TRACKERS },
      schema: {
        tags: ['actions'],
        summary: 'The area’s review of its actions by agency: completion rate, overdue, not possible and not completed, median time to completion; each figure with the list filter behind it',
        querystring: ActionReviewQuery,
        response: { 200: ActionReview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const review = actionReview(db, request.session!.user, request.query, todayInLondon(app.clock));
        audit({ action: 'view', entityType: 'action', detail: { review: true, areaId: review.area.id } });
        return review;
      }),
  );

  app.get(
    '/:id',
    {
      config: { access: TRACKERS },
      schema: {
        tags: ['actions'],
        summary: 'One action with every update (who and when), the reminders sent, and what you may do next',
        params: ById,
        response: { 200: ActionDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const detail = actionDetail(db, request.session!.user, request.params.id, todayInLondon(app.clock));
        audit({ action: 'view', entityType: 'action', entityId: detail.id, detail: { caseId: detail.caseId } });
        return detail;
      }),
  );

  app.post(
    '/:id/updates',
    {
      config: { access: TRACKERS },
      schema: {
        tags: ['actions'],
        summary: 'Update an action: its status (the same one for a progress note), what was done and the date, from the version you were shown; refused (409) when someone else changed it since or the status cannot follow the current one',
        params: ById,
        body: UpdateActionInput,
        response: { 201: ActionDetail, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const detail = transaction(app.database, (db) => {
        const user = request.session!.user;
        const today = todayInLondon(app.clock);
        const { row, updateId } = updateAction(db, user, request.params.id, request.body, today, app.clock());
        recordAudit(
          db,
          actorOf(request),
          { action: 'update', entityType: 'action', entityId: row.action.id, detail: { updateId, from: row.action.status, to: request.body.status, fields: Object.keys(request.body).filter((key) => key !== 'version') } },
          app.clock(),
        );
        return actionDetail(db, user, row.action.id, today);
      });
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/:id/reassign',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: {
        tags: ['actions'],
        summary: 'Give an open action to another agency serving the area and signed up to its protocol, with the reason (and a new due date), from the version you were shown; refused (409) when someone else changed it since',
        params: ById,
        body: ReassignActionInput,
        response: { 200: ActionDetail, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const today = todayInLondon(app.clock);
        const { row, updateId } = reassignAction(db, user, request.params.id, request.body, today, app.clock(), options.publicUrl);
        recordAudit(
          db,
          actorOf(request),
          { action: 'update', entityType: 'action', entityId: row.action.id, detail: { updateId, reassigned: true, fromAgencyId: row.action.agencyId, toAgencyId: request.body.agencyId, dueDateChanged: request.body.dueDate !== undefined } },
          app.clock(),
        );
        return actionDetail(db, user, row.action.id, today);
      }),
  );
};

export default routes;
