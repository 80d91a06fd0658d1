import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import type { Config } from '../config';
import { AppError, forbidden } from '../lib/errors';
import { errorResponses } from '../lib/openapi';
import { outboxState } from '../modules/public/readiness';

export type SignInFailure = 'invalid_credentials' | 'locked_out';

/** What other parts of the platform count themselves; everything else is read when metrics are scraped. */
export interface Metrics {
  liveStreams: Gauge;
  signInFailures: Counter<'reason'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event loop, GC) belong to the process, not to an app, and
 * prom-client's collectors for them (a GC observer, an event-loop monitor) can never be stopped: they
 * are started once, into a registry of their own, however many apps a test run builds.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Equal digests are compared in constant time, so neither the token nor its length leaks through timing. */
const sameToken = (sent: string, expected: string) => timingSafeEqual(digest(sent), digest(expected));

const bearerOf = (request: FastifyRequest): string | null => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;

const OUTBOX_STATES = ['waiting', 'retrying', 'failed', 'cancelled'] as const;

/**
 * Prometheus metrics at GET /api/metrics. Each app has its own registry, so apps built side by side
 * (tests) never share counts. Labels are route patterns (`/api/meetings/:id`), methods, status classes,
 * job names and fixed words: never an id, an address or anything typed by a user.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const registry = new Registry();
    const registers = [registry];

    const requests = new Counter({
      name: 'marac_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status class',
      labelNames: ['route', 'method', 'status_class'],
      registers,
    });
    const latency = new Histogram({
      name: 'marac_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by route pattern, method and status class',
      labelNames: ['route', 'method', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const liveStreams = new Gauge({ name: 'marac_live_streams', help: 'Live meeting streams open now', registers });
    const signInFailures = new Counter({
      name: 'marac_sign_in_failures_total',
      help: 'Sign-in attempts refused: invalid_credentials (unknown account, wrong password or disabled user) or locked_out (too many recent failures)',
      labelNames: ['reason'],
      registers,
    });
    for (const reason of ['invalid_credentials', 'locked_out'] satisfies SignInFailure[]) signInFailures.labels({ reason }).inc(0);

    const outboxNotices = new Gauge({
      name: 'marac_outbox_notices',
      help: 'Notices not sent, by state: waiting (no failed attempt yet), retrying (the last attempt failed), failed (every attempt failed; left for an administrator), cancelled (never to be sent)',
      labelNames: ['state'],
      registers,
    });
    const outboxOldest = new Gauge({
      name: 'marac_outbox_oldest_waiting_seconds',
      help: 'How long the oldest notice still to be sent has waited (0 when none waits)',
      registers,
    });
    const jobRuns = new Counter({ name: 'marac_job_runs_total', help: 'Runs of each background job', labelNames: ['job'], registers });
    const jobFailures = new Counter({ name: 'marac_job_failures_total', help: 'Failed runs of each background job', labelNames: ['job'], registers });
    const jobLastSuccess = new Gauge({
      name: 'marac_job_last_success_timestamp_seconds',
      help: 'When each background job last succeeded (Unix time; absent until it has)',
      labelNames: ['job'],
      registers,
    });
    const jobStuck = new Gauge({
      name: 'marac_job_stuck',
      help: '1 when a background job has not succeeded for twice its interval (readiness fails), else 0',
      labelNames: ['job'],
      registers,
    });

    /** What lives in the database and the job registry is read at each scrape rather than counted twice. */
    const readState = () => {
      const now = app.clock();
      const outbox = outboxState(app.database.db, now);
      for (const state of OUTBOX_STATES) outboxNotices.set({ state }, outbox[state]);
      outboxOldest.set(outbox.oldestWaitingAt ? Math.max(0, (now.getTime() - outbox.oldestWaitingAt.getTime()) / 1000) : 0);
      const stuck = new Set(app.jobs.stuck(now, app.startedAt).map((job) => job.name));
      for (const metric of [jobRuns, jobFailures, jobLastSuccess, jobStuck]) metric.reset();
      for (const job of app.jobs.list()) {
        jobRuns.inc({ job: job.name }, job.runs);
        jobFailures.inc({ job: job.name }, job.failures);
        if (job.lastSuccessAt) jobLastSuccess.set({ job: job.name }, job.lastSuccessAt.getTime() / 1000);
        jobStuck.set({ job: job.name }, stuck.has(job.name) ? 1 : 0);
      }
    };

    app.decorate('metrics', { liveStreams, signInFailures } satisfies Metrics);

    app.addHook('onResponse', async (request, reply) => {
      // The matched pattern, never the URL: ids and query strings stay out of the labels. Anything the
      // router did not match shares one label, so probing random paths cannot grow the series.
      const labels = {
        route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
        method: request.method,
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      };
      requests.inc(labels);
      latency.observe(labels, reply.elapsedTime / 1000);
    });

    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/metrics',
      {
        // A scraper has no session, so the role check in plugins/auth.ts cannot say "administrators or
        // the metrics token". The route is let through there and decides here, before anything is read.
        config: { access: 'public' },
        schema: {
          tags: ['admin'],
          summary: 'Prometheus metrics (text format): for administrators, or a scraper sending Authorization: Bearer <METRICS_TOKEN>',
          response: {
            200: { description: 'Prometheus text format, version 0.0.4', content: { 'text/plain': { schema: z.string() } } },
            ...errorResponses(401, 403),
          },
        },
      },
      async (request, reply) => {
        const sent = bearerOf(request);
        if (sent !== null) {
          if (!config.METRICS_TOKEN || !sameToken(sent, config.METRICS_TOKEN)) {
            reply.header('WWW-Authenticate', 'Bearer');
            throw new AppError(401, 'unauthenticated', 'That metrics token is not right');
          }
        } else if (!request.session) {
          throw new AppError(401, 'unauthenticated', 'Sign in to continue');
        } else if (request.session.user.role !== 'administrator') {
          throw forbidden();
        }
        readState();
        return reply.type(registry.contentType).send(await Registry.merge([processMetrics(), registry]).metrics());
      },
    );
  },
  { name: 'metrics', dependencies: ['clock', 'db', 'session', 'auth'] },
);
