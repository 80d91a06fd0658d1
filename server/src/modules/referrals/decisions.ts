import { eq, isNull } from 'drizzle-orm';
import type { ScreeningDecisionInput } from '@marac/shared';
import type { Db } from '../../db/client';
import { areas, referrals, screeningDecisions } from '../../db/schema';
import { conflict, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SessionUser } from '../auth/session-store';
import { findReferral, mayOpenReferral, requireReferral } from '../cases/policy';
import { linkReferralToCase, type CaseLink } from './case-linking';
import { updateMatchKeys } from '../people/matching/keys';
import { carryScreeningRejections } from './matches';
import { subjectsOf, type ReferralRow } from './repository';

type DecisionKind = (typeof screeningDecisions.$inferSelect)['decision'];

/** Screening decides once; a referral waiting for more information can still be decided without it. */
const OPEN_FOR_SCREENING: readonly ReferralRow['status'][] = ['submitted', 'more_information_requested'];

/** A referral that can absorb another: still in play, not itself folded into something else. */
const MERGE_TARGETS: readonly ReferralRow['status'][] = ['submitted', 'more_information_requested', 'accepted'];

export interface DecisionOutcome {
  referral: ReferralRow;
  decision: DecisionKind;
  link: CaseLink | null;
}

/** The outward code of a UK postcode ("NB1 2AB" → "NB1"); postcodes are stored normalised with one space. */
const districtOf = (postcode: string) => postcode.trim().toUpperCase().split(/\s+/)[0] ?? '';

/**
 * The area that hears the case: the one the coordinator chose, or else the one whose postcode
 * districts cover the victim's address. Either way it must be an area the coordinator screens for.
 * Messages name the field and never the postcode.
 */
function areaForAcceptance(db: Db, user: SessionUser, referral: ReferralRow, chosen: string | undefined) {
  const mine = (area: typeof areas.$inferSelect | undefined) => area !== undefined && !area.disabledAt && user.areaIds.includes(area.id);
  if (chosen !== undefined) {
    const area = db.select().from(areas).where(eq(areas.id, chosen)).get();
    if (!mine(area)) throw invalid([{ field: 'areaId', message: 'Choose one of your MARAC areas' }]);
    return area!;
  }
  const victim = subjectsOf(db, referral.id).find((s) => s.role === 'victim');
  const postcode = victim?.address?.postcode;
  if (!postcode) throw invalid([{ field: 'areaId', message: 'The victim’s address has no postcode: choose the area that covers it' }]);
  const district = districtOf(postcode);
  const covering = db
    .select()
    .from(areas)
    .where(isNull(areas.disabledAt))
    .all()
    .filter((a) => a.postcodeDistricts.some((d) => d.toUpperCase() === district));
  if (covering.length === 0) throw invalid([{ field: 'areaId', message: 'No MARAC area covers the victim’s postcode district: choose the area' }]);
  if (covering.length > 1) throw invalid([{ field: 'areaId', message: 'More than one MARAC area covers the victim’s postcode district: choose the area' }]);
  const [area] = covering;
  if (!mine(area)) {
    throw invalid([{ field: 'areaId', message: 'The victim’s address is in an area you do not screen for: choose one of your areas or pass the referral to that area' }]);
  }
  return area!;
}

function mergeTarget(db: Db, user: SessionUser, referral: ReferralRow, intoReferralId: string): ReferralRow {
  if (intoReferralId === referral.id) throw invalid([{ field: 'intoReferralId', message: 'A referral cannot be merged into itself' }]);
  const target = findReferral(db, intoReferralId);
  // A referral elsewhere, or one the coordinator may not open, reads exactly like one that does not exist.
  if (!target || target.areaId !== referral.areaId || !MERGE_TARGETS.includes(target.status) || !mayOpenReferral(db, user, target, 'screen')) {
    throw invalid([{ field: 'intoReferralId', message: 'Choose a referral in the same area that is awaiting screening or accepted' }]);
  }
  return target;
}

/**
 * Records one screening decision and its consequences. Only a coordinator of the referral's area can
 * decide (anyone else is told it does not exist), and only while it awaits screening.
 */
export function decideReferral(db: Db, user: SessionUser, referralId: string, input: ScreeningDecisionInput, now: Date, today: string): DecisionOutcome {
  const referral = requireReferral(db, user, referralId, 'screen');
  if (!OPEN_FOR_SCREENING.includes(referral.status)) throw conflict('This referral has already been screened');

  const at = now.toISOString();
  let decision: DecisionKind;
  let changes: Partial<ReferralRow>;
  let reason: string | null = null;
  let link: CaseLink | null = null;
  let decidedAreaId: string | null = null;
  let mergedIntoReferralId: string | null = null;

  switch (input.decision) {
    case 'accept': {
      const area = areaForAcceptance(db, user, referral, input.areaId);
      link = linkReferralToCase(db, referral, subjectsOf(db, referral.id), area, now, today);
      // In the same transaction, so a later referral naming these people can find them from the moment they exist.
      updateMatchKeys(db, link.createdPersonIds);
      carryScreeningRejections(db, referral.id);
      decision = 'accepted';
      decidedAreaId = area.id;
      changes = { status: 'accepted', areaId: area.id, caseId: link.caseId };
      break;
    }
    case 'reject':
      decision = 'rejected';
      reason = input.reason;
      changes = { status: 'rejected' };
      break;
    case 'merge':
      mergedIntoReferralId = mergeTarget(db, user, referral, input.intoReferralId).id;
      decision = 'merged';
      changes = { status: 'merged', mergedIntoReferralId };
      break;
    case 'request_information':
      decision = 'more_information_requested';
      reason = input.reason;
      changes = { status: 'more_information_requested' };
      break;
  }

  db.update(referrals).set({ ...changes, updatedAt: at }).where(eq(referrals.id, referral.id)).run();
  db.insert(screeningDecisions)
    .values({ id: newId(), referralId: referral.id, decision, reason, areaId: decidedAreaId, mergedIntoReferralId, decidedBy: user.id, decidedAt: at })
    .run();
  return { referral: { ...referral, ...changes, updatedAt: at }, decision, link };
}
