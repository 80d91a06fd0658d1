import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { findActiveSession, touchSession, type ActiveSession, type SessionLimits } from '../modules/auth/session-store';

declare module 'fastify' {
  interface FastifyInstance {
    sessionLimits: SessionLimits;
    sessionCookie: { name: string; options: { httpOnly: true; sameSite: 'strict'; secure: boolean; path: '/' } };
  }
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

/**
 * Loads the server-side session named by the cookie on every request. The cookie carries only a random
 * id; everything else, including the CSRF token, lives in the database so a session can be revoked.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cookie);
    app.decorate('sessionLimits', {
      idleMs: config.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
    });
    // The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and path=/.
    app.decorate('sessionCookie', {
      name: config.SECURE_COOKIES ? '__Host-marac_session' : 'marac_session',
      options: { httpOnly: true, sameSite: 'strict', secure: config.SECURE_COOKIES, path: '/' },
    });
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[app.sessionCookie.name];
      if (!token) return;
      const now = app.clock();
      request.session = findActiveSession(app.database.db, token, now, app.sessionLimits);
      if (!request.session) reply.clearCookie(app.sessionCookie.name, app.sessionCookie.options);
      else if (request.session.touchDue) await touchSession(app.database, request.session, now);
    });
  },
  { name: 'session', dependencies: ['db', 'clock'] },
);
