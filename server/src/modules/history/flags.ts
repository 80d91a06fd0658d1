/**
 * Flags across MARAC cycles, computed from confirmed history each time a referral is read, so they
 * can never go stale when a coordinator confirms or rejects a match.
 *
 * "Confirmed history" is what held people are linked to: a referral subject counts once it is linked
 * to a held person (by acceptance or by a confirmed match), and two held records count as one person
 * once a coordinator has confirmed it (`identity.ts`). Suggestions never raise a flag.
 */

import { and, eq, inArray, lt, max, ne, sql } from 'drizzle-orm';
import {
  FLAG_LABELS,
  addMonths,
  ageOn,
  checkRepeat,
  compareIsoDates,
  longDate,
  repeatWindow,
  windowStatus,
  type Flag,
  type FlagKind,
  type RelatedCase,
  type RepeatAnchor,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { areaNameOf } from '../../db/names';
import { asList, inList, prepared } from '../../db/prepared';
import { agendaItems, areas, cases, meetings, referralSubjects, referrals, riskAssessments } from '../../db/schema';
import type { SessionUser } from '../auth/session-store';
import { admitListed, barredCases, findCase, partyOf, staffOf } from '../cases/policy';
import { identityGroups } from './identity';

type ReferralRow = typeof referrals.$inferSelect;
type SubjectRow = typeof referralSubjects.$inferSelect;

const BABY_MONTHS = 18;
const PREGNANCY_QUESTION = 9;

interface CaseRef {
  id: string;
  reference: string;
  areaId: string;
  areaName: string;
}

/** An accepted referral in which a held person is named as victim or perpetrator. */
interface Appearance {
  personId: string;
  role: SubjectRow['role'];
  referralId: string;
  referralDate: string;
  case: CaseRef | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The cases a flag points to: those the viewer may open by reference, the rest only counted. */
function relatedTo(mayOpen: (ref: CaseRef) => boolean, refs: readonly (CaseRef | null)[]): Pick<Flag, 'relatedCases' | 'hiddenRelatedCount'> {
  const unique = new Map<string, CaseRef>();
  for (const ref of refs) if (ref) unique.set(ref.id, ref);
  const relatedCases: RelatedCase[] = [];
  let hiddenRelatedCount = 0;
  for (const ref of unique.values()) {
    if (mayOpen(ref)) relatedCases.push({ id: ref.id, reference: ref.reference, areaName: ref.areaName });
    else hiddenRelatedCount += 1;
  }
  relatedCases.sort((a, b) => a.reference.localeCompare(b.reference));
  return { relatedCases, hiddenRelatedCount };
}

function flag(kind: FlagKind, detail: string, extra: Partial<Omit<Flag, 'kind' | 'label' | 'detail'>> = {}): Flag {
  return {
    kind,
    label: FLAG_LABELS[kind],
    detail,
    relatedCases: [],
    hiddenRelatedCount: 0,
    previousReferralDate: null,
    anchorDate: null,
    daysLeft: null,
    ...extra,
  };
}

/** The age on `on` from the first usable date of birth, or null when none is known. */
function ageAt(subject: SubjectRow, on: string): number | null {
  const dob = subject.datesOfBirth.find((d) => compareIsoDates(d, on) <= 0);
  return dob === undefined ? null : ageOn(dob, on);
}

const isChild = (subject: SubjectRow, on: string): boolean => {
  if (subject.role === 'child') return true;
  const age = ageAt(subject, on);
  return subject.role === 'household_member' && age !== null && age < 18;
};

/** Flags read from the referral alone: every viewer of the referral may see them. */
const answersOf = prepared((db) => db.select({ answers: riskAssessments.answers }).from(riskAssessments).where(eq(riskAssessments.referralId, sql.placeholder('referralId'))).prepare());

function ownFlags(db: Db, referral: ReferralRow, subjects: SubjectRow[]): Flag[] {
  const on = referral.referralDate;
  const found: Flag[] = [];
  const children = subjects.filter((s) => isChild(s, on));
  if (children.length > 0) found.push(flag('children_in_household', `${plural(children.length, 'child', 'children')} in the household`));

  const pregnancyAnswered = answersOf(db)
    .all({ referralId: referral.id })
    .some((a) => a.answers.some((x) => x.question === PREGNANCY_QUESTION && x.answer === 'yes'));
  const baby = children.some((c) => c.datesOfBirth.some((d) => compareIsoDates(d, on) <= 0 && compareIsoDates(on, addMonths(d, BABY_MONTHS)) < 0));
  if (pregnancyAnswered || baby) {
    const reasons = [
      ...(pregnancyAnswered ? ['DASH question 9 (pregnancy or a baby in the last 18 months) answered yes'] : []),
      ...(baby ? ['a child in the household is under 18 months old'] : []),
    ];
    found.push(flag('pregnancy_or_baby', capitalise(reasons.join('; '))));
  }

  const victim = subjects.find((s) => s.role === 'victim');
  const victimAge = victim ? ageAt(victim, on) : null;
  if (victimAge === 16 || victimAge === 17) found.push(flag('victim_aged_16_17', `The victim was ${victimAge} on the referral date`));

  const perpetrators = subjects.filter((s) => s.role === 'perpetrator');
  perpetrators.forEach((p, index) => {
    const age = ageAt(p, on);
    if (age !== null && age <= 17) found.push(flag('perpetrator_under_18', `${perpetratorName(index, perpetrators.length)} was ${age} on the referral date`));
  });
  return found;
}

/** One tag per kind of flag, in the order first raised: lists show what to look at, the detail why. */
export const flagTags = (flags: Flag[]): { kind: FlagKind; label: string }[] => [...new Map(flags.map((f) => [f.kind, { kind: f.kind, label: f.label }])).values()];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a flag refers to one of the referral's perpetrators without naming them. */
const perpetratorName = (index: number, count: number) => (count === 1 ? 'The perpetrator' : `Perpetrator ${index + 1}`);

function caseRef(row: { caseId: string | null; reference: string | null; areaId: string | null; areaName: string | null }): CaseRef | null {
  return row.caseId && row.reference && row.areaId && row.areaName ? { id: row.caseId, reference: row.reference, areaId: row.areaId, areaName: row.areaName } : null;
}

/** Accepted referrals, other than `exceptReferralId`, naming any of these people as victim or perpetrator. */
const acceptedNaming = prepared((db) =>
  db
    .select({
      personId: referralSubjects.personId,
      role: referralSubjects.role,
      referralId: referrals.id,
      referralDate: referrals.referralDate,
      caseId: cases.id,
      reference: cases.reference,
      areaId: cases.areaId,
      areaName: areas.name,
    })
    .from(referralSubjects)
    .innerJoin(referrals, eq(referrals.id, referralSubjects.referralId))
    .leftJoin(cases, eq(cases.id, referrals.caseId))
    .leftJoin(areas, eq(areas.id, cases.areaId))
    .where(
      and(
        inArray(referralSubjects.personId, inList('personIds')),
        inArray(referralSubjects.role, ['victim', 'perpetrator']),
        eq(referrals.status, 'accepted'),
        ne(referrals.id, sql.placeholder('exceptReferralId')),
      ),
    )
    .prepare(),
);

function appearancesOf(db: Db, personIds: readonly string[], exceptReferralId: string): Appearance[] {
  if (personIds.length === 0) return [];
  return acceptedNaming(db)
    .all({ personIds: asList(personIds), exceptReferralId })
    .map((r) => ({ personId: r.personId as string, role: r.role, referralId: r.referralId, referralDate: r.referralDate, case: caseRef(r) }));
}

const victimsNamed = prepared((db) =>
  db
    .select({ referralId: referralSubjects.referralId, personId: referralSubjects.personId })
    .from(referralSubjects)
    .where(and(inArray(referralSubjects.referralId, inList('referralIds')), eq(referralSubjects.role, 'victim')))
    .prepare(),
);

/** The victim named in each of these referrals, if linked to a held person. */
function victimsOf(db: Db, referralIds: readonly string[]): Map<string, string> {
  if (referralIds.length === 0) return new Map();
  const rows = victimsNamed(db).all({ referralIds: asList(referralIds) });
  return new Map(rows.flatMap((r) => (r.personId ? [[r.referralId, r.personId] as const] : [])));
}

const lastHeard = prepared((db) =>
  db
    .select({ date: max(meetings.date) })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(inArray(agendaItems.caseId, inList('caseIds')), eq(agendaItems.status, 'heard'), lt(meetings.date, sql.placeholder('before'))))
    .prepare(),
);
const lastRecordedHearing = prepared((db) =>
  db
    .select({ date: max(cases.lastHearingDate) })
    .from(cases)
    .where(and(inArray(cases.id, inList('caseIds')), lt(cases.lastHearingDate, sql.placeholder('before'))))
    .prepare(),
);

/** The latest hearing of any of these cases before `before`, from heard agenda items and the cases' own record. */
function lastHearingBefore(db: Db, caseIds: readonly string[], before: string): string | null {
  if (caseIds.length === 0) return null;
  const heard = lastHeard(db).get({ caseIds: asList(caseIds), before })?.date;
  const recorded = lastRecordedHearing(db).get({ caseIds: asList(caseIds), before })?.date;
  const dates = [heard, recorded].filter((d): d is string => typeof d === 'string');
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

const areaSettings = prepared((db) => db.select({ settings: areas.settings }).from(areas).where(eq(areas.id, sql.placeholder('id'))).prepare());

function repeatAnchorOf(db: Db, areaId: string | null): RepeatAnchor {
  if (!areaId) return 'last_referral';
  return areaSettings(db).get({ id: areaId })?.settings.repeatAnchor ?? 'last_referral';
}

const latest = (rows: Appearance[]) => rows.reduce<Appearance | undefined>((a, b) => (a === undefined || b.referralDate > a.referralDate ? b : a), undefined);

/**
 * Every flag on a referral, for this viewer. Flags drawn from other cases (repeat, perpetrators, role
 * conflict, other areas, transfer, window) are for the coordinators and chairs of the referral's area:
 * a referrer sees only what the referral itself says. Related cases are linked only where the viewer
 * may open them, and counted otherwise.
 */
export function referralFlags(
  db: Db,
  viewer: SessionUser,
  referral: ReferralRow,
  subjects: SubjectRow[],
  today: string,
  /** For an invited agency's research packet: every flag is raised, and no related case is named. */
  options: { forPacket?: boolean } = {},
): Flag[] {
  const found = ownFlags(db, referral, subjects);
  const reportedElsewhere = referral.previousMaracElsewhere;
  if (!staffOf(viewer, referral.areaId) && !options.forPacket) {
    if (reportedElsewhere) found.push(flag('cross_area_history', `The referrer reports an earlier MARAC in ${reportedElsewhere.area}`));
    return found;
  }

  const victim = subjects.find((s) => s.role === 'victim');
  const perpetrators = subjects.filter((s) => s.role === 'perpetrator');
  const linked = [victim, ...perpetrators].flatMap((s) => (s?.personId ? [s.personId] : []));
  const groups = identityGroups(db, linked);
  const groupOf = (personId: string | null | undefined) => (personId ? (groups.get(personId) ?? personId) : null);

  const victimGroup = groupOf(victim?.personId);
  const appearances = appearancesOf(db, [...groups.keys()], referral.id);
  // Related cases are named only where the viewer may open them (their areas, and no bar naming them).
  const barred = barredCases(db, partyOf(viewer), appearances.flatMap((a) => (a.case ? [a.case.id] : [])));
  const mayOpen = (ref: CaseRef) => !options.forPacket && staffOf(viewer, ref.areaId) && !barred.has(ref.id);
  admitListed(viewer, appearances.flatMap((a) => (a.case && mayOpen(a.case) ? [a.case.id] : [])));
  const asVictim = appearances.filter((a) => a.role === 'victim' && groupOf(a.personId) === victimGroup && victimGroup !== null);
  const anchor = repeatAnchorOf(db, referral.areaId);

  // Repeat: from the victim's referrals up to this one's date, in any area.
  const prior = asVictim.filter((a) => compareIsoDates(a.referralDate, referral.referralDate) <= 0);
  const previous = latest(prior);
  if (previous) {
    const lastHearingDate = lastHearingBefore(db, prior.flatMap((a) => (a.case ? [a.case.id] : [])), referral.referralDate);
    const check = checkRepeat(referral.referralDate, { lastReferralDate: previous.referralDate, lastHearingDate }, anchor);
    if (check.isRepeat && check.anchorDate && check.daysLeft !== null) {
      const fromHearing = anchor === 'last_hearing' && check.anchorDate === lastHearingDate && lastHearingDate !== previous.referralDate;
      const where = previous.case && previous.case.areaId !== referral.areaId ? ` in ${previous.case.areaName}` : '';
      found.push(
        flag(
          'repeat',
          `Previous referral on ${longDate(previous.referralDate)}${where}. Counting from the last ${fromHearing ? 'hearing' : 'referral'} on ${longDate(check.anchorDate)}, ${plural(check.daysLeft, 'day')} of the 12-month window ${check.daysLeft === 1 ? 'was' : 'were'} left.`,
          { ...relatedTo(mayOpen, [previous.case]), previousReferralDate: previous.referralDate, anchorDate: check.anchorDate, daysLeft: check.daysLeft },
        ),
      );
    }
  }

  // Perpetrators: the same victim again (repeat perpetrator) or other, unconnected victims (serial).
  const perpetratorAppearances = appearances.filter((a) => a.role === 'perpetrator');
  const victimByReferral = victimsOf(db, [...new Set(perpetratorAppearances.map((a) => a.referralId))]);
  const victimGroups = identityGroups(db, [...victimByReferral.values(), ...(victim?.personId ? [victim.personId] : [])]);
  const thisVictim = victim?.personId ? (victimGroups.get(victim.personId) ?? victim.personId) : `referral:${referral.id}`;
  perpetrators.forEach((p, index) => {
    const group = groupOf(p.personId);
    if (group === null) return;
    const name = perpetratorName(index, perpetrators.length);
    const theirs = perpetratorAppearances.filter((a) => groupOf(a.personId) === group);
    const victimOf = (a: Appearance) => {
      const person = victimByReferral.get(a.referralId);
      return person ? (victimGroups.get(person) ?? person) : `referral:${a.referralId}`;
    };
    const sameVictim = theirs.filter((a) => victimOf(a) === thisVictim);
    if (sameVictim.length > 0) {
      found.push(
        flag('repeat_perpetrator', `${name} is named against this victim in ${plural(sameVictim.length, 'other referral')} as well`, relatedTo(mayOpen, sameVictim.map((a) => a.case))),
      );
    }
    const others = theirs.filter((a) => victimOf(a) !== thisVictim);
    const otherVictims = new Set(others.map(victimOf));
    if (otherVictims.size > 0) {
      found.push(
        flag(
          'serial_perpetrator',
          `${name} is named against ${plural(otherVictims.size, 'other victim')} in ${plural(others.length, 'referral')}`,
          relatedTo(mayOpen, others.map((a) => a.case)),
        ),
      );
    }
    const asVictimElsewhere = appearances.filter((a) => a.role === 'victim' && groupOf(a.personId) === group);
    if (asVictimElsewhere.length > 0) {
      found.push(flag('role_conflict', `${name} is named as a victim in ${plural(asVictimElsewhere.length, 'other referral')}`, relatedTo(mayOpen, asVictimElsewhere.map((a) => a.case))));
    }
  });

  const victimAsPerpetrator = victimGroup === null ? [] : appearances.filter((a) => a.role === 'perpetrator' && groupOf(a.personId) === victimGroup);
  if (victimAsPerpetrator.length > 0) {
    found.push(flag('role_conflict', `The victim is named as a perpetrator in ${plural(victimAsPerpetrator.length, 'other referral')}`, relatedTo(mayOpen, victimAsPerpetrator.map((a) => a.case))));
  }

  // History in another area: anything held about these people that another MARAC heard.
  const elsewhere = appearances.filter((a) => a.case !== null && a.case.areaId !== referral.areaId);
  if (elsewhere.length > 0 || reportedElsewhere) {
    const areaNames = [...new Set(elsewhere.map((a) => (a.case as CaseRef).areaName))].sort();
    const parts = [
      ...(areaNames.length ? [`Earlier MARAC cases in ${areaNames.join(', ')}`] : []),
      ...(reportedElsewhere ? [`the referrer reports an earlier MARAC in ${reportedElsewhere.area}`] : []),
    ];
    found.push(flag('cross_area_history', capitalise(parts.join('; ')), relatedTo(mayOpen, elsewhere.map((a) => a.case))));
  }

  if (referral.caseId) {
    const held = findCase(db, referral.caseId);
    if (held?.transferredFromAreaId) {
      const from = areaNameOf(db, held.transferredFromAreaId);
      found.push(flag('transferred_in', `Transferred in from ${from ?? 'another area'}`));
    }
    const window = held ? repeatWindow(held, anchor) : null;
    if (held && window && held.status !== 'transferred_out' && windowStatus(held, anchor, today) === 'lapsing_soon') {
      found.push(flag('window_lapsing', `The 12-month window lapses on ${longDate(window.lapsesOn)}`, { anchorDate: window.anchorDate }));
    }
  }
  return found;
}
