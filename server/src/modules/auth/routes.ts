import { eq } from 'drizzle-orm';
import { LoginRequest, Me } from '@marac/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { transaction } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { errorResponses } from '../../lib/openapi';
import { dummyHash, verifyPassword } from '../../lib/passwords';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/repository';
import { isDemo } from '../public/demo-flag';
import { accountKey, addressKey, clearAccountFailures, isLockedOut, recordFailure } from './login';
import { buildMe } from './me';
import { createSession, findActiveSession, revokeSession, revokeSessionToken } from './session-store';

const INVALID = 'The e-mail address or password is not right';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; starts a new session',
        body: LoginRequest,
        response: { 200: Me, ...errorResponses(400, 401, 415, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const db = app.database.db;
      const keys = [accountKey(email), addressKey(request.ip)];
      const now = app.clock();
      if (isLockedOut(db, keys, now)) {
        app.metrics.signInFailures.inc({ reason: 'locked_out' });
        throw new AppError(429, 'too_many_attempts', 'Too many failed attempts: wait 5 minutes before trying again');
      }
      const user = db.select().from(users).where(eq(users.email, email)).get();
      // Always verify something, so an unknown account takes as long to refuse as a wrong password.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      const later = app.clock();
      if (!user || !ok || user.disabledAt) {
        transaction(app.database, (tx) => {
          recordFailure(tx, keys, later);
          recordAudit(tx, { userId: user?.id ?? null, userEmail: null, ip: request.ip }, { action: 'sign_in_failed', entityType: 'session' }, later);
        });
        app.metrics.signInFailures.inc({ reason: 'invalid_credentials' });
        throw new AppError(401, 'invalid_credentials', INVALID);
      }

      // A fresh session id at every sign-in: an id planted before sign-in is never promoted.
      const previous = request.cookies[app.sessionCookie.name];
      const created = transaction(app.database, (tx) => {
        if (previous) revokeSessionToken(tx, previous, later);
        clearAccountFailures(tx, email);
        tx.update(users).set({ lastSignedInAt: later.toISOString() }).where(eq(users.id, user.id)).run();
        const s = createSession(tx, user.id, request.ip, later, app.sessionLimits);
        recordAudit(tx, { userId: user.id, userEmail: user.email, ip: request.ip }, { action: 'sign_in', entityType: 'session' }, later);
        return s;
      });
      const session = findActiveSession(db, created.token, later, app.sessionLimits);
      if (!session) throw new Error('a session just created could not be read back');
      reply.setCookie(app.sessionCookie.name, created.token, app.sessionCookie.options);
      return buildMe(db, session, isDemo(db));
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session on the server', response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      const session = request.session;
      if (session) {
        transaction(app.database, (tx) => {
          revokeSession(tx, session.idHash, app.clock());
          recordAudit(tx, actorOf(request), { action: 'sign_out', entityType: 'session' }, app.clock());
        });
      }
      reply.clearCookie(app.sessionCookie.name, app.sessionCookie.options);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'The signed-in user, their role, agency and areas', response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => buildMe(app.database.db, request.session!, isDemo(app.database.db)),
  );
};

export default routes;
