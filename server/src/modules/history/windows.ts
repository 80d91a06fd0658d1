import { and, between, eq, inArray, or } from 'drizzle-orm';
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
import { admitListed, notBarred, partyOf } from '../cases/policy';

const WINDOW_MONTHS = 12;

/**
 * Cases in these areas whose 12-month window, counted from each area's anchor, lapses from `from` to
 * `to` (both included), soonest first, with `daysUntilLapse` counted from `today`. Cases transferred
 * out are the new area's to watch; cases a bar keeps from the viewer are left out.
 */
export function windowsLapsingBetween(db: Db, viewer: SessionUser, areaIds: readonly string[], from: string, to: string, today: string): RepeatWindowItem[] {
  if (areaIds.length === 0) return [];
  // A window lapsing in the range started about 12 months before it; a few days' margin covers
  // month-end clamping, and each candidate is then checked exactly.
  const earliest = addDays(addMonths(from, -WINDOW_MONTHS), -3);
  const latest = addDays(addMonths(to, -WINDOW_MONTHS), 3);
  const rows = db
    .select({
      caseId: cases.id,
      caseReference: cases.reference,
      lastReferralDate: cases.lastReferralDate,
      lastHearingDate: cases.lastHearingDate,
      areaId: areas.id,
      areaName: areas.name,
      areaCode: areas.code,
      settings: areas.settings,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .innerJoin(people, eq(people.id, cases.victimPersonId))
    .where(
      and(
        inArray(cases.areaId, [...areaIds]),
        inArray(cases.status, ['open', 'closed']),
        notBarred(partyOf(viewer), cases.id),
        or(between(cases.lastReferralDate, earliest, latest), between(cases.lastHearingDate, earliest, latest)),
      ),
    )
    .all();
  const items: RepeatWindowItem[] = [];
  for (const row of rows) {
    const anchor = row.settings.repeatAnchor;
    const window = repeatWindow(row, anchor, WINDOW_MONTHS);
    if (window === null || window.lapsesOn < from || window.lapsesOn > to) continue;
    const daysUntilLapse = daysBetween(today, window.lapsesOn);
    items.push({
      caseId: row.caseId,
      caseReference: row.caseReference,
      area: { id: row.areaId, name: row.areaName, code: row.areaCode },
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
  return items.sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn) || a.caseReference.localeCompare(b.caseReference));
}

/**
 * The coordinator's list of cases whose 12-month window lapses in the next 30 days or lapsed in the
 * last 30, in the user's areas.
 */
export function repeatWindows(db: Db, user: SessionUser, query: RepeatWindowQuery, today: string): RepeatWindowList {
  if (query.areaId !== undefined && !user.areaIds.includes(query.areaId)) {
    throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  }
  const items = windowsLapsingBetween(
    db,
    user,
    query.areaId ? [query.areaId] : user.areaIds,
    addDays(today, -REPEAT_WINDOW_NOTICE_DAYS),
    addDays(today, REPEAT_WINDOW_NOTICE_DAYS),
    today,
  );
  // Within the notice period either side of today, an item's status is windowStatus's answer.
  const lapsingSoon = items.filter((i) => i.status === 'lapsing_soon');
  // The most recently lapsed first: those are the ones still worth a call.
  const lapsedRecently = items.filter((i) => i.status === 'lapsed_recently').reverse();
  return { today, noticeDays: REPEAT_WINDOW_NOTICE_DAYS, lapsingSoon, lapsedRecently };
}
