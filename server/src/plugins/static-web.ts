import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built SPA and answers any non-API GET with index.html so client-side routes survive a
 * reload. Absent a build (tests, the API alone) nothing is registered.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn('web build not found: serving the API only');
      return;
    }
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      }
      return reply.status(404).send({ code: 'not_found', message: 'There is nothing at this address', fields: [], requestId: String(request.id) });
    });
  },
  { name: 'static-web', dependencies: ['error-handler'] },
);
