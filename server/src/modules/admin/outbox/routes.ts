import { Id, OutboxMessage, OutboxPage, OutboxQuery } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../../db/client';
import { errorResponses } from '../../../lib/openapi';
import { actorOf } from '../../audit/actor';
import { recordAudit } from '../../audit/repository';
import { cancelNotice, listOutbox, resendNotice } from './repository';

const ADMIN = ['administrator'] as const;
const ByNotice = z.object({ id: Id });

/**
 * The outbox for administrators: what was sent, what waits, what failed, and the two things they can
 * do about a notice that has not gone: send it again, or cancel it. Notices hold no personal data, so
 * reading them is not audited; resending and cancelling are.
 */
const routes: FastifyPluginAsyncZod<{ smtpConfigured: boolean }> = async (app, options) => {
  app.get(
    '/',
    {
      config: { access: ADMIN },
      schema: { tags: ['admin'], summary: 'Notices queued for agency mailboxes, newest first', querystring: OutboxQuery, response: { 200: OutboxPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => ({ ...listOutbox(app.database.db, request.query, app.clock()), smtpConfigured: options.smtpConfigured }),
  );

  app.post(
    '/:id/resend',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: 'Send a notice that failed or is waiting again at the next pass, with every attempt restored; refused once it is sent or cancelled, or if its recipient may no longer receive it',
        params: ByNotice,
        response: { 200: OutboxMessage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const at = app.clock();
        const notice = resendNotice(db, request.params.id, at);
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'outbox', entityId: notice.id, detail: { change: 'resend', fields: ['attempts', 'error', 'nextAttemptAt'] } }, at);
        return notice;
      }),
  );

  app.post(
    '/:id/cancel',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['admin'],
        summary: 'Cancel a notice that has not been sent: it will never be sent',
        params: ByNotice,
        response: { 200: OutboxMessage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transaction(app.database, (db) => {
        const at = app.clock();
        const notice = cancelNotice(db, request.params.id, request.session!.user.id, at);
        recordAudit(db, actorOf(request), { action: 'update', entityType: 'outbox', entityId: notice.id, detail: { change: 'cancel', fields: ['cancelledAt', 'cancelledBy'] } }, at);
        return notice;
      }),
  );
};

export default routes;
