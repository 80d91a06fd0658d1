import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { isApiRequest } from '../lib/api-path';
import { sendError } from './error-handler';

/**
 * Serves the built SPA, and owns the answer for addresses no route matches: a non-API GET gets
 * index.html so client-side routes survive a reload; anything else gets the shared 404 body. Without a
 * build (tests, the API alone) only the 404 answer is given.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn('web build not found: serving the API only');
    }
    app.setNotFoundHandler((request, reply) => {
      if (built && request.method === 'GET' && !isApiRequest(request)) {
        // The page shell holds no personal data, but must be revalidated so a new release is picked up.
        return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
      }
      return sendError(reply, request, 404, { code: 'not_found', message: 'There is nothing at this address', fields: [] });
    });
  },
  { name: 'static-web', dependencies: ['error-handler'] },
);
