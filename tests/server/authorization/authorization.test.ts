/**
 * The generated authorisation test. fast-check makes worlds (areas, agencies, cases of one to four
 * referrals, merges, repeat referrals, unsafe contacts by agency and by e-mail, confirmed identities,
 * coordinators' bars, meetings in every status with research, actions and minutes); each is built
 * through the API, then every route of the app's route table is called as every user with every id of
 * the world, and everything anyone received — answers, notifications, e-mails, live events — is judged
 * against an oracle worked out from the world's history alone (`oracle.ts`).
 *
 * The default run is quick (a few small worlds). `pnpm test:authorization:deep` runs many more, larger
 * ones. Settings (environment): AUTHZ_RUNS (worlds), AUTHZ_SEED (fast-check seed, printed on failure),
 * AUTHZ_DEEP=1 (larger worlds), AUTHZ_SHRINKS (how many smaller worlds to try once one leaks; none in
 * the quick run, which stops at the first leaking world). fast-check prints the world that leaked (shrunk
 * in the deep run) with the seed: keep it in `worlds.ts` and `regressions.test.ts`.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorld } from './app';
import { WorldBuilder } from './build';
import { judgeText } from './judge';
import type { Agent } from '../helper';
import { Oracle, type ReferralFact, type UserInfo } from './oracle';
import { paramsOf } from './routes';
import { add, describe as describeLeaks, emptyTotals, runWorld, type Totals } from './run';
import { DEEP_SIZE, QUICK_SIZE, worldArbitrary } from './spec';
import { SMALL_WORLD } from './worlds';

const deep = process.env['AUTHZ_DEEP'] === '1';
const runs = Number(process.env['AUTHZ_RUNS'] ?? (deep ? 40 : 3));
const seed = Number(process.env['AUTHZ_SEED'] ?? 20261123);
const shrinks = Number(process.env['AUTHZ_SHRINKS'] ?? (deep ? 60 : 0));
const MINUTE = 60_000;

function report(totals: Totals): string {
  return [
    `routes in the table: ${totals.routes}`,
    `worlds generated: ${totals.worlds} (seed ${seed})`,
    `requests sent in the sweeps (route × user × id, with bodies and queries): ${totals.requests} (${totals.reads} reads, ${totals.changes} changes)`,
    `worlds built with ${totals.buildSteps} API calls: ${totals.referrals} referrals, ${totals.cases} cases, meetings ${JSON.stringify(totals.meetings)}`,
    `e-mails delivered and judged: ${totals.emails}; live events judged: ${totals.liveFrames}`,
    `answered 2xx: ${totals.answered2xx}; refused by the request limit (429): ${totals.rateLimited}`,
    `server errors (5xx) in the sweeps: ${totals.serverErrors}`,
    `leaks found: ${totals.leaks}`,
  ].join('\n');
}

describe('authorisation over generated worlds', () => {
  it('knows the kind of id every parameter of the route table takes', async () => {
    const world = await openWorld();
    try {
      // Throws, naming the route, for a parameter the sweep could not fill: no route is skipped silently.
      for (const route of world.app.apiRoutes) paramsOf(route.method, route.url);
      expect(world.app.apiRoutes.length).toBeGreaterThan(0);
      expect(() => paramsOf('GET', '/api/things/:thingId')).toThrow(/GET \/api\/things\/:thingId.*:thingId.*NAMED or AFTER_SEGMENT/);
    } finally {
      await world.close();
    }
  });

  it('sees a leak when one is put in front of it', { timeout: 2 * MINUTE }, async () => {
    // The checks themselves are tested: a coordinator's view of a referral, judged as if an observer
    // or someone barred from the case had received it, must be found out.
    const world = await openWorld();
    try {
      const builder = new WorldBuilder(world, SMALL_WORLD);
      await builder.build();
      const { facts } = builder;
      const oracle = new Oracle(facts, facts.step);
      const as = (role: string) => builder.users.find((u) => u.role === role) as UserInfo;
      const referral = [...facts.referrals.values()][0] as ReferralFact;
      const barred = builder.users.find((u) => oracle.barredFromReferral(facts.userViewer(u), referral.id));
      const answer = await (builder.agents.get(as('coordinator').id) as Agent).request({ method: 'GET', url: `/api/referrals/${referral.id}` });
      expect(answer.statusCode).toBe(200);
      const judged = (user: UserInfo, strictness: 'need-to-know' | 'bars') =>
        judgeText(facts, oracle, facts.userViewer(user), answer.body, strictness, { channel: 'response', where: 'self-check', route: null, step: facts.step });
      expect(judged(as('coordinator'), 'need-to-know')).toEqual([]);
      expect(judged(as('observer'), 'need-to-know').length).toBeGreaterThan(0);
      expect(barred, 'the small world names someone unsafe').toBeDefined();
      expect(judged(barred as UserInfo, 'bars').some((l) => l.reason === 'barred')).toBe(true);
    } finally {
      await world.close();
    }
  });

  it(`never lets anything of a case reach anyone outside its need-to-know (${runs} worlds)`, { timeout: (deep ? 120 : 8) * MINUTE }, async () => {
    const totals = emptyTotals();
    let failed = false;
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(worldArbitrary(deep ? DEEP_SIZE : QUICK_SIZE), async (spec) => {
        // Once a world has leaked, smaller ones are tried (shrinking) up to a budget of worlds built,
        // then taken as passing: fast-check reports the smallest leaking world found by then.
        if (failed && ++tried > shrinks) return true;
        const result = await runWorld(spec);
        if (!failed) add(totals, result);
        for (const anomaly of result.anomalies) console.log(`API answered unexpectedly while building a world: ${anomaly}`);
        // A sweep the request limit refused would judge nothing: every call must reach the routes.
        expect(result.sweep.rateLimited, 'requests refused by the request limit').toBe(0);
        if (result.leaks.length === 0) return true;
        failed = true;
        throw new Error(`${result.leaks.length} leaks:\n${describeLeaks(result)}`);
      }),
      { numRuns: runs, seed, endOnFailure: shrinks === 0 },
    ).finally(() => console.log(report(totals)));
  });
});
