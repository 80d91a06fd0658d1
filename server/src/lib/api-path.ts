import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is for the API. Decided from the route the router matched (which sees the decoded
 * path), not the raw URL: `/%61pi/...` reaches the same routes as `/api/...` and must meet the same checks.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route && route !== '*' && route !== '/*') return route.startsWith('/api/') || route === '/api';
  let path = request.url.split('?')[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is not a path we serve; judge it as written.
  }
  return path.startsWith('/api/') || path === '/api';
}
