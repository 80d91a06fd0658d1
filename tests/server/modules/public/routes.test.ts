import { describe, expect, it } from 'vitest';
import { PublicInfo } from '@marac/shared';
import { meta } from '../../../../server/src/db/schema';
import { baseWorld, signIn, testApp } from '../../helper';

describe('GET /api/public', () => {
  it('says a fresh database holds no demo data', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/public' });
    expect(response.statusCode).toBe(200);
    expect(PublicInfo.parse(response.json())).toEqual({ demo: false, name: 'MARAC' });
  });

  it('says so once the demo flag is set', async () => {
    const { app, database } = await testApp();
    database.db.insert(meta).values({ key: 'demo', value: 'true' }).run();
    const response = await app.inject({ method: 'GET', url: '/api/public' });
    expect(PublicInfo.parse(response.json()).demo).toBe(true);
  });

  it('treats any other value of the flag as not a demo', async () => {
    const { app, database } = await testApp();
    database.db.insert(meta).values({ key: 'demo', value: 'false' }).run();
    expect(PublicInfo.parse((await app.inject({ method: 'GET', url: '/api/public' })).json()).demo).toBe(false);
  });

  it('tells a signed-in user the same through /api/auth/me', async () => {
    const { app, database } = await testApp();
    await baseWorld(database);
    database.db.insert(meta).values({ key: 'demo', value: 'true' }).run();
    const agent = await signIn(app, 'admin@test.invalid');
    const me = await agent.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ demo: boolean }>().demo).toBe(true);
  });

  it('ignores a session cookie that is not valid', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/public', headers: { cookie: 'marac_session=forged' } });
    expect(response.statusCode).toBe(200);
    expect(PublicInfo.parse(response.json()).demo).toBe(false);
  });
});
