import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, type Role } from '@marac/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isApiRequest } from '../lib/api-path';
import { AppError } from '../lib/errors';

/**
 * Who may call a route. Every /api route must declare one: a route without a declaration is refused
 * when the app starts, so nothing is reachable by accident.
 * - 'public': anyone, signed in or not (sign-in itself, health, what the sign-in page needs);
 * - 'signed-in': any signed-in user (their own session, their home page);
 * - a list of roles: only those roles. Record-level checks still happen in the route's service.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with who may call it: the route table the authorization tests walk in full. */
    apiRoutes: { method: string; url: string; access: Access }[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Documentation routes registered by @fastify/swagger-ui; they describe the API and hold no data. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/') || url === '/api/openapi.json';

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp(
  async (app) => {
    app.decorate('apiRoutes', [] as FastifyInstance['apiRoutes']);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      if (isDocsRoute(route.url)) {
        route.config = { ...route.config, access: 'public' };
        return;
      }
      if (!route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} does not declare who may call it (config.access)`);
      }
      for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access: route.config.access });
    });

    // onRequest runs before the body is parsed, so a caller without rights learns nothing about the
    // route's validation rules and the handler never runs.
    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      if (access === undefined) {
        // No route matched (the not-found handler), or a route outside the API (the web app's files).
        if (request.is404 || !isApiRequest(request) || isDocsRoute(request.routeOptions.url ?? '')) return;
        throw new AppError(403, 'forbidden', 'You do not have permission to do that');
      }
      if (access === 'public') return;
      if (!request.session) throw new AppError(401, 'unauthenticated', 'Sign in to continue');
      if (access !== 'signed-in' && !access.includes(request.session.user.role)) {
        throw new AppError(403, 'forbidden', 'You do not have permission to do that');
      }
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
          throw new AppError(403, 'csrf_failed', 'This page has expired: reload it and try again');
        }
      }
    });
  },
  { name: 'auth', dependencies: ['session'] },
);
