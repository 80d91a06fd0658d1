import { AgencyDirectory } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAgencies } from '../admin/agencies/repository';
import { errorResponses } from '../../lib/openapi';

/**
 * The agencies serving the user's areas, for choosing one on a form (a referral entered on someone's
 * behalf, later invitations and action owners). Holds no personal data, so reading it is not audited.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['agencies'], summary: 'Agencies serving your areas (enabled ones only)', response: { 200: AgencyDirectory, ...errorResponses(401) } },
    },
    async (request) => {
      const mine = new Set(request.session!.user.areaIds);
      return listAgencies(app.database.db)
        .filter((a) => !a.disabledAt && a.areaIds.some((id) => mine.has(id)))
        .map((a) => ({ id: a.id, name: a.name, kind: a.kind, areaIds: a.areaIds.filter((id) => mine.has(id)) }));
    },
  );
};

export default routes;
