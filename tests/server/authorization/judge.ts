/**
 * Deciding whether something that reached someone is a leak: every token and reference found in it is
 * put to the oracle for that person at that moment.
 */

import type { Facts, Oracle, Viewer } from './oracle';
import { findReferences, findTokens, type TokenOwner } from './tokens';

export type Channel = 'response' | 'notification' | 'e-mail' | 'live';

export interface Leak {
  channel: Channel;
  /** The request that answered, or what was sent. */
  where: string;
  /** The route of the route table it came through, when it is a response. */
  route: string | null;
  viewer: string;
  found: string;
  belongsTo: string;
  reason: 'barred' | 'outside need-to-know';
  step: number;
  /** The case it belongs to, when it belongs to one. */
  caseId?: string | null;
  /** For a leak to someone barred: whether the server had recorded the bar at all (`case_bars`). */
  diagnosis?: string;
}

/**
 * How strictly to judge. `need-to-know`: tokens must be visible to the viewer, and (for notices) every
 * case named must be one they are allowed on. `bars`: only what belongs to a case the viewer is barred
 * from counts; used for answers to changes, where the world the change leaves is not the one the
 * oracle describes (a coordinator who confirms a match is shown the person they chose).
 */
export type Strictness = 'need-to-know' | 'bars' | 'matching';

/**
 * Identity matching is the one place the domain lets a coordinator see people held outside their
 * need-to-know: screening a referral, they are shown who among the people held in any area may be the
 * people it names, with the reasons (MARAC-DOMAIN.md, "Repeat and perpetrator flags across cycles").
 * There a person's details are judged for bars only; everything else is judged in full.
 */
export const IDENTITY_MATCHING = /\/matches$/;

export function describeOwner(facts: Facts, oracle: Oracle, owner: TokenOwner): string {
  switch (owner.kind) {
    case 'draft':
      return `a referral draft of ${facts.users.find((u) => u.id === owner.userId)?.label ?? owner.userId}`;
    case 'case':
      return `the record of case ${facts.cases.get(owner.caseId)?.reference ?? owner.caseId}`;
    case 'referral':
    case 'subject': {
      const referral = facts.referrals.get(owner.referralId);
      const caseId = oracle.caseOf(owner.referralId);
      const on = caseId ? `on case ${facts.cases.get(caseId)?.reference}` : 'on no case';
      const who = owner.kind === 'subject' ? `${facts.subjectRoles.get(owner.subjectId) ?? 'someone'} named by ` : '';
      return `${who}referral ${referral?.reference ?? owner.referralId} (${on})`;
    }
  }
}

const judgedInFull = (strictness: Strictness, owner: TokenOwner) => strictness === 'need-to-know' || (strictness === 'matching' && owner.kind !== 'subject');

export interface Judged {
  channel: Channel;
  where: string;
  route: string | null;
  step: number;
}

/**
 * The leaks in a text that reached `viewer`. References: a case or referral reference reaching anyone
 * barred from it always counts; in notices (`noticeReferences`) so does one reaching anyone outside the
 * case's need-to-know.
 */
export function judgeText(
  facts: Facts,
  oracle: Oracle,
  viewer: Viewer,
  text: string,
  strictness: Strictness,
  context: Judged,
  options: { noticeReferences?: boolean } = {},
): Leak[] {
  const leaks: Leak[] = [];
  const leak = (found: string, belongsTo: string, reason: Leak['reason'], caseId: string | null) => leaks.push({ ...context, viewer: viewer.label, found, belongsTo, reason, caseId });
  for (const token of findTokens(text, facts.tokens)) {
    const caseId = token.owner.kind === 'case' ? token.owner.caseId : token.owner.kind === 'draft' ? null : oracle.caseOf(token.owner.referralId);
    if (oracle.barredFromOwner(viewer, token.owner)) leak(token.value, describeOwner(facts, oracle, token.owner), 'barred', caseId);
    else if (judgedInFull(strictness, token.owner) && !oracle.visible(viewer, token.owner)) leak(token.value, describeOwner(facts, oracle, token.owner), 'outside need-to-know', caseId);
  }
  for (const reference of findReferences(text, facts.areas.map((a) => a.code))) {
    const row = facts.caseByReference(reference);
    if (row) {
      if (row.step > oracle.at) continue;
      if (oracle.barredFromCase(viewer, row.id)) leak(reference, `case ${reference}`, 'barred', row.id);
      else if (options.noticeReferences && strictness === 'need-to-know' && !oracle.allowedCase(viewer, row.id)) leak(reference, `case ${reference}`, 'outside need-to-know', row.id);
      continue;
    }
    const referral = facts.referralByReference(reference);
    if (!referral || referral.step > oracle.at) continue;
    const owner: TokenOwner = { kind: 'referral', referralId: referral.id };
    if (oracle.barredFromOwner(viewer, owner)) leak(reference, `referral ${reference}`, 'barred', oracle.caseOf(referral.id));
    else if (options.noticeReferences && strictness === 'need-to-know' && !oracle.visible(viewer, owner)) leak(reference, `referral ${reference}`, 'outside need-to-know', oracle.caseOf(referral.id));
  }
  return leaks;
}

/** The cases a notice says it concerns (the outbox keeps them): none may be one the recipient is barred from or not given. */
export function judgeCaseIds(facts: Facts, oracle: Oracle, viewer: Viewer, caseIds: readonly string[], strictness: Strictness, context: Judged): Leak[] {
  const leaks: Leak[] = [];
  for (const caseId of caseIds) {
    const reference = facts.cases.get(caseId)?.reference ?? caseId;
    if (oracle.barredFromCase(viewer, caseId)) leaks.push({ ...context, viewer: viewer.label, found: `case id ${caseId}`, belongsTo: `case ${reference}`, reason: 'barred', caseId });
    else if (strictness === 'need-to-know' && !oracle.allowedCase(viewer, caseId)) {
      leaks.push({ ...context, viewer: viewer.label, found: `case id ${caseId}`, belongsTo: `case ${reference}`, reason: 'outside need-to-know', caseId });
    }
  }
  return leaks;
}

export const formatLeak = (l: Leak) =>
  `[${l.channel}] ${l.where} (step ${l.step}) reached ${l.viewer}: "${l.found}" from ${l.belongsTo} — ${l.reason}${l.diagnosis ? ` (${l.diagnosis})` : ''}`;
