import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@marac/shared';
import { auditEvents } from '../../../../server/src/db/schema';
import { decide, referralSubmission, referralWorld, submitReferral, type World } from '../referrals/factories';

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.app.close();
});

async function world() {
  const w = await referralWorld();
  worlds.push(w);
  const referral = await submitReferral(w.agents.rep, referralSubmission(w.area.id));
  return { ...w, referral };
}

const views = (w: World, entityId: string) =>
  w.database.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.action === 'view' && e.entityId === entityId);

describe('audited reads', () => {
  it('answer only once their audit row is written, one row per read, each with its reader', async () => {
    const w = await world();
    const readers = [w.agents.coordinator, w.agents.chair, w.agents.rep];
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => readers[i % 3]!.request({ method: 'GET', url: `/api/referrals/${w.referral.id}` })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const rows = views(w, w.referral.id);
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.userId === w.users.coordinator.id)).toHaveLength(4);
    expect(rows.filter((r) => r.userId === w.users.rep.id)).toHaveLength(4);
  });

  it('fail closed: when the audit row cannot be committed, the reader gets a 500 and nothing of the record', async () => {
    const w = await world();
    w.database.sqlite.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_events WHEN NEW.action = 'view' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const refused = await w.agents.coordinator.request({ method: 'GET', url: `/api/referrals/${w.referral.id}` });
    expect(refused.statusCode).toBe(500);
    expect(ApiError.parse(refused.json()).code).toBe('internal_error');
    expect(refused.body).not.toContain('Ashdown');
    expect(refused.body).not.toContain(w.referral.reference);
    expect(views(w, w.referral.id)).toHaveLength(0);

    // Lists are audited as 'list', not 'view': the trigger leaves them be, so the app itself is not broken.
    const queue = await w.agents.coordinator.request({ method: 'GET', url: '/api/screening' });
    expect(queue.statusCode).toBe(200);

    w.database.sqlite.exec('DROP TRIGGER audit_fails');
    const shown = await w.agents.coordinator.request({ method: 'GET', url: `/api/referrals/${w.referral.id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Ashdown');
    expect(views(w, w.referral.id)).toHaveLength(1);
  });

  it("keep the order of events: a view's row comes before the row of a change made after it", async () => {
    const w = await world();
    const viewing = w.agents.coordinator.request({ method: 'GET', url: `/api/referrals/${w.referral.id}` });
    const deciding = decide(w.agents.coordinator, w.referral.id, { decision: 'accept' });
    const [viewed, decided] = await Promise.all([viewing, deciding]);
    expect(viewed.statusCode).toBe(200);
    expect(decided.statusCode, decided.body).toBe(200);
    const order = w.database.sqlite
      .prepare("SELECT action FROM audit_events WHERE entity_id = ? AND entity_type = 'referral' AND action IN ('view', 'decide') ORDER BY rowid")
      .all(w.referral.id)
      .map((r) => (r as { action: string }).action);
    expect(order).toEqual(['view', 'decide']);
  });
});
