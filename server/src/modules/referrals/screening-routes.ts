import { ScreeningQuery, ScreeningQueue } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { queueFilters, screeningQueue } from './queue';

/** The screening queue of the user's areas: what coordinators work through and chairs oversee. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: {
        tags: ['screening'],
        summary: 'Referrals awaiting screening in your areas, with filters and sorting',
        querystring: ScreeningQuery,
        response: { 200: ScreeningQueue, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const queue = screeningQueue(db, request.session!.user, request.query, todayInLondon(app.clock));
        recordAudit(
          db,
          actorOf(request),
          { action: 'list', entityType: 'referral', detail: { screening: true, filters: queueFilters(request.query), returned: queue.items.length, total: queue.total } },
          app.clock(),
        );
        return queue;
      }),
  );
};

export default routes;
