import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHECK_NAMES, checkReadiness, type Readiness } from './readiness';

const Ok = z.object({ status: z.literal('ok') });

const ReadinessBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.array(z.object({ name: z.enum(CHECK_NAMES), ok: z.boolean(), state: z.string() })),
});

const bodyOf = (readiness: Readiness): z.infer<typeof ReadinessBody> => ({ status: readiness.ready ? 'ok' : 'unavailable', checks: readiness.checks });

/**
 * Probes for whatever runs the platform (a process supervisor, a load balancer, monitoring). They are
 * public because probes carry no session; their answers hold counts and words, never a record.
 * Liveness restarts a process that no longer answers; readiness says whether it can do its work now.
 */
const routes: FastifyPluginAsyncZod<{ smtpConfigured: boolean }> = async (app, { smtpConfigured }) => {
  let wasReady = true;
  const readiness = () => {
    const result = checkReadiness({ database: app.database, jobs: app.jobs, now: app.clock(), startedAt: app.startedAt, smtpConfigured });
    // Logged when it changes, not at every probe, so an incident is one line however often it is probed.
    if (result.ready !== wasReady) {
      const failing = result.checks.filter((c) => !c.ok).map(({ name, state }) => ({ name, state }));
      if (result.ready) app.log.info('ready again');
      else app.log.warn({ failing }, 'not ready');
      wasReady = result.ready;
    }
    return result;
  };

  app.get(
    '/health/live',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Liveness: the process answers (no database work)', response: { 200: Ok } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Readiness: the database takes writes, migrations are current, background jobs and the outbox keep up',
        response: { 200: ReadinessBody, 503: ReadinessBody },
      },
    },
    async (_request, reply) => {
      const result = readiness();
      return reply.code(result.ready ? 200 : 503).send(bodyOf(result));
    },
  );

  // The address monitors and README have always used: readiness, answering `{ status: 'ok' }` exactly as before when ready.
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Readiness, as /api/health/ready; when ready the body is only the status', response: { 200: Ok, 503: ReadinessBody } },
    },
    async (_request, reply) => {
      const result = readiness();
      return result.ready ? { status: 'ok' as const } : reply.code(503).send(bodyOf(result));
    },
  );
};

export default routes;
