import { CaseBars, Id, LiftCaseBar, RecordCaseBar, RecordedCaseBar } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { barsOf, liftBar, recordBar } from './bars';
import { requireCase } from './policy';
import { auditedRead } from '../audit/audited-read';

const ByCase = z.object({ caseId: Id });

/** Who must never receive anything about a case, under /api/cases/:caseId/bars: the coordinators' and chairs' to read, the coordinators' to change. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:caseId/bars',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: {
        tags: ['cases'],
        summary: 'Who is barred from the case (agencies, and people by e-mail), why, and the bars lifted as recorded in error',
        params: ByCase,
        response: { 200: CaseBars, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      auditedRead(app, request, (db, audit) => {
        const user = request.session!.user;
        const bars = barsOf(db, user, requireCase(db, user, request.params.caseId, 'staff'));
        audit({ action: 'view', entityType: 'case', entityId: bars.caseId, detail: { bars: bars.active.length + bars.lifted.length } });
        return bars;
      }),
  );

  app.post(
    '/:caseId/bars',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['cases'],
        summary: 'Record someone as unsafe to contact about the case: an agency, a person’s e-mail, or both. It takes effect at once',
        params: ByCase,
        body: RecordCaseBar,
        response: { 201: RecordedCaseBar, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const recorded = transaction(app.database, (db) => {
        const user = request.session!.user;
        const grant = requireCase(db, user, request.params.caseId, 'staff');
        const effect = recordBar(db, user, grant, request.body, app.clock(), actorOf(request));
        return { bars: barsOf(db, user, grant), effect };
      });
      return reply.status(201).send(recorded);
    },
  );

  app.post(
    '/:caseId/bars/:barId/lift',
    {
      config: { access: ['coordinator'] },
      schema: {
        tags: ['cases'],
        summary: 'Lift a bar recorded in error, saying why. Nothing withdrawn comes back by itself',
        params: z.object({ caseId: Id, barId: Id }),
        body: LiftCaseBar,
        response: { 200: CaseBars, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const user = request.session!.user;
        const grant = requireCase(db, user, request.params.caseId, 'staff');
        const bar = liftBar(db, user, grant, request.params.barId, request.body.reason, app.clock());
        recordAudit(db, actorOf(request), { action: 'decide', entityType: 'case', entityId: grant.case.id, detail: { barId: bar.id, lifted: true } }, app.clock());
        return barsOf(db, user, grant);
      }),
  );
};

export default routes;
