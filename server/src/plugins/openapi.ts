import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The OpenAPI document is generated from the same zod schemas that validate requests and responses. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'MARAC platform API',
          description:
            'Referrals, screening, agendas, research, meetings, actions and audit for Multi-Agency Risk Assessment Conferences. ' +
            'Sign in with POST /api/auth/login; send the csrfToken from the sign-in answer in the x-csrf-token header on every change.',
          version: '0.1.0',
        },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'marac_session' } } },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The docs page brings its own policy (with hashes for its inline scripts); it must still never be framed.
      transformStaticCSP: (header) => header.replace(/frame-ancestors[^;]*/, "frame-ancestors 'none'"),
    });

    app.get(
      '/api/openapi.json',
      { schema: { hide: true, response: { 200: z.unknown() } } },
      async () => app.swagger(),
    );
  },
  { name: 'openapi' },
);
