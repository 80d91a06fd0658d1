import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { fromRepoRoot, type Config } from './config';
import type { Database_ } from './db/client';
import { JobRegistry } from './lib/jobs';
import { systemClock, type Clock } from './lib/time';
import adminAgencies from './modules/admin/agencies/routes';
import actions from './modules/actions/routes';
import caseActions from './modules/actions/case-routes';
import caseBars from './modules/cases/routes';
import agendaPackets from './modules/agenda/packet-routes';
import agenda from './modules/agenda/routes';
import attendance from './modules/attendance/routes';
import adminAreas from './modules/admin/areas/routes';
import adminOutbox from './modules/admin/outbox/routes';
import adminProtocol from './modules/admin/protocol/routes';
import adminUsers from './modules/admin/users/routes';
import agencies from './modules/agencies/routes';
import audit from './modules/audit/routes';
import auth from './modules/auth/routes';
import repeatWindows from './modules/history/routes';
import home from './modules/home/routes';
import meetingLive from './modules/meeting-mode/live-routes';
import notifications from './modules/notifications/routes';
import minutesRoutes from './modules/minutes/routes';
import meetingMode from './modules/meeting-mode/routes';
import { meetingRoutes, seriesRoutes } from './modules/meetings/routes';
import publicRoutes from './modules/public/routes';
import referralDrafts from './modules/referrals/drafts-routes';
import referralMatches from './modules/referrals/matches-routes';
import research from './modules/research/routes';
import referrals from './modules/referrals/routes';
import screening from './modules/referrals/screening-routes';
import authPlugin from './plugins/auth';
import clockPlugin from './plugins/clock';
import dbPlugin from './plugins/db';
import disclosureGuard from './plugins/disclosure-guard';
import errorHandler from './plugins/error-handler';
import metrics from './plugins/metrics';
import openapi from './plugins/openapi';
import security from './plugins/security';
import session from './plugins/session';
import staticWeb from './plugins/static-web';

export interface AppOptions {
  config: Config;
  /** An already-open database (tests, tools); otherwise `config.DATABASE_FILE` is opened. */
  database?: Database_;
  clock?: Clock;
  /** Log destination for the running server; tests leave it unset. */
  logger?: boolean | object;
  /** Where the background jobs started beside the app report their runs (readiness and metrics read it). */
  jobs?: JobRegistry;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRegistry;
    /** When this app was built: a job that has never run is judged from here. */
    startedAt: Date;
  }
}

const DEFAULT_WEB_DIST = fromRepoRoot('web/dist');

/**
 * Builds the whole platform without listening, so tests drive it with `inject` and `server.ts` adds
 * only the process concerns (listening, signals, logging destination).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const hops = config.TRUST_PROXY_HOPS;
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    // Only the configured number of proxies is believed about the client's address (rate limits, audit).
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    bodyLimit: 1_048_576,
  };
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is accepted: a cross-site form cannot send it without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  await app.register(clockPlugin, { clock: options.clock ?? systemClock });
  app.decorate('jobs', options.jobs ?? new JobRegistry());
  app.decorate('startedAt', app.clock());
  await app.register(dbPlugin, { config, ...(options.database ? { database: options.database } : {}) });
  await app.register(errorHandler);
  await app.register(security, { config });
  await app.register(session, { config });
  await app.register(authPlugin);
  await app.register(disclosureGuard);
  await app.register(openapi);
  await app.register(metrics, { config });

  await app.register(publicRoutes, { prefix: '/api', smtpConfigured: Boolean(config.SMTP_HOST) });
  await app.register(auth, { prefix: '/api/auth' });
  await app.register(home, { prefix: '/api/home' });
  await app.register(adminAreas, { prefix: '/api/admin/areas' });
  await app.register(adminProtocol, { prefix: '/api/admin/areas' });
  await app.register(adminAgencies, { prefix: '/api/admin/agencies' });
  await app.register(adminUsers, { prefix: '/api/admin/users' });
  await app.register(adminOutbox, { prefix: '/api/admin/outbox', smtpConfigured: Boolean(config.SMTP_HOST) });
  await app.register(audit, { prefix: '/api/audit' });
  await app.register(agencies, { prefix: '/api/agencies' });
  await app.register(referralDrafts, { prefix: '/api/referral-drafts' });
  await app.register(referrals, { prefix: '/api/referrals', publicUrl: config.PUBLIC_URL });
  await app.register(referralMatches, { prefix: '/api/referrals' });
  await app.register(repeatWindows, { prefix: '/api/repeat-windows' });
  await app.register(seriesRoutes, { prefix: '/api/meeting-series' });
  await app.register(meetingRoutes, { prefix: '/api/meetings', publicUrl: config.PUBLIC_URL });
  await app.register(agenda, { prefix: '/api/meetings', publicUrl: config.PUBLIC_URL });
  await app.register(agendaPackets, { prefix: '/api/meetings' });
  await app.register(research, { prefix: '/api/meetings', publicUrl: config.PUBLIC_URL });
  await app.register(attendance, { prefix: '/api/meetings' });
  await app.register(meetingMode, { prefix: '/api/meetings' });
  await app.register(meetingLive, { prefix: '/api/meetings' });
  await app.register(minutesRoutes, { prefix: '/api/meetings', publicUrl: config.PUBLIC_URL });
  await app.register(screening, { prefix: '/api/screening' });
  await app.register(actions, { prefix: '/api/actions', publicUrl: config.PUBLIC_URL });
  await app.register(caseActions, { prefix: '/api/cases' });
  await app.register(caseBars, { prefix: '/api/cases' });
  await app.register(notifications, { prefix: '/api/notifications' });

  await app.register(staticWeb, { root: config.WEB_DIST ?? DEFAULT_WEB_DIST });
  return app;
}
