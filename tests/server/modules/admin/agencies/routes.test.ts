import { describe, expect, it } from 'vitest';
import { Agency, AgencyList, ApiError } from '@marac/shared';
import { agencies, agencyAreas, auditEvents } from '../../../../../server/src/db/schema';
import { baseWorld, makeAgency, makeArea, signIn, testApp } from '../../../helper';
import { adminVersion } from '../../meetings/versions';

type Ctx = Awaited<ReturnType<typeof testApp>>;

async function adminWorld() {
  const ctx = await testApp();
  const world = await baseWorld(ctx.database);
  const second = makeArea(ctx.database, { name: 'Secondshire', code: 'SECOND' });
  const agent = await signIn(ctx.app, 'admin@test.invalid');
  return { ...ctx, ...world, second, agent };
}

const changeRows = (ctx: Ctx) =>
  ctx.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entityType !== 'session');

const agencyRow = (ctx: Ctx, id: string) => ctx.database.db.select().from(agencies).all().find((a) => a.id === id);
const linkedAreas = (ctx: Ctx, id: string) =>
  ctx.database.db
    .select()
    .from(agencyAreas)
    .all()
    .filter((l) => l.agencyId === id)
    .map((l) => l.areaId)
    .sort();

describe('POST /api/admin/agencies', () => {
  it('creates an agency serving the areas chosen, and audits it', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: { name: 'Testshire Housing', kind: 'housing', secureEmail: 'MARAC@Housing.Test.Invalid', areaIds: [ctx.area.id, ctx.second.id, ctx.area.id] },
    });
    expect(response.statusCode).toBe(201);
    const agency = Agency.parse(response.json());
    expect(agency).toMatchObject({ name: 'Testshire Housing', kind: 'housing', secureEmail: 'marac@housing.test.invalid', createdAt: '2026-11-23T10:00:00.000Z', disabledAt: null });
    expect([...agency.areaIds].sort()).toEqual([ctx.area.id, ctx.second.id].sort());
    expect(linkedAreas(ctx, agency.id)).toEqual([ctx.area.id, ctx.second.id].sort());

    const audit = changeRows(ctx);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 'agency', entityId: agency.id, userId: ctx.admin.id, ip: '127.0.0.1' });
    expect(JSON.stringify(audit[0]?.detail ?? null)).not.toContain('Housing');
  });

  it('names each invalid field and stores nothing', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: { name: '', kind: 'pirates', secureEmail: 'not-an-address', areaIds: [] },
    });
    expect(response.statusCode).toBe(400);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['areaIds', 'kind', 'name', 'secureEmail']);
    expect(ctx.database.db.select().from(agencies).all()).toHaveLength(1);
    expect(changeRows(ctx)).toHaveLength(0);
  });

  it('refuses an area that does not exist, naming areaIds, and stores nothing', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: { name: 'Lost Agency', kind: 'other', areaIds: [ctx.area.id, crypto.randomUUID()] },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaIds']);
    expect(ctx.database.db.select().from(agencies).all().map((a) => a.name)).toEqual(['Testshire Police']);
    expect(ctx.database.db.select().from(agencyAreas).all()).toHaveLength(1);
    expect(changeRows(ctx)).toHaveLength(0);
  });

  it('refuses a name already in use with 409 naming the field', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: { name: 'Testshire Police', kind: 'police', areaIds: [ctx.second.id] },
    });
    expect(response.statusCode).toBe(409);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('conflict');
    expect(body.fields.map((f) => f.field)).toEqual(['name']);
    expect(ctx.database.db.select().from(agencies).all()).toHaveLength(1);
    expect(changeRows(ctx)).toHaveLength(0);
  });
});

describe('GET /api/admin/agencies', () => {
  it('lists every agency by name with its areas', async () => {
    const ctx = await adminWorld();
    makeAgency(ctx.database, [ctx.second.id], { name: 'Acme IDVA Service', kind: 'idva' });
    makeAgency(ctx.database, [ctx.area.id, ctx.second.id], { name: 'Zeta Probation', kind: 'probation' });
    const response = await ctx.agent.request({ method: 'GET', url: '/api/admin/agencies' });
    expect(response.statusCode).toBe(200);
    const list = AgencyList.parse(response.json());
    expect(list.map((a) => a.name)).toEqual(['Acme IDVA Service', 'Testshire Police', 'Zeta Probation']);
    expect(list[0]?.areaIds).toEqual([ctx.second.id]);
    expect([...(list[2]?.areaIds ?? [])].sort()).toEqual([ctx.area.id, ctx.second.id].sort());
  });
});

describe('PATCH /api/admin/agencies/:id', () => {
  async function withAgency() {
    const ctx = await adminWorld();
    const agency = makeAgency(ctx.database, [ctx.area.id, ctx.second.id], { name: 'Old Name', kind: 'mental_health', secureEmail: 'mh@test.invalid' });
    return { ...ctx, agency };
  }

  it('renames an agency and keeps its kind, mailbox and areas', async () => {
    const ctx = await withAgency();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.agency.id}`, payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), name: 'New Name' } });
    expect(response.statusCode).toBe(200);
    const agency = Agency.parse(response.json());
    expect(agency).toMatchObject({ name: 'New Name', kind: 'mental_health', secureEmail: 'mh@test.invalid' });
    expect([...agency.areaIds].sort()).toEqual([ctx.area.id, ctx.second.id].sort());
    expect(agencyRow(ctx, ctx.agency.id)).toMatchObject({ name: 'New Name', kind: 'mental_health', secureEmail: 'mh@test.invalid' });
    expect(linkedAreas(ctx, ctx.agency.id)).toEqual([ctx.area.id, ctx.second.id].sort());

    const audit = changeRows(ctx);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', entityType: 'agency', entityId: ctx.agency.id, userId: ctx.admin.id, ip: '127.0.0.1', detail: { fields: ['name'] } });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('New Name');
  });

  it('replaces the areas served when they are sent', async () => {
    const ctx = await withAgency();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.agency.id}`, payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), areaIds: [ctx.second.id] } });
    expect(response.statusCode).toBe(200);
    expect(Agency.parse(response.json())).toMatchObject({ name: 'Old Name', areaIds: [ctx.second.id] });
    expect(linkedAreas(ctx, ctx.agency.id)).toEqual([ctx.second.id]);
    expect(changeRows(ctx)[0]?.detail).toEqual({ fields: ['areaIds'] });
  });

  it('clears the mailbox when null is sent', async () => {
    const ctx = await withAgency();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.agency.id}`, payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), secureEmail: null } });
    expect(Agency.parse(response.json()).secureEmail).toBeNull();
    expect(agencyRow(ctx, ctx.agency.id)).toMatchObject({ name: 'Old Name', secureEmail: null });
  });

  it('changes nothing at all when one of the areas does not exist', async () => {
    const ctx = await withAgency();
    const response = await ctx.agent.request({
      method: 'PATCH',
      url: `/api/admin/agencies/${ctx.agency.id}`,
      payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), name: 'Half Done', kind: 'housing', areaIds: [crypto.randomUUID()] },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['areaIds']);
    expect(agencyRow(ctx, ctx.agency.id)).toMatchObject({ name: 'Old Name', kind: 'mental_health' });
    expect(linkedAreas(ctx, ctx.agency.id)).toEqual([ctx.area.id, ctx.second.id].sort());
    expect(changeRows(ctx)).toHaveLength(0);
  });

  it('refuses another agency’s name with 409 and changes nothing', async () => {
    const ctx = await withAgency();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.agency.id}`, payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), name: 'Testshire Police' } });
    expect(response.statusCode).toBe(409);
    const body = ApiError.parse(response.json());
    expect(body.code).toBe('conflict');
    expect(body.fields.map((f) => f.field)).toEqual(['name']);
    expect(agencyRow(ctx, ctx.agency.id)?.name).toBe('Old Name');
    expect(changeRows(ctx)).toHaveLength(0);
    const own = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.agency.id}`, payload: { version: adminVersion(ctx, 'agencies', ctx.agency.id), name: 'Old Name', kind: 'housing' } });
    expect(own.statusCode).toBe(200);
  });

  it('answers 404 for an agency that does not exist', async () => {
    const ctx = await adminWorld();
    const response = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${crypto.randomUUID()}`, payload: { version: adminVersion(ctx, 'agencies', crypto.randomUUID()), name: 'Ghost' } });
    expect(response.statusCode).toBe(404);
    expect(ApiError.parse(response.json()).code).toBe('not_found');
    expect(changeRows(ctx)).toHaveLength(0);
  });
});

describe('an agency changed by two administrators', () => {
  it('refuses a change from a version someone else has changed since, changing nothing, and takes one from the newer version', async () => {
    const ctx = await adminWorld();
    const theirs = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.police.id}`, payload: { version: 0, areaIds: [ctx.area.id, ctx.second.id] } });
    expect(Agency.parse(theirs.json())).toMatchObject({ version: 1 });
    const before = { row: agencyRow(ctx, ctx.police.id), areas: linkedAreas(ctx, ctx.police.id), audit: changeRows(ctx).length };
    // From the page as it was: it would have taken the second area away again.
    const stale = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.police.id}`, payload: { version: 0, name: 'Testshire Constabulary', areaIds: [ctx.area.id] } });
    expect(stale.statusCode).toBe(409);
    expect(ApiError.parse(stale.json())).toMatchObject({ code: 'conflict', fields: [{ field: 'version', message: 'Changed by someone else meanwhile' }] });
    expect({ row: agencyRow(ctx, ctx.police.id), areas: linkedAreas(ctx, ctx.police.id), audit: changeRows(ctx).length }).toEqual(before);
    const fresh = await ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.police.id}`, payload: { version: 1, name: 'Testshire Constabulary' } });
    expect(Agency.parse(fresh.json())).toMatchObject({ name: 'Testshire Constabulary', version: 2, areaIds: [ctx.area.id, ctx.second.id].sort() });
  });

  it('lets exactly one of two changes sent at once from the same version win', async () => {
    const ctx = await adminWorld();
    const answers = await Promise.all(['One', 'Two'].map((name) => ctx.agent.request({ method: 'PATCH', url: `/api/admin/agencies/${ctx.police.id}`, payload: { version: 0, name } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = Agency.parse(answers.find((a) => a.statusCode === 200)?.json());
    expect(agencyRow(ctx, ctx.police.id)).toMatchObject({ name: winner.name, version: 1 });
  });
});
