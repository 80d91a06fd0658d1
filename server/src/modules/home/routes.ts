import { HomeSummary } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/openapi';
import { todayInLondon } from '../../lib/time';
import { homeSummary } from './repository';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['home'],
        summary: "The signed-in user's home page figures, scoped to their role, agency and areas",
        response: { 200: HomeSummary, ...errorResponses(401) },
      },
    },
    // Counts only: no person, referral or case is revealed, so this read is not an audited view.
    async (request) => homeSummary(app.database.db, request.session!.user, todayInLondon(app.clock)),
  );
};

export default routes;
