import { describe, expect, it } from 'vitest';
import { testApp } from '../helper';

type App = Awaited<ReturnType<typeof testApp>>['app'];

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  requestBody?: unknown;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
}

/** Every method + path the router holds, read from Fastify's own route tree. */
function registeredRoutes(app: App): { method: string; url: string }[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const parents: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of lines) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const url = (depth > 0 ? (parents[depth - 1] ?? '') : '') + (match[2] ?? '');
    parents[depth] = url;
    parents.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}

/** `/api/admin/users/:id/` → `/api/admin/users/{id}`: the router's spelling in the document's terms, trailing slash aside. */
const normalise = (url: string) => url.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');

/** Operations every later capability builds on; the test below checks that nothing registered goes undocumented. */
const EXPECTED: [method: string, path: string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['get', '/api/public'],
  ['get', '/api/health'],
  ['get', '/api/home/'],
  ['get', '/api/admin/areas/'],
  ['post', '/api/admin/areas/'],
  ['patch', '/api/admin/areas/{id}'],
  ['get', '/api/admin/agencies/'],
  ['post', '/api/admin/agencies/'],
  ['patch', '/api/admin/agencies/{id}'],
  ['get', '/api/admin/users/'],
  ['post', '/api/admin/users/'],
  ['get', '/api/admin/users/{id}'],
  ['patch', '/api/admin/users/{id}'],
  ['post', '/api/admin/users/{id}/disable'],
  ['post', '/api/admin/users/{id}/enable'],
  ['get', '/api/audit/'],
];

async function fetchDocument(app: App): Promise<OpenApiDocument> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('application/json');
  return response.json<OpenApiDocument>();
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document, readable without signing in', async () => {
    const { app } = await testApp();
    const doc = await fetchDocument(app);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('MARAC platform API');
    expect(doc.components?.securitySchemes).toHaveProperty('session');
  });

  it('documents the foundation operations, spelt as the document spells them', async () => {
    const { app } = await testApp();
    const doc = await fetchDocument(app);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented).toEqual(expect.arrayContaining(EXPECTED.map(([method, path]) => `${method} ${path}`)));
  });

  it('documents every /api route the router holds, except the documentation itself', async () => {
    const { app } = await testApp();
    const doc = await fetchDocument(app);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${normalise(path)}`)),
    );
    const routes = registeredRoutes(app).filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    // The parse found the routes the app is known to have, so an empty list cannot pass by accident.
    expect(routes.length).toBeGreaterThanOrEqual(EXPECTED.length);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/admin/users/:id/disable' });
    const undocumented = routes.filter((r) => !documented.has(`${r.method} ${normalise(r.url)}`));
    expect(undocumented).toEqual([]);
  });

  it('names only operations that really exist', async () => {
    const { app } = await testApp();
    const doc = await fetchDocument(app);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('documents the responses of every operation, and the errors of protected ones', async () => {
    const { app } = await testApp();
    const doc = await fetchDocument(app);
    const publicPaths = new Set(['/api/auth/login', '/api/public', '/api/health', '/api/health/live', '/api/health/ready']);
    // Commands whose address says everything: sign out, enable/disable, build and publish an agenda, chase research, open a case, read a notice, resend or cancel an e-mail.
    const bodiless = (path: string) => path === '/api/auth/logout' || path.endsWith('able') || /\/agenda\/(generate|publish)$|\/research\/chase$|\/cases\/\{itemId\}\/open$|\/minutes\/(generate|sign-off|distribute)$|\/notifications\/\{id\}\/read$|\/outbox\/\{id\}\/(resend|cancel)$/.test(path);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const label = `${method} ${path}`;
        const statuses = Object.keys(operation.responses ?? {});
        expect(statuses.some((s) => /^2\d\d$/.test(s)), label).toBe(true);
        if (!publicPaths.has(path)) expect(statuses, label).toContain('401');
        if (path.startsWith('/api/admin/') || path.startsWith('/api/audit')) expect(statuses, label).toContain('403');
        if (['post', 'patch'].includes(method) && !bodiless(path)) {
          expect(operation.requestBody, label).toBeDefined();
          expect(statuses, label).toContain('400');
        }
        const error = operation.responses?.['401']?.content?.['application/json'];
        if (error) expect(JSON.stringify(error)).toContain('requestId');
      }
    }
  });
});

describe('GET /api/docs', () => {
  it('serves the interactive documentation as HTML without signing in', async () => {
    const { app } = await testApp();
    let response = await app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && response.statusCode >= 300 && response.statusCode < 400; hops++) {
      const location = String(response.headers.location);
      response = await app.inject({ method: 'GET', url: location.startsWith('/') ? location : `/api/docs/${location.replace(/^\.\//, '')}` });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toMatch(/<html/i);
    expect(response.body).toContain('swagger');

    const slash = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(slash.statusCode).toBe(200);
    expect(slash.headers['content-type']).toContain('text/html');
  });
});
