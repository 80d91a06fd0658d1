import { CaseActions, CaseOutcomeReviewInput, Id } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { caseActions, recordCaseReview } from './cases';
import { auditedRead } from '../audit/audited-read';

const ByCase = z.object({ caseId: Id });

/** A case's actions across its meetings and the chair's outcome review, under /api/cases/:caseId. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:caseId/actions',
    {
      config: { access: ['agency_representative', 'coordinator', 'chair'] },
      schema: {
        tags: ['actions'],
        summary: 'Every action of a case across its meetings, with its history, and the outcome reviews (a representative: only if invited for the case, and their agency’s actions)',
        params: ByCase,
        response: { 200: CaseActions, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const view = caseActions(db, request.session!.user, request.params.caseId, todayInLondon(app.clock));
        audit({ action: 'view', entityType: 'case', entityId: view.case.id, detail: { actions: view.actions.length } });
        return view;
      }),
  );

  app.post(
    '/:caseId/outcome-reviews',
    {
      config: { access: ['chair'] },
      schema: {
        tags: ['actions'],
        summary: 'The chair records the outcome of the case’s review and may close its MARAC involvement (once every action is closed); the repeat window keeps running',
        params: ByCase,
        body: CaseOutcomeReviewInput,
        response: { 201: CaseActions, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const view = transaction(app.database, (db) => {
        const user = request.session!.user;
        const reviewId = recordCaseReview(db, user, request.params.caseId, request.body, app.clock());
        recordAudit(db, actorOf(request), { action: 'decide', entityType: 'case', entityId: request.params.caseId, detail: { reviewId, closedInvolvement: request.body.closeInvolvement } }, app.clock());
        return caseActions(db, user, request.params.caseId, todayInLondon(app.clock));
      });
      return reply.status(201).send(view);
    },
  );
};

export default routes;
