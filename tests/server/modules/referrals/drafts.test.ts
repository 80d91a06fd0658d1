import { describe, expect, it } from 'vitest';
import { ApiError, REFERRAL_DRAFT_MAX_BYTES, ReferralDraft } from '@marac/shared';
import { referralDrafts } from '../../../../server/src/db/schema';
import { referralAudit, referralWorld, rowCounts, type World } from './factories';

const save = (world: World, payload: unknown, agent = world.agents.rep) => agent.request({ method: 'POST', url: '/api/referral-drafts', payload: { payload } });

describe('referral drafts', () => {
  it('saves, loads, replaces and deletes a draft for its writer, auditing each step as a referral draft', async () => {
    const world = await referralWorld();
    const form = { step: 'victim', victim: { givenName: 'Half', familyName: 'Written' }, notes: ['anything the form keeps'] };
    const created = await save(world, form);
    expect(created.statusCode).toBe(201);
    const draft = ReferralDraft.parse(created.json());
    expect(draft).toMatchObject({ payload: form, createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z' });
    expect(world.database.db.select().from(referralDrafts).all()[0]).toMatchObject({ createdBy: world.users.rep.id, agencyId: world.police.id });

    const loaded = await world.agents.rep.request({ method: 'GET', url: `/api/referral-drafts/${draft.id}` });
    expect(loaded.statusCode).toBe(200);
    expect(ReferralDraft.parse(loaded.json()).payload).toEqual(form);

    world.clock.advanceMinutes(5);
    const replaced = await world.agents.rep.request({ method: 'PUT', url: `/api/referral-drafts/${draft.id}`, payload: { payload: { step: 'perpetrators' } } });
    expect(replaced.statusCode).toBe(200);
    expect(ReferralDraft.parse(replaced.json())).toMatchObject({ payload: { step: 'perpetrators' }, createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:05:00.000Z' });

    const deleted = await world.agents.rep.request({ method: 'DELETE', url: `/api/referral-drafts/${draft.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(world.database.db.select().from(referralDrafts).all()).toHaveLength(0);
    expect((await world.agents.rep.request({ method: 'GET', url: `/api/referral-drafts/${draft.id}` })).statusCode).toBe(404);

    const audit = referralAudit(world);
    expect(audit.map((e) => e.action)).toEqual(['create', 'view', 'update', 'delete']);
    expect(audit.every((e) => e.entityId === draft.id && e.userId === world.users.rep.id)).toBe(true);
    expect(audit.every((e) => JSON.stringify(e.detail) === JSON.stringify({ draft: true }))).toBe(true);
  });

  it('lets a coordinator keep drafts too', async () => {
    const world = await referralWorld();
    const created = await save(world, { step: 1 }, world.agents.coordinator);
    expect(created.statusCode).toBe(201);
  });

  it('is invisible to everyone but its writer: 404 for another referrer, coordinator of the same area included, and nothing changes', async () => {
    const world = await referralWorld();
    const draft = ReferralDraft.parse((await save(world, { step: 1 })).json());
    const before = rowCounts(world);
    for (const agent of [world.agents.housingRep, world.agents.coordinator]) {
      for (const [method, payload] of [['GET', undefined], ['PUT', { payload: { step: 'hijacked' } }], ['DELETE', undefined]] as const) {
        const response = await agent.request({ method, url: `/api/referral-drafts/${draft.id}`, ...(payload ? { payload } : {}) });
        expect(response.statusCode, method).toBe(404);
        expect(ApiError.parse(response.json()).code).toBe('not_found');
      }
    }
    expect(rowCounts(world)).toEqual(before);
    expect(world.database.db.select().from(referralDrafts).all()[0]?.payload).toEqual({ step: 1 });
  });

  it('is refused to chairs and observers by role', async () => {
    const world = await referralWorld();
    for (const agent of [world.agents.chair, world.agents.observer]) {
      expect((await save(world, { step: 1 }, agent)).statusCode).toBe(403);
    }
  });

  it('accepts only an object, up to 256 KB', async () => {
    const world = await referralWorld();
    for (const payload of [['a list'], 'text', null]) {
      const response = await save(world, payload);
      expect(response.statusCode).toBe(400);
      expect(ApiError.parse(response.json()).fields.map((f) => f.field)).toEqual(['payload']);
    }
    const tooBig = await save(world, { text: 'x'.repeat(REFERRAL_DRAFT_MAX_BYTES) });
    expect(tooBig.statusCode).toBe(400);
    expect(ApiError.parse(tooBig.json()).fields.map((f) => f.field)).toEqual(['payload']);
    // Counted in UTF-8 bytes, not characters.
    expect((await save(world, { text: 'é'.repeat(REFERRAL_DRAFT_MAX_BYTES / 2) })).statusCode).toBe(400);
    expect((await save(world, { text: 'x'.repeat(REFERRAL_DRAFT_MAX_BYTES - 100) })).statusCode).toBe(201);
    expect(world.database.db.select().from(referralDrafts).all()).toHaveLength(1);
  });
});
