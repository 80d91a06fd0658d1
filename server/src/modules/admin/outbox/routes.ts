import { OutboxPage, OutboxQuery } from '@marac/shared';
import { and, count, desc, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { outbox } from '../../../db/schema';
import { errorResponses } from '../../../lib/openapi';

/**
 * The outbox for administrators: what was sent, what waits, what failed. Notices hold no personal
 * data, so reading them is not audited.
 */
const routes: FastifyPluginAsyncZod<{ smtpConfigured: boolean }> = async (app, options) => {
  app.get(
    '/',
    {
      config: { access: ['administrator'] },
      schema: { tags: ['admin'], summary: 'Notices queued for agency mailboxes, newest first', querystring: OutboxQuery, response: { 200: OutboxPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => {
      const db = app.database.db;
      const { state, limit, offset } = request.query;
      const where: SQL | undefined = {
        waiting: and(isNull(outbox.sentAt), isNull(outbox.error)),
        sent: isNotNull(outbox.sentAt),
        failed: and(isNull(outbox.sentAt), isNotNull(outbox.error)),
        all: undefined,
      }[state ?? 'all'];
      const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
      const items = db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit).offset(offset).all();
      return {
        items: items.map(({ dedupeKey: _key, caseIds: _cases, ...message }) => message),
        total,
        limit,
        offset,
        smtpConfigured: options.smtpConfigured,
      };
    },
  );
};

export default routes;
