import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { isApiRequest } from '../lib/api-path';

/**
 * Headers and limits that apply to every response. API responses may carry special-category personal
 * data, so none of them may be kept by a browser or proxy cache.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.SECURE_COOKIES ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    });

    // Counted per signed-in account, so the agencies' offices, each behind one address, do not share a
    // limit; only requests without a session are counted per address. The session is known by the
    // time the limit is checked (preHandler runs after every onRequest hook).
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      keyGenerator: (request) => (request.session ? `account:${request.session.user.id}` : `address:${request.ip}`),
      max: (_request, key) => (key.startsWith('account:') ? config.RATE_LIMIT_PER_MINUTE : config.RATE_LIMIT_ANONYMOUS_PER_MINUTE),
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} seconds`,
      }),
    });

    app.addHook('onSend', async (request, reply) => {
      if (isApiRequest(request)) {
        reply.header('Cache-Control', 'no-store');
        reply.header('Pragma', 'no-cache');
      }
    });
  },
  { name: 'security' },
);
