import { RepeatWindowList, RepeatWindowQuery } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { repeatWindows } from './windows';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: ['coordinator', 'chair'] },
      schema: {
        tags: ['cases'],
        summary: 'Cases in your areas whose 12-month repeat window lapses in the next 30 days or lapsed in the last 30',
        querystring: RepeatWindowQuery,
        response: { 200: RepeatWindowList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const list = repeatWindows(db, request.session!.user, request.query, todayInLondon(app.clock));
        recordAudit(
          db,
          actorOf(request),
          { action: 'list', entityType: 'case', detail: { repeatWindows: true, areaId: request.query.areaId ?? null, returned: list.lapsingSoon.length + list.lapsedRecently.length } },
          app.clock(),
        );
        return list;
      }),
  );
};

export default routes;
