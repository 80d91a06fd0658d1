import fp from 'fastify-plugin';
import { isApiRequest } from '../lib/api-path';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers with ids of cases but never their data, for someone whose work is the record
     * itself (the administrator's audit trail): the guard lets its case ids pass. Say why where it is set.
     */
    caseIdsOnly?: true;
  }
}

/** Every case id a JSON payload names, at any depth, under a `caseId` key. */
function namedCases(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) namedCases(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'caseId' && typeof inner === 'string') found.add(inner);
      else namedCases(inner, found);
    }
  }
  return found;
}

/**
 * The last check before an answer leaves: a successful JSON response may name only the cases the
 * disclosure policy granted during this request (`modules/cases/policy.ts`). Every payload that carries
 * a case's data names its `caseId`, so a route that reads a case without asking the policy fails here
 * with a 500 instead of sending the case. Server-sent events and PDFs are written by routes that ask
 * the policy for each case themselves.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 200 || reply.statusCode >= 300 || typeof payload !== 'string' || !isApiRequest(request)) return payload;
      if (request.routeOptions.config.caseIdsOnly) return payload;
      if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
      if (!payload.includes('"caseId"')) return payload;
      const named = namedCases(JSON.parse(payload) as unknown, new Set());
      const granted = request.session?.user.disclosed ?? new Set<string>();
      const undisclosed = [...named].filter((id) => !granted.has(id));
      if (undisclosed.length === 0) return payload;
      // Ids only: which route, and how many cases it tried to send without the policy's say.
      request.log.error({ route: request.routeOptions.url, cases: undisclosed.length }, 'response names cases the disclosure policy did not grant');
      reply.code(500);
      return JSON.stringify({ code: 'internal_error', message: 'Something went wrong on our side', fields: [], requestId: String(request.id) });
    });
  },
  { name: 'disclosure-guard', dependencies: ['session'] },
);
