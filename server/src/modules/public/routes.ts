import { PublicInfo } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDemo } from './demo-flag';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'What the sign-in page needs: whether this is a demo', response: { 200: PublicInfo } },
    },
    async () => ({ demo: isDemo(app.database.db), name: 'MARAC' }),
  );

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Liveness: the database answers', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      app.database.sqlite.prepare('select 1').get();
      return { status: 'ok' as const };
    },
  );
};

export default routes;
