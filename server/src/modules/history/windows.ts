import { and, between, eq, inArray, or } from 'drizzle-orm';
import {
  REPEAT_WINDOW_NOTICE_DAYS,
  addDays,
  addMonths,
  daysBetween,
  repeatWindow,
  windowStatus,
  type RepeatWindowItem,
  type RepeatWindowList,
  type RepeatWindowQuery,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { areas, cases, people } from '../../db/schema';
import { invalid } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';

const WINDOW_MONTHS = 12;

/**
 * The coordinator's list of cases whose 12-month window lapses in the next 30 days or lapsed in the
 * last 30, in the user's areas, counted from each area's anchor. Cases transferred out are the new
 * area's to watch.
 */
export function repeatWindows(db: Db, user: SessionUser, query: RepeatWindowQuery, today: string): RepeatWindowList {
  if (query.areaId !== undefined && !user.areaIds.includes(query.areaId)) {
    throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  }
  // A window lapsing within the notice period either side of today started about 12 months before;
  // a few days' margin covers month-end clamping, and each candidate is then checked exactly.
  const from = addDays(addMonths(addDays(today, -REPEAT_WINDOW_NOTICE_DAYS), -WINDOW_MONTHS), -3);
  const to = addDays(addMonths(addDays(today, REPEAT_WINDOW_NOTICE_DAYS), -WINDOW_MONTHS), 3);
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
        inArray(cases.areaId, query.areaId ? [query.areaId] : user.areaIds),
        inArray(cases.status, ['open', 'closed']),
        or(between(cases.lastReferralDate, from, to), between(cases.lastHearingDate, from, to)),
      ),
    )
    .all();

  const lapsingSoon: RepeatWindowItem[] = [];
  const lapsedRecently: RepeatWindowItem[] = [];
  for (const row of rows) {
    const anchor = row.settings.repeatAnchor;
    const status = windowStatus(row, anchor, today, WINDOW_MONTHS);
    const window = repeatWindow(row, anchor, WINDOW_MONTHS);
    if (window === null || (status !== 'lapsing_soon' && status !== 'lapsed_recently')) continue;
    const item: RepeatWindowItem = {
      caseId: row.caseId,
      caseReference: row.caseReference,
      area: { id: row.areaId, name: row.areaName, code: row.areaCode },
      victimName: `${row.givenName} ${row.familyName}`,
      status,
      anchor,
      anchorDate: window.anchorDate,
      lapsesOn: window.lapsesOn,
      daysUntilLapse: daysBetween(today, window.lapsesOn),
    };
    (status === 'lapsing_soon' ? lapsingSoon : lapsedRecently).push(item);
  }
  const byLapse = (a: RepeatWindowItem, b: RepeatWindowItem) => a.lapsesOn.localeCompare(b.lapsesOn) || a.caseReference.localeCompare(b.caseReference);
  lapsingSoon.sort(byLapse);
  // The most recently lapsed first: those are the ones still worth a call.
  lapsedRecently.sort((a, b) => byLapse(b, a));
  return { today, noticeDays: REPEAT_WINDOW_NOTICE_DAYS, lapsingSoon, lapsedRecently };
}
