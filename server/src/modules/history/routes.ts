import { RepeatWindowList, RepeatWindowQuery } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { repeatWindows } from './windows';
import { auditedRead } from '../audit/audited-read';

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
      auditedRead(app, request, (db, audit) => {
        const list = repeatWindows(db, request.session!.user, request.query, todayInLondon(app.clock));
        audit({ action: 'list', entityType: 'case', detail: { repeatWindows: true, areaId: request.query.areaId ?? null, returned: list.lapsingSoon.length + list.lapsedRecently.length } });
        return list;
      }),
  );
};

export default routes;
