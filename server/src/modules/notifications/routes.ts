import { Id, NotificationPage, NotificationQuery } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { errorResponses } from '../../lib/openapi';
import { listNotifications, markRead } from './repository';

/**
 * The signed-in user's own notices, under /api/notifications. They name cases by reference and agencies
 * by name, never a person, so reading them is not an audited view.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notifications'], summary: 'Your notices in the platform, unread first and newest first within each, with the number unread', querystring: NotificationQuery, response: { 200: NotificationPage, ...errorResponses(400, 401) } },
    },
    async (request) => listNotifications(app.database.db, request.session!.user, request.query),
  );

  app.post(
    '/:id/read',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notifications'], summary: 'Mark one of your notices read', params: z.object({ id: Id }), response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      transaction(app.database, (db) => markRead(db, request.session!.user, [request.params.id], app.clock()));
      return reply.status(204).send(null);
    },
  );
};

export default routes;
