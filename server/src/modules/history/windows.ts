import { and, asc, between, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  REPEAT_WINDOW_NOTICE_DAYS,
  addDays,
  addMonths,
  daysBetween,
  repeatWindow,
  type RepeatWindowItem,
  type RepeatWindowList,
  type RepeatWindowQuery,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { areas, cases, people } from '../../db/schema';
import { invalid } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { admitListed, casesBarring, notBarred, partyOf } from '../cases/policy';

const WINDOW_MONTHS = 12;

/** The most cases each list of the repeat-windows page shows, soonest to lapse first; the totals count them all. */
export const REPEAT_WINDOWS_SHOWN = 200;

/**
 * The earliest and latest anchor dates whose window (the anchor plus 12 months, clamped at a month's
 * end) lapses from `from` to `to`. Lapse dates never go back as anchors move on, so the anchors are
 * one run of days, found by stepping from a few days either side of a year before.
 */
function anchorsLapsingBetween(from: string, to: string): { first: string; last: string } {
  let first = addDays(addMonths(from, -WINDOW_MONTHS), -4);
  while (addMonths(first, WINDOW_MONTHS) < from) first = addDays(first, 1);
  let last = addDays(addMonths(to, -WINDOW_MONTHS), 4);
  while (addMonths(last, WINDOW_MONTHS) > to) last = addDays(last, -1);
  return { first, last };
}

/** A case's anchor counting from the last hearing, as `repeatAnchorDate` reads it: that hearing, unless none yet or a later referral awaits its own. */
const fromHearing = sql<string>`(case when ${cases.lastHearingDate} is not null and (${cases.lastReferralDate} is null or ${cases.lastReferralDate} <= ${cases.lastHearingDate}) then ${cases.lastHearingDate} else ${cases.lastReferralDate} end)`;

/**
 * Cases in these areas whose window lapses with an anchor from `first` to `last`, and each case's
 * anchor, in SQL. The areas are split by what they count from (their setting), so that a case's
 * own dates decide, read from the indexes on the area and each date alone.
 */
function lapsing(db: Db, areaIds: readonly string[], first: string, last: string) {
  const counting = db.select({ id: areas.id, name: areas.name, code: areas.code, settings: areas.settings }).from(areas).where(inArray(areas.id, [...areaIds])).all();
  const byHearing = counting.filter((a) => a.settings.repeatAnchor === 'last_hearing').map((a) => a.id);
  const byReferral = counting.filter((a) => a.settings.repeatAnchor !== 'last_hearing').map((a) => a.id);
  const anchor =
    byHearing.length === 0 ? sql<string>`${cases.lastReferralDate}` : byReferral.length === 0 ? fromHearing : sql<string>`(case when ${inArray(cases.areaId, byHearing)} then ${fromHearing} else ${cases.lastReferralDate} end)`;
  const where = and(
    inArray(cases.status, ['open', 'closed']),
    or(
      byReferral.length ? and(inArray(cases.areaId, byReferral), between(cases.lastReferralDate, first, last)) : undefined,
      byHearing.length
        ? and(inArray(cases.areaId, byHearing), or(between(cases.lastReferralDate, first, last), between(cases.lastHearingDate, first, last)), between(fromHearing, first, last))
        : undefined,
    ),
  );
  return { where, anchor, areasById: new Map(counting.map((a) => [a.id, a])), none: counting.length === 0 };
}

/** How many cases the viewer may see whose window lapses from `from` to `to`: all of them, less the few a bar keeps from them. */
export function countWindowsLapsingBetween(db: Db, viewer: SessionUser, areaIds: readonly string[], from: string, to: string): number {
  if (areaIds.length === 0 || from > to) return 0;
  const { first, last } = anchorsLapsingBetween(from, to);
  const { where, none } = lapsing(db, areaIds, first, last);
  if (none) return 0;
  const count_ = (extra?: SQL) => db.select({ n: count() }).from(cases).where(and(where, extra)).get()?.n ?? 0;
  const barred = casesBarring(db, partyOf(viewer));
  return count_() - (barred.length ? count_(inArray(cases.id, barred)) : 0);
}

/**
 * Cases in these areas whose 12-month window, counted from each area's anchor, lapses from `from` to
 * `to` (both included), soonest first (latest first with `latestFirst`), at most `limit` of them, with
 * `daysUntilLapse` counted from `today`. Cases a bar keeps from the viewer are left out.
 */
export function windowsLapsingBetween(
  db: Db,
  viewer: SessionUser,
  areaIds: readonly string[],
  from: string,
  to: string,
  today: string,
  { limit, latestFirst = false }: { limit?: number; latestFirst?: boolean } = {},
): RepeatWindowItem[] {
  if (areaIds.length === 0 || from > to) return [];
  const { first, last } = anchorsLapsingBetween(from, to);
  const { where, anchor, areasById, none } = lapsing(db, areaIds, first, last);
  if (none) return [];
  const order = latestFirst ? [desc(anchor), desc(cases.reference)] : [asc(anchor), asc(cases.reference)];
  // With a limit, the page is chosen first from the indexes on the area and its dates alone (they hold
  // each case's reference too), a few more than asked for the cases a bar may then keep from the
  // viewer; only those are read in full. Sorting every candidate with its victim's name would read
  // a row of people for each.
  const chosen =
    limit === undefined
      ? null
      : db
          .select({ reference: cases.reference })
          .from(cases)
          .where(where)
          .orderBy(...order)
          .limit(limit + casesBarring(db, partyOf(viewer)).length)
          .all()
          .map((c) => c.reference);
  if (chosen?.length === 0) return [];
  const rows = db
    .select({
      caseId: cases.id,
      caseReference: cases.reference,
      lastReferralDate: cases.lastReferralDate,
      lastHearingDate: cases.lastHearingDate,
      areaId: cases.areaId,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .where(and(chosen ? inArray(cases.reference, chosen) : where, notBarred(partyOf(viewer), cases.id)))
    .orderBy(...order)
    .limit(limit ?? -1)
    .all();
  const items: RepeatWindowItem[] = [];
  for (const row of rows) {
    const area = areasById.get(row.areaId);
    if (!area) continue;
    const anchor = area.settings.repeatAnchor;
    const window = repeatWindow(row, anchor, WINDOW_MONTHS);
    // The SQL chose by the same rule: a case it let through that this rejects would be a disagreement between the two.
    if (window === null || window.lapsesOn < from || window.lapsesOn > to) continue;
    const daysUntilLapse = daysBetween(today, window.lapsesOn);
    items.push({
      caseId: row.caseId,
      caseReference: row.caseReference,
      area: { id: area.id, name: area.name, code: area.code },
      victimName: `${row.givenName} ${row.familyName}`,
      status: daysUntilLapse > 0 ? 'lapsing_soon' : 'lapsed_recently',
      anchor,
      anchorDate: window.anchorDate,
      lapsesOn: window.lapsesOn,
      daysUntilLapse,
    });
  }
  admitListed(
    viewer,
    items.map((i) => i.caseId),
  );
  return items;
}

/**
 * The coordinator's list of cases whose 12-month window lapses in the next 30 days (from tomorrow) or
 * lapsed in the last 30 (today included), in the user's areas: the soonest and the latest
 * `REPEAT_WINDOWS_SHOWN` of each, and how many there are in all.
 */
export function repeatWindows(db: Db, user: SessionUser, query: RepeatWindowQuery, today: string): RepeatWindowList {
  if (query.areaId !== undefined && !user.areaIds.includes(query.areaId)) {
    throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  }
  const areaIds = query.areaId ? [query.areaId] : user.areaIds;
  const soon = { from: addDays(today, 1), to: addDays(today, REPEAT_WINDOW_NOTICE_DAYS) };
  const lapsed = { from: addDays(today, -REPEAT_WINDOW_NOTICE_DAYS), to: today };
  return {
    today,
    noticeDays: REPEAT_WINDOW_NOTICE_DAYS,
    lapsingSoon: windowsLapsingBetween(db, user, areaIds, soon.from, soon.to, today, { limit: REPEAT_WINDOWS_SHOWN }),
    lapsingSoonTotal: countWindowsLapsingBetween(db, user, areaIds, soon.from, soon.to),
    // The most recently lapsed first: those are the ones still worth a call.
    lapsedRecently: windowsLapsingBetween(db, user, areaIds, lapsed.from, lapsed.to, today, { limit: REPEAT_WINDOWS_SHOWN, latestFirst: true }),
    lapsedRecentlyTotal: countWindowsLapsingBetween(db, user, areaIds, lapsed.from, lapsed.to),
  };
}
