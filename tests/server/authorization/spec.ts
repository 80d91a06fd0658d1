/**
 * A generated world, as plain data: what happens, in which order, to whom. Everything refers to other
 * parts by index and is resolved when the world is built (indices wrap round), so any value fast-check
 * shrinks to is still a world that can be built, and a counterexample can be pasted into
 * `regressions.test.ts` as it was printed.
 */

import fc from 'fast-check';

export const MEETING_STATUSES = ['planned', 'agenda_published', 'in_progress', 'minuted', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface AgencySpec {
  /** Areas it serves (indices); at least one. */
  areas: number[];
  /** Areas among those whose information-sharing protocol it has not signed, so it is never invited there. */
  unsigned: number[];
  /** Whether it has a secure mailbox (notices go there). */
  mailbox: boolean;
  /** A second representative, working in the first of its areas only. */
  secondRep: boolean;
}

/**
 * Someone in the world. Each area has a coordinator and a chair; a second coordinator (for both areas
 * when there are two) lets screening go on when one of them is named unsafe. Representatives are the
 * agencies' (`n` 1 is the second representative, when the agency has one).
 */
export type PersonRef =
  | { role: 'coordinator'; area: number; second: boolean }
  | { role: 'chair'; area: number }
  | { role: 'rep'; agency: number; n: 0 | 1 }
  | { role: 'observer' }
  | { role: 'admin' };

/** Someone a referral (or a coordinator) names as unsafe to contact. */
export type UnsafeSpec = { agency: number } | { email: PersonRef } | { mailbox: number };

/**
 * What screening does with a referral. The first referral of a victim is always accepted (it opens the
 * case); later ones are accepted onto it by confirming the victim is the same person (`accept`, into the
 * other area when `crossArea`), merged into one of the victim's earlier referrals, rejected, left
 * waiting with the victim confirmed (`pending`), or sent back for more information, the victim
 * confirmed, and resubmitted naming its unsafe contacts, then accepted (`resubmit`) or left waiting
 * (`resubmit-pending`).
 */
export const FATES = ['accept', 'merge', 'reject', 'pending', 'resubmit', 'resubmit-pending'] as const;
export type Fate = (typeof FATES)[number];

export interface ReferralSpec {
  wave: number;
  fate: Fate;
  submitter: PersonRef;
  unsafe: UnsafeSpec[];
  /** For `merge`: which earlier referral of the victim (index, wrapping). */
  into: number;
  crossArea: boolean;
  /** Dated about eleven and a half months ago, so the case's repeat window is about to lapse. */
  old: boolean;
  urgent: boolean;
  children: number;
}

export interface VictimSpec {
  area: number;
  referrals: ReferralSpec[];
}

export interface SubjectRef {
  victim: number;
  role: 'victim' | 'perpetrator';
}

/** A coordinator confirms, after both are accepted, that two held people are one person. */
export interface LinkSpec {
  wave: number;
  from: SubjectRef;
  to: SubjectRef;
}

/** A coordinator records someone as unsafe on a victim's case. */
export interface BarSpec {
  wave: number;
  victim: number;
  target: UnsafeSpec;
}

export interface MeetingSpec {
  area: number;
  wave: number;
  status: MeetingStatus;
  /** Agencies (indices, wrapping) given an action per case, in agenda order. */
  actionAgencies: number[];
}

export interface WorldSpec {
  areas: 1 | 2;
  waves: number;
  agencies: AgencySpec[];
  victims: VictimSpec[];
  links: LinkSpec[];
  bars: BarSpec[];
  meetings: MeetingSpec[];
  /** People who leave a referral draft with personal data in it. */
  drafts: PersonRef[];
}

export interface WorldSize {
  maxAgencies: number;
  maxVictims: number;
  maxReferrals: number;
  maxWaves: number;
}

/** Small enough for the default run to build and sweep a world in seconds. */
export const QUICK_SIZE: WorldSize = { maxAgencies: 4, maxVictims: 3, maxReferrals: 4, maxWaves: 3 };
export const DEEP_SIZE: WorldSize = { maxAgencies: 5, maxVictims: 4, maxReferrals: 4, maxWaves: 3 };

const index = fc.nat({ max: 7 });

const personRef: fc.Arbitrary<PersonRef> = fc.oneof(
  fc.record({ role: fc.constant('coordinator' as const), area: index, second: fc.boolean() }),
  fc.record({ role: fc.constant('chair' as const), area: index }),
  fc.record({ role: fc.constant('rep' as const), agency: index, n: fc.constantFrom(0 as const, 1 as const) }),
  fc.constant({ role: 'observer' as const }),
  fc.constant({ role: 'admin' as const }),
);

const submitter: fc.Arbitrary<PersonRef> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ role: fc.constant('rep' as const), agency: index, n: fc.constantFrom(0 as const, 1 as const) }) },
  { weight: 1, arbitrary: fc.record({ role: fc.constant('coordinator' as const), area: index, second: fc.boolean() }) },
);

const unsafe: fc.Arbitrary<UnsafeSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ agency: index }) },
  { weight: 2, arbitrary: fc.record({ email: personRef }) },
  { weight: 1, arbitrary: fc.record({ mailbox: index }) },
);

const meeting = fc.record({
  // Meetings past publication are where most is shared, so they come up more often.
  status: fc.oneof(
    { weight: 1, arbitrary: fc.constant('planned' as const) },
    { weight: 3, arbitrary: fc.constantFrom('agenda_published' as const, 'in_progress' as const) },
    { weight: 2, arbitrary: fc.constantFrom('minuted' as const, 'closed' as const) },
  ),
  actionAgencies: fc.array(index, { minLength: 1, maxLength: 3 }),
});

/**
 * A world of one or two areas over two or more days ("waves"): each day referrals come in and are
 * screened, identities are confirmed, bars recorded, and each area holds a meeting (taking every case
 * waiting), which goes as far as its status.
 */
export function worldArbitrary(size: WorldSize): fc.Arbitrary<WorldSpec> {
  return fc
    .tuple(fc.constantFrom(1 as const, 2 as const), fc.integer({ min: 2, max: Math.max(2, size.maxWaves) }))
    .chain(([areas, waves]) =>
      fc.record({
        areas: fc.constant(areas),
        waves: fc.constant(waves),
        agencies: fc.array(
          fc.record({
            areas: fc.subarray([0, 1], { minLength: 1 }),
            unsigned: fc.subarray([0, 1], { maxLength: 1 }),
            mailbox: fc.boolean(),
            secondRep: fc.boolean(),
          }),
          { minLength: 2, maxLength: size.maxAgencies },
        ),
        victims: fc.array(
          fc.record({
            area: index,
            referrals: fc.array(
              fc.record({
                wave: index,
                fate: fc.constantFrom(...FATES),
                submitter,
                unsafe: fc.array(unsafe, { maxLength: 2 }),
                into: index,
                crossArea: fc.boolean(),
                old: fc.boolean(),
                urgent: fc.boolean(),
                children: fc.nat({ max: 2 }),
              }),
              { minLength: 1, maxLength: size.maxReferrals, size: 'max' },
            ),
          }),
          { minLength: 1, maxLength: size.maxVictims, size: 'max' },
        ),
        links: fc.array(
          fc.record({
            wave: index,
            from: fc.record({ victim: index, role: fc.constantFrom('victim' as const, 'perpetrator' as const) }),
            to: fc.record({ victim: index, role: fc.constantFrom('victim' as const, 'perpetrator' as const) }),
          }),
          { maxLength: 2 },
        ),
        bars: fc.array(fc.record({ wave: index, victim: index, target: unsafe }), { maxLength: 1 }),
        meetings: fc
          .array(meeting, { minLength: areas * waves, maxLength: areas * waves })
          .map((list) => list.map((m, i) => ({ ...m, area: i % areas, wave: Math.floor(i / areas) }))),
        drafts: fc.array(submitter, { maxLength: 1 }),
      }),
    )
    .map(normalise);
}

/**
 * Puts indices in range and waves in order (a victim's referrals come one after another), so what is
 * printed on failure is what was built.
 */
export function normalise(spec: WorldSpec): WorldSpec {
  const waves = Math.max(1, spec.waves);
  const wave = (w: number) => w % waves;
  // Plain objects all through, so the world prints as JSON.
  return JSON.parse(JSON.stringify({
    ...spec,
    waves,
    agencies: spec.agencies.map((a) => {
      const areas = [...new Set(a.areas.map((i) => i % spec.areas))].sort();
      return { ...a, areas, unsigned: a.unsigned.filter((i) => areas.includes(i)) };
    }),
    victims: spec.victims.map((v) => {
      let last = 0;
      return {
        ...v,
        area: v.area % spec.areas,
        referrals: v.referrals.map((r) => {
          last = Math.max(last, wave(r.wave));
          return { ...r, wave: last };
        }),
      };
    }),
    links: spec.links.map((l) => ({ ...l, wave: wave(l.wave) })),
    bars: spec.bars.map((b) => ({ ...b, wave: wave(b.wave) })),
    meetings: spec.meetings.map((m) => ({ ...m, area: m.area % spec.areas, wave: wave(m.wave) })),
  })) as WorldSpec;
}
