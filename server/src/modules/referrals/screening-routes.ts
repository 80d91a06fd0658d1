import { ScreeningQuery, ScreeningQueue } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { queueFilters, screeningQueue } from './queue';
import { auditedRead } from '../audit/audited-read';

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
      auditedRead(app, request, (db, audit) => {
        const queue = screeningQueue(db, request.session!.user, request.query, todayInLondon(app.clock));
        audit({ action: 'list', entityType: 'referral', detail: { screening: true, filters: queueFilters(request.query), returned: queue.items.length, total: queue.total } });
        return queue;
      }),
  );
};

export default routes;
