/**
 * Builds a generated world through the API, the way its people would: representatives and
 * coordinators refer, coordinators screen (accepting, confirming who the victim is, merging, rejecting,
 * asking for more), confirm identities, record bars and run meetings from publication to closing;
 * agencies research; the chair records cases and agrees actions; minutes are signed off and
 * distributed. Areas, agencies and accounts are set up in the database as the other server tests do.
 *
 * Every call is a step of the world's history (`Facts`). What the platform sends along the way is
 * judged at the step it goes: after each call the outbox is delivered (as the mail worker would) to a
 * transport that keeps every message, and screens following a meeting live keep every event they are
 * sent. At the end the clock moves on and the daily jobs (action reminders, research reminders) run.
 *
 * Refusals the world's own rules explain (a meeting with nothing to publish, a person already linked)
 * are expected; anything else the API answers unexpectedly is kept as an anomaly for the report.
 */

import { CONFIDENTIALITY_STATEMENT_VERSION, addDays } from '@marac/shared';
import { transaction } from '../../../server/src/db/client';
import { outbox } from '../../../server/src/db/schema';
import { runActionReminders } from '../../../server/src/modules/actions/reminders';
import { queueResearchReminders } from '../../../server/src/modules/mail/notices';
import { deliverOutbox } from '../../../server/src/modules/mail/outbox';
import { makeAgency, makeArea, makeUser, signIn, signProtocol, type Agent } from '../helper';
import { dashAnswers } from '../modules/referrals/factories';
import type { WorldContext } from './app';
import { judgeCaseIds, judgeText, type Leak } from './judge';
import { openStream, parseFrames, type Opened } from './live';
import { Facts, Oracle, type AgencyInfo, type UserInfo, type Viewer } from './oracle';
import type { MeetingSpec, PersonRef, ReferralSpec, UnsafeSpec, WorldSpec } from './spec';
import { TokenMint, type TokenOwner } from './tokens';

type Response = Awaited<ReturnType<Agent['request']>>;

const AREA_CODES = ['ZA', 'ZB'];
const AREA_NAMES = ['Ashshire', 'Beckton'];
const AGENCY_KINDS = ['police', 'idva', 'childrens_social_care', 'housing', 'probation'] as const;
export const PUBLIC_URL = 'http://localhost:3000';

interface BuiltReferral {
  id: string;
  areaId: string;
  victimSubjectId: string;
  subjects: { id: string; role: string }[];
  status: 'submitted' | 'accepted' | 'merged' | 'rejected' | 'more_information_requested';
  submitter: UserInfo;
}

interface StreamHandle {
  agent: Agent;
  viewer: Viewer;
  meetingId: string;
  openedAt: number;
  opened: Opened;
}

export interface BuildFigures {
  steps: number;
  referrals: number;
  cases: number;
  meetings: Record<string, number>;
  actions: number;
  emailsDelivered: number;
  emailsCancelled: number;
  liveFrames: number;
}

export class WorldBuilder {
  readonly facts = new Facts();
  readonly leaks: Leak[] = [];
  readonly anomalies: string[] = [];
  readonly agents = new Map<string, Agent>();
  readonly figures: BuildFigures = { steps: 0, referrals: 0, cases: 0, meetings: {}, actions: 0, emailsDelivered: 0, emailsCancelled: 0, liveFrames: 0 };
  private readonly mint = new TokenMint();
  private readonly referralsByVictim: BuiltReferral[][] = [];
  private readonly meetingWave = new Map<string, number>();
  private readonly streams: StreamHandle[] = [];
  private readonly seqAtStep: { step: number; seq: number }[] = [];
  private readonly seenOutbox = new Set<string>();
  private readonly actionMeeting = new Map<string, string>();
  private settled = 0;

  constructor(
    private readonly world: WorldContext,
    private readonly spec: WorldSpec,
  ) {}

  get users(): UserInfo[] {
    return this.facts.users;
  }

  today(): string {
    return this.world.clock.now().toISOString().slice(0, 10);
  }

  oracle(): Oracle {
    return new Oracle(this.facts, this.facts.step);
  }

  async build(): Promise<void> {
    await this.setUp();
    try {
      for (let wave = 0; wave < this.spec.waves; wave++) {
        if (wave > 0) await this.nextDay();
        if (wave === 0) await this.leaveDrafts();
        await this.referAndScreen(wave);
        await this.confirmIdentities(wave);
        await this.recordBars(wave);
        for (const meeting of this.spec.meetings.filter((m) => m.wave === wave)) await this.runMeeting(meeting);
      }
      await this.reviewOutcomes();
      await this.settle();
    } finally {
      await this.stopFollowing();
    }
    await this.runDailyJobs();
    // The sweep signs everyone in afresh: the days the jobs needed have ended the build's sessions.
    for (const user of this.users) this.agents.set(user.id, await signIn(this.world.app, user.email));
    this.figures.steps = this.facts.step;
  }

  /**
   * Each wave is held on the next day (23 hours on, so sessions idle for a day at most), and every
   * session, those following meetings included, is used once so none lapses.
   */
  private async nextDay(): Promise<void> {
    await this.settle();
    this.world.clock.advanceMinutes(23 * 60);
    for (const agent of [...this.agents.values(), ...this.streams.map((s) => s.agent)]) await agent.request({ method: 'GET', url: '/api/auth/me' });
    // The morning's chase, before the day's referrals: reminders sent now must stop reaching anyone barred later.
    await this.runJobs();
  }

  // ---- People and organisations -----------------------------------------------------------------

  private async setUp(): Promise<void> {
    const { database } = this.world;
    for (let a = 0; a < this.spec.areas; a++) {
      const area = makeArea(database, { name: AREA_NAMES[a], code: AREA_CODES[a], postcodeDistricts: [] });
      this.facts.areas.push({ id: area.id, code: area.code });
    }
    const areaId = (i: number) => (this.facts.areas[i] as { id: string }).id;
    const pending: { areaId: string; agencyId: string }[] = [];
    this.spec.agencies.forEach((a, i) => {
      const areaIds = a.areas.map(areaId);
      const mailbox = a.mailbox ? `mailbox${i}@agency${i}.test.invalid` : null;
      const row = makeAgency(database, areaIds, { name: `Agency ${i} (${AGENCY_KINDS[i % AGENCY_KINDS.length]})`, kind: AGENCY_KINDS[i % AGENCY_KINDS.length], secureEmail: mailbox, protocolSigned: false });
      const invited = a.areas.filter((x) => !a.unsigned.includes(x)).map(areaId);
      for (const id of invited) pending.push({ areaId: id, agencyId: row.id });
      this.facts.agencies.push({ id: row.id, name: row.name, areaIds, invitedAreaIds: invited, mailbox });
    });
    const add = async (label: string, role: UserInfo['role'], areaIds: string[], agencyId: string | null = null) => {
      const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@users.test.invalid`;
      const row = await makeUser(database, { role, areaIds, agencyId, email, name: label });
      this.facts.users.push({ id: row.id, label, email, role, agencyId, areaIds });
    };
    for (let a = 0; a < this.spec.areas; a++) await add(`Coordinator ${AREA_CODES[a]}`, 'coordinator', [areaId(a)]);
    if (this.spec.areas === 2) await add('Coordinator of both', 'coordinator', [areaId(0), areaId(1)]);
    else await add(`Coordinator ${AREA_CODES[0]} second`, 'coordinator', [areaId(0)]);
    for (let a = 0; a < this.spec.areas; a++) await add(`Chair ${AREA_CODES[a]}`, 'chair', [areaId(a)]);
    for (const [i, a] of this.spec.agencies.entries()) {
      const agency = this.facts.agencies[i] as AgencyInfo;
      await add(`Rep of agency ${i}`, 'agency_representative', agency.areaIds, agency.id);
      if (a.secondRep) await add(`Second rep of agency ${i}`, 'agency_representative', [agency.areaIds[0] as string], agency.id);
    }
    await add('Observer', 'observer', [areaId(0)]);
    await add('Administrator', 'administrator', [areaId(0)]);
    for (const p of pending) signProtocol(database, p.areaId, p.agencyId);
    for (const user of this.users) this.agents.set(user.id, await signIn(this.world.app, user.email));
  }

  private area(i: number): string {
    return (this.facts.areas[i % this.facts.areas.length] as { id: string }).id;
  }

  private agency(i: number): AgencyInfo {
    return this.facts.agencies[i % this.facts.agencies.length] as AgencyInfo;
  }

  private byLabel(label: string): UserInfo | undefined {
    return this.users.find((u) => u.label === label);
  }

  private coordinators(areaId: string): UserInfo[] {
    return this.users.filter((u) => u.role === 'coordinator' && u.areaIds.includes(areaId));
  }

  private chairs(areaId: string): UserInfo[] {
    return this.users.filter((u) => u.role === 'chair' && u.areaIds.includes(areaId));
  }

  private reps(agencyId: string, areaId?: string): UserInfo[] {
    return this.users.filter((u) => u.role === 'agency_representative' && u.agencyId === agencyId && (!areaId || u.areaIds.includes(areaId)));
  }

  resolve(ref: PersonRef): UserInfo {
    const pick = (): UserInfo | undefined => {
      switch (ref.role) {
        case 'coordinator': {
          const code = AREA_CODES[ref.area % this.spec.areas] as string;
          if (!ref.second) return this.byLabel(`Coordinator ${code}`);
          return this.byLabel('Coordinator of both') ?? this.byLabel(`Coordinator ${AREA_CODES[0]} second`);
        }
        case 'chair':
          return this.byLabel(`Chair ${AREA_CODES[ref.area % this.spec.areas]}`);
        case 'rep': {
          const i = ref.agency % this.facts.agencies.length;
          return (ref.n === 1 ? this.byLabel(`Second rep of agency ${i}`) : undefined) ?? this.byLabel(`Rep of agency ${i}`);
        }
        case 'observer':
          return this.byLabel('Observer');
        case 'admin':
          return this.byLabel('Administrator');
      }
    };
    const user = pick();
    if (!user) throw new Error(`no one in the world answers ${JSON.stringify(ref)}`);
    return user;
  }

  /** Who refers into the area: the representative asked for if they work there, else another who does, else its coordinator. */
  private submitterFor(ref: PersonRef, areaId: string): UserInfo {
    const wanted = this.resolve(ref);
    const mayRefer = (u: UserInfo) => (u.role === 'agency_representative' || u.role === 'coordinator') && u.areaIds.includes(areaId);
    if (mayRefer(wanted)) return wanted;
    return this.users.find((u) => u.role === 'agency_representative' && mayRefer(u)) ?? (this.coordinators(areaId)[0] as UserInfo);
  }

  private agent(user: UserInfo): Agent {
    return this.agents.get(user.id) as Agent;
  }

  // ---- Calls and what they send ------------------------------------------------------------------

  private lastCall = '';

  private async call(user: UserInfo, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<Response> {
    await this.settle();
    this.facts.step += 1;
    this.lastCall = `${user.label}: ${method} ${url}`;
    return this.agent(user).request({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  }

  /** The version a record has now, sent with a change as a screen that has just read it sends it. */
  private version(table: 'meetings' | 'minutes' | 'research', where: string, ...ids: string[]): number {
    return (this.world.database.sqlite.prepare(`select version from ${table} where ${where}`).get(...ids) as { version: number } | undefined)?.version ?? 0;
  }

  private meetingVersion(meetingId: string): { version: number } {
    return { version: this.version('meetings', 'id = ?', meetingId) };
  }

  private minutesVersion(meetingId: string): { version: number } {
    return { version: this.version('minutes', 'meeting_id = ?', meetingId) };
  }

  private expect(response: Response, statuses: number[], what: string): boolean {
    if (statuses.includes(response.statusCode)) return true;
    this.anomalies.push(`${what} (${this.lastCall}) answered ${response.statusCode} ${response.body.slice(0, 300)}`);
    return false;
  }

  /**
   * Delivers what the last call queued, judging each message at the step it goes, and notes how far
   * the meetings' event logs have come, so each live event can be judged at the step it was sent.
   */
  private async settle(): Promise<void> {
    if (this.settled === this.facts.step) return;
    this.settled = this.facts.step;
    const { database } = this.world;
    await deliverOutbox(database.db, { send: async () => undefined }, this.world.clock.now);
    const oracle = this.oracle();
    for (const row of database.db.select().from(outbox).all()) {
      if (this.seenOutbox.has(row.id) || (!row.sentAt && !row.cancelledAt)) continue;
      this.seenOutbox.add(row.id);
      if (row.cancelledAt) {
        this.figures.emailsCancelled += 1;
        continue;
      }
      this.figures.emailsDelivered += 1;
      const viewer = this.facts.addressViewer(row.recipient);
      const context = { channel: 'e-mail' as const, where: `e-mail to ${row.recipient}: "${row.subject}"`, route: null, step: this.facts.step };
      this.leaks.push(...judgeText(this.facts, oracle, viewer, `${row.subject}\n${row.body}`, 'need-to-know', context, { noticeReferences: true }));
      this.leaks.push(...judgeCaseIds(this.facts, oracle, viewer, row.caseIds, 'need-to-know', context));
    }
    const seq = (database.sqlite.prepare('select coalesce(max(seq), 0) as n from meeting_events').get() as { n: number }).n;
    this.seqAtStep.push({ step: this.facts.step, seq });
  }

  // ---- Referrals ---------------------------------------------------------------------------------

  private async leaveDrafts(): Promise<void> {
    for (const ref of this.spec.drafts) {
      const user = this.submitterFor(ref, this.area(0));
      const note = this.mint.word();
      this.facts.addToken(note, { kind: 'draft', userId: user.id });
      const response = await this.call(user, 'POST', '/api/referral-drafts', { payload: { victim: { givenName: note }, note: `Draft about ${note}` } });
      this.expect(response, [201, 200], 'saving a draft');
    }
  }

  private unsafeContacts(list: UnsafeSpec[], submitter: UserInfo, referringAgencyId: string | null): { contacts: Record<string, unknown>[]; names: string[] } {
    const contacts: Record<string, unknown>[] = [];
    const names: string[] = [];
    for (const u of list) {
      let agencyId: string | null = null;
      let email: string | null = null;
      if ('agency' in u) agencyId = this.agency(u.agency).id;
      else if ('mailbox' in u) email = this.agency(u.mailbox).mailbox;
      else email = this.resolve(u.email).email;
      if (agencyId === null && email === null) continue;
      // The platform refuses a referral naming its own sender; the world leaves such a name out.
      if (agencyId !== null && (agencyId === referringAgencyId || agencyId === submitter.agencyId)) continue;
      if (email !== null && email.toLowerCase() === submitter.email.toLowerCase()) continue;
      const name = this.mint.word();
      names.push(name);
      contacts.push({ name, relationship: 'Named by the victim', email, agencyId, reason: 'Passes information to the perpetrator' });
    }
    return { contacts, names };
  }

  /** A complete referral whose every personal detail is a fresh token. */
  private payload(spec: ReferralSpec, areaId: string, submitter: UserInfo, position: number) {
    const m = this.mint;
    const today = this.today();
    const referralDate = spec.old ? addDays(today, -345) : addDays(today, -(position % 3));
    const subjects: { role: string; values: string[] }[] = [];
    const person = (role: string, adult: boolean, withAddress: boolean, withPhone: boolean) => {
      const values = { given: m.word(), family: m.word(), aliasGiven: m.word(), aliasFamily: m.word(), dob: adult ? m.adultBirthDate() : m.childBirthDate() };
      const address = withAddress ? { line1: `${m.word()} Street`, line2: null, town: 'Testford', postcode: m.postcode() } : null;
      const phone = withPhone ? m.phone() : null;
      subjects.push({ role, values: [values.given, values.family, values.aliasGiven, values.aliasFamily, values.dob, ...(address ? [address.line1.split(' ')[0] as string, address.postcode] : []), ...(phone ? [phone] : [])] });
      return { values, address, phone };
    };
    const victim = person('victim', true, true, true);
    const perpetrator = person('perpetrator', true, true, false);
    const children = Array.from({ length: spec.children }, () => {
      const child = person('child', false, false, false);
      const school = m.word();
      (subjects.at(-1) as { values: string[] }).values.push(school);
      return { ...child, school };
    });
    const referringAgencyId = submitter.role === 'agency_representative' ? null : this.agency(0).id;
    const referral = { gp: m.word(), fears: m.word(), incident: m.word(), history: m.word(), police: m.word() };
    const payload: Record<string, unknown> = {
      areaId,
      referringAgencyId,
      referrerName: 'PC Robin Referrer',
      referrerContact: 'robin.referrer@police.test.invalid',
      referralDate,
      managerSignOff: null,
      urgent: spec.urgent,
      assessment: { tool: 'dash', version: '2009', completedOn: referralDate, answers: dashAnswers(15) },
      dashScore: 15,
      professionalJudgementReasons: null,
      incidentDates: [referralDate],
      knownRepeat: false,
      victim: {
        givenName: victim.values.given,
        familyName: victim.values.family,
        aliases: [{ givenName: victim.values.aliasGiven, familyName: victim.values.aliasFamily }],
        datesOfBirth: [victim.values.dob],
        gender: 'female',
        address: victim.address,
        phone: victim.phone,
      },
      victimDetails: {
        language: 'English',
        interpreterNeeded: false,
        gp: `Dr ${referral.gp}`,
        contactSafety: { safeToCall: true, safeTimes: 'Weekdays 10:00 to 14:00', safeMethods: null },
        diversity: { ethnicity: 'white_british', disability: 'no', lgbt: 'no' },
      },
      perpetrators: [
        {
          givenName: perpetrator.values.given,
          familyName: perpetrator.values.family,
          aliases: [{ givenName: perpetrator.values.aliasGiven, familyName: perpetrator.values.aliasFamily }],
          datesOfBirth: [perpetrator.values.dob],
          gender: 'male',
          address: perpetrator.address,
          relationshipToVictim: 'Ex-partner',
        },
      ],
      householdMembers: children.map((c) => ({
        role: 'child',
        givenName: c.values.given,
        familyName: c.values.family,
        aliases: [{ givenName: c.values.aliasGiven, familyName: c.values.aliasFamily }],
        datesOfBirth: [c.values.dob],
        relationshipToVictim: 'Child',
        relationshipToPerpetrator: 'Child',
        school: `${c.school} Primary`,
      })),
      consent: { victimAware: true, consentGiven: 'yes', reason: null },
      victimFears: `Fears ${referral.fears}`,
      unsafeContacts: [],
      previousMaracElsewhere: null,
      narrative: { recentIncident: `Incident ${referral.incident}`, history: `History ${referral.history}`, supportInPlace: null, risksAndTriggers: null },
      policeReferences: [{ kind: 'crime', reference: referral.police, detail: null, date: referralDate }],
    };
    return { payload, subjects, referralTokens: Object.values(referral), referringAgencyId };
  }

  private registerReferral(built: BuiltReferral, subjects: { role: string; values: string[] }[], referralTokens: string[], detail: ReferralResponse) {
    const ids = [detail.victim.id, ...detail.perpetrators.map((p) => p.id), ...detail.householdMembers.map((h) => h.id)];
    built.subjects = ids.map((id, i) => ({ id, role: subjects[i]?.role ?? 'someone' }));
    this.facts.referrals.set(detail.id, {
      id: detail.id,
      reference: detail.reference,
      submitterId: built.submitter.id,
      areaId: built.areaId,
      step: this.facts.step,
      unsafe: [],
      victimSubjectId: detail.victim.id,
      subjectIds: ids,
    });
    ids.forEach((id, i) => {
      this.facts.subjectRoles.set(id, subjects[i]?.role ?? 'someone');
      for (const value of subjects[i]?.values ?? []) this.facts.addToken(value, { kind: 'subject', referralId: detail.id, subjectId: id });
    });
    for (const value of referralTokens) this.facts.addToken(value, { kind: 'referral', referralId: detail.id });
    this.figures.referrals += 1;
  }

  private addUnsafe(referralId: string, contacts: Record<string, unknown>[]) {
    const fact = this.facts.referrals.get(referralId);
    if (!fact) return;
    for (const c of contacts) fact.unsafe.push({ agencyId: (c['agencyId'] as string | null) ?? null, email: (c['email'] as string | null) ?? null, step: this.facts.step });
  }

  private async referAndScreen(wave: number): Promise<void> {
    for (const [v, victim] of this.spec.victims.entries()) {
      const built = (this.referralsByVictim[v] ??= []);
      for (const [j, spec] of victim.referrals.entries()) {
        if (spec.wave !== wave) continue;
        await this.refer(v, j, spec, built);
      }
    }
  }

  private firstVictimPerson(v: number): string | null {
    const first = this.referralsByVictim[v]?.[0];
    return first ? (this.facts.personOf.get(first.victimSubjectId)?.personId ?? null) : null;
  }

  private async refer(v: number, j: number, spec: ReferralSpec, built: BuiltReferral[]): Promise<void> {
    const victimArea = this.area(this.spec.victims[v]?.area ?? 0);
    let fate = j === 0 ? 'accept' : spec.fate;
    const targets = built.filter((b) => b.status === 'accepted' || b.status === 'submitted');
    const target = fate === 'merge' ? targets[spec.into % Math.max(1, targets.length)] : undefined;
    if (fate === 'merge' && !target) fate = 'accept';
    const areaId = target ? target.areaId : victimArea;
    const submitter = this.submitterFor(spec.submitter, areaId);
    const { payload, subjects, referralTokens, referringAgencyId } = this.payload(spec, areaId, submitter, j);
    const { contacts, names } = this.unsafeContacts(spec.unsafe, submitter, referringAgencyId);
    // A referral sent back for more information names its unsafe contacts when it comes back.
    const atSubmission = fate !== 'resubmit' && fate !== 'resubmit-pending';
    const submitted = await this.call(submitter, 'POST', '/api/referrals', { ...payload, unsafeContacts: atSubmission ? contacts : [] });
    if (!this.expect(submitted, [201], 'submitting a referral')) return;
    const detail = submitted.json<ReferralResponse>();
    const referral: BuiltReferral = { id: detail.id, areaId, victimSubjectId: detail.victim.id, subjects: [], status: 'submitted', submitter };
    this.registerReferral(referral, subjects, [...referralTokens, ...names], detail);
    if (atSubmission) this.addUnsafe(referral.id, contacts);
    built.push(referral);

    if (j === 0) {
      await this.accept(referral, victimArea);
      return;
    }
    switch (fate) {
      case 'accept': {
        await this.confirmVictim(referral, this.firstVictimPerson(v));
        const other = this.spec.areas === 2 && spec.crossArea ? this.area(this.facts.areas.findIndex((a) => a.id !== victimArea)) : victimArea;
        await this.accept(referral, other);
        return;
      }
      case 'merge': {
        const into = target as BuiltReferral;
        const coordinator = this.coordinatorWho([referral.areaId], (o, viewer) => !o.barredFromReferral(viewer, referral.id) && !o.barredFromReferral(viewer, into.id));
        if (!coordinator) return;
        const response = await this.call(coordinator, 'POST', `/api/referrals/${referral.id}/decisions`, { decision: 'merge', intoReferralId: into.id });
        if (!this.expect(response, [200], 'merging a referral')) return;
        referral.status = 'merged';
        this.facts.merged.set(referral.id, { into: into.id, step: this.facts.step });
        return;
      }
      case 'reject': {
        const coordinator = this.coordinatorWho([referral.areaId], (o, viewer) => !o.barredFromReferral(viewer, referral.id));
        if (!coordinator) return;
        const response = await this.call(coordinator, 'POST', `/api/referrals/${referral.id}/decisions`, { decision: 'reject', reason: 'Does not meet a criterion' });
        if (this.expect(response, [200], 'rejecting a referral')) referral.status = 'rejected';
        return;
      }
      case 'pending':
        await this.confirmVictim(referral, this.firstVictimPerson(v));
        return;
      case 'resubmit':
      case 'resubmit-pending': {
        const coordinator = this.coordinatorWho([referral.areaId], (o, viewer) => !o.barredFromReferral(viewer, referral.id));
        if (!coordinator) return;
        const asked = await this.call(coordinator, 'POST', `/api/referrals/${referral.id}/decisions`, { decision: 'request_information', reason: 'Say who it is unsafe to contact' });
        if (!this.expect(asked, [200], 'asking for more information')) return;
        referral.status = 'more_information_requested';
        // Confirmed first, so what the resubmission says about who is unsafe counts for the held victim at once.
        await this.confirmVictim(referral, this.firstVictimPerson(v));
        // A referrer a bar on the victim's case names no longer reaches their own referral.
        if (this.oracle().barredFromReferral(this.facts.userViewer(submitter), referral.id)) return;
        const again = await this.call(submitter, 'PUT', `/api/referrals/${referral.id}`, { ...payload, unsafeContacts: contacts });
        if (!this.expect(again, [200], 'resubmitting a referral')) return;
        referral.status = 'submitted';
        this.addUnsafe(referral.id, contacts);
        if (fate === 'resubmit') await this.accept(referral, victimArea);
        return;
      }
    }
  }

  /** A coordinator of all these areas the oracle lets do it (bars reach coordinators too). */
  private coordinatorWho(areaIds: string[], may: (oracle: Oracle, viewer: Viewer) => boolean): UserInfo | undefined {
    const oracle = this.oracle();
    return this.users.find((u) => u.role === 'coordinator' && areaIds.every((a) => u.areaIds.includes(a)) && may(oracle, this.facts.userViewer(u)));
  }

  private async confirmVictim(referral: BuiltReferral, personId: string | null): Promise<void> {
    if (!personId) return;
    // Someone held on a case that bars the coordinator is never suggested to them: another decides.
    const heldOn = [...this.facts.cases.values()].filter((c) => c.victimPersonId === personId).map((c) => c.id);
    const coordinator = this.coordinatorWho([referral.areaId], (o, viewer) => !o.barredFromReferral(viewer, referral.id) && heldOn.every((caseId) => !o.barredFromCase(viewer, caseId)));
    if (!coordinator) return;
    const response = await this.call(coordinator, 'POST', `/api/referrals/${referral.id}/subjects/${referral.victimSubjectId}/matches`, { personId, decision: 'confirm' });
    if (!this.expect(response, [200], 'confirming who the victim is')) return;
    this.facts.personOf.set(referral.victimSubjectId, { personId, step: this.facts.step, created: false });
  }

  private async accept(referral: BuiltReferral, areaId: string): Promise<void> {
    const coordinator = this.coordinatorWho([referral.areaId, areaId], (o, viewer) => !o.barredFromReferral(viewer, referral.id));
    if (!coordinator) return;
    const response = await this.call(coordinator, 'POST', `/api/referrals/${referral.id}/decisions`, { decision: 'accept', areaId });
    if (!this.expect(response, [200], 'accepting a referral')) return;
    const detail = response.json<ReferralResponse>();
    if (!detail.caseId) {
      this.anomalies.push(`accepting referral ${detail.reference} answered without a case`);
      return;
    }
    referral.status = 'accepted';
    referral.areaId = areaId;
    const fact = this.facts.referrals.get(referral.id);
    if (fact) fact.areaId = areaId;
    const people = [detail.victim, ...detail.perpetrators, ...detail.householdMembers];
    for (const subject of people) {
      const linked = this.facts.personOf.get(subject.id);
      if (!subject.personId) this.anomalies.push(`subject of accepted referral ${detail.reference} has no held person`);
      else if (linked && linked.personId !== subject.personId) this.anomalies.push(`a subject confirmed as one person was accepted as another (${detail.reference})`);
      else if (!linked) this.facts.personOf.set(subject.id, { personId: subject.personId, step: this.facts.step, created: true });
    }
    const victimPerson = detail.victim.personId as string;
    const continued = [...this.facts.cases.values()].find((c) => c.victimPersonId === victimPerson && c.areaId === areaId);
    if (continued && continued.id !== detail.caseId) this.anomalies.push(`referral ${detail.reference} opened a new case though the victim has one in the area`);
    if (!this.facts.cases.has(detail.caseId)) {
      this.facts.cases.set(detail.caseId, { id: detail.caseId, reference: detail.caseReference ?? '', areaId, victimPersonId: victimPerson, step: this.facts.step });
      this.figures.cases += 1;
    }
    this.facts.accepted.set(referral.id, { caseId: detail.caseId, step: this.facts.step });
  }

  // ---- Identities and bars -------------------------------------------------------------------------

  private subjectOf(v: number, role: 'victim' | 'perpetrator'): { referral: BuiltReferral; subjectId: string } | undefined {
    const referral = this.referralsByVictim[v % Math.max(1, this.referralsByVictim.length)]?.find((r) => r.status === 'accepted');
    const subject = referral?.subjects.find((s) => s.role === role);
    return referral && subject ? { referral, subjectId: subject.id } : undefined;
  }

  private async confirmIdentities(wave: number): Promise<void> {
    for (const link of this.spec.links.filter((l) => l.wave === wave)) {
      const from = this.subjectOf(link.from.victim, link.from.role);
      const to = this.subjectOf(link.to.victim, link.to.role);
      const own = from && this.facts.personOf.get(from.subjectId)?.personId;
      const other = to && this.facts.personOf.get(to.subjectId)?.personId;
      if (!from || !own || !other || own === other) continue;
      const caseId = this.facts.accepted.get(from.referral.id)?.caseId;
      const coordinator = this.coordinatorWho([from.referral.areaId], (o, viewer) => !o.barredFromReferral(viewer, from.referral.id) && (!caseId || !o.barredFromCase(viewer, caseId)));
      if (!coordinator) continue;
      const response = await this.call(coordinator, 'POST', `/api/referrals/${from.referral.id}/subjects/${from.subjectId}/matches`, { personId: other, decision: 'confirm' });
      // 409: one person cannot be two of the people one referral names.
      if (!this.expect(response, [200, 409], 'confirming an identity')) continue;
      if (response.statusCode === 200) this.facts.edges.push({ a: own, b: other, step: this.facts.step });
    }
  }

  private async recordBars(wave: number): Promise<void> {
    for (const bar of this.spec.bars.filter((b) => b.wave === wave)) {
      const referral = this.referralsByVictim[bar.victim % Math.max(1, this.referralsByVictim.length)]?.find((r) => r.status === 'accepted');
      const caseId = referral && this.facts.accepted.get(referral.id)?.caseId;
      const row = caseId ? this.facts.cases.get(caseId) : undefined;
      if (!row) continue;
      let agencyId: string | null = null;
      let email: string | null = null;
      if ('agency' in bar.target) agencyId = this.agency(bar.target.agency).id;
      else if ('mailbox' in bar.target) email = this.agency(bar.target.mailbox).mailbox;
      else email = this.resolve(bar.target.email).email;
      if (!agencyId && !email) continue;
      const coordinator = this.coordinatorWho([row.areaId], (o, viewer) => !o.barredFromCase(viewer, row.id) && viewer.parties.every((p) => p.agencyId !== agencyId && p.email?.toLowerCase() !== email?.toLowerCase()));
      if (!coordinator) continue;
      const name = this.mint.word();
      this.facts.addToken(name, { kind: 'case', caseId: row.id });
      const response = await this.call(coordinator, 'POST', `/api/cases/${row.id}/bars`, { name, agencyId, email, reason: 'Known to pass information on' });
      if (this.expect(response, [201], 'recording a bar')) this.facts.coordinatorBars.push({ caseId: row.id, agencyId, email, step: this.facts.step });
    }
  }

  // ---- Meetings ----------------------------------------------------------------------------------

  private caseToken(caseId: string, text: (word: string) => string): string {
    const word = this.mint.word();
    this.facts.addToken(word, { kind: 'case', caseId } satisfies TokenOwner);
    return text(word);
  }

  private itemsOf(meetingId: string): { id: string; caseId: string }[] {
    return this.world.database.sqlite
      .prepare("select id, case_id as caseId from agenda_items where meeting_id = ? and status <> 'removed' order by position")
      .all(meetingId) as { id: string; caseId: string }[];
  }

  /** The area's coordinator or chair who may record this case (a bar can name them too). */
  private recorderFor(areaId: string, caseId: string, role: 'chair' | 'coordinator' | 'either' = 'either'): UserInfo | undefined {
    const oracle = this.oracle();
    const people = role === 'chair' ? this.chairs(areaId) : role === 'coordinator' ? this.coordinators(areaId) : [...this.chairs(areaId), ...this.coordinators(areaId)];
    return people.find((u) => !oracle.barredFromCase(this.facts.userViewer(u), caseId));
  }

  private async runMeeting(spec: MeetingSpec): Promise<void> {
    const areaId = this.area(spec.area);
    const coordinator = this.coordinators(areaId)[0] as UserInfo;
    const chair = this.chairs(areaId)[0] as UserInfo;
    const today = this.today();
    const created = await this.call(coordinator, 'POST', '/api/meetings', { areaId, kind: 'emergency', date: today, startTime: '09:00', referralCutoff: today });
    if (!this.expect(created, [201], 'arranging a meeting')) return;
    const meetingId = created.json<{ id: string }>().id;
    this.facts.meetings.set(meetingId, { id: meetingId, areaId });
    this.meetingWave.set(meetingId, spec.wave);
    const reached = (status: string) => (this.figures.meetings[status] = (this.figures.meetings[status] ?? 0) + 1);

    const generated = await this.call(coordinator, 'POST', `/api/meetings/${meetingId}/agenda/generate`, this.meetingVersion(meetingId));
    if (!this.expect(generated, [200], 'building an agenda')) return;
    const items = this.itemsOf(meetingId);
    if (spec.status === 'planned' || items.length === 0) {
      reached('planned');
      return;
    }

    // The agencies the agenda gives each case: every agency invited to the area's meetings, less any a bar names.
    const oracle = this.oracle();
    const invited = this.facts.agencies.filter((a) => a.invitedAreaIds.includes(areaId));
    const givenNow = items.flatMap((item) => invited.filter((a) => !oracle.caseBars(item.caseId).agencies.has(a.id)).map((a) => ({ caseId: item.caseId, agencyId: a.id })));
    const published = await this.call(coordinator, 'POST', `/api/meetings/${meetingId}/agenda/publish`, this.meetingVersion(meetingId));
    if (!this.expect(published, [200], 'publishing an agenda')) return;
    for (const g of givenNow) this.facts.given.push({ meetingId, ...g, step: this.facts.step });

    for (const g of givenNow) {
      const rep = this.reps(g.agencyId, areaId).find((u) => !this.oracle().barredFromCase(this.facts.userViewer(u), g.caseId));
      if (!rep) continue;
      const research = {
        version: this.version('research', 'meeting_id = ? and case_id = ? and agency_id = ?', meetingId, g.caseId, g.agencyId),
        knownToAgency: true,
        facts: this.caseToken(g.caseId, (w) => `Known to us: ${w}`),
        opinion: this.caseToken(g.caseId, (w) => `In our view ${w}`),
        risksIdentified: null,
        protectiveFactors: null,
        withheld: this.caseToken(g.caseId, (w) => `Held back: ${w}`),
        withheldReason: 'A live investigation',
        researchedBy: rep.label,
        submit: true,
      };
      const saved = await this.call(rep, 'PUT', `/api/meetings/${meetingId}/research/${g.caseId}`, research);
      this.expect(saved, [200], 'submitting research');
    }

    const attendees = this.users.filter((u) => ['coordinator', 'chair', 'agency_representative', 'observer'].includes(u.role) && u.areaIds.includes(areaId));
    const signed: UserInfo[] = [];
    for (const user of attendees) {
      const recorded = await this.call(coordinator, 'POST', `/api/meetings/${meetingId}/attendance`, { kind: user.role === 'observer' ? 'observer' : 'attendee', userId: user.id });
      if (!this.expect(recorded, [201], 'recording attendance')) continue;
      const sign = await this.call(user, 'POST', `/api/meetings/${meetingId}/confidentiality`, { statementVersion: CONFIDENTIALITY_STATEMENT_VERSION, accepted: true });
      if (this.expect(sign, [200], 'signing the confidentiality statement')) signed.push(user);
    }
    if (spec.status === 'agenda_published') {
      reached('agenda_published');
      return;
    }

    const started = await this.call(chair, 'POST', `/api/meetings/${meetingId}/status`, { status: 'in_progress', ...this.meetingVersion(meetingId) });
    if (!this.expect(started, [200], 'starting the meeting')) return;
    await this.follow(meetingId, signed);

    for (const [i, item] of items.entries()) {
      const recorder = this.recorderFor(areaId, item.caseId);
      if (!recorder) continue;
      const opened = await this.call(recorder, 'POST', `/api/meetings/${meetingId}/cases/${item.id}/open`);
      this.expect(opened, [204], 'opening a case at the meeting');
      const record = {
        revision: 0,
        riskAnalysis: { harms: this.caseToken(item.caseId, (w) => `Harms ${w}`), contributingFactors: null, protectiveFactors: this.caseToken(item.caseId, (w) => `Protective ${w}`) },
        outcome: this.caseToken(item.caseId, (w) => `Outcome ${w}`),
      };
      const saved = await this.call(recorder, 'PUT', `/api/meetings/${meetingId}/cases/${item.id}/record`, record);
      this.expect(saved, [200], 'recording a case');
      if (i >= spec.actionAgencies.length) continue;
      const bars = this.oracle().caseBars(item.caseId);
      const owner = [0, 1, 2, 3, 4].map((k) => this.agency((spec.actionAgencies[i] as number) + k)).find((a) => !bars.agencies.has(a.id) && !(a.mailbox && bars.emails.has(a.mailbox)));
      if (!owner) continue;
      const description = this.caseToken(item.caseId, (w) => `Safety plan ${w}`);
      const added = await this.call(recorder, 'POST', `/api/meetings/${meetingId}/cases/${item.id}/actions`, { agencyId: owner.id, description, dueDate: this.today(), category: 'victim_safety' });
      if (!this.expect(added, [201], 'agreeing an action')) continue;
      const action = added.json<{ actions: { id: string }[] }>().actions.at(-1);
      if (action) {
        this.facts.actions.push({ id: action.id, caseId: item.caseId, agencyId: owner.id, step: this.facts.step });
        this.actionMeeting.set(action.id, meetingId);
        this.figures.actions += 1;
      }
    }
    await this.reviewEarlierActions(meetingId, areaId, spec.wave);

    if (spec.status === 'in_progress') {
      reached('in_progress');
      return;
    }
    const minutes = await this.call(coordinator, 'POST', `/api/meetings/${meetingId}/minutes/generate`, this.minutesVersion(meetingId));
    if (!this.expect(minutes, [200], 'generating the minutes')) return;
    const summaries = items.filter((item) => !this.oracle().barredFromCase(this.facts.userViewer(coordinator), item.caseId));
    const edited = await this.call(coordinator, 'PUT', `/api/meetings/${meetingId}/minutes`, {
      ...this.minutesVersion(meetingId),
      notes: null,
      cases: summaries.map((item) => ({ itemId: item.id, summary: this.caseToken(item.caseId, (w) => `Summary ${w}`) })),
    });
    this.expect(edited, [200], 'writing case summaries');
    const signedOff = await this.call(chair, 'POST', `/api/meetings/${meetingId}/minutes/sign-off`, this.minutesVersion(meetingId));
    if (!this.expect(signedOff, [200], 'signing off the minutes')) return;
    const distributed = await this.call(coordinator, 'POST', `/api/meetings/${meetingId}/minutes/distribute`, this.minutesVersion(meetingId));
    this.expect(distributed, [200], 'distributing the minutes');
    if (spec.status === 'minuted') {
      reached('minuted');
      return;
    }
    const closed = await this.call(chair, 'POST', `/api/meetings/${meetingId}/status`, { status: 'closed', ...this.meetingVersion(meetingId) });
    if (this.expect(closed, [200], 'closing the meeting')) reached('closed');
  }

  /** Actions agreed at the area's earlier meetings come back for review: some completed, some carried forward. */
  private async reviewEarlierActions(meetingId: string, areaId: string, wave: number): Promise<void> {
    const earlier = this.facts.actions.filter((a) => {
      const at = this.actionMeeting.get(a.id);
      return at !== undefined && at !== meetingId && this.facts.meetings.get(at)?.areaId === areaId && (this.meetingWave.get(at) ?? wave) < wave;
    });
    for (const [i, action] of earlier.entries()) {
      const recorder = this.recorderFor(areaId, action.caseId);
      if (!recorder) continue;
      const reviewed = await this.call(recorder, 'POST', `/api/meetings/${meetingId}/reviews/${action.id}`, { outcome: i % 2 === 0 ? 'carried_forward' : 'completed', note: null });
      // 404: already closed at another meeting of the wave.
      this.expect(reviewed, [204, 404], 'reviewing an earlier action');
    }
  }

  private async reviewOutcomes(): Promise<void> {
    for (const row of this.facts.cases.values()) {
      const chair = this.recorderFor(row.areaId, row.id, 'chair');
      if (!chair) continue;
      const outcome = this.caseToken(row.id, (w) => `Reviewed: ${w}`);
      const response = await this.call(chair, 'POST', `/api/cases/${row.id}/outcome-reviews`, { outcome, closeInvolvement: false });
      this.expect(response, [201], 'recording an outcome review');
    }
  }

  // ---- Following meetings live -------------------------------------------------------------------

  /** Everyone who signed follows the meeting from its start, each on a session of their own. */
  private async follow(meetingId: string, signed: UserInfo[]): Promise<void> {
    await this.settle();
    for (const user of signed) {
      const agent = await signIn(this.world.app, user.email);
      const opened = await openStream(this.world.database, agent, user.id, `/api/meetings/${meetingId}/live`);
      if (opened.answered) {
        this.anomalies.push(`${user.label} signed the statement but could not follow meeting ${meetingId}: ${opened.answered.statusCode}`);
        continue;
      }
      this.streams.push({ agent, viewer: this.facts.userViewer(user), meetingId, openedAt: this.facts.step, opened });
    }
  }

  /** Ends every stream and judges each event at the step it was sent. */
  private async stopFollowing(): Promise<void> {
    await this.settle();
    const oracles = new Map<number, Oracle>();
    const oracleAt = (step: number) => oracles.get(step) ?? oracles.set(step, new Oracle(this.facts, step)).get(step) as Oracle;
    const connectedSeq = (step: number) => [...this.seqAtStep].reverse().find((s) => s.step <= step)?.seq ?? 0;
    for (const stream of this.streams.splice(0)) {
      const frames = parseFrames(await stream.opened.close());
      const caughtUp = connectedSeq(stream.openedAt);
      for (const frame of frames) {
        this.figures.liveFrames += 1;
        const caseId = frame.data['caseId'];
        if (typeof caseId !== 'string') continue;
        // Sent when it happened, or with the catch-up when the screen connected.
        const step = frame.seq <= caughtUp ? stream.openedAt : (this.seqAtStep.find((s) => s.seq >= frame.seq)?.step ?? this.facts.step);
        const oracle = oracleAt(step);
        const reference = this.facts.cases.get(caseId)?.reference ?? caseId;
        const context = { channel: 'live' as const, where: `GET /api/meetings/${stream.meetingId}/live event ${frame.seq} (${frame.event})`, route: '/api/meetings/:id/live', step, viewer: stream.viewer.label, found: `case id ${caseId}`, belongsTo: `case ${reference}`, caseId };
        if (oracle.barredFromCase(stream.viewer, caseId)) this.leaks.push({ ...context, reason: 'barred' });
        else if (!oracle.allowedAtMeeting(stream.viewer, caseId, stream.meetingId)) this.leaks.push({ ...context, reason: 'outside need-to-know' });
      }
    }
  }

  // ---- Daily jobs --------------------------------------------------------------------------------

  /** The daily jobs the server runs beside the API: the chase of open actions and research reminders. */
  private async runJobs(): Promise<void> {
    await this.settle();
    const now = this.world.clock.now();
    const today = this.today();
    this.facts.step += 1;
    transaction(this.world.database, (db) => {
      runActionReminders(db, today, now, PUBLIC_URL);
      queueResearchReminders(db, today, now, PUBLIC_URL);
    });
    await this.settle();
  }

  /** A week and a half on, actions are overdue and escalated: the chase runs once more. */
  private async runDailyJobs(): Promise<void> {
    this.world.clock.advanceMinutes(10 * 24 * 60);
    // The chase runs on working days only.
    while ([0, 6].includes(this.world.clock.now().getUTCDay())) this.world.clock.advanceMinutes(24 * 60);
    await this.runJobs();
  }
}

/** The parts of a referral (as the API answers with it) the builder reads. */
interface ReferralResponse {
  id: string;
  reference: string;
  caseId: string | null;
  caseReference: string | null;
  victim: { id: string; personId: string | null };
  perpetrators: { id: string; personId: string | null }[];
  householdMembers: { id: string; personId: string | null }[];
}
