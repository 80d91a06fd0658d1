/**
 * One world from start to finish: built through the API, swept, judged, closed. What it found comes
 * back as a report the tests sum and print.
 */

import { openWorld, type WorldContext } from './app';
import { WorldBuilder, type BuildFigures } from './build';
import { formatLeak, type Leak } from './judge';
import type { WorldSpec } from './spec';
import { Sweep, type SweepFigures } from './sweep';

export interface WorldReport {
  build: BuildFigures;
  sweep: SweepFigures;
  leaks: Leak[];
  anomalies: string[];
}

export async function runWorld(spec: WorldSpec): Promise<WorldReport> {
  const world = await openWorld();
  try {
    const builder = new WorldBuilder(world, spec);
    await builder.build();
    const sweep = new Sweep(world, builder);
    await sweep.run();
    const leaks = dedupe([...builder.leaks, ...sweep.leaks]);
    diagnose(leaks, world, builder);
    return { build: builder.figures, sweep: sweep.figures, leaks, anomalies: builder.anomalies };
  } finally {
    await world.close();
  }
}

/**
 * For each leak to someone barred, whether the server ever recorded that bar (its `case_bars` table,
 * read here only to say where to look): a bar it never recorded points at how bars are brought up to
 * date, one it holds at a read or send that ignored it.
 */
function diagnose(leaks: Leak[], world: WorldContext, builder: WorldBuilder): void {
  const facts = builder.facts;
  for (const leak of leaks) {
    if (leak.reason !== 'barred' || !leak.caseId) continue;
    const user = facts.users.find((u) => u.label === leak.viewer);
    const viewer = user ? facts.userViewer(user) : facts.addressViewer(leak.where.match(/e-mail to (\S+)/)?.[1] ?? '');
    const held = viewer.parties.some((p) =>
      world.database.sqlite
        .prepare('select 1 from case_bars where case_id = ? and lifted_at is null and (agency_id = ? or lower(email) = ?)')
        .get(leak.caseId, p.agencyId ?? '', (p.email ?? '').toLowerCase()),
    );
    leak.diagnosis = held ? 'the server holds this bar' : 'the server never recorded this bar';
  }
}

/** One leak per route, viewer and thing found: the same response for every id of a list says it once. */
function dedupe(leaks: Leak[]): Leak[] {
  const seen = new Map<string, Leak>();
  for (const leak of leaks) {
    const key = `${leak.channel}|${leak.route ?? leak.where}|${leak.viewer}|${leak.found}`;
    if (!seen.has(key)) seen.set(key, leak);
  }
  return [...seen.values()];
}

export interface Totals {
  worlds: number;
  routes: number;
  requests: number;
  reads: number;
  changes: number;
  buildSteps: number;
  referrals: number;
  cases: number;
  meetings: Record<string, number>;
  emails: number;
  liveFrames: number;
  serverErrors: number;
  answered2xx: number;
  rateLimited: number;
  leaks: number;
}

export function emptyTotals(): Totals {
  return { worlds: 0, routes: 0, requests: 0, reads: 0, changes: 0, buildSteps: 0, referrals: 0, cases: 0, meetings: {}, emails: 0, liveFrames: 0, serverErrors: 0, answered2xx: 0, rateLimited: 0, leaks: 0 };
}

export function add(totals: Totals, report: WorldReport): void {
  totals.worlds += 1;
  totals.routes = report.sweep.routes;
  totals.requests += report.sweep.requests;
  totals.reads += report.sweep.reads;
  totals.changes += report.sweep.changes;
  totals.buildSteps += report.build.steps;
  totals.referrals += report.build.referrals;
  totals.cases += report.build.cases;
  for (const [status, n] of Object.entries(report.build.meetings)) totals.meetings[status] = (totals.meetings[status] ?? 0) + n;
  totals.emails += report.build.emailsDelivered;
  totals.liveFrames += report.build.liveFrames;
  totals.serverErrors += report.sweep.serverErrors.length;
  totals.answered2xx += report.sweep.answered2xx;
  totals.rateLimited += report.sweep.rateLimited;
  totals.leaks += report.leaks.length;
}

/** What a failing world found, one line per answer (or message) and what it carried, short enough to read. */
export function describe(report: WorldReport, limit = 30): string {
  const groups = new Map<string, { leak: Leak; found: string[] }>();
  for (const leak of report.leaks) {
    const key = `${leak.channel}|${leak.where}|${leak.viewer}|${leak.belongsTo}|${leak.reason}`;
    const group = groups.get(key) ?? { leak, found: [] };
    group.found.push(leak.found);
    groups.set(key, group);
  }
  const lines = [...groups.values()].slice(0, limit).map(({ leak, found }) => formatLeak({ ...leak, found: found.join('", "') }));
  if (groups.size > limit) lines.push(`… and ${groups.size - limit} more`);
  return lines.join('\n');
}
