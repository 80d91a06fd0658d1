import { describe, expect, it } from 'vitest';
import { ApiError } from '@marac/shared';
import { admitListed } from '../../../server/src/modules/cases/policy';
import { baseWorld, makeUser, signIn, unreadyTestApp } from '../helper';

const CASE = '5f0c2d2e-8f43-4a8e-9b7a-2b1f8f3d9c11';

/**
 * The platform with three more routes, as a later change might add them: one that names a case without
 * asking the disclosure policy, one that asks, and one that declares it sends case ids only.
 */
async function appWithRoutes() {
  const { app, database } = await unreadyTestApp();
  app.get('/api/zz/unasked', { config: { access: 'signed-in' } }, async () => ({ items: [{ caseId: CASE, victimName: 'Alice Ashdown' }] }));
  app.get('/api/zz/asked', { config: { access: 'signed-in' } }, async (request) => {
    admitListed(request.session!.user, [CASE]);
    return { items: [{ caseId: CASE }] };
  });
  app.get('/api/zz/ids-only', { config: { access: 'signed-in', caseIdsOnly: true } }, async () => ({ rows: [{ detail: { caseId: CASE } }] }));
  await app.ready();
  const { area } = await baseWorld(database);
  const user = await makeUser(database, { role: 'coordinator', areaIds: [area.id], email: 'coord@test.invalid' });
  return { app, agent: await signIn(app, user.email) };
}

describe('the response guard', () => {
  it('turns a response naming a case the policy did not grant into a 500 that carries nothing of it', async () => {
    const { agent } = await appWithRoutes();
    const response = await agent.request({ method: 'GET', url: '/api/zz/unasked' });
    expect(response.statusCode).toBe(500);
    expect(ApiError.parse(response.json()).code).toBe('internal_error');
    expect(response.body).not.toContain(CASE);
    expect(response.body).not.toContain('Alice');
  });

  it('lets a case the policy granted during the request leave, and a route that sends ids only', async () => {
    const { agent } = await appWithRoutes();
    expect((await agent.request({ method: 'GET', url: '/api/zz/asked' })).json()).toEqual({ items: [{ caseId: CASE }] });
    expect((await agent.request({ method: 'GET', url: '/api/zz/ids-only' })).statusCode).toBe(200);
  });

  it('grants nothing from one request to the next', async () => {
    const { agent } = await appWithRoutes();
    expect((await agent.request({ method: 'GET', url: '/api/zz/asked' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'GET', url: '/api/zz/unasked' })).statusCode).toBe(500);
  });
});
