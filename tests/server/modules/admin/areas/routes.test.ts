import { describe, expect, it } from 'vitest';
import { ApiError, Area, AreaList } from '@marac/shared';
import { areas, auditEvents } from '../../../../../server/src/db/schema';
import { baseWorld, makeArea, signIn, testApp } from '../../../helper';
import { adminVersion } from '../../meetings/versions';

type Ctx = Awaited<ReturnType<typeof testApp>>;

async function adminWorld() {
  const ctx = await testApp();
  const world = await baseWorld(ctx.database);
  const admin = await signIn(ctx.app, 'admin@test.invalid');
  return { ...ctx, ...world, agent: admin };
}

/** Audit rows written after sign-in: the ones a change under test is responsible for. */
const changeRows = (ctx: Ctx) =>
  ctx.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType !== 'session');

const areaRow = (ctx: Ctx, id: string) => ctx.database.db.select().from(areas).all().find((a) => a.id === id);

const fullArea = {
  name: 'Northshire',
  code: 'north',
  description: 'The northern MARAC',
  postcodeDistricts: ['ne1', 'NE2 ', 'NE1'],
  adultFemalePopulation: 120_000,
  settings: { repeatAnchor: 'last_referral', visibleHighRiskThreshold: 12, escalationIncidents: 4, escalationMonths: 6 },
};

describe('POST /api/admin/areas', () => {
  it('creates an area, normalising its code and postcode districts, and audits it', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: fullArea });
    expect(response.statusCode).toBe(201);
    const area = Area.parse(response.json());
    expect(area).toMatchObject({
      name: 'Northshire',
      code: 'NORTH',
      description: 'The northern MARAC',
      postcodeDistricts: ['NE1', 'NE2'],
      adultFemalePopulation: 120_000,
      settings: fullArea.settings,
      createdAt: '2026-11-23T10:00:00.000Z',
      disabledAt: null,
    });
    expect(areaRow(ctx, area.id)).toMatchObject({ code: 'NORTH', postcodeDistricts: ['NE1', 'NE2'], settings: fullArea.settings });

    const audit = changeRows(ctx);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      entityType: 'area',
      entityId: area.id,
      userId: ctx.admin.id,
      userEmail: 'admin@test.invalid',
      ip: '127.0.0.1',
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(JSON.stringify(audit[0]?.detail ?? null)).not.toContain('Northshire');
  });

  it('fills in the defaults for what is not sent', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: { name: 'Minimal', code: 'MIN' } });
    expect(response.statusCode).toBe(201);
    expect(Area.parse(response.json())).toMatchObject({
      description: null,
      postcodeDistricts: [],
      adultFemalePopulation: null,
      settings: { repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 },
    });
  });

  it('names each invalid field and stores nothing', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/areas',
      payload: { name: 'Bad', code: 'no spaces!', postcodeDistricts: ['NOT A DISTRICT'], settings: { visibleHighRiskThreshold: 30 } },
    });
    expect(response.statusCode).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['code', 'postcodeDistricts.0', 'settings.visibleHighRiskThreshold']);
    expect(ctx.database.db.select().from(areas).all()).toHaveLength(1);
    expect(changeRows(ctx)).toHaveLength(0);
  });

  it('names a missing name', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: { name: '   ', code: 'BLANK' } });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['name']);
    expect(changeRows(ctx)).toHaveLength(0);
  });

  it('refuses a code already in use, whatever its case, with 409 naming the field', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: { name: 'Another', code: 'test' } });
    expect(response.statusCode).toBe(409);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('conflict');
    expect(body.fields.map((f) => f.field)).toEqual(['code']);
    expect(ctx.database.db.select().from(areas).all()).toHaveLength(1);
    expect(changeRows(ctx)).toHaveLength(0);
  });
});

describe('GET /api/admin/areas', () => {
  it('lists every area by name', async () => {
    const ctx = await adminWorld();
    makeArea(ctx.database, { name: 'Zedshire', code: 'ZED' });
    makeArea(ctx.database, { name: 'Aardvark Vale', code: 'AAV', disabledAt: '2026-02-01T00:00:00.000Z' });
    const response = await ctx.agent.request({ method: 'GET', url: '/api/admin/areas' });
    expect(response.statusCode).toBe(200);
    const list = AreaList.parse(response.json());
    expect(list.map((a) => a.name)).toEqual(['Aardvark Vale', 'Testshire', 'Zedshire']);
    expect(list[0]?.disabledAt).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('PATCH /api/admin/areas/:id', () => {
  async function withFullArea() {
    const ctx = await adminWorld();
    const created = Area.parse((await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: fullArea })).json());
    return { ...ctx, created };
  }

  it('renames an area and keeps everything else, settings and postcode districts included', async () => {
    const ctx = await withFullArea();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), name: 'North Shire' } });
    expect(response.statusCode).toBe(200);
    const updated = Area.parse(response.json());
    expect(updated).toEqual({ ...ctx.created, name: 'North Shire', version: 1 });
    expect(areaRow(ctx, ctx.created.id)).toMatchObject({
      name: 'North Shire',
      code: 'NORTH',
      description: 'The northern MARAC',
      postcodeDistricts: ['NE1', 'NE2'],
      adultFemalePopulation: 120_000,
      settings: fullArea.settings,
    });

    const updates = changeRows(ctx).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ entityType: 'area', entityId: ctx.created.id, userId: ctx.admin.id, ip: '127.0.0.1', detail: { fields: ['name'] } });
    expect(JSON.stringify(updates[0]?.detail)).not.toContain('North Shire');
  });

  it('changes the settings without touching the name or districts', async () => {
    const ctx = await withFullArea();
    const settings = { repeatAnchor: 'last_referral', visibleHighRiskThreshold: 10, escalationIncidents: 2, escalationMonths: 12 };
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), settings } });
    expect(response.statusCode).toBe(200);
    expect(Area.parse(response.json())).toEqual({ ...ctx.created, settings, version: 1 });
    expect(changeRows(ctx).filter((e) => e.action === 'update')[0]?.detail).toEqual({ fields: ['settings'] });
  });

  it('never silently resets the settings a partial settings change did not mention', async () => {
    const ctx = await withFullArea();
    const response = await ctx.agent.request({
      method: 'PATCH',
      url: `/api/admin/areas/${ctx.created.id}`,
      payload: { version: adminVersion(ctx, 'areas', ctx.created.id), settings: { visibleHighRiskThreshold: 10 } },
    });
    // Either merged into the current settings or refused: the unmentioned settings keep their values.
    expect([200, 400]).toContain(response.statusCode);
    const stored = areaRow(ctx, ctx.created.id);
    expect(stored?.settings).toMatchObject({ escalationIncidents: 4, escalationMonths: 6 });
    if (response.statusCode === 200) expect(stored?.settings.visibleHighRiskThreshold).toBe(10);
  });

  it('clears the description when null is sent and keeps it when it is left out', async () => {
    const ctx = await withFullArea();
    await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), adultFemalePopulation: 130_000 } });
    expect(areaRow(ctx, ctx.created.id)).toMatchObject({ description: 'The northern MARAC', adultFemalePopulation: 130_000 });
    await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), description: null } });
    expect(areaRow(ctx, ctx.created.id)).toMatchObject({ description: null, adultFemalePopulation: 130_000, postcodeDistricts: ['NE1', 'NE2'] });
  });

  it('keeps its own code, but refuses another area’s code with 409 and changes nothing', async () => {
    const ctx = await withFullArea();
    const same = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), code: 'north', name: 'Renamed' } });
    expect(same.statusCode).toBe(200);

    const auditBefore = changeRows(ctx).length;
    const clash = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.created.id}`, payload: { version: adminVersion(ctx, 'areas', ctx.created.id), code: 'TEST', name: 'Clash' } });
    expect(clash.statusCode).toBe(409);
    const body = ApiError.parse(clash.json());
    expect(body.code).toBe('conflict');
    expect(body.fields.map((f) => f.field)).toEqual(['code']);
    expect(areaRow(ctx, ctx.created.id)).toMatchObject({ code: 'NORTH', name: 'Renamed' });
    expect(changeRows(ctx)).toHaveLength(auditBefore);
  });

  it('names invalid fields in a change and changes nothing', async () => {
    const ctx = await withFullArea();
    const auditBefore = changeRows(ctx).length;
    const response = await ctx.agent.request({
      method: 'PATCH',
      url: `/api/admin/areas/${ctx.created.id}`,
      payload: { version: adminVersion(ctx, 'areas', ctx.created.id), name: 'Changed', postcodeDistricts: ['NE1', '???'], settings: { ...fullArea.settings, visibleHighRiskThreshold: 0 } },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field).sort()).toEqual(['postcodeDistricts.1', 'settings.visibleHighRiskThreshold']);
    expect(areaRow(ctx, ctx.created.id)).toMatchObject({ name: 'Northshire', postcodeDistricts: ['NE1', 'NE2'], settings: fullArea.settings });
    expect(changeRows(ctx)).toHaveLength(auditBefore);
  });

  it('answers 404 for an area that does not exist, and 400 for an id that is not one', async () => {
    const ctx = await adminWorld();
    const missing = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${crypto.randomUUID()}`, payload: { version: adminVersion(ctx, 'areas', crypto.randomUUID()), name: 'Ghost' } });
    expect(missing.statusCode).toBe(404);
    expect(ApiError.parse(missing.json()).code).toBe('not_found');
    const malformed = await ctx.agent.request({ method: 'PATCH', url: '/api/admin/areas/not-an-id', payload: { name: 'Ghost' } });
    expect(malformed.statusCode).toBe(400);
    expect(ApiError.parse(malformed.json()).fields.map((f) => f.field)).toEqual(['id']);
    expect(changeRows(ctx)).toHaveLength(0);
  });
});

describe('an area changed by two administrators', () => {
  it('refuses a change from a version someone else has changed since, changing nothing, and takes one from the newer version', async () => {
    const ctx = await adminWorld();
    const created = Area.parse((await ctx.agent.request({ method: 'POST', url: '/api/admin/areas', payload: fullArea })).json());
    expect(created.version).toBe(0);
    const theirs = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${created.id}`, payload: { version: 0, settings: { escalationIncidents: 5 } } });
    expect(Area.parse(theirs.json())).toMatchObject({ version: 1, settings: { escalationIncidents: 5 } });
    const before = { row: areaRow(ctx, created.id), audit: changeRows(ctx).length };
    const stale = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${created.id}`, payload: { version: 0, name: 'North', settings: { escalationIncidents: 4 } } });
    expect(stale.statusCode).toBe(409);
    expect(ApiError.parse(stale.json())).toMatchObject({ code: 'conflict', fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }] });
    expect({ row: areaRow(ctx, created.id), audit: changeRows(ctx).length }).toEqual(before);
    const fresh = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${created.id}`, payload: { version: 1, name: 'North' } });
    expect(Area.parse(fresh.json())).toMatchObject({ name: 'North', version: 2, settings: { escalationIncidents: 5 } });
    // The audit row names the fields changed; the version is not one of them.
    expect(changeRows(ctx).filter((e) => e.action === 'update').at(-1)?.detail).toEqual({ fields: ['name'] });
  });

  it('lets exactly one of two changes sent at once from the same version win', async () => {
    const ctx = await adminWorld();
    const answers = await Promise.all(['One', 'Two'].map((name) => ctx.agent.request({ method: 'PATCH', url: `/api/admin/areas/${ctx.area.id}`, payload: { version: 0, name } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = Area.parse(answers.find((a) => a.statusCode === 200)?.json());
    expect(areaRow(ctx, ctx.area.id)).toMatchObject({ name: winner.name, version: 1 });
  });
});
