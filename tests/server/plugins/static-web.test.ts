import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@marac/shared';
import { buildApp } from '../../../server/src/app';
import { testConfig } from '../../../server/src/config';
import { openDatabase, type Database_ } from '../../../server/src/db/client';
import { NO_WEB_BUILD } from '../helper';

type App = Awaited<ReturnType<typeof buildApp>>;

const databases: Database_[] = [];
const apps: App[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const database of databases.splice(0)) database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const INDEX = '<!doctype html><html><head><title>MARAC</title></head><body><div id="root"></div></body></html>';

/** A minimal built SPA in a temporary folder. */
function webBuild() {
  const root = mkdtempSync(join(tmpdir(), 'marac-web-'));
  folders.push(root);
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  return root;
}

async function appServing(webDist: string) {
  const database = openDatabase(':memory:');
  databases.push(database);
  const app = await buildApp({ config: testConfig({ WEB_DIST: webDist }), database });
  apps.push(app);
  await app.ready();
  return app;
}

describe('serving the built SPA', () => {
  it('starts with a web build present and serves index.html at /', async () => {
    const app = await appServing(webBuild());
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toBe(INDEX);
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('answers a client-side route with index.html so a reload works', async () => {
    const app = await appServing(webBuild());
    const response = await app.inject({ method: 'GET', url: '/referrals/123' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    // A new deployment must be picked up at once: the page is always revalidated.
    expect(response.headers['cache-control']).toMatch(/no-cache|no-store|max-age=0/);
  });

  it('serves the built assets', async () => {
    const app = await appServing(webBuild());
    const response = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
  });

  it('still answers an unknown /api path with a 404 ApiError, never the SPA', async () => {
    const app = await appServing(webBuild());
    const response = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(ApiError.parse(response.json()).code).toBe('not_found');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain('<html');
  });

  it('keeps the API working next to the SPA', async () => {
    const app = await appServing(webBuild());
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the API alone when there is no build', async () => {
    const app = await appServing(NO_WEB_BUILD);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const page = await app.inject({ method: 'GET', url: '/referrals/123' });
    expect(page.statusCode).toBe(404);
    expect(ApiError.parse(page.json()).code).toBe('not_found');
  });
});
