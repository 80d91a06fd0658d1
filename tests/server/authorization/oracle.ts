/**
 * The need-to-know, worked out from what the world builder did and nothing the server decided.
 *
 * `Facts` is the world's history: who exists, what each referral says, which screening decisions and
 * identity confirmations were made, which agencies each published agenda gave which case, which actions
 * were agreed, each with the step (API call) at which it happened. `Oracle` reads that history as it
 * stood at one step and answers, for anyone (a user, or an e-mail address) and anything (a token, a
 * case), whether they are barred from it and whether they may see it:
 *
 * - BARRED from a case: any referral about its victim — on the case, merged into one that is, or
 *   naming as victim anyone confirmed to be the same person — names their agency or their e-mail
 *   (case-insensitive) as unsafe, or a coordinator recorded them as unsafe on the case. A referral on
 *   no case is barred by its own unsafe contacts, those of referrals merged into it, and the bars of
 *   any case whose victim it was confirmed to name.
 * - ALLOWED on a case: not barred, and a coordinator or chair of its area; or a representative whose
 *   agency was given research for it when an agenda of one of their areas was published, or whose
 *   agency owns one of its actions. A referral on no case: the coordinators and chairs of its area.
 * - A token is visible to whoever is allowed where it belongs and not barred from its referral; the
 *   person who submitted a referral sees that referral's own tokens; a detail of a held person (made
 *   from the referral that first named them) is also visible wherever that person, or anyone confirmed
 *   to be them, is named on a case the viewer is allowed on.
 */

import type { Token, TokenOwner } from './tokens';
import { searchForms } from './tokens';

export interface AreaInfo {
  id: string;
  code: string;
}

export interface AgencyInfo {
  id: string;
  name: string;
  areaIds: string[];
  /** Areas whose meetings invite it: served, with a signature of the area's protocol. */
  invitedAreaIds: string[];
  mailbox: string | null;
}

export interface UserInfo {
  id: string;
  label: string;
  email: string;
  role: 'coordinator' | 'chair' | 'agency_representative' | 'observer' | 'administrator';
  agencyId: string | null;
  areaIds: string[];
}

export interface UnsafeContactFact {
  agencyId: string | null;
  email: string | null;
  step: number;
}

export interface ReferralFact {
  id: string;
  reference: string;
  submitterId: string;
  areaId: string;
  step: number;
  unsafe: UnsafeContactFact[];
  victimSubjectId: string;
  subjectIds: string[];
}

export interface CaseFact {
  id: string;
  reference: string;
  areaId: string;
  victimPersonId: string;
  step: number;
}

/** Who is looking, or being sent something: a user, or whoever reads an e-mail address. */
export interface Viewer {
  label: string;
  userId: string | null;
  /** Everyone a bar could name here: the person, their agency; for a mailbox, each agency it serves. */
  parties: { agencyId: string | null; email: string | null }[];
  agencyId: string | null;
  /** Areas where they are a coordinator or chair. */
  staffAreas: string[];
  /** Areas whose agendas can give their agency a case ('all' for the agency's own mailbox). */
  repAreas: string[] | 'all';
}

export class Facts {
  step = 0;
  areas: AreaInfo[] = [];
  agencies: AgencyInfo[] = [];
  users: UserInfo[] = [];
  readonly referrals = new Map<string, ReferralFact>();
  readonly accepted = new Map<string, { caseId: string; step: number }>();
  readonly merged = new Map<string, { into: string; step: number }>();
  /** Which held person each referral subject is: linked while screening, or created at acceptance. */
  readonly personOf = new Map<string, { personId: string; step: number; created: boolean }>();
  readonly edges: { a: string; b: string; step: number }[] = [];
  readonly cases = new Map<string, CaseFact>();
  readonly coordinatorBars: { caseId: string; agencyId: string | null; email: string | null; step: number }[] = [];
  /** Meetings by id, with their area (a published agenda gives cases to the agencies of `given`). */
  readonly meetings = new Map<string, { id: string; areaId: string }>();
  readonly given: { meetingId: string; caseId: string; agencyId: string; step: number }[] = [];
  readonly actions: { id: string; caseId: string; agencyId: string; step: number }[] = [];
  /** Every token by each form it may be printed in. */
  readonly tokens = new Map<string, Token>();
  /** Each referral subject's role, to say whose data leaked. */
  readonly subjectRoles = new Map<string, string>();

  addToken(value: string, owner: TokenOwner): void {
    const token = { value, owner };
    for (const form of searchForms(value)) {
      if (this.tokens.has(form)) throw new Error(`token ${value} used twice`);
      this.tokens.set(form, token);
    }
  }

  userViewer(user: UserInfo): Viewer {
    const staff = user.role === 'coordinator' || user.role === 'chair';
    const rep = user.role === 'agency_representative';
    return {
      label: user.label,
      userId: user.id,
      parties: [{ agencyId: user.agencyId, email: user.email }],
      agencyId: rep ? user.agencyId : null,
      staffAreas: staff ? user.areaIds : [],
      repAreas: rep ? user.areaIds : [],
    };
  }

  /** Whoever reads an address: its owner if it is a user's, the agency if it is a mailbox, or a stranger. */
  addressViewer(address: string): Viewer {
    const email = address.trim().toLowerCase();
    const user = this.users.find((u) => u.email.toLowerCase() === email);
    if (user) {
      const viewer = this.userViewer(user);
      const agencies = this.agencies.filter((a) => a.mailbox?.toLowerCase() === email);
      return { ...viewer, parties: [...viewer.parties, ...agencies.map((a) => ({ agencyId: a.id, email }))] };
    }
    const agencies = this.agencies.filter((a) => a.mailbox?.toLowerCase() === email);
    const agency = agencies[0];
    return {
      label: agency ? `mailbox of ${agency.name}` : email,
      userId: null,
      parties: [{ agencyId: null, email }, ...agencies.map((a) => ({ agencyId: a.id, email }))],
      agencyId: agency?.id ?? null,
      staffAreas: [],
      repAreas: agency ? 'all' : [],
    };
  }

  caseByReference(reference: string): CaseFact | undefined {
    return [...this.cases.values()].find((c) => c.reference === reference);
  }

  referralByReference(reference: string): ReferralFact | undefined {
    return [...this.referrals.values()].find((r) => r.reference === reference);
  }
}

type Unit = { kind: 'case'; id: string } | { kind: 'referral'; id: string };
const unitKey = (u: Unit) => `${u.kind}:${u.id}`;

interface Bars {
  agencies: Set<string>;
  emails: Set<string>;
}

/** The need-to-know as the world stood after step `at`. */
export class Oracle {
  private readonly parent = new Map<string, string>();
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly facts: Facts,
    readonly at: number,
  ) {
    for (const e of facts.edges) if (e.step <= at) this.union(e.a, e.b);
  }

  private cached<T>(key: string, work: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = work();
    this.memo.set(key, value);
    return value;
  }

  private find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }

  /** The identity group of a held person: everyone confirmed to be them share one key. */
  group(personId: string): string {
    return this.find(personId);
  }

  private live<T extends { step: number }>(fact: T | undefined): T | undefined {
    return fact && fact.step <= this.at ? fact : undefined;
  }

  referralExists(id: string): boolean {
    const r = this.facts.referrals.get(id);
    return r !== undefined && r.step <= this.at;
  }

  personOfSubject(subjectId: string): { personId: string; created: boolean } | undefined {
    return this.live(this.facts.personOf.get(subjectId));
  }

  /** The end of the referral's merge chain. */
  root(referralId: string): string {
    let id = referralId;
    for (let hops = 0; hops < 50; hops++) {
      const next = this.live(this.facts.merged.get(id));
      if (!next) return id;
      id = next.into;
    }
    return id;
  }

  caseOf(referralId: string): string | null {
    return this.live(this.facts.accepted.get(this.root(referralId)))?.caseId ?? null;
  }

  unitOf(referralId: string): Unit {
    const caseId = this.caseOf(referralId);
    return caseId ? { kind: 'case', id: caseId } : { kind: 'referral', id: this.root(referralId) };
  }

  private referralsIn(unit: Unit): string[] {
    return this.cached(`in:${unitKey(unit)}`, () =>
      [...this.facts.referrals.keys()].filter((id) => this.referralExists(id) && unitKey(this.unitOf(id)) === unitKey(unit)),
    );
  }

  /** Referral and everything merged into it, directly or through others. */
  private withMerged(ids: Iterable<string>): Set<string> {
    const all = new Set(ids);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [id, m] of this.facts.merged) {
        if (m.step <= this.at && all.has(m.into) && !all.has(id)) {
          all.add(id);
          grew = true;
        }
      }
    }
    return all;
  }

  victimPerson(referralId: string): string | null {
    const r = this.facts.referrals.get(referralId);
    return r ? (this.personOfSubject(r.victimSubjectId)?.personId ?? null) : null;
  }

  liveCases(): string[] {
    return [...this.facts.cases.values()].filter((c) => c.step <= this.at).map((c) => c.id);
  }

  /** Every referral about the case's victim. */
  about(caseId: string): Set<string> {
    return this.cached(`about:${caseId}`, () => {
      const row = this.facts.cases.get(caseId);
      if (!row) return new Set<string>();
      const victim = this.group(row.victimPersonId);
      const direct = [...this.facts.referrals.keys()].filter((id) => {
        if (!this.referralExists(id)) return false;
        if (this.caseOf(id) === caseId) return true;
        const person = this.victimPerson(id);
        return person !== null && this.group(person) === victim;
      });
      return this.withMerged(direct);
    });
  }

  private barsNamedBy(referralIds: Iterable<string>, into: Bars): Bars {
    for (const id of referralIds) {
      for (const c of this.facts.referrals.get(id)?.unsafe ?? []) {
        if (c.step > this.at) continue;
        if (c.agencyId) into.agencies.add(c.agencyId);
        if (c.email) into.emails.add(c.email.trim().toLowerCase());
      }
    }
    return into;
  }

  caseBars(caseId: string): Bars {
    return this.cached(`bars:${caseId}`, () => {
      const bars = this.barsNamedBy(this.about(caseId), { agencies: new Set(), emails: new Set() });
      for (const b of this.facts.coordinatorBars) {
        if (b.caseId !== caseId || b.step > this.at) continue;
        if (b.agencyId) bars.agencies.add(b.agencyId);
        if (b.email) bars.emails.add(b.email.toLowerCase());
      }
      return bars;
    });
  }

  /** A referral on no case: its group's own unsafe contacts and the bars of the victim's cases. */
  private looseBars(rootId: string): Bars {
    return this.cached(`loose:${rootId}`, () => {
      const group = this.withMerged([rootId]);
      const bars = this.barsNamedBy(group, { agencies: new Set(), emails: new Set() });
      const victims = new Set([...group].flatMap((id) => {
        const p = this.victimPerson(id);
        return p ? [this.group(p)] : [];
      }));
      for (const caseId of this.liveCases()) {
        const row = this.facts.cases.get(caseId) as CaseFact;
        if (!victims.has(this.group(row.victimPersonId))) continue;
        const theirs = this.caseBars(caseId);
        for (const a of theirs.agencies) bars.agencies.add(a);
        for (const e of theirs.emails) bars.emails.add(e);
      }
      return bars;
    });
  }

  private named(viewer: Viewer, bars: Bars): boolean {
    return viewer.parties.some((p) => (p.agencyId !== null && bars.agencies.has(p.agencyId)) || (p.email !== null && bars.emails.has(p.email.toLowerCase())));
  }

  barredFromCase(viewer: Viewer, caseId: string): boolean {
    return this.named(viewer, this.caseBars(caseId));
  }

  barredFromReferral(viewer: Viewer, referralId: string): boolean {
    const unit = this.unitOf(referralId);
    return unit.kind === 'case' ? this.barredFromCase(viewer, unit.id) : this.named(viewer, this.looseBars(unit.id));
  }

  private staffOf(viewer: Viewer, areaId: string): boolean {
    return viewer.staffAreas.includes(areaId);
  }

  /** Given the case by a published agenda of one of their areas. */
  givenCase(viewer: Viewer, caseId: string, meetingId?: string): boolean {
    if (!viewer.agencyId) return false;
    return this.facts.given.some(
      (g) =>
        g.step <= this.at &&
        g.caseId === caseId &&
        g.agencyId === viewer.agencyId &&
        (meetingId === undefined || g.meetingId === meetingId) &&
        (viewer.repAreas === 'all' || viewer.repAreas.includes(this.facts.meetings.get(g.meetingId)?.areaId ?? '')),
    );
  }

  private ownsAction(viewer: Viewer, caseId: string): boolean {
    return viewer.agencyId !== null && this.facts.actions.some((a) => a.step <= this.at && a.caseId === caseId && a.agencyId === viewer.agencyId);
  }

  allowedCase(viewer: Viewer, caseId: string): boolean {
    const row = this.facts.cases.get(caseId);
    if (!row || row.step > this.at || this.barredFromCase(viewer, caseId)) return false;
    return this.staffOf(viewer, row.areaId) || this.givenCase(viewer, caseId) || this.ownsAction(viewer, caseId);
  }

  /** At a meeting, a representative follows only the cases given to their agency there. */
  allowedAtMeeting(viewer: Viewer, caseId: string, meetingId: string): boolean {
    const row = this.facts.cases.get(caseId);
    if (!row || row.step > this.at || this.barredFromCase(viewer, caseId)) return false;
    return this.staffOf(viewer, row.areaId) || this.givenCase(viewer, caseId, meetingId);
  }

  private unitAllowed(viewer: Viewer, unit: Unit): boolean {
    if (unit.kind === 'case') return this.allowedCase(viewer, unit.id);
    const root = this.facts.referrals.get(unit.id);
    return root !== undefined && !this.named(viewer, this.looseBars(unit.id)) && this.staffOf(viewer, root.areaId);
  }

  /** The identity groups of everyone the unit's referrals name. */
  private unitPeople(unit: Unit): Set<string> {
    return this.cached(`people:${unitKey(unit)}`, () => {
      const groups = new Set<string>();
      for (const id of this.referralsIn(unit)) {
        for (const s of this.facts.referrals.get(id)?.subjectIds ?? []) {
          const person = this.personOfSubject(s);
          if (person) groups.add(this.group(person.personId));
        }
      }
      if (unit.kind === 'case') {
        const row = this.facts.cases.get(unit.id);
        if (row) groups.add(this.group(row.victimPersonId));
      }
      return groups;
    });
  }

  private units(): Unit[] {
    return this.cached('units', () => {
      const seen = new Map<string, Unit>();
      for (const id of this.facts.referrals.keys()) {
        if (!this.referralExists(id)) continue;
        const unit = this.unitOf(id);
        seen.set(unitKey(unit), unit);
      }
      return [...seen.values()];
    });
  }

  /** Whether the viewer may see something: the question the leak checks ask of every token found. */
  visible(viewer: Viewer, owner: TokenOwner): boolean {
    switch (owner.kind) {
      case 'draft':
        return viewer.userId === owner.userId;
      case 'case':
        return this.allowedCase(viewer, owner.caseId);
      case 'referral':
      case 'subject': {
        if (!this.referralExists(owner.referralId) || this.barredFromReferral(viewer, owner.referralId)) return false;
        const referral = this.facts.referrals.get(owner.referralId) as ReferralFact;
        if (viewer.userId === referral.submitterId) return true;
        if (this.unitAllowed(viewer, this.unitOf(owner.referralId))) return true;
        if (owner.kind === 'referral') return false;
        // What a held person's record holds travels with them, to every case naming them or anyone confirmed to be them.
        const person = this.personOfSubject(owner.subjectId);
        if (!person?.created) return false;
        const group = this.group(person.personId);
        return this.cached(`travel:${viewer.label}:${group}`, () => this.units().some((u) => this.unitPeople(u).has(group) && this.unitAllowed(viewer, u)));
      }
    }
  }

  /** Whether a bar keeps the viewer from what the token belongs to. */
  barredFromOwner(viewer: Viewer, owner: TokenOwner): boolean {
    switch (owner.kind) {
      case 'draft':
        return false;
      case 'case':
        return this.barredFromCase(viewer, owner.caseId);
      case 'referral':
      case 'subject':
        return this.referralExists(owner.referralId) && this.barredFromReferral(viewer, owner.referralId);
    }
  }
}
