import { and, asc, count, desc, eq, inArray, like, lt, notLike, sql, type SQL } from 'drizzle-orm';
import { REFERRAL_STATUS_LABELS, SCREENING_DEFAULT_STATUSES, addDays, daysBetween, type ScreeningQuery, type ScreeningQueue } from '@marac/shared';
import type { Db } from '../../db/client';
import { agencies, areas, referralSubjects, referrals } from '../../db/schema';
import { invalid } from '../../lib/errors';
import type { SessionUser } from '../auth/session-store';
import { partyOf, referralBarsParty, referralNotBarred } from '../cases/policy';
import { flagTags, referralFlags } from '../history/flags';
import { subjectsOf } from './repository';

const subjectCount = (role: 'perpetrator' | 'child') =>
  sql<number>`(select count(*) from ${referralSubjects} where ${referralSubjects.referralId} = ${referrals.id} and ${referralSubjects.role} = ${role})`;

// criteria_met is a JSON array of fixed words; matching the quoted word in its text stays portable SQL.
const REPEAT_CRITERION = '%"repeat"%';

/** The filters as the audit trail keeps them: ids, words and numbers the user chose, nothing about people. */
export const queueFilters = (query: ScreeningQuery) =>
  Object.fromEntries(Object.entries({ ...query, limit: undefined, offset: undefined }).filter(([, v]) => v !== undefined));

/**
 * Referrals for the coordinator's or chair's areas, with only what is needed to choose what to screen
 * next: the victim by name and year of birth, never the rest of the referral.
 */
export function screeningQueue(db: Db, user: SessionUser, query: ScreeningQuery, today: string): ScreeningQueue {
  if (query.areaId !== undefined && !user.areaIds.includes(query.areaId)) {
    throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
  }
  const party = partyOf(user);
  const where: SQL[] = [
    inArray(referrals.areaId, query.areaId ? [query.areaId] : user.areaIds),
    inArray(referrals.status, query.status ?? [...SCREENING_DEFAULT_STATUSES]),
    // Never a referral a bar reaches the viewer through.
    referralNotBarred(party),
  ];
  if (query.urgent !== undefined) where.push(eq(referrals.urgent, query.urgent));
  if (query.repeat !== undefined) where.push(query.repeat ? like(referrals.criteriaMet, REPEAT_CRITERION) : notLike(referrals.criteriaMet, REPEAT_CRITERION));
  if (query.referringAgencyId) where.push(eq(referrals.referringAgencyId, query.referringAgencyId));
  if (query.olderThanDays !== undefined) where.push(lt(referrals.referralDate, addDays(today, -query.olderThanDays)));
  const condition = and(...where);

  const oldest = [asc(referrals.referralDate), asc(referrals.submittedAt)];
  const order = {
    oldest,
    newest: [desc(referrals.referralDate), desc(referrals.submittedAt)],
    score: [desc(referrals.dashScore), ...oldest],
    urgent: [desc(referrals.urgent), ...oldest],
  }[query.sort];

  const total = db.select({ n: count() }).from(referrals).where(condition).get()?.n ?? 0;
  const rows = db
    .select({
      row: referrals,
      id: referrals.id,
      reference: referrals.reference,
      status: referrals.status,
      areaId: areas.id,
      areaName: areas.name,
      areaCode: areas.code,
      agencyName: agencies.name,
      referralDate: referrals.referralDate,
      urgent: referrals.urgent,
      dashScore: referrals.dashScore,
      criteriaMet: referrals.criteriaMet,
      givenName: referralSubjects.givenName,
      familyName: referralSubjects.familyName,
      datesOfBirth: referralSubjects.datesOfBirth,
      perpetratorCount: subjectCount('perpetrator'),
      childrenCount: subjectCount('child'),
    })
    .from(referrals)
    .innerJoin(areas, eq(areas.id, referrals.areaId))
    .innerJoin(agencies, eq(agencies.id, referrals.referringAgencyId))
    .innerJoin(referralSubjects, and(eq(referralSubjects.referralId, referrals.id), eq(referralSubjects.role, 'victim')))
    .where(condition)
    .orderBy(...order, asc(referrals.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();

  // Bars that reach a referral through a merge or a confirmed identity are checked on each row shown.
  const shown = rows.filter((r) => !referralBarsParty(db, party, r.row));
  return {
    items: shown.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      statusLabel: REFERRAL_STATUS_LABELS[r.status],
      area: { id: r.areaId, name: r.areaName, code: r.areaCode },
      referringAgencyName: r.agencyName,
      referralDate: r.referralDate,
      ageDays: daysBetween(r.referralDate, today),
      urgent: r.urgent,
      dashScore: r.dashScore,
      criteriaMet: r.criteriaMet,
      victim: { displayName: `${r.givenName} ${r.familyName}`, yearOfBirth: r.datesOfBirth[0] ? Number(r.datesOfBirth[0].slice(0, 4)) : null },
      perpetratorCount: r.perpetratorCount,
      childrenCount: r.childrenCount,
      flags: flagTags(referralFlags(db, user, r.row, subjectsOf(db, r.id), today)),
    })),
    total: total - (rows.length - shown.length),
    limit: query.limit,
    offset: query.offset,
  };
}
