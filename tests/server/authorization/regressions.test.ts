/**
 * Fixed worlds, each built and swept in full as the generated ones are: the world the issue reported,
 * and counterexamples the generator found and shrank. A world here fails until what it shows is fixed
 * in the server, and then keeps it fixed.
 */

import { describe, expect, it } from 'vitest';
import { describe as describeLeaks, runWorld } from './run';
import type { WorldSpec } from './spec';
import {
  BARRED_COORDINATOR_SHOWN_A_MATCH,
  GENERATED_BARRED_COORDINATOR_SHOWN_A_MATCH,
  GENERATED_NOTICE_OUTSIDE_NEED_TO_KNOW,
  MERGED_INTO_A_WAITING_REFERRAL,
  SMALL_WORLD,
} from './worlds';

const MINUTE = 60_000;

const worlds: [string, WorldSpec][] = [
  ['a later or merged referral naming an invited agency or the chair, for a case already on a published agenda', SMALL_WORLD],
  ['a coordinator barred from a case opens the identity matches of another referral of their area', BARRED_COORDINATOR_SHOWN_A_MATCH],
  ['a referral naming unsafe contacts is merged into a waiting referral whose victim was confirmed as a held victim', MERGED_INTO_A_WAITING_REFERRAL],
  ['generated: a coordinator named unsafe on one case screens another victim’s referral', GENERATED_BARRED_COORDINATOR_SHOWN_A_MATCH],
  ['generated: notifications about a referral its area no longer holds', GENERATED_NOTICE_OUTSIDE_NEED_TO_KNOW],
];

describe('authorisation regressions', () => {
  it.each(worlds)('%s', { timeout: 3 * MINUTE }, async (_name, spec) => {
    const report = await runWorld(spec);
    for (const anomaly of report.anomalies) console.log(`API answered unexpectedly while building the world: ${anomaly}`);
    expect(report.leaks, describeLeaks(report)).toEqual([]);
  });
});
