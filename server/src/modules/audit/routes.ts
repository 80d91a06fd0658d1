import { AuditList, AuditQuery } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/openapi';
import { listAudit } from './repository';
import { auditedRead } from './audited-read';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      // The trail names cases only by id, in who-did-what rows: the administrator reads the record, never a case.
      config: { access: ['administrator'], caseIdsOnly: true },
      schema: {
        tags: ['audit'],
        summary: 'List audit events, newest first, with filters',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      // Reading the audit trail is itself audited: it shows who looked at whose activity.
      auditedRead(app, request, (db, audit) => {
        const result = listAudit(db, request.query);
        audit({ action: 'list', entityType: 'audit', detail: { filters: Object.keys(request.query), returned: result.items.length } });
        return result;
      }),
  );
};

export default routes;
