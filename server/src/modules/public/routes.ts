import { PublicInfo } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isDemo } from './demo-flag';
import health from './health-routes';

const routes: FastifyPluginAsyncZod<{ smtpConfigured: boolean }> = async (app, { smtpConfigured }) => {
  app.get(
    '/public',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'What the sign-in page needs: whether this is a demo', response: { 200: PublicInfo } },
    },
    async () => ({ demo: isDemo(app.database.db), name: 'MARAC' }),
  );

  await app.register(health, { smtpConfigured });
};

export default routes;
